/**
 * A second run over a sheet that a 填报 run already filled: the computed values we wrote must read as
 * empty (they are ours, not the user's), so the check asks for them again and applyMarks keeps them —
 * with no 清除标记 first, in the pane and in the ribbon command alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { SheetView, parseA1, type SheetModel } from '../../../src/core/sheet';
import type { SheetCheck } from '../../../src/core/result';
import { COMPUTED_FILL } from '../../../src/core/marks';
import { fixtureSheets } from '../../loadFixture';
import { FakeWorkbook, type FakeSheet } from './fakeExcel';
import { stackForms, writeForm } from './forms';
import { checkOfForms, fakeSheetOf, recordIn, cellSyncs } from './helpers';

const PREFIX = '【绩效自评校验】';
let akto: SheetModel;

beforeAll(async () => {
  // Seed 001: every 得分, 执行率 and its 得分 empty. Two scores typed here so 总分 and 自评等级 are
  // computed too: 22 empty cells of every kind the core fills.
  [akto] = await fixtureSheets('akto-empty-scores.xlsx');
});

function setup(api = '1.20') {
  const wb = new FakeWorkbook('desktop', api);
  const ws = fakeSheetOf(wb, akto, '表1');
  ws.put('H33', 5).put('H34', 5);
  const env = wb.env();
  return { wb, ws, env, host: new ExcelHost(env) };
}

/** One run as the ribbon command and the pane do it: read, check, mark. */
async function run(host: ExcelHost, name = '表1'): Promise<{ model: SheetModel; result: SheetCheck }> {
  const model = await host.readSheet(name);
  const result = check(model, MOF);
  await host.applyMarks([result], 'fill');
  return { model, result };
}

function ourNoteCells(ws: FakeSheet): string[] {
  return [...ws.notes.entries()].filter(([, n]) => n.content.startsWith(PREFIX)).map(([c]) => c).sort();
}

describe('a second run over computed values we wrote', () => {
  it('the filled cells read as empty, the second check fills them again: one set of marks, one entry per cell', async () => {
    const { wb, ws, env, host } = setup();
    const before = ws.snapshot();
    const first = await run(host);
    const fills = first.result.fills;
    expect(fills.map((f) => f.cell)).toEqual(expect.arrayContaining(['H7', 'I7', 'H14', 'H36', 'J36']));
    expect(fills.length).toBeGreaterThanOrEqual(22);
    for (const f of fills) {
      expect(ws.value(f.cell)).toBe(f.value);
      expect(ws.fill(f.cell)?.color).toBe(`#${COMPUTED_FILL}`);
    }
    expect(ws.cell('H7')?.format).toBe('0.00%');
    const once = ws.snapshot();
    const recordOnce = recordIn(wb);
    const notesOnce = new Map([...ws.notes].map(([c, n]) => [c, n.content]));

    // Read again: exactly the model the user's sheet gave before the run.
    const again = await host.readSheet('表1');
    expect(again).toEqual(first.model);
    const v = new SheetView(again);
    for (const f of fills) {
      const { row, col } = parseA1(f.cell);
      expect(v.isEmpty(row, col), f.cell).toBe(true);
      // Empty, or outside the used range altogether (J36: column J holds no other value).
      expect(again.values[row - again.top]?.[col - again.left] ?? null, f.cell).toBeNull();
      expect(again.texts?.[row - again.top]?.[col - again.left] ?? null, f.cell).toBeNull();
    }

    // Check again, mark again: the same values, one set of marks.
    const second = check(again, MOF);
    expect(second.fills).toEqual(fills);
    const summary = await host.applyMarks([second], 'fill');
    expect(summary.filled).toBe(fills.length);
    expect(ws.snapshot()).toBe(once);
    const record = recordIn(wb);
    expect(record).toEqual(recordOnce);
    expect(new Set(record.map((e) => e.cell)).size).toBe(record.length); // one entry per cell
    for (const f of fills) expect(record.find((e) => e.cell === f.cell)?.value).toBe(f.value);
    // Notes: the same text, not one line more.
    expect(new Map([...ws.notes].map(([c, n]) => [c, n.content]))).toEqual(notesOnce);
    for (const [, n] of ws.notes) expect(n.content.match(/已自动填入/g)?.length ?? 0).toBeLessThanOrEqual(1);

    // And clearing still gives back the user's sheet.
    await host.clearMarks();
    expect(ws.snapshot()).toBe(before);
  });

  it('an input changed between the runs: the new computed values replace ours', async () => {
    const { wb, ws, env, host } = setup();
    const first = await run(host);
    const rate = first.result.fills.find((f) => f.cell === 'H7')!;
    expect(rate.value).toBe(1);

    ws.put('F7', 172.845); // 全年执行数: 90 % of 192.05
    const second = await run(host);
    const rate2 = second.result.fills.find((f) => f.cell === 'H7')!;
    expect(rate2.value).toBeCloseTo(0.9, 10);
    expect(ws.value('H7')).toBe(rate2.value);
    const score2 = second.result.fills.find((f) => f.cell === 'I7')!;
    expect(ws.value('I7')).toBe(score2.value);
    expect(score2.value).not.toBe(first.result.fills.find((f) => f.cell === 'I7')!.value);
    const record = recordIn(wb);
    expect(new Set(record.map((e) => e.cell)).size).toBe(record.length);
    expect(record.find((e) => e.cell === 'H7')?.value).toBe(rate2.value);
    expect(ourNoteCells(ws)).toEqual([...new Set(record.filter((e) => e.note).map((e) => e.cell))].sort());
  });

  it('a value the user typed over ours is the user’s: read as typed, never overwritten, not removed by clear', async () => {
    const { wb, ws, env, host } = setup();
    await run(host);
    ws.put('H14', 1.5); // our computed 2, overwritten
    ws.put('H7', 1); // typed the very value we wrote, but as …
    ws.put('H15', '2'); // … text: not the number we wrote
    ws.putFormula('H16', '=G16/5', 1); // a formula giving the very value we wrote (1)

    const second = await run(host);
    const v = new SheetView(second.model);
    expect(v.value(13, 7)).toBe(1.5);
    expect(v.value(14, 7)).toBe('2');
    expect(v.value(15, 7)).toBe(1);
    expect(v.formula(15, 7)).toBe('=G16/5');
    expect(second.result.fills.map((f) => f.cell)).not.toContain('H14');
    expect(second.result.fills.map((f) => f.cell)).not.toContain('H15');
    expect(ws.value('H14')).toBe(1.5);
    expect(ws.value('H15')).toBe('2');
    expect(ws.cell('H16')?.formula).toBe('=G16/5');
    const record = recordIn(wb);
    expect(record.find((e) => e.cell === 'H14')?.value).toBeUndefined();
    expect(record.find((e) => e.cell === 'H15')?.value).toBeUndefined();

    // A third run changes nothing of the user's either.
    await run(host);
    expect(ws.value('H14')).toBe(1.5);
    expect(ws.value('H15')).toBe('2');

    await host.clearMarks();
    expect(ws.value('H14')).toBe(1.5);
    expect(ws.value('H15')).toBe('2');
    expect(ws.cell('H16')).toMatchObject({ formula: '=G16/5', value: 1 });
    expect(ourNoteCells(ws)).toEqual([]);
  });

  it('审核 after 填报: our values read as empty, so review marks them as missing and takes them off', async () => {
    const { ws, host } = setup();
    const before = ws.snapshot();
    const first = await run(host);
    const model = await host.readSheet('表1');
    expect(model).toEqual(first.model);
    await host.applyMarks([check(model, MOF)], 'review');
    for (const f of first.result.fills) expect(ws.value(f.cell), f.cell).toBeUndefined();
    await host.clearMarks();
    expect(ws.snapshot()).toBe(before);
  });

  it('a value the user typed between the read and applyMarks is not overwritten (re-read inside the write sync)', async () => {
    const { wb, ws, env, host } = setup();
    const before = ws.snapshot();
    const model = await host.readSheet('表1');
    const result = check(model, MOF);
    expect(result.fills.map((f) => f.cell)).toContain('H14');
    ws.put('H14', 1.5); // typed while the check ran
    const from = wb.syncs.length;
    const summary = await host.applyMarks([result], 'fill');
    expect(cellSyncs(wb.since(from)).map((s) => s.writes > 0)).toEqual([true, true]); // the write, then the repair
    expect(ws.value('H14')).toBe(1.5);
    expect(summary.filled).toBe(result.fills.length - 1);
    expect(recordIn(wb).find((e) => e.cell === 'H14')?.value).toBeUndefined();
    // Clearing leaves the sheet as the user made it: their 1.5, nothing of ours.
    await host.clearMarks();
    const typed = setup().ws.put('H14', 1.5);
    expect(ws.snapshot() === typed.snapshot()).toBe(true);
    expect(ws.snapshot() === before).toBe(false);
  });

  it('typed over our value between the read and a re-run that has nothing to write: kept; the next run unmarks it', async () => {
    const { wb, ws, host } = setup();
    await run(host);
    const model = await host.readSheet('表1');
    const result = check(model, MOF);
    ws.put('H14', 1.5); // over our computed 2, while the check ran
    const from = wb.syncs.length;
    await host.applyMarks([result], 'fill');
    expect(wb.since(from)).toEqual([]); // everything else in place: no sync, so nothing written over it
    expect(ws.value('H14')).toBe(1.5);

    // The next run sees 1.5 as the user's and takes our mark off it: as if typed before any run.
    await run(host);
    const fresh = setup();
    await run(fresh.host);
    fresh.ws.put('H14', 1.5);
    await run(fresh.host);
    expect(ws.snapshot()).toBe(fresh.ws.snapshot());
  });

  it('a sheet whose only value in a column is ours: the column is not part of the read (as before the fill)', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    const ws = wb.addSheet('表1');
    const f = writeForm(ws, 1); // column J holds no value: the used range is A:I
    const host = new ExcelHost(wb.env());
    const first = await run(host);
    expect(first.model.values[0]).toHaveLength(9);
    expect(first.result.fills.map((x) => x.cell)).toContain(f.grade);
    expect(ws.value(f.grade)).toBe(first.result.fills.find((x) => x.cell === f.grade)!.value);

    const again = await host.readSheet('表1');
    expect(again).toEqual(first.model);
    const once = ws.snapshot();
    await host.applyMarks([check(again, MOF)], 'fill');
    expect(ws.snapshot()).toBe(once);
  });

  it('after reopening (a fresh host, the record from the file) the values still read as ours', async () => {
    const { wb, ws, host } = setup();
    const first = await run(host);
    const once = ws.snapshot();
    const reopened = new ExcelHost(wb.env());
    const again = await reopened.readSheet('表1');
    expect(again).toEqual(first.model);
    await reopened.applyMarks([check(again, MOF)], 'fill');
    expect(ws.snapshot()).toBe(once);
  });

  it('a renamed sheet: the record entries follow the sheet id', async () => {
    const { ws, host } = setup();
    const first = await run(host);
    const once = ws.snapshot();
    ws.name = '表1（修订）';
    const again = await host.readSheet('表1（修订）');
    expect(again).toEqual({ ...first.model, name: '表1（修订）' });
    await host.applyMarks([check(again, MOF)], 'fill');
    expect(ws.snapshot()).toBe(once.replace('"name":"表1"', '"name":"表1（修订）"'));
  });

  it('another sheet’s record does not hide this sheet’s values', async () => {
    const { wb, host } = setup();
    await run(host);
    const other = fakeSheetOf(wb, akto, '表2');
    other.put('H33', 5).put('H34', 5).put('H14', 2); // the value we wrote into 表1!H14, typed here
    const model = await host.readSheet('表2');
    expect(new SheetView(model).value(13, 7)).toBe(2);
  });

  it('1,000 stacked forms: the second read is the read and its record part, and shows our 2,000 values as empty', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    const ws = wb.addSheet('汇总');
    const forms = stackForms(ws, 1000);
    const host = new ExcelHost(wb.env());
    const first = await host.readSheet('汇总');
    await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
    expect(ws.value(forms[999].grade)).toBe('优');
    const once = ws.snapshot();

    const from = wb.syncs.length;
    const t = performance.now();
    const again = await host.readSheet('汇总');
    const ms = performance.now() - t;
    expect(wb.since(from)).toHaveLength(2); // the read (which lists the record part), the part
    expect(again).toEqual(first);
    const mid = wb.syncs.length;
    await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
    expect(wb.since(mid)).toEqual([]); // everything in place: no sync at all
    expect(ws.snapshot()).toBe(once);
    console.info(`1,000 forms, second read with 2,000 of our values: 2 syncs, ${ms.toFixed(0)} ms`);
  }, 120_000);
  it('sync counts: a run is 1 read, the record, 1 write; the second also reads its record part; none to write when nothing changed', async () => {
    const { wb, ws, host } = setup();
    const count = async () => {
      const from = wb.syncs.length;
      const model = await host.readSheet('表1');
      const read = wb.since(from).length;
      const mid = wb.syncs.length;
      await host.applyMarks([check(model, MOF)], 'fill');
      const apply = wb.since(mid);
      return { read, apply: apply.length, writes: apply.filter((s) => s.writes > 0).length };
    };
    const first = await count();
    expect(first).toEqual({ read: 1, apply: 2, writes: 2 });

    ws.put('F7', 172.845); // new computed values to write
    const second = await count();
    expect(second).toEqual({ ...first, read: 2 });

    // Nothing changed since: every mark and value in place, nothing to write, no sync.
    const third = await count();
    expect(third).toEqual({ read: 2, apply: 0, writes: 0 });
    console.info(`syncs per run: first ${first.read}+${first.apply}, second ${second.read}+${second.apply}, unchanged ${third.read}+${third.apply}`);
  });
});
