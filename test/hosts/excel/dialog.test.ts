// @vitest-environment jsdom
/** dialog.html: what a ribbon click's dialog shows, from its URL alone, and its close button. */
import { afterEach, expect, it, vi } from 'vitest';
import { feedbackUrl } from '../../../src/commands/feedback';
import { renderFeedback } from '../../../src/commands/dialog';

afterEach(() => vi.unstubAllGlobals());

it('shows the summary and the findings, and asks the runtime to close it', () => {
  const sent: string[] = [];
  vi.stubGlobal('Office', { context: { ui: { messageParent: (m: string) => sent.push(m) } } });
  const url = feedbackUrl('https://localhost:3000/taskpane.html', {
    title: '校验并计分',
    summary: '校验完成：1 张表，错误 2 个，警告 0 个，提示 0 个。',
    lines: ['错误 表1!H33 指标“提升员工办公效率”的得分（H33）为空', '错误 表1!H34 …'],
    more: 3,
  });
  expect(url.startsWith('https://localhost:3000/dialog.html?r=')).toBe(true);
  const root = document.createElement('div');
  renderFeedback(root, url);
  expect(root.querySelector('h1')?.textContent).toBe('校验并计分');
  expect(root.textContent).toContain('错误 2 个');
  expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toHaveLength(2);
  expect(root.textContent).toContain('另有 3 条');
  root.querySelector('button')!.click();
  expect(sent).toEqual(['close']);
});

it('a URL without a result says so instead of failing', () => {
  const root = document.createElement('div');
  renderFeedback(root, 'https://localhost:3000/dialog.html');
  expect(root.textContent).toContain('没有可显示的结果');
});
