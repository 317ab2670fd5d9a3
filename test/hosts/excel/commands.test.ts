/**
 * The ribbon command 校验并计分 (src/commands/commands.ts), the real handler, against the fake workbook:
 * `Office` and `Excel` are stubbed as globals that lead to it (what officeEnv() and the handler touch).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SheetModel } from '../../../src/core/sheet';
import { fixtureSheets } from '../../loadFixture';
import { FakeWorkbook, type FakeSheet } from './fakeExcel';
import { FakeOffice, fakeExcelGlobal, type FakeDialog } from './fakeOffice';
import { fakeSheetOf, recordIn } from './helpers';
import { stackForms } from './forms';
import { READY_MESSAGE, feedbackFromText, feedbackFromUrl, feedbackOf, type Feedback } from '../../../src/commands/feedback';

type Commands = typeof import('../../../src/commands/commands');
type LastRun = typeof import('../../../src/commands/lastRun');

let akto: SheetModel;
beforeAll(async () => {
  [akto] = await fixtureSheets('akto-empty-scores.xlsx');
});

interface Session {
  commands: Commands;
  lastRun: LastRun;
  office: FakeOffice;
  settings: FakeOffice['settings'];
}

/** Opens the document in a fresh shared runtime: new globals, new module instances (a new ExcelHost). */
async function open(wb: FakeWorkbook): Promise<Session> {
  vi.resetModules();
  const office = new FakeOffice(wb);
  vi.stubGlobal('Office', office.global());
  vi.stubGlobal('Excel', fakeExcelGlobal(wb));
  office.ready();
  const commands = await import('../../../src/commands/commands');
  const lastRun = await import('../../../src/commands/lastRun');
  return { commands, lastRun, office, settings: office.settings };
}

/** A click on a ribbon button, as office.js dispatches it; fails the test unless the function completed. */
async function click(s: Session, name: 'checkAndScore' | 'clearMarks'): Promise<void> {
  const c = s.office.click(name);
  await c.done;
  expect(c.error).toBeNull();
  expect(c.completed).toBe(true);
  // The dialog opens after event.completed(), from a callback.
  await new Promise((r) => setTimeout(r, 0));
}

/** What the dialog page shows: it says it is ready, the runtime answers with messageChild (or the URL holds it). */
function shown(d: FakeDialog): Feedback | null {
  const inUrl = feedbackFromUrl(d.url);
  if (inUrl) return inUrl;
  d.send(READY_MESSAGE);
  return d.received.length ? feedbackFromText(d.received[d.received.length - 1]) : null;
}

async function checkAndScore(s: Session): Promise<void> {
  await click(s, 'checkAndScore');
  const run = s.lastRun.lastRun();
  if (run?.kind === 'failed') throw new Error(run.message);
}

function setup(): { wb: FakeWorkbook; ws: FakeSheet } {
  const wb = new FakeWorkbook('desktop', '1.20');
  const ws = fakeSheetOf(wb, akto, '表1');
  ws.put('H33', 5).put('H34', 5);
  return { wb, ws };
}

describe('ribbon command 校验并计分', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => vi.unstubAllGlobals());

  it('run twice leaves the same sheet (values, marks, notes, record) as run once', async () => {
    const { wb, ws } = setup();
    const before = ws.snapshot();
    const s = await open(wb);

    let from = wb.syncs.length;
    await checkAndScore(s);
    const firstSyncs = wb.since(from);
    const first = s.lastRun.lastRun();
    expect(first?.kind).toBe('checked');
    if (first?.kind !== 'checked') return;
    expect(first.summary.filled).toBe(first.checks[0].fills.length);
    expect(first.summary.filled).toBeGreaterThanOrEqual(22);
    const once = ws.snapshot();
    expect(once).not.toBe(before);
    const recordOnce = recordIn(wb);
    for (const f of first.checks[0].fills) expect(ws.value(f.cell)).toBe(f.value);

    from = wb.syncs.length;
    await checkAndScore(s);
    const secondSyncs = wb.since(from);
    const second = s.lastRun.lastRun();
    expect(second?.kind).toBe('checked');
    if (second?.kind !== 'checked') return;
    expect(second.checks[0].fills).toEqual(first.checks[0].fills);
    expect(second.summary).toEqual(first.summary);
    expect(ws.snapshot()).toBe(once);
    expect(recordIn(wb)).toEqual(recordOnce);
    // The second run's dialog replaced the first's, though close() is asynchronous (12007 until it is gone).
    await s.office.dialogsOpened(2);
    expect(s.office.dialogs.map((d) => d.closed)).toEqual([true, false]);
    expect(s.office.dialogFailures.every((c) => c === 12007)).toBe(true);

    // 1 read, the record, 1 write the first time (the read brought the fills, notes and protection the
    // write needs; the record is saved on its own, outside the undo group); the second run finds
    // everything in place and writes nothing: the read and its record part (listed, then read).
    expect(firstSyncs.map((x) => x.writes > 0)).toEqual([false, true, true]);
    expect(firstSyncs.map((x) => x.undoGroup)).toEqual([false, false, true]);
    expect(secondSyncs.map((x) => x.writes > 0)).toEqual([false, false]);
    console.info(`ribbon 校验并计分: first run ${firstSyncs.length} syncs, second ${secondSyncs.length}`);

    // 清除标记 gives back the user's sheet.
    await click(s, 'clearMarks');
    expect(ws.snapshot()).toBe(before);
  });

  it('one sheet of 1,000 stacked forms: ONE read sync and ONE write sync; a second run, the read alone', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    const ws = wb.addSheet('汇总');
    stackForms(ws, 1000);
    const before = ws.snapshot();
    const s = await open(wb);

    let from = wb.syncs.length;
    await checkAndScore(s);
    const first = wb.since(from);
    const run = s.lastRun.lastRun();
    if (run?.kind !== 'checked') throw new Error('not checked');
    expect(run.checks[0].forms).toHaveLength(1000);
    expect(run.summary.marked).toBe(2000);
    expect(run.summary.filled).toBe(1000); // 自评等级 in column J, right of the used range
    expect(first.map((x) => x.writes > 0)).toEqual([false, true, true]); // read, record, cells
    expect(first[2].undoGroup).toBe(true);
    const once = ws.snapshot();

    from = wb.syncs.length;
    await checkAndScore(s);
    const second = wb.since(from);
    expect(second.map((x) => x.writes > 0)).toEqual([false, false]); // the read, its record part
    expect(ws.snapshot()).toBe(once);
    console.info(
      `ribbon 校验并计分, 1,000 forms: first run ${first.length} syncs ` +
        `(read ${(first[0].responseBytes / 1e6).toFixed(1)} MB, write ${(first[2].requestBytes / 1e6).toFixed(1)} MB), second ${second.length}`,
    );

    await click(s, 'clearMarks');
    expect(ws.snapshot()).toBe(before);
  }, 120_000);

  it('run again after the workbook was closed and reopened: the same sheet', async () => {
    const { wb, ws } = setup();
    await checkAndScore(await open(wb));
    const once = ws.snapshot();
    const s = await open(wb); // settings (the record) loaded from the file, nothing in memory
    await checkAndScore(s);
    expect(ws.snapshot()).toBe(once);
  });

  it('an input changed between two runs: the new computed values, one set of marks', async () => {
    const { wb, ws } = setup();
    const s = await open(wb);
    await checkAndScore(s);
    ws.put('F7', 172.845); // 全年执行数: 90 %
    const from = wb.syncs.length;
    await checkAndScore(s);
    expect(wb.since(from).map((x) => x.writes > 0)).toEqual([false, false, true, true]); // read, its record, the record, write
    const run = s.lastRun.lastRun();
    if (run?.kind !== 'checked') throw new Error('not checked');
    for (const f of run.checks[0].fills) expect(ws.value(f.cell)).toBe(f.value);
    expect(ws.value('H7')).toBeCloseTo(0.9, 10);

    // Same as one run on the changed sheet from scratch.
    const fresh = setup();
    fresh.ws.put('F7', 172.845);
    await checkAndScore(await open(fresh.wb));
    expect(ws.snapshot()).toBe(fresh.ws.snapshot());
  });

  it('honours the scope and mode saved by the pane: 全部工作表 checks every sheet in one write, 审核 fills nothing', async () => {
    const { wb, ws } = setup();
    const other = fakeSheetOf(wb, akto, '表2');
    const before1 = ws.value('H14');
    const s = await open(wb);
    s.settings.set('scope', 'all');
    s.settings.set('mode', 'review');
    await checkAndScore(s);
    const run = s.lastRun.lastRun();
    if (run?.kind !== 'checked') throw new Error('no run');
    expect(run.checks.map((c) => c.sheet)).toEqual(['表1', '表2']);
    expect(run.mode).toBe('review');
    expect(run.summary.filled).toBe(0);
    expect(ws.value('H14')).toBe(before1);
    expect(other.value('H14')).toBe(before1);
    expect(run.summary.marked).toBeGreaterThan(0);
  });

  it('the result reaches the user where showAsTaskpane is ignored: a dialog with the summary and the errors; the pane gets the same run', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    fakeSheetOf(wb, akto, '表1'); // H33, H34 empty: two SCORE_MISSING errors
    const s = await open(wb);
    await checkAndScore(s);
    expect(s.office.showAsTaskpaneCalls).toBe(0); // nothing awaits what store installs ignore
    const [dialog] = await s.office.dialogsOpened(1);
    expect(s.office.dialogs).toHaveLength(1);
    // The content goes by messageChild once the page is ready, not in the URL (parent-to-dialog.md).
    expect(dialog.url).toBe('https://localhost/dialog.html');
    const content = shown(dialog);
    const run = s.lastRun.lastRun();
    if (run?.kind !== 'checked' || !content) throw new Error('no run or no dialog');
    expect(content).toEqual(feedbackOf(run));
    expect(content.summary).toContain('错误 2 个');
    expect(content.lines.filter((l) => l.startsWith('错误'))).toEqual([
      expect.stringContaining('表1!H33'),
      expect.stringContaining('表1!H34'),
    ]);

    // The dialog's close button closes it (close() is asynchronous).
    s.office.dialogs[0].send('close');
    expect(s.office.dialogs[0].closing).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(s.office.dialogs[0].closed).toBe(true);
  });

  it('where DialogApi 1.2 is missing the URL carries a short version', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    fakeSheetOf(wb, akto, '表1');
    const s = await open(wb);
    s.office.dialogApi = '1.1';
    await checkAndScore(s);
    const [dialog] = await s.office.dialogsOpened(1);
    const content = feedbackFromUrl(dialog.url);
    expect(content?.summary).toContain('错误 2 个');
    expect(dialog.url.length).toBeLessThan(2_500);
  });

  it.each([12009, 12011])('no dialog (%i): the pane is asked for and the first error cell is selected', async (code) => {
    const wb = new FakeWorkbook('desktop', '1.20');
    fakeSheetOf(wb, akto, '表1');
    wb.addSheet('别的表');
    const s = await open(wb);
    s.office.failDialogs = [code];
    await checkAndScore(s);
    for (let i = 0; i < 100 && !wb.selection; i++) await new Promise((r) => setTimeout(r, 5));
    expect(s.office.dialogFailures).toEqual([code]);
    expect(s.office.dialogs).toHaveLength(0);
    expect(s.office.showAsTaskpaneCalls).toBe(1);
    expect(wb.selection).toEqual({ sheet: '表1', address: 'H33' });
    expect(wb.activeName).toBe('表1');
  });

  it('a failure is shown in the dialog too, and the click still completes', async () => {
    const { wb, ws } = setup();
    ws.protected = true;
    const s = await open(wb);
    await click(s, 'checkAndScore');
    const run = s.lastRun.lastRun();
    expect(run?.kind).toBe('failed');
    const [dialog] = await s.office.dialogsOpened(1);
    const content = shown(dialog);
    expect(content?.title).toBe('校验未完成');
    expect(content?.summary).toContain('受保护');
  });

  it('全部工作表 does not check our own report sheet 校验报告', async () => {
    const { wb } = setup();
    const report = wb.addSheet('校验报告');
    report.put('A1', '工作表').put('B1', '表单');
    const before = report.snapshot();
    const s = await open(wb);
    s.settings.set('scope', 'all');
    await checkAndScore(s);
    const run = s.lastRun.lastRun();
    if (run?.kind !== 'checked') throw new Error('no run');
    expect(run.checks.map((c) => c.sheet)).toEqual(['表1']);
    expect(report.snapshot()).toBe(before);
  });
});
