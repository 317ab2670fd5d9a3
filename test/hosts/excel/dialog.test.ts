// @vitest-environment jsdom
/** dialog.html: what a ribbon click's dialog shows, and when it may talk to Office. */
import { afterEach, expect, it, vi } from 'vitest';
import { READY_MESSAGE, feedbackUrl, type Feedback } from '../../../src/commands/feedback';
import { renderFeedback, startDialog } from '../../../src/commands/dialog';
import { FakeDialogPage } from './fakeOffice';

afterEach(() => vi.unstubAllGlobals());

const FEEDBACK: Feedback = {
  title: '校验并计分',
  summary: '校验完成：1 张表，错误 2 个，警告 0 个，提示 0 个。',
  lines: ['错误 表1!H33 指标“提升员工办公效率”的得分（H33）为空', '错误 表1!H34 …'],
  more: 3,
};

const tick = () => new Promise((r) => setTimeout(r, 0));

it('waits for Office.onReady, says it is ready, shows what the runtime sends, and its button asks to close', async () => {
  const page = new FakeDialogPage();
  vi.stubGlobal('Office', page.global());
  const root = document.createElement('div');
  const started = startDialog(root, 'https://localhost:3000/dialog.html');
  await tick();
  // Before onReady nothing talks to Office (the fake throws if anything did).
  expect(page.sent).toEqual([]);
  expect(root.querySelector('button')).toBeNull();
  page.ready();
  await started;
  await tick();
  expect(page.sent).toEqual([READY_MESSAGE]);
  page.fromParent(JSON.stringify(FEEDBACK));
  expect(root.querySelector('h1')?.textContent).toBe('校验并计分');
  expect(root.textContent).toContain('错误 2 个');
  expect([...root.querySelectorAll('li')]).toHaveLength(2);
  expect(root.textContent).toContain('另有 3 条');
  root.querySelector('button')!.click();
  expect(page.sent).toEqual([READY_MESSAGE, 'close']);
});

it('ignores a message from another origin', async () => {
  const page = new FakeDialogPage();
  vi.stubGlobal('Office', page.global());
  const root = document.createElement('div');
  page.ready();
  await startDialog(root, 'https://localhost:3000/dialog.html');
  await tick();
  page.fromParent(JSON.stringify({ ...FEEDBACK, title: '别处' }), 'https://evil.example');
  expect(root.textContent).not.toContain('别处');
});

it('without DialogApi 1.2 the content rides in the URL, cut to a couple of lines', async () => {
  const page = new FakeDialogPage();
  vi.stubGlobal('Office', page.global());
  const long = { ...FEEDBACK, lines: Array.from({ length: 8 }, (_, i) => `错误 表1!H${i + 1} ${'很长的说明'.repeat(16)}`) };
  const url = feedbackUrl('https://localhost:3000/taskpane.html', long);
  expect(url.startsWith('https://localhost:3000/dialog.html?r=')).toBe(true);
  expect(url.length).toBeLessThan(2_500);
  const root = document.createElement('div');
  page.ready();
  await startDialog(root, url);
  expect([...root.querySelectorAll('li')]).toHaveLength(2);
  expect(root.textContent).toContain('另有 9 条');
  expect(page.sent).toEqual([]); // no handshake needed
});

it('a page without a result says so instead of failing', () => {
  const root = document.createElement('div');
  renderFeedback(root, null, () => undefined);
  expect(root.textContent).toContain('没有可显示的结果');
});
