/**
 * A sheet the size of 1,000 stacked forms (30,000 rows × 10 columns) converts completely and the same
 * way through readWorkbook as through sheetModelOf. Speed is measured by `npm run bench`, not here.
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { readWorkbook } from '../../../src/hosts/workbook';
import { sheetModelOf } from '../../../scripts/excelJsModel';
import { reread, toBytes } from './sampleWorkbook';

const ROWS = 30_000;

async function bigWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  for (let r = 1; r <= ROWS; r++) {
    const k = r % 30;
    ws.addRow([
      k === 1 ? '项目支出绩效自评表' : `指标${k}`,
      '产出指标',
      '数量指标',
      `完成数${r}`,
      `≥${k}人`,
      `${k}人`,
      k,
      // A result of 0 is written without <v> by ExcelJS, which SheetJS then reads as 0 and ExcelJS as empty: never 0 here.
      r % 3 === 0 ? { formula: `G${r}*0.9`, result: (k + 1) * 0.9 } : k - 0.5,
      0.9 + (r % 10) / 100,
      r % 7 === 0 ? '\u3000' : '原因',
    ]);
    ws.getCell(r, 9).numFmt = '0.00%';
    if (k === 1) ws.mergeCells(r, 1, r, 10);
  }
  return toBytes(wb);
}

it('converts a 30,000-row sheet completely', async () => {
  const bytes = await bigWorkbook();

  const plain = await reread(bytes);
  const model = sheetModelOf(plain.worksheets[0]);
  const loaded = await readWorkbook(bytes);

  expect(model.values).toHaveLength(ROWS);
  expect(model.values[0]).toHaveLength(10);
  expect(model.merges).toHaveLength(1000);
  expect(model.texts![1][8]).toBe('92.00%');
  expect(model.formulas![2][7]).toBe('=G3*0.9');
  expect(loaded.sheets[0].values).toEqual(model.values);
}, 120_000);
