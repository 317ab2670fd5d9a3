/**
 * Fills read and restored as Excel reports them, under both readings the fake knows (fakeExcel.ts
 * FillReport: the reference's — pattern 'None' for no fill, tintAndShade a number — and office-js#4900's —
 * pattern null, tintAndShade null for no fill): no fill stays no fill, white stays white, a theme colour's
 * shade (tintAndShade) comes back the same shade, a pattern keeps its colour.
 */
import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { FakeWorkbook, type FillReport } from './fakeExcel';
import { writeForm } from './forms';
import { checkOfForms } from './helpers';

const reports: FillReport[] = ['reference', 'office-js#4900'];

describe.each(reports)('fills as Excel reports them (%s)', (report) => {
  for (const path of ['after a read of the sheet (getCellProperties)', 'without a read (format.fill.load)']) {
    it(`${path}: marked and cleared, every fill is back as it was`, async () => {
      const wb = new FakeWorkbook('desktop', '1.20');
      wb.fillReport = report;
      const ws = wb.addSheet('表1');
      const f = writeForm(ws, 1);
      ws.paint(f.formulaScore, '#FFFFFF'); // white
      ws.paint(f.emptyScore, '#4472C4', 'Solid', null, 0.7999816888943144); // 蓝色，个性色 1，淡色 80%
      ws.paint(f.grade, '#FFFFFF', 'Gray25', '#FF0000'); // a pattern
      // f.rate: no fill
      const before = ws.snapshot();
      const host = new ExcelHost(wb.env());
      if (path.startsWith('after')) await host.readSheet('表1');
      await host.applyMarks([checkOfForms('表1', [f])], 'fill');
      expect(ws.fill(f.emptyScore)?.tintAndShade).toBeUndefined(); // our colour, no shade

      expect(await new ExcelHost(wb.env()).clearMarks()).toBe(4);
      expect(ws.fill(f.rate)).toBeUndefined();
      expect(ws.fill(f.formulaScore)).toEqual({ color: '#FFFFFF', pattern: 'Solid', patternColor: null });
      expect(ws.fill(f.emptyScore)).toEqual({ color: '#4472C4', pattern: 'Solid', patternColor: null, tintAndShade: 0.7999816888943144 });
      expect(ws.fill(f.grade)).toEqual({ color: '#FFFFFF', pattern: 'Gray25', patternColor: '#FF0000' });
      expect(ws.snapshot()).toBe(before);
    });
  }
});
