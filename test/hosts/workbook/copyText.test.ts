import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { annotateSheets, patchPackage, readWorkbook } from '../../../src/hosts/workbook';
import { hengyangForms, newWorkbook, workbookBuffer, writeForm } from '../../../scripts/build-fixtures';

describe('the annotated copy keeps every cell text', () => {
  it('control characters and literal _xHHHH_ survive (found by the fuzz test when ExcelJS wrote the copy: it dropped or decoded them)', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('表1');
    writeForm(ws, hengyangForms()[0], { row: 1, col: 1 });
    // ExcelJS writes these strings as they are: the file holds the stored forms (ST_Xstring).
    ws.getCell('L1').value = 'x_x001B_[2Jy_x0007_';
    ws.getCell('L2').value = 'literal _x005F_x0041_ stays';
    const original = new Uint8Array(await workbookBuffer(wb));
    const loaded = await readWorkbook(original);
    const before = [loaded.sheets[0].values[0][11], loaded.sheets[0].values[1][11]];
    expect(before).toEqual(['x\u001b[2Jy\u0007', 'literal _x0041_ stays']);
    const checks = loaded.sheets.map((s) => check(s, MOF));
    // A mark on L1 itself: its row is rewritten by the patcher.
    checks[0].findings.push({ code: 'NUMBER_INVALID', severity: 'error', cell: 'L1', message: '测试' });
    const { edits, marked } = annotateSheets(loaded.sheets, checks, 'fill');
    expect(marked).toBeGreaterThan(0);
    const copy = await readWorkbook(patchPackage(original, edits));
    expect([copy.sheets[0].values[0][11], copy.sheets[0].values[1][11]]).toEqual(before);
  });
});
