import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { BrowserHost, formatFillValue } from '../../src/hosts/browser/BrowserHost';
import { HostError } from '../../src/hosts/host';
import type { SheetCheck } from '../../src/core/result';
import { COMPUTED_FILL, SEVERITY_FILL } from '../../src/core/marks';

const SAMPLE = 'assets/sample.xlsx';

async function workbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getCell('A1').value = '项目名称';
  ws.getCell('B1').value = '测试项目';
  ws.getCell('B2').value = 100;
  ws.getCell('C2').value = { formula: 'B2*2', result: 200 };
  ws.mergeCells('A3:C3');
  ws.getCell('A3').value = '合并';
  wb.addWorksheet('表2').getCell('A1').value = 'x';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const checkOf = (sheet: string): SheetCheck => ({
  sheet,
  forms: [
    {
      sheet,
      kind: 'project',
      range: 'A1:C3',
      projectName: '测试项目',
      budget: { planned: null, executed: null, executionRate: null, weight: null, score: { stated: null, computed: null } },
      indicators: [],
      total: { weight: null, stated: null, computed: null },
      grade: { stated: null, computed: null },
      findings: [
        { code: 'NUMBER_INVALID', severity: 'error', cell: 'B2', message: '错一' },
        { code: 'SCORE_RULE_MISMATCH', severity: 'warning', cell: 'B2', message: '警一' },
        { code: 'DEVIATION_REASON_MISSING', severity: 'warning', cell: 'B1', message: '警二' },
      ],
    },
  ],
  fills: [
    { cell: 'D2', value: 0.985, numberFormat: '0.00%', label: '执行率' },
    { cell: 'B1', value: 1, label: '得分' },
  ],
  findings: [],
});

describe('BrowserHost', () => {
  it('refuses to work before a workbook is open, in Chinese', async () => {
    const host = new BrowserHost();
    await expect(host.sheetNames()).rejects.toBeInstanceOf(HostError);
    await expect(host.readSheet()).rejects.toThrow(/尚未打开工作簿/);
  });

  it('opens the sample and reads its sheets', async () => {
    const host = new BrowserHost();
    await host.open(readFileSync(SAMPLE), 'sample.xlsx');
    const names = await host.sheetNames();
    expect(names.length).toBeGreaterThan(0);
    expect(await host.activeSheetName()).toBe(names[0]);
    expect((await host.readSheet()).name).toBe(names[0]);
    expect(host.columnWidths(names[0]).every((w) => w > 0)).toBe(true);
  });

  it('marks by worst severity, fills only empty cells (fill mode), and clears', async () => {
    const host = new BrowserHost();
    await host.open(await workbookBytes(), 'a.xlsx');
    const summary = await host.applyMarks([checkOf('表1')], 'fill');
    expect(summary).toEqual({ marked: 2, filled: 1, notesSupported: true });
    const marks = host.getState().marks.get('表1')!;
    expect(marks.get('B2')).toMatchObject({ fill: SEVERITY_FILL.error, severity: 'error' });
    expect(marks.get('B2')!.note).toBe('【绩效自评校验】\n错误：错一\n警告：警一');
    expect(marks.get('B1')).toMatchObject({ fill: SEVERITY_FILL.warning });
    expect(marks.get('B1')!.filledText).toBeUndefined();
    expect(marks.get('D2')).toMatchObject({ fill: COMPUTED_FILL, filledText: '98.50%', note: '【绩效自评校验】计算值（执行率）' });
    // The model the check reads is unchanged by marks.
    expect((await host.readSheet('表1')).values[1][3] ?? null).toBeNull();

    await host.clearMarks(['表1']);
    expect(host.getState().marks.get('表1')).toBeUndefined();
    await host.applyMarks([checkOf('表1')], 'review');
    expect(host.getState().marks.get('表1')!.get('D2')).toBeUndefined();
  });

  it('applyFix writes the value, refuses a formula cell', async () => {
    const host = new BrowserHost();
    await host.open(await workbookBytes(), 'a.xlsx');
    await expect(host.applyFix('表1', 'C2', 5)).rejects.toMatchObject({ reason: 'formula' });
    await host.applyFix('表1', 'E5', 0.5, '0.00%');
    const model = await host.readSheet('表1');
    expect(model.values[4 - model.top][4 - model.left]).toBe(0.5);
    expect(model.texts?.[4 - model.top]?.[4 - model.left]).toBe('50.00%');
  });

  it('selectCell switches sheet; an unknown sheet is a HostError', async () => {
    const host = new BrowserHost();
    await host.open(await workbookBytes(), 'a.xlsx');
    await host.selectCell('表2', 'A1');
    expect(host.getState()).toMatchObject({ activeSheet: '表2', selection: { sheet: '表2', cell: 'A1' } });
    await expect(host.selectCell('无此表', 'A1')).rejects.toThrow('找不到工作表“无此表”');
  });

  it('exportReport adds a 校验报告 sheet; download is an annotated copy', async () => {
    const host = new BrowserHost();
    await host.open(await workbookBytes(), '自评.xlsx');
    await host.applyMarks([checkOf('表1')], 'fill');
    await host.exportReport([{ sheet: '表1', form: '测试项目', cell: 'B2', severity: '错误', code: 'NUMBER_INVALID', message: '错一' }]);
    await host.exportReport([{ sheet: '表1', form: '测试项目', cell: 'B2', severity: '错误', code: 'NUMBER_INVALID', message: '错一' }]);
    expect(await host.sheetNames()).toEqual(['表1', '表2', '校验报告']);
    const { data, fileName } = await host.download();
    expect(fileName).toBe('自评.checked.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表1', '表2', '校验报告']);
    const ws = wb.getWorksheet('表1')!;
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${SEVERITY_FILL.error}`);
    expect(ws.getCell('D2').value).toBe(0.985);
    expect(wb.getWorksheet('校验报告')!.getCell('F2').value).toBe('错一');
    // The workbook in memory stays unmarked: a second download is the same.
    const again = await host.download();
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(again.data as unknown as ArrayBuffer);
    expect((wb2.getWorksheet('表1')!.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${SEVERITY_FILL.error}`);
  });

  it('a broken file is refused with the adapter’s Chinese message', async () => {
    const host = new BrowserHost();
    await expect(host.open(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 'x.xlsx')).rejects.toMatchObject({ name: 'WorkbookReadError' });
    expect(host.hasWorkbook).toBe(false);
  });

  it('formats fill values as the cell will show them', () => {
    expect(formatFillValue(0.98765, '0.00%')).toBe('98.77%');
    expect(formatFillValue(1, '0%')).toBe('100%');
    expect(formatFillValue(12.345)).toBe('12.35');
    expect(formatFillValue(7, '0.00')).toBe('7.00');
    expect(formatFillValue('优')).toBe('优');
  });
});
