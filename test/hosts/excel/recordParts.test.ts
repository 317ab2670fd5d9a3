/**
 * The mark record in one Custom XML Part per sheet (recordParts.ts): co-authors checking two sheets keep
 * both records, a workbook marked by the previous version (one settings value) is still cleared, and
 * reading the record rides along with the reads a check makes anyway.
 */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { RECORD_KEY, recordText } from '../../../src/hosts/sheetHost/record';
import { entriesOfXml, namespaceOf, partXml } from '../../../src/hosts/excel/recordParts';
import { FakeWorkbook, OfficeError } from './fakeExcel';
import { writeForm } from './forms';
import { parseA1 } from '../../../src/core/sheet';
import { checkOfForms, recordIn } from './helpers';

function twoSheets(api = '1.20') {
  const wb = new FakeWorkbook('desktop', api);
  const ws1 = wb.addSheet('表1');
  const ws2 = wb.addSheet('表2');
  const f1 = writeForm(ws1, 1);
  const f2 = writeForm(ws2, 1);
  return { wb, ws1, ws2, f1, f2, before: [ws1.snapshot(), ws2.snapshot()] };
}

describe('the mark record, one Custom XML Part per sheet', () => {
  it('two co-authors check two sheets at the same time: both records are kept, 清除标记 clears both', async () => {
    const { wb, ws1, ws2, f1, f2, before } = twoSheets();
    // Two sessions on one document (co-authoring): each loaded the settings when it started.
    const alice = new ExcelHost(wb.env());
    const bob = new ExcelHost(wb.env());
    const c1 = checkOfForms('表1', [f1]);
    const c2 = checkOfForms('表2', [f2]);
    await alice.readSheet('表1');
    await bob.readSheet('表2');
    await alice.applyMarks([c1], 'fill');
    await bob.applyMarks([c2], 'fill');

    // Each sheet has its part, named by the sheet's id; neither run touched the other's.
    expect(wb.xmlParts.map((p) => p.namespaceUri).sort()).toEqual([namespaceOf(ws1.id), namespaceOf(ws2.id)].sort());
    expect(new Set(recordIn(wb).map((e) => e.sheet))).toEqual(new Set(['表1', '表2']));
    expect(wb.persistedSettings[RECORD_KEY]).toBeUndefined();

    // Reopened by someone else: 清除标记 on every sheet gives both back.
    const carol = new ExcelHost(wb.env());
    expect(await carol.clearMarks()).toBeGreaterThan(0);
    expect([ws1.snapshot(), ws2.snapshot()]).toEqual(before);
    expect(wb.xmlParts).toHaveLength(0);
  });

  it('two co-authors mark the SAME sheet for the first time: two parts; the next read takes both, the next save keeps one', async () => {
    const { wb, ws1, f1, before } = twoSheets('1.17'); // no notes: both writes go through
    const alice = new ExcelHost(wb.env());
    const bob = new ExcelHost(wb.env());
    await alice.readSheet('表1');
    await bob.readSheet('表1');
    await alice.applyMarks([checkOfForms('表1', [f1])], 'fill');
    await bob.applyMarks([checkOfForms('表1', [f1])], 'fill');
    expect(wb.xmlParts).toHaveLength(2);

    const carol = new ExcelHost(wb.env());
    await carol.readSheet('表1');
    await carol.applyMarks([checkOfForms('表1', [f1])], 'fill');
    expect(wb.xmlParts).toHaveLength(1);
    await carol.clearMarks();
    expect(ws1.snapshot()).toBe(before[0]);
    expect(wb.xmlParts).toHaveLength(0);
  });

  it('a co-author’s write that fails on the same sheet takes back its own part, never the other’s', async () => {
    const { wb, ws1, f1, before } = twoSheets();
    const alice = new ExcelHost(wb.env());
    const bob = new ExcelHost(wb.env());
    await alice.readSheet('表1');
    await bob.readSheet('表1');
    await alice.applyMarks([checkOfForms('表1', [f1])], 'fill');
    const aliceRecord = recordIn(wb);
    // Bob's note lands where Alice's is now: his write fails and is rolled back, his part with it.
    const err = await bob.applyMarks([checkOfForms('表1', [f1])], 'fill').catch((e: unknown) => e);
    expect(String(err)).toContain('已撤回');
    expect(recordIn(wb)).toEqual(aliceRecord);
    await new ExcelHost(wb.env()).clearMarks();
    expect(ws1.snapshot()).toBe(before[0]);
  });

  it('a workbook marked by the previous version (the record in the settings) is cleared, and the settings value goes', async () => {
    const { wb, ws1, ws2, f1, f2, before } = twoSheets();
    await new ExcelHost(wb.env()).applyMarks([checkOfForms('表1', [f1]), checkOfForms('表2', [f2])], 'fill');
    // What the previous version left: the same entries, as one settings value, and no parts.
    const entries = recordIn(wb);
    wb.xmlParts.splice(0);
    wb.persistedSettings = { [RECORD_KEY]: recordText(entries) };

    // A re-check of 表1 moves its entries into its part (one set of marks, not two).
    const host = new ExcelHost(wb.env());
    await host.readSheet('表1');
    await host.applyMarks([checkOfForms('表1', [f1])], 'fill');
    expect(wb.xmlParts.map((p) => p.namespaceUri)).toEqual([namespaceOf(ws1.id)]);
    expect(recordIn(wb).map((e) => e.cell).sort()).toEqual(entries.filter((e) => e.sheet === '表1').map((e) => e.cell).sort());
    const legacy = JSON.parse(String(wb.persistedSettings[RECORD_KEY])) as { marks: unknown[][] };
    expect(legacy.marks.every((r) => r[1] === '表2')).toBe(true);

    // 清除标记, the workbook reopened: both sheets back, nothing left in the settings or the parts.
    expect(await new ExcelHost(wb.env()).clearMarks()).toBeGreaterThan(0);
    expect([ws1.snapshot(), ws2.snapshot()]).toEqual(before);
    expect(wb.persistedSettings[RECORD_KEY]).toBeUndefined();
    expect(wb.xmlParts).toHaveLength(0);
  });

  it('reading the record: the read lists the sheet’s parts; one more sync reads the part, only when there is one (list first, getItem(id).getXml() later, as Microsoft’s sample)', async () => {
    const { wb, ws1, f1 } = twoSheets();
    const host = new ExcelHost(wb.env());
    let from = wb.syncs.length;
    await host.readSheet(); // the active sheet, never read, no part anywhere: the list of parts says so
    expect(wb.since(from)).toHaveLength(1);
    await host.applyMarks([checkOfForms('表1', [f1])], 'fill');

    from = wb.syncs.length;
    await host.readSheet(); // the same session: the read lists the part, one sync reads it
    expect(wb.since(from)).toHaveLength(2);

    const reopened = new ExcelHost(wb.env());
    from = wb.syncs.length;
    const model = await reopened.readSheet();
    expect(wb.since(from)).toHaveLength(2); // the read tells the sheet has a part; the part
    // Our computed value reads as empty: the record was used.
    expect(ws1.value(f1.emptyScore)).toBe(10);
    const at = parseA1(f1.emptyScore);
    expect(model.values[at.row - model.top][at.col - model.left]).toBeNull();
    // Its notes were not asked in the read (the record came after it): applyMarks loads those cells
    // first (one sync), then finds everything in place and writes nothing.
    from = wb.syncs.length;
    await reopened.applyMarks([checkOfForms('表1', [f1])], 'fill');
    expect(wb.since(from).map((x) => x.writes > 0)).toEqual([false]);
  });

  it('the part: our entries as JSON in one element, read back with or without an XML declaration', () => {
    const entries = [{ sheetId: '{1}', sheet: '表<1>&', cell: 'H7', orig: { none: true as const }, painted: '#FFC7CE', note: true, value: '优' }];
    const xml = partXml('{1}', entries);
    expect(xml.startsWith(`<marks xmlns="${namespaceOf('{1}')}">`)).toBe(true);
    expect(entriesOfXml(xml)).toEqual(entries);
    expect(entriesOfXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`)).toEqual(entries);
  });
});

describe('the fake’s custom XML parts behave as the Excel reference documents them', () => {
  it('getXml() is a ClientResult read after the sync; parts belong to the workbook, found by exact namespace', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    wb.addSheet('表1');
    await wb.run({}, async (context) => {
      const parts = context.workbook.customXmlParts;
      const added = parts.add('<a xmlns="urn:x:1">one</a>');
      added.load('id');
      const xml = added.getXml();
      expect(() => xml.value).toThrow(OfficeError);
      expect(() => added.id).toThrow(OfficeError);
      await context.sync();
      expect(xml.value).toBe('<a xmlns="urn:x:1">one</a>');
      const none = parts.getByNamespace('urn:x').getOnlyItemOrNullObject(); // no prefix match
      const one = parts.getByNamespace('urn:x:1');
      one.load('items/id');
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(one.items.map((p) => p.id)).toEqual([added.id]);
      parts.add('not xml');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(wb.xmlParts).toHaveLength(1);
  });
});
