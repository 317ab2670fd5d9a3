/**
 * dialog.html: the result of a ribbon click (feedback.ts). Plain DOM, no React: the dialog must open fast.
 *
 * Office.js must be initialized before `messageParent` or `addHandlerAsync` may be called
 * (dialog-api-in-office-add-ins.md: "To use the messageParent method, the dialog box must first initialize
 * the Office JavaScript API"; initialize-add-in.md: `Office.onReady` runs its callback at once when Office
 * is already initialized). So everything that talks to Office waits for `Office.onReady`: then the page
 * registers its DialogParentMessageReceived handler and, once that is registered, sends READY_MESSAGE;
 * the command runtime answers with the content (messageChild). A URL that carries the content itself
 * (where DialogApi 1.2 is missing) is shown at once. The close button appears with the content, after
 * onReady, and asks the runtime to close the dialog (messageParent).
 */
import { CLOSE_MESSAGE, READY_MESSAGE, feedbackFromText, feedbackFromUrl, type Feedback } from './feedback';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** Shows the feedback (null: nothing to show) with a close button that calls `close`. */
export function renderFeedback(root: HTMLElement, f: Feedback | null, close: () => void): void {
  root.replaceChildren();
  root.append(el('h1', f?.title ?? '绩效自评表校验'));
  root.append(el('p', f?.summary ?? '没有可显示的结果。', 'summary'));
  if (f?.lines.length) {
    const list = el('ul');
    for (const line of f.lines) list.append(el('li', line));
    root.append(list);
  }
  if (f && f.more > 0) root.append(el('p', `另有 ${f.more} 条，请打开面板查看全部。`, 'more'));
  const button = el('button', '关闭');
  button.type = 'button';
  button.addEventListener('click', close);
  root.append(button);
}

/**
 * Starts the page: waits for Office.onReady, then shows the URL's content or asks the runtime for it.
 * Without Office (the page opened on its own) it shows what its URL holds.
 */
export async function startDialog(root: HTMLElement, href: string): Promise<void> {
  const fromUrl = feedbackFromUrl(href);
  if (typeof Office === 'undefined' || !Office.onReady) {
    renderFeedback(root, fromUrl, () => window.close());
    return;
  }
  root.replaceChildren(el('p', '正在载入校验结果…', 'summary'));
  await Office.onReady();
  const ui = Office.context.ui;
  const close = () => ui.messageParent(CLOSE_MESSAGE);
  if (fromUrl) {
    renderFeedback(root, fromUrl, close);
    return;
  }
  const origin = new URL(href).origin;
  ui.addHandlerAsync(
    Office.EventType.DialogParentMessageReceived,
    (arg: { message: string; origin?: string }) => {
      // Only our own runtime's message (dialog-api-in-office-add-ins.md: check arg.origin).
      if (arg.origin !== undefined && arg.origin !== origin) return;
      renderFeedback(root, feedbackFromText(arg.message), close);
    },
    (result: Office.AsyncResult<void>) => {
      if (result.status === Office.AsyncResultStatus.Failed) renderFeedback(root, null, close);
      else ui.messageParent(READY_MESSAGE);
    },
  );
}

const root = typeof document !== 'undefined' ? document.getElementById('root') : null;
if (root) void startDialog(root, location.href);
