import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src/hosts/workbook';
import { sampleWorkbook, toBytes } from './sampleWorkbook';

describe('readWorkbook → SheetModel', () => {
  it('reads a form placed at D5 exactly: values, formulas, formats, display texts, merges', async () => {
    const loaded = await readWorkbook(await toBytes(sampleWorkbook()));
    expect(loaded.sheets.map((s) => s.name)).toEqual(['表1', '说明']);
    const s = loaded.sheets[0];
    expect(s.top).toBe(4);
    expect(s.left).toBe(3);
    const _ = null;
    expect(s.values).toEqual([
      ['项目支出绩效自评表', _, _, _, _, _, _],
      ['项目名称', '大院保安转辅警经费', _, _, _, _, _],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', '\u3000152.5', 152.5, 152.5, 10, 1.3658, _],
      ['偏差', { error: '#DIV/0!' }, '富文本', 'x', 5, 1, '\u3000'],
    ]);
    expect(s.formulas).toEqual([
      [_, _, _, _, _, _, _],
      [_, _, _, _, _, _, _],
      [_, _, _, _, _, _, _],
      [_, _, _, '=F8', _, _, _],
      [_, _, _, _, _, '=G8/F8', _],
    ]);
    expect(s.formats).toEqual([
      [_, _, _, _, _, _, _],
      [_, _, _, _, _, _, _],
      [_, _, _, _, _, _, _],
      [_, _, '#,##0.00', _, _, '0.00%', _],
      [_, _, _, _, _, '0.00%', _],
    ]);
    expect(s.texts).toEqual([
      ['项目支出绩效自评表', _, _, _, _, _, _],
      ['项目名称', '大院保安转辅警经费', _, _, _, _, _],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', '\u3000152.5', '152.50', '152.5', '10', '136.58%', _],
      ['偏差', '#DIV/0!', '富文本', 'x', '5', '100.00%', '\u3000'],
    ]);
    expect(s.merges).toEqual([
      { top: 4, left: 3, bottom: 4, right: 9 },
      { top: 5, left: 4, bottom: 5, right: 9 },
    ]);

    const other = loaded.sheets[1];
    expect(other).toEqual({
      name: '说明',
      top: 0,
      left: 0,
      values: [
        ['填表说明', _],
        [_, 305],
      ],
      formulas: [
        [_, _],
        [_, '=SUM(表1!F8:G8)'],
      ],
      formats: [
        [_, _],
        [_, _],
      ],
      texts: [
        ['填表说明', _],
        [_, '305'],
      ],
      merges: [],
    });
  });

  it('takes an ArrayBuffer as well as a Uint8Array', async () => {
    const bytes = await toBytes(sampleWorkbook());
    const copy = bytes.slice().buffer;
    const loaded = await readWorkbook(copy);
    expect(loaded.sheets[0].top).toBe(4);
  });

  it('extends the used range to merged areas that reach beyond the stored values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('C3').value = 1;
    ws.mergeCells('B2:B4');
    ws.mergeCells('C5:F6');
    const s = (await readWorkbook(await toBytes(wb))).sheets[0];
    expect([s.top, s.left, s.values.length, s.values[0].length]).toEqual([1, 1, 5, 5]);
    expect(s.values[1][1]).toBe(1);
    expect(s.merges).toEqual([
      { top: 1, left: 1, bottom: 3, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 5 },
    ]);
  });

  it('reads cached formula results of every kind, shared formulas as their own text, and a formula with no result as null', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 2;
    ws.getCell('A2').value = 3;
    ws.getCell('B1').value = { formula: 'A1*10', result: 20, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 30 };
    ws.getCell('C1').value = { formula: 'IF(A1>1,"优","差")', result: '优' };
    ws.getCell('C2').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
    ws.getCell('D1').value = { formula: 'A1>1', result: true };
    ws.getCell('D2').value = { formula: 'NOW()' };
    const s = (await readWorkbook(await toBytes(wb))).sheets[0];
    expect(s.values).toEqual([
      [2, 20, '优', true],
      [3, 30, { error: '#DIV/0!' }, null],
    ]);
    expect(s.formulas).toEqual([
      [null, '=A1*10', '=IF(A1>1,"优","差")', '=A1>1'],
      // SheetJS leaves out a formula cell that holds no cached result (Excel always writes one); the
      // copy's patcher never writes a value into a cell holding a formula (patch/sheetXml.ts).
      [null, '=A2*10', '=A1/0', null],
    ]);
    expect(s.texts).toEqual([
      ['2', '20', '优', 'TRUE'],
      ['3', '30', '#DIV/0!', null],
    ]);
  });

  it('reads dates as Excel serial numbers and hyperlinks as their text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 15));
    ws.getCell('A2').value = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));
    ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('A3').value = { text: '链接', hyperlink: 'https://example.org' };
    const s = (await readWorkbook(await toBytes(wb))).sheets[0];
    expect(s.values).toEqual([[45306], [45306.5], ['链接']]);
    expect(s.texts).toEqual([['2024/1/15'], ['2024年1月15日'], ['链接']]);
  });

  it('gives an empty model for an empty sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空');
    const s = (await readWorkbook(await toBytes(wb))).sheets[0];
    expect(s).toEqual({ name: '空', top: 0, left: 0, values: [], formulas: [], texts: [], formats: [], merges: [] });
  });
});

describe('a stray cell far away', () => {
  it('does not blow the model up: rows are sized to their own cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('B2').value = '项目名称';
    ws.getCell('C2').value = 1;
    ws.getCell('XFD1048576').value = 'x';
    const s = (await readWorkbook(await toBytes(wb))).sheets[0];
    expect([s.top, s.left, s.values.length]).toEqual([1, 1, 1048575]);
    expect(s.values[0]).toEqual(['项目名称', 1]);
    expect(s.values[1]).toEqual([]);
    expect(s.values[1048574][16382]).toBe('x');
    expect(s.values[1048574]).toHaveLength(16383);
  });
});
