import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { HostError } from '../../../src/hosts/host';
import { FakeWorkbook } from './fakeExcel';
import { writeForm } from './forms';

function setup() {
  const wb = new FakeWorkbook();
  const ws = wb.addSheet('表1');
  const f = writeForm(ws, 1);
  const env = wb.env();
  return { wb, ws, f, env, host: new ExcelHost(env) };
}

describe('ExcelHost: sheets, selection, fixes, report, settings', () => {
  it('lists visible sheets in order and names the active one', async () => {
    const { wb, host } = setup();
    wb.addSheet('表2');
    wb.addSheet('隐藏').visibility = 'Hidden';
    wb.activeName = '表2';
    expect(await host.sheetNames()).toEqual(['表1', '表2']);
    expect(await host.activeSheetName()).toBe('表2');
  });

  it('selectCell activates the sheet', async () => {
    const { wb, host } = setup();
    wb.addSheet('表2');
    await host.selectCell('表2', 'b3');
    expect(wb.activeName).toBe('表2');
  });

  it('applyFix writes the accepted value with its format, and refuses a formula cell', async () => {
    const { ws, f, host } = setup();
    await host.applyFix('表1', f.emptyScore, 7.5);
    expect(ws.value(f.emptyScore)).toBe(7.5);
    await host.applyFix('表1', f.rate, 0.9999, '0.00%');
    expect(ws.cell(f.rate)).toMatchObject({ value: 0.9999, format: '0.00%' });

    const err = await host.applyFix('表1', f.total, 95).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.reason).toBe('formula');
    expect(err.message).toContain(f.total);
    expect(ws.value(f.total)).toBe(90);
    expect(ws.cell(f.total)?.formula).toMatch(/^=/);
  });

  it('applyFix on a protected sheet is refused before writing', async () => {
    const { ws, f, host } = setup();
    ws.protected = true;
    const err = await host.applyFix('表1', f.emptyScore, 7.5).catch((e) => e);
    expect(err.reason).toBe('protected');
    expect(err.message).toContain('“表1”');
    expect(ws.value(f.emptyScore)).toBeUndefined();
  });

  it('exportReport adds 校验报告 and replaces its contents on the next export, keeping the undo history', async () => {
    const { wb, host } = setup();
    const row = { sheet: '2022', form: '项目1', cell: 'G6', severity: 'error', code: 'EXECUTION_RATE_MISMATCH', message: '执行率不符' };
    await host.exportReport([row, { ...row, cell: 'H13', severity: 'warning' }]);
    let rep = wb.sheet('校验报告');
    expect(rep.value('A1')).toBe('工作表');
    expect(rep.value('A2')).toBe('2022');
    expect(rep.cell('A2')?.format).toBe('@');
    expect(rep.value('D2')).toBe('错误');
    expect(rep.value('D3')).toBe('警告');
    expect(wb.activeName).toBe('校验报告');

    const id = rep.id;
    const from = wb.syncs.length;
    await host.exportReport([row]);
    expect(wb.since(from)).toHaveLength(2); // does it exist; the write
    rep = wb.sheet('校验报告');
    expect(rep.id).toBe(id); // the same sheet, not deleted and added again
    expect(rep.value('A3')).toBeUndefined();
    expect(rep.value('D3')).toBeUndefined();
    expect(wb.sheets.filter((s) => s.name === '校验报告')).toHaveLength(1);
    expect(wb.undoHistoryCleared).toBe(false);
  });

  it('settings are kept in the document: a new session reads them back', async () => {
    const { wb, host } = setup();
    expect(await host.loadSetting('profile')).toBeNull();
    await host.saveSetting('profile', 'lincang');
    await host.saveSetting('mode', 'review');
    const reopened = new ExcelHost(wb.env());
    expect(await reopened.loadSetting('profile')).toBe('lincang');
    expect(await reopened.loadSetting('mode')).toBe('review');
  });

  it('a failed settings save is a HostError', async () => {
    const { env, host } = setup();
    env.settings.failSave = true;
    const err = await host.saveSetting('profile', 'mof').catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.reason).toBe('write-failed');
  });

  it('the fake is honest: reading an unloaded property throws, as in Office', async () => {
    const { wb } = setup();
    await wb.run({}, async (context) => {
      const r = context.workbook.worksheets.getItem('表1').getRange('A1');
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await context.sync();
      expect(r.values).toEqual([['项目支出绩效自评表']]);
      expect(() => r.text).toThrow(/not available/);
    });
  });

  it('the fake is honest about getCellProperties: only what was asked, as the cells are at its point of the batch', async () => {
    const { wb, ws } = setup();
    ws.paint('B2', '#FFFFFF').paint('C2', '#FFFF00').paint('D2', '#FFFFFF', 'Gray25', '#FF0000');
    await wb.run({}, async (context) => {
      const r = context.workbook.worksheets.getItem('表1').getRange('A2:D2');
      const colours = r.getCellProperties({ format: { fill: { color: true, tintAndShade: true } } });
      r.format.fill.color = '#FFC7CE'; // queued after the read: not seen by it
      const after = r.getCellProperties({ format: { fill: { color: true } }, address: true });
      expect(() => colours.value).toThrow(/not available/);
      await context.sync();
      // No fill and white both '#FFFFFF', and tintAndShade 0 for both (the reference promises no null).
      expect(colours.value).toEqual([
        [
          { format: { fill: { color: '#FFFFFF', tintAndShade: 0 } } },
          { format: { fill: { color: '#FFFFFF', tintAndShade: 0 } } },
          { format: { fill: { color: '#FFFF00', tintAndShade: 0 } } },
          { format: { fill: { color: '#FFFFFF', tintAndShade: 0 } } },
        ],
      ]);
      expect(after.value[0][3]).toEqual({ address: '表1!D2', format: { fill: { color: '#FFC7CE' } } });
      const n = context.workbook.worksheets.getItem('表1').notes.getCount();
      ws.note('A1', '备注');
      await context.sync();
      expect(n.value).toBe(1);
      expect(() => r.getCellProperties({ format: { font: { bold: true } } })).toThrow(/not modelled/);
    });
  });
});
