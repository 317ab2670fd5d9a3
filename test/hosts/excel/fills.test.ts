/**
 * Fills read and restored as Excel reports them, under both readings the fake knows (fakeExcel.ts
 * FillReport: the reference's — pattern 'None' for no fill, tintAndShade a number — and office-js#4900's —
 * pattern null, tintAndShade null for no fill): no fill stays no fill, white stays white, a theme colour's
 * shade (tintAndShade) comes back the same shade, a pattern keeps its colour and its shade
 * (patternTintAndShade). A paint clears the old fill first: the fake's `color` setter, like the reference,
 * does not promise to reset a pattern or a shade (fakeExcel.ts RangeFillProxy.color).
 */
import { describe, expect, it } from 'vitest';
import { COMPUTED_FILL, SEVERITY_FILL } from '../../../src/core/marks';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { FakeWorkbook, type FillReport } from './fakeExcel';
import { writeForm } from './forms';
import { checkOfForms } from './helpers';

const reports: FillReport[] = ['reference', 'office-js#4900'];
const ERROR = `#${SEVERITY_FILL.error}`;
const WARNING = `#${SEVERITY_FILL.warning}`;
const COMPUTED = `#${COMPUTED_FILL}`;

describe.each(reports)('fills as Excel reports them (%s)', (report) => {
  for (const path of ['after a read of the sheet (getCellProperties)', 'without a read (format.fill.load)']) {
    it(`${path}: marked and cleared, every fill is back as it was`, async () => {
      const wb = new FakeWorkbook('desktop', '1.20');
      wb.fillReport = report;
      const ws = wb.addSheet('表1');
      const f = writeForm(ws, 1);
      ws.paint(f.formulaScore, '#FFFFFF'); // white
      ws.paint(f.emptyScore, '#4472C4', 'Solid', null, 0.7999816888943144); // 蓝色，个性色 1，淡色 80%
      ws.paint(f.grade, '#FFFFFF', 'Gray25', '#FF0000', 0, -0.25); // a pattern, its colour darker 25%
      // f.rate: no fill
      const before = ws.snapshot();
      const host = new ExcelHost(wb.env());
      if (path.startsWith('after')) await host.readSheet('表1');
      await host.applyMarks([checkOfForms('表1', [f])], 'fill');
      // Our solid colour on every marked cell: no shade, no pattern left under it.
      // The error on the rate, the warning on the formula score, the computed tint on the two filled cells.
      const marked: [string, string][] = [[f.rate, ERROR], [f.formulaScore, WARNING], [f.emptyScore, COMPUTED], [f.grade, COMPUTED]];
      for (const [cell, color] of marked) {
        expect(ws.fill(cell), cell).toEqual({ color, pattern: 'Solid', patternColor: null });
      }

      expect(await new ExcelHost(wb.env()).clearMarks()).toBe(4);
      expect(ws.fill(f.rate)).toBeUndefined();
      expect(ws.fill(f.formulaScore)).toEqual({ color: '#FFFFFF', pattern: 'Solid', patternColor: null });
      expect(ws.fill(f.emptyScore)).toEqual({ color: '#4472C4', pattern: 'Solid', patternColor: null, tintAndShade: 0.7999816888943144 });
      expect(ws.fill(f.grade)).toEqual({ color: '#FFFFFF', pattern: 'Gray25', patternColor: '#FF0000', patternTintAndShade: -0.25 });
      expect(ws.snapshot()).toBe(before);
    });
  }
});

it('many cells of one colour: each getRanges call stays under 513 areas (office-js#5198)', async () => {
  const { groupFills, GET_RANGES_MAX_AREAS } = await import('../../../src/hosts/excel/fills');
  // Short addresses, so the length alone would allow about 1,000 per call.
  const items = Array.from({ length: 1_200 }, (_, i) => ({ sheet: '表1', cell: `A${i + 1}`, op: 'paint' }));
  const groups = groupFills(items, (op) => op);
  expect(groups.every((g) => g.cells <= GET_RANGES_MAX_AREAS && g.cells < 513)).toBe(true);
  expect(groups.reduce((n, g) => n + g.cells, 0)).toBe(1_200);

  // And through the host: 1,200 cells painted in one column do not fail the write.
  const wb = new FakeWorkbook('desktop', '1.20');
  const ws = wb.addSheet('表1');
  for (let i = 1; i <= 1_200; i++) ws.put(`A${i}`, i);
  const host = new ExcelHost(wb.env());
  await host.readSheet('表1');
  const findings = Array.from({ length: 1_200 }, (_, i) => ({ code: 'NUMBER_INVALID' as const, severity: 'error' as const, cell: `A${i + 1}`, message: '数字无效' }));
  await host.applyMarks([{ sheet: '表1', forms: [], fills: [], findings }], 'review');
  expect(ws.fill('A1200')?.pattern).toBe('Solid');
});
