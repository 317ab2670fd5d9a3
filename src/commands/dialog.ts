/**
 * dialog.html: the result of a ribbon click (feedback.ts puts it in the URL). Plain DOM, no React: the
 * dialog must open fast. Its close button asks the command runtime to close it (messageParent).
 */
import { CLOSE_MESSAGE, feedbackFromUrl } from './feedback';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

export function renderFeedback(root: HTMLElement, href: string): void {
  const f = feedbackFromUrl(href);
  root.replaceChildren();
  root.append(el('h1', f?.title ?? '绩效自评表校验'));
  root.append(el('p', f?.summary ?? '没有可显示的结果。', 'summary'));
  if (f?.lines.length) {
    const list = el('ul');
    for (const line of f.lines) list.append(el('li', line));
    root.append(list);
  }
  if (f && f.more > 0) root.append(el('p', `另有 ${f.more} 条，请打开面板查看全部。`, 'more'));
  const close = el('button', '关闭');
  close.type = 'button';
  close.addEventListener('click', () => {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent(CLOSE_MESSAGE);
    else window.close();
  });
  root.append(close);
}

const root = typeof document !== 'undefined' ? document.getElementById('root') : null;
if (root) renderFeedback(root, location.href);
