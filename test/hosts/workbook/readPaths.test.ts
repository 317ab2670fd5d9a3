/**
 * The product's read path (SheetJS) must hand the core the same sheet model as a second, independent
 * reader (ExcelJS, scripts/excelJsModel.ts): values, formulas, display text, number formats and merges.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { excelJsSheets } from '../../../scripts/excelJsModel';
import { readWithSheetJS } from '../../../src/hosts/workbook/sheetjsRead';
import { readWorkbook } from '../../../src/hosts/workbook/read';
import { FIXTURES } from '../../loadFixture';

/** ExcelJS's models, and SheetJS's as the check reads them: from the parts the size limits inflated. */
async function bothWays(bytes: Uint8Array) {
  const viaExcelJS = await excelJsSheets(bytes);
  const viaSheetJS = (await readWorkbook(bytes)).sheets;
  // SheetJS opening the zip itself (the path taken when the zip's directory cannot be listed) reads the same.
  expect(readWithSheetJS(bytes).sheets).toEqual(viaSheetJS);
  return { viaExcelJS, viaSheetJS };
}

/** Cells the fixtures lack: dates, booleans, errors, rich text, links, shared formulas, a far-away cell. */
async function oddCells(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('杂项');
  ws.getCell('A1').value = new Date(Date.UTC(2023, 11, 31));
  ws.getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('A2').value = true;
  ws.getCell('A3').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('A4').value = { richText: [{ text: '执行' }, { text: '率', font: { bold: true } }] };
  ws.getCell('A5').value = { text: '链接', hyperlink: 'https://example.com' };
  ws.getCell('B1').value = 0.98765;
  ws.getCell('B1').numFmt = '0.0%';
  ws.getCell('B2').value = { formula: 'B1*2', result: 1.9753 } as ExcelJS.CellFormulaValue;
  ws.getCell('B3').value = { sharedFormula: 'B2', result: 1.9753 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('C1').value = 1234567.891;
  ws.getCell('C1').numFmt = '#,##0.00';
  ws.getCell('C2').value = '';
  ws.getCell('C3').value = -0.5;
  ws.getCell('C3').numFmt = '0.00;[Red]-0.00';
  ws.mergeCells('D1:E3');
  ws.getCell('D1').value = '合并';
  ws.getCell('AA300').value = 7;
  wb.addWorksheet('空表');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('read paths: SheetJS gives the same sheet model as ExcelJS', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

  it('holds fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(file, async () => {
      const { viaExcelJS, viaSheetJS } = await bothWays(new Uint8Array(readFileSync(join(FIXTURES, file))));
      expect(viaSheetJS).toEqual(viaExcelJS);
    });
  }

  it('the bundled sample', async () => {
    const { viaExcelJS, viaSheetJS } = await bothWays(new Uint8Array(readFileSync(join(__dirname, '../../../assets/sample.xlsx'))));
    expect(viaSheetJS).toEqual(viaExcelJS);
  });

  for (const date1904 of [false, true]) {
    it(`dates, booleans, errors, rich text, links, shared formulas, a far cell (1904 dates: ${date1904})`, async () => {
      const { viaExcelJS, viaSheetJS } = await bothWays(await oddCells(date1904));
      expect(viaExcelJS.map((s) => s.name)).toEqual(['杂项', '空表']);
      expect(viaSheetJS).toEqual(viaExcelJS);
      // The comparison is not vacuous: the odd cells are in the model.
      const [odd] = viaSheetJS;
      expect(odd.values[0][0]).toBe(date1904 ? 45291 - 1462 : 45291);
      expect(odd.values[2][0]).toEqual({ error: '#DIV/0!' });
      expect(odd.formulas![2][1]).toBe('=B2*2');
    });
  }
});
