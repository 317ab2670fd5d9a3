/**
 * Undo as Excel documents it (excel-add-ins-undo-capabilities.md) and as office-js#6415 / #4484 report it
 * for custom XML parts: one Ctrl+Z takes one run's marks and values off, the mark record stays out of the
 * undo group, and an UndoNotSupported inside the group is handled (fakeExcel.ts models all three).
 */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { FakeWorkbook } from './fakeExcel';
import { writeForm } from './forms';
import { checkOfForms, recordIn } from './helpers';

function setup() {
  const wb = new FakeWorkbook('desktop', '1.20');
  wb.trackUndo = true;
  const ws = wb.addSheet('表1');
  const f = writeForm(ws, 1);
  return { wb, ws, f, host: new ExcelHost(wb.env()) };
}

describe('undo', () => {
  it('one Ctrl+Z takes the whole run off the cells (fills, notes, values, names); the record is saved outside the group', async () => {
    const { wb, ws, f, host } = setup();
    const before = ws.snapshot();
    await host.readSheet('表1');
    const from = wb.syncs.length;
    const summary = await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    expect(summary.marked + summary.filled).toBeGreaterThan(2);
    const syncs = wb.since(from);
    // The record's sync first, on its own and outside the group; then the cells in the group.
    expect(syncs.map((x) => [Object.keys(x.writesTo), x.undoGroup])).toEqual([
      [['CustomXmlPart'], false],
      [expect.not.arrayContaining(['CustomXmlPart']), true],
    ]);
    expect(ws.snapshot()).not.toBe(before);
    expect(wb.allNames().length).toBeGreaterThan(0);

    expect(wb.undo()).toBe(true); // Ctrl+Z
    expect(ws.snapshot()).toBe(before);
    expect(wb.allNames()).toEqual([]);
    expect(recordIn(wb).length).toBeGreaterThan(0); // the record is not undone …

    // … and does no harm: the next clear checks each cell, finds none of ours, touches nothing.
    await new ExcelHost(wb.env()).clearMarks();
    expect(ws.snapshot()).toBe(before);
    expect(recordIn(wb)).toEqual([]);
  });

  it('a second run is one more Ctrl+Z: undoing it brings back the first run’s marks and values', async () => {
    const { wb, ws, f, host } = setup();
    await host.readSheet('表1');
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    const once = ws.snapshot();
    await host.readSheet('表1');
    await host.applyMarks([checkOfForms('表1', [f])], 'review'); // 审核: our values come off
    expect(ws.snapshot()).not.toBe(once);
    wb.undo();
    expect(ws.snapshot()).toBe(once);
  });

  it('an API without undo support inside the group (UndoNotSupported): rolled back, written again without the group', async () => {
    const { wb, ws, f, host } = setup();
    wb.undoUnsupported = ['Note'];
    await host.readSheet('表1');
    const from = wb.syncs.length;
    const summary = await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    const syncs = wb.since(from);
    expect(syncs.some((x) => x.failed === 'UndoNotSupported')).toBe(true);
    expect(syncs.at(-1)!.undoGroup).toBe(false);
    expect(summary.marked).toBe(2);
    expect(ws.notes.size).toBeGreaterThan(0);
    expect(ws.fill(f.rate)).toBeDefined();
    // The next run does not try the group again in this session.
    const again = wb.syncs.length;
    await host.applyMarks([checkOfForms('表1', [f])], 'review');
    expect(wb.since(again).some((x) => x.undoGroup)).toBe(false);
  });
});
