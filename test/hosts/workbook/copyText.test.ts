import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { annotateWorkbook, readWorkbook, writeWorkbook } from '../../../src/hosts/workbook';
import { hengyangForms, newWorkbook, workbookBuffer, writeForm } from '../../../scripts/build-fixtures';

describe('the annotated copy keeps every cell text', () => {
  it('control characters and literal _xHHHH_ survive (found by the fuzz test: ExcelJS drops or decodes them)', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('表1');
    writeForm(ws, hengyangForms()[0], { row: 1, col: 1 });
    // ExcelJS writes these strings as they are: the file holds the stored forms (ST_Xstring).
    ws.getCell('L1').value = 'x_x001B_[2Jy_x0007_';
    ws.getCell('L2').value = 'literal _x005F_x0041_ stays';
    const loaded = await readWorkbook(new Uint8Array(await workbookBuffer(wb)));
    const before = [loaded.sheets[0].values[0][11], loaded.sheets[0].values[1][11]];
    expect(before).toEqual(['x\u001b[2Jy\u0007', 'literal _x0041_ stays']);
    annotateWorkbook(loaded, loaded.sheets.map((s) => check(s, MOF)), 'fill');
    const copy = await readWorkbook(await writeWorkbook(loaded));
    expect([copy.sheets[0].values[0][11], copy.sheets[0].values[1][11]]).toEqual(before);
    // The loaded workbook is as it was after writing (the browser preview keeps using it).
    expect(loaded.workbook.worksheets[0].getCell('L1').value).toBe(before[0]);
  });
});
