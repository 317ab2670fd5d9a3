/**
 * The same fixture corpus through the WPS host (on the fake ET) and the Excel host (on the fake Office.js
 * workbook): the same sheet read gives the same check, the same marks (colours, notes, filled values),
 * and 清除标记 gives every sheet back exactly, in both.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { a1 } from '../../../src/core/sheet';
import type { SheetCheck } from '../../../src/core/result';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { WpsHost } from '../../../src/hosts/wps/WpsHost';
import { FIXTURES, fixtureSheets } from '../../loadFixture';
import { FakeWorkbook, type FakeSheet } from '../excel/fakeExcel';
import { fakeSheetOf } from '../excel/helpers';
import { EtBook, etSheetOf, hexOf, type EtSheet } from './fakeEt';

const MAX_COLS = 16_384;

interface Mark {
  value: unknown;
  fill: string | null;
  note: string | null;
}

/** Every cell of the Excel fake that holds something, as the user sees it. */
function excelCells(ws: FakeSheet): Map<string, Mark> {
  const out = new Map<string, Mark>();
  for (const [k, c] of ws.cells) {
    const ref = a1(Math.floor(k / MAX_COLS), k % MAX_COLS);
    const fill = c.fill && c.fill.pattern !== 'None' ? c.fill.color : null;
    if (c.value === undefined && !c.formula && !fill && !c.error) continue;
    out.set(ref, { value: c.error ?? c.formula ?? c.value ?? null, fill, note: null });
  }
  for (const [ref, n] of ws.notes) out.set(ref, { ...(out.get(ref) ?? { value: null, fill: null }), note: n.content });
  return out;
}

function etCells(ws: EtSheet): Map<string, Mark> {
  const out = new Map<string, Mark>();
  for (const [k, c] of ws.cells) {
    const ref = a1(Math.floor(k / MAX_COLS), k % MAX_COLS);
    const fill = c.fill ? hexOf(c.fill.color) : null;
    if (c.value === undefined && !c.formula && !fill && !c.error && c.comment === undefined) continue;
    out.set(ref, { value: c.error ?? c.formula ?? c.value ?? null, fill, note: c.comment ?? null });
  }
  return out;
}

const sorted = (m: Map<string, Mark>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

describe('the fixture corpus through the WPS host and the Excel host', () => {
  it('the corpus is there (built by globalSetup)', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s: the same checks, marks and filled values; a clear restores every cell in both', async (file) => {
    const models = await fixtureSheets(file);
    const wb = new FakeWorkbook('desktop', '1.20');
    const book = new EtBook();
    const xs = models.map((m) => fakeSheetOf(wb, m));
    const es = models.map((m) => etSheetOf(book, m));
    const excelBefore = xs.map((s) => s.snapshot());
    const etBefore = es.map((s) => s.snapshot());
    const excel = new ExcelHost(wb.env());
    const wps = new WpsHost(book.app());

    for (const mode of ['fill', 'review'] as const) {
      const excelChecks: SheetCheck[] = [];
      const wpsChecks: SheetCheck[] = [];
      for (const m of models) {
        excelChecks.push(check(await excel.readSheet(m.name), MOF));
        wpsChecks.push(check(await wps.readSheet(m.name), MOF));
      }
      expect(wpsChecks).toEqual(excelChecks);
      const a = await excel.applyMarks(excelChecks, mode);
      const b = await wps.applyMarks(wpsChecks, mode);
      expect(b).toEqual(a);
      models.forEach((_, i) => expect(sorted(etCells(es[i]))).toEqual(sorted(excelCells(xs[i]))));
    }

    // A second run over the marks: still the same (our values read as empty, marks replaced not doubled).
    const again = [];
    for (const m of models) again.push(check(await wps.readSheet(m.name), MOF));
    await wps.applyMarks(again, 'fill');
    const excelAgain = [];
    for (const m of models) excelAgain.push(check(await excel.readSheet(m.name), MOF));
    await excel.applyMarks(excelAgain, 'fill');
    expect(again).toEqual(excelAgain);
    models.forEach((_, i) => expect(sorted(etCells(es[i]))).toEqual(sorted(excelCells(xs[i]))));

    const cleared = await wps.clearMarks();
    expect(cleared).toBe(await excel.clearMarks());
    es.forEach((s, i) => expect(s.snapshot()).toBe(etBefore[i]));
    xs.forEach((s, i) => expect(s.snapshot()).toBe(excelBefore[i]));
    // Nothing of ours is left in the document: no name, no record.
    expect(book.names).toEqual([]);
    expect([...book.props.keys()]).toEqual([]);
  });
});
