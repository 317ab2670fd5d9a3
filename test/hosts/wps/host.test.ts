/**
 * WpsHost against the fake ET: the same rules as the Excel host (test/hosts/excel/marks.test.ts) — nothing
 * of the user's overwritten, values only into empty cells, a clear that restores every cell, marks that
 * follow row inserts — and what is particular to ET: the record in custom document properties, synchronous
 * failures part-way, the builds that differ.
 */
import { describe, expect, it } from 'vitest';
import { COMPUTED_FILL, SEVERITY_FILL } from '../../../src/core/marks';
import { HostError } from '../../../src/hosts/host';
import { WpsHost, WPS_RECORD_KEY } from '../../../src/hosts/wps/WpsHost';
import { mergedAreas } from '../../../src/hosts/wps/readSheet';
import { wpsApplication } from '../../../src/hosts/wps/env';
import { DocProps } from '../../../src/hosts/wps/docProps';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import type { FakeSheet } from '../excel/fakeExcel';
import { stackForms, writeForm } from '../excel/forms';
import { checkOfForms } from '../excel/helpers';
import { EtBook, bgr, type Build, type EtSheet } from './fakeEt';

const ERROR = bgr(`#${SEVERITY_FILL.error}`);
const WARNING = bgr(`#${SEVERITY_FILL.warning}`);
const COMPUTED = bgr(`#${COMPUTED_FILL}`);
const PREFIX = '【绩效自评校验】';

/** The Excel tests' form builder writes through put/merge/putFormula, which the ET fake has too. */
const asForms = (ws: EtSheet) => ws as unknown as FakeSheet;

function setup(build: Build = 'method') {
  const book = new EtBook(build);
  const ws = book.addSheet('表1');
  const f = writeForm(asForms(ws), 1);
  return { book, ws, f, host: new WpsHost(book.app()) };
}

describe('WpsHost: marks and clear', () => {
  it('marks, fills only empty cells, never a formula or a typed value; the clear gives the sheet back exactly', async () => {
    const { book, ws, f, host } = setup();
    ws.paint(f.typedScore, '#FFFF00'); // the user's own yellow
    ws.comment(f.total, '用户的批注');
    const before = ws.snapshot();
    const summary = await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    expect(summary).toEqual({ marked: 2, filled: 2, notesSupported: true });
    expect(ws.cell(f.rate)?.fill).toEqual({ pattern: 1, color: ERROR });
    expect(ws.cell(f.formulaScore)?.fill?.color).toBe(WARNING);
    expect(ws.cell(f.formulaScore)?.formula).toBe('=G13');
    expect(ws.cell(f.emptyScore)).toMatchObject({ value: 10, fill: { color: COMPUTED } });
    expect(ws.cell(f.grade)?.value).toBe('优');
    expect(ws.cell(f.typedScore)).toMatchObject({ value: 10, fill: { color: bgr('#FFFF00') } });
    expect(ws.cell(f.rate)?.comment).toMatch(/^【绩效自评校验】\n错误：执行率应为/);
    expect(ws.cell(f.total)?.comment).toBe('用户的批注');
    // The record is in the document (chunks of at most 255 characters), and a name per marked cell.
    expect(book.props.get(WPS_RECORD_KEY)).toMatch(/^\d+:\d+$/);
    for (const v of book.props.values()) expect(String(v).length).toBeLessThanOrEqual(255);
    expect(book.names.filter((n) => !n.visible)).toHaveLength(4);

    // A new session (the file saved and opened again) finds the record and clears.
    const again = new WpsHost(book.app());
    expect(await again.clearMarks()).toBe(4);
    expect(ws.snapshot()).toBe(before);
    expect(book.names).toEqual([]);
    expect(book.props.size).toBe(0);
  });

  it('a re-run reads our values as empty, replaces the marks, and writes nothing when nothing changed', async () => {
    const { book, ws, f, host } = setup();
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    const model = await host.readSheet('表1');
    const y = Number(f.emptyScore.slice(1)) - 1 - model.top;
    expect(model.values[y][7]).toBeNull(); // H: our 10 reads as empty
    const marked = ws.snapshot();
    const calls = book.calls;
    book.failWriteAt = 1; // any write would fail
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    expect(ws.snapshot()).toBe(marked);
    book.failWriteAt = undefined;
    expect(book.calls).toBeGreaterThan(calls);
  });

  it('what the user typed over our value, added under our note, or painted over our fill is kept by the clear', async () => {
    const { ws, f, host } = setup();
    const before = ws.snapshot();
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    ws.put(f.emptyScore, 8); // typed over our 10
    ws.comment(f.rate, `${ws.cell(f.rate)!.comment}\n已核对，见附件`);
    ws.paint(f.formulaScore, '#00B050');
    await host.clearMarks();
    expect(ws.cell(f.emptyScore)?.value).toBe(8);
    expect(ws.cell(f.rate)?.comment).toBe('已核对，见附件');
    expect(ws.cell(f.rate)?.fill).toBeUndefined();
    expect(ws.cell(f.formulaScore)?.fill?.color).toBe(bgr('#00B050'));
    expect(ws.cell(f.grade)?.value).toBeUndefined();
    expect(ws.snapshot()).not.toBe(before);
  });

  it('marks follow rows inserted above them; a deleted marked row is named by the clear, and its name removed', async () => {
    const { book, ws, f, host } = setup();
    const before = ws.snapshot();
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    ws.insertRows(0, 3); // three rows above the form
    const moved = (ref: string) => ref.replace(/\d+$/, (n) => String(Number(n) + 3));
    expect(ws.cell(moved(f.rate))?.fill?.color).toBe(ERROR);
    expect(await new WpsHost(book.app()).clearMarks()).toBe(4);
    ws.deleteRows(0, 3);
    expect(ws.snapshot()).toBe(before);

    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    ws.deleteRows(Number(f.rate.slice(1)) - 1, 1); // the 执行率 row
    const err = await host.clearMarks().catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toMatch(/已清除 3 个单元格的标记。另有 1 处标记所在的单元格已被删除/);
    expect(err.message).toContain(f.rate);
    expect(book.names).toEqual([]);
    expect(book.props.size).toBe(0);
  });

  it('a renamed sheet is still cleared (the names follow it)', async () => {
    const { book, ws, f, host } = setup();
    const before = ws.snapshot();
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    ws.name = '2022年';
    expect(await new WpsHost(book.app()).clearMarks()).toBe(4);
    expect(ws.snapshot()).toBe(before.replace('"name":"表1"', '"name":"2022年"'));
  });

  it('a record that cannot be saved stops the run before any mark', async () => {
    const { book, ws, f, host } = setup();
    const before = ws.snapshot();
    book.failWriteAt = 1; // the first write: the record's first chunk
    const err = await host.applyMarks([checkOfForms('表1', [f])], 'fill').catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toMatch(/标记记录没能保存进工作簿.*没有写入任何标记/);
    expect(ws.snapshot()).toBe(before);
    expect(book.props.size).toBe(0);
  });

  it('a write that fails part-way is undone cell by cell, and the old record put back', async () => {
    const { book, ws, f, host } = setup();
    const before = ws.snapshot();
    const records = book.props.size;
    // Let the record and some cell writes through, then fail: at several points of the run.
    let rolledBack = 0;
    for (const at of [8, 12, 16, 20]) {
      book.failWriteAt = at;
      const err = await host.applyMarks([checkOfForms('表1', [f])], 'fill').catch((e) => e);
      book.failWriteAt = undefined;
      expect(err).toBeInstanceOf(HostError);
      rolledBack++;
      expect(err.message).toMatch(/已撤回本次写入的内容/);
      expect(ws.snapshot()).toBe(before);
      expect(book.props.size).toBe(records);
      expect(book.names).toEqual([]);
    }
    expect(rolledBack).toBe(4);
  });

  it('a protected sheet is refused before anything is written', async () => {
    const { ws, f, host } = setup();
    ws.protect = true;
    const before = ws.snapshot();
    const err = await host.applyMarks([checkOfForms('表1', [f])], 'fill').catch((e) => e);
    expect(err.reason).toBe('protected');
    expect(err.message).toContain('“表1”');
    expect(ws.snapshot()).toBe(before);
  });

  it('review mode writes no value', async () => {
    const { ws, f, host } = setup();
    const summary = await host.applyMarks([checkOfForms('表1', [f])], 'review');
    expect(summary.filled).toBe(0);
    expect(ws.cell(f.emptyScore)?.value).toBeUndefined();
    expect(ws.cell(f.rate)?.fill?.color).toBe(ERROR);
  });
});

describe('WpsHost: reading', () => {
  it.each(['method', 'property'] as const)('Address as a %s (builds differ): the same model', async (build) => {
    const { host } = setup(build);
    const model = await host.readSheet();
    expect(model.name).toBe('表1');
    expect(model.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 9 });
    expect(model.values[5][6]).toBe(1);
    expect(model.formats?.[5][6]).toBe('0.00%');
    expect(model.texts?.[5][6]).toBe('100.00%');
    expect(model.formulas?.[12][7]).toBe('=G13');
  });

  it('a sheet of one cell (Value2 a scalar) and an empty sheet read', async () => {
    const book = new EtBook();
    book.addSheet('空');
    book.addSheet('一格').put('C3', '项目名称');
    const host = new WpsHost(book.app());
    expect((await host.readSheet('一格')).values).toEqual([['项目名称']]);
    expect((await host.readSheet('空')).values).toEqual([]);
  });

  it('merged areas of 100 stacked forms are found without a call per cell', async () => {
    const book = new EtBook();
    const ws = book.addSheet('汇总');
    stackForms(asForms(ws), 100);
    const app = book.app();
    const sheet = app.ActiveWorkbook!.ActiveSheet;
    const before = book.calls; // the fake counts every ET call it serves
    const found = mergedAreas(sheet, 0, 0, 3000, 10, (y, x) => {
      const c = ws.cellAt(y, x);
      return c?.value === undefined && !c?.formula;
    });
    const calls = book.calls - before;
    expect(found.length).toBe(ws.merges.length);
    expect(new Set(found.map((m) => JSON.stringify(m)))).toEqual(new Set(ws.merges.map((m) => JSON.stringify(m))));
    // 30,000 cells; the halving asks far fewer.
    expect(calls).toBeLessThan(30_000);
    expect(calls).toBeLessThanOrEqual(6 * ws.merges.length); // about five a merged area, nothing per plain cell
    console.info(`merged areas of 100 forms (${ws.merges.length} areas, 30,000 cells): ${calls} ET calls`);
  });

  it('the fixture-free path: a whole check of a stacked sheet through the host', async () => {
    const book = new EtBook();
    const ws = book.addSheet('汇总');
    stackForms(asForms(ws), 3);
    const host = new WpsHost(book.app());
    const result = check(await host.readSheet(), MOF);
    expect(result.forms).toHaveLength(3);
  });

  it('sheet names: visible ones in order; the active one; select activates', async () => {
    const { book, host } = setup();
    book.addSheet('表2');
    book.addSheet('隐藏').visible = 0;
    expect(await host.sheetNames()).toEqual(['表1', '表2']);
    expect(await host.activeSheetName()).toBe('表1');
    await host.selectCell('表2', 'b3');
    expect(book.active?.name).toBe('表2');
    expect(book.selection).toBe('B3');
  });

  it('no workbook open: a plain message', async () => {
    const book = new EtBook();
    const err = await new WpsHost(book.app()).readSheet().catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toContain('没有打开的工作簿');
  });
});

describe('WpsHost: fixes, report, settings', () => {
  it('applyFix writes with the format and refuses a formula cell', async () => {
    const { ws, f, host } = setup();
    await host.applyFix('表1', f.rate, 0.9999, '0.00%');
    expect(ws.cell(f.rate)).toMatchObject({ value: 0.9999, format: '0.00%' });
    const err = await host.applyFix('表1', f.total, 95).catch((e) => e);
    expect(err.reason).toBe('formula');
    expect(ws.cell(f.total)?.formula).toMatch(/^=/);
  });

  it('exportReport adds 校验报告 and replaces its contents the next time', async () => {
    const { book, host } = setup();
    const row = { sheet: '2022', form: '项目1', cell: 'G6', severity: 'error', code: 'EXECUTION_RATE_MISMATCH', message: '执行率不符' };
    await host.exportReport([row, { ...row, severity: 'warning' }]);
    const rep = book.sheet('校验报告');
    expect(rep.cell('A2')).toMatchObject({ value: '2022', format: '@' });
    expect(rep.cell('D3')?.value).toBe('警告');
    await host.exportReport([row]);
    expect(book.sheets.filter((s) => s.name === '校验报告')).toHaveLength(1);
    expect(book.sheet('校验报告').cell('A3')?.value).toBeUndefined();
  });

  it('settings live in the document; a long profile is chunked and read back whole', async () => {
    const { book, host } = setup();
    const profile = JSON.stringify({ extends: 'mof', name: '某省'.repeat(200) });
    await host.saveSetting('profile', profile);
    await host.saveSetting('profile', profile + ' ');
    expect(await new WpsHost(book.app()).loadSetting('profile')).toBe(profile + ' ');
    for (const v of book.props.values()) expect(String(v).length).toBeLessThanOrEqual(255);
    // The older generation's chunks are gone.
    expect([...book.props.keys()].filter((k) => k.startsWith('selfeval.setting.profile.')).length).toBe(Math.ceil((profile.length + 1) / 255));
  });

  it('a chunked text whose write fails part-way leaves the old text readable', () => {
    const book = new EtBook();
    book.addSheet('表1');
    const props = new DocProps(() => book.app().ActiveWorkbook!.CustomDocumentProperties);
    props.write('k', 'a'.repeat(600));
    book.failWriteAt = 2;
    expect(() => props.write('k', 'b'.repeat(600))).toThrow();
    expect(props.read('k')).toBe('a'.repeat(600));
  });
});

describe('wpsApplication: the host chosen from the globals present', () => {
  it('WPS 表格: Application with workbooks; 文字 or a plain browser: none', () => {
    const book = new EtBook();
    book.addSheet('表1');
    expect(wpsApplication({ Application: book.app() })).not.toBeNull();
    expect(wpsApplication({ wps: book.app() })).not.toBeNull();
    expect(wpsApplication({ Application: { ActiveDocument: {} } })).toBeNull();
    expect(wpsApplication({})).toBeNull();
  });
});
