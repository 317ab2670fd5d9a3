// @vitest-environment jsdom
/**
 * The first ribbon click: office.js looks the function up the moment the button is clicked, which may be
 * the moment Office.onReady resolves (office-js #5176). The page's entry (src/taskpane/index.tsx, what
 * taskpane.html runs in the shared runtime) must have associated the functions by then — before its host
 * probe and its lazy chunks.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { FakeWorkbook } from './fakeExcel';
import { FakeOffice, fakeExcelGlobal } from './fakeOffice';
import { writeForm } from './forms';

afterEach(() => vi.unstubAllGlobals());

it('a click dispatched the moment Office.onReady resolves runs 校验并计分 and completes', async () => {
  vi.resetModules();
  const wb = new FakeWorkbook('desktop', '1.20');
  writeForm(wb.addSheet('表1'), 1);
  const office = new FakeOffice(wb);
  vi.stubGlobal('Office', office.global());
  vi.stubGlobal('Excel', fakeExcelGlobal(wb));
  // No #root: the pane itself is not rendered here, only the entry's module evaluated, as in the hidden
  // shared runtime before the pane is shown.
  document.body.innerHTML = '';

  await import('../../../src/taskpane/index');
  office.ready();
  const c = office.click('checkAndScore'); // same tick: no lazy import has settled yet
  expect(c.error).toBeNull();
  await c.done;
  expect(c.completed).toBe(true);
  const { lastRun } = await import('../../../src/commands/lastRun');
  expect(lastRun()?.kind).toBe('checked');
  expect(wb.sheet('表1').snapshot()).toContain('#FFC7CE'); // the marks are on the sheet

  const clear = office.click('clearMarks');
  expect(clear.error).toBeNull();
  await clear.done;
  expect(clear.completed).toBe(true);
});
