import { describe, expect, it } from 'vitest';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { HostError } from '../../../src/hosts/host';
import { SheetView } from '../../../src/core/sheet';
import { READ_BYTES_PER_CELL, WEB_PAYLOAD_BUDGET, firstSyncHorizon, rowBytes } from '../../../src/hosts/excel/limits';
import { FakeWorkbook } from './fakeExcel';
import { FORM_ROWS, stackForms, writeForm } from './forms';

describe('ExcelHost.readSheet', () => {
  it('builds the SheetModel: offsets, typed values, formulas, errors, texts, formats, merges', async () => {
    const wb = new FakeWorkbook();
    const ws = wb.addSheet('表1');
    const f = writeForm(ws, 3); // form starts at row 3, column A
    ws.putError('K5', '#DIV/0!', '=1/0');
    ws.put('L4', '　152.5');
    const host = new ExcelHost(wb.env());

    const model = await host.readSheet('表1');
    const view = new SheetView(model);

    expect(model.name).toBe('表1');
    expect(model.top).toBe(2);
    expect(model.left).toBe(0);
    expect(view.value(2, 0)).toBe('项目支出绩效自评表');
    expect(view.value(2, 5)).toBe('项目支出绩效自评表'); // merged A3:J3 → master
    const rate = view.value(3 + 5 - 1, 6);
    expect(rate).toBe(1);
    expect(view.format(3 + 5 - 1, 6)).toBe('0.00%');
    expect(view.text(3 + 5 - 1, 6)).toBe('100.00%');
    expect(view.formula(14, 7)).toBe(`=G${15}`); // H15, first indicator score
    expect(f.formulaScore).toBe('H15');
    expect(view.value(4, 10)).toEqual({ error: '#DIV/0!' });
    expect(view.value(3, 11)).toBe('　152.5'); // text stays text; the core parses it
    expect(view.isEmpty(15, 7)).toBe(true); // H16, the empty score
    expect(model.merges).toContainEqual({ top: 2, left: 0, bottom: 2, right: 9 });
    expect(model.merges).toContainEqual({ top: 14, left: 1, bottom: 21, right: 1 }); // 产出 block, B15:B22
  });

  it('reads the active sheet when no name is given', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('封面').put('A1', '封面');
    wb.addSheet('表2').put('B2', 'x');
    wb.activeName = '表2';
    const model = await new ExcelHost(wb.env()).readSheet();
    expect(model.name).toBe('表2');
    expect(model.values).toEqual([['x']]);
    expect(model.top).toBe(1);
  });

  it('reads an empty sheet as one empty cell', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('空');
    const model = await new ExcelHost(wb.env()).readSheet('空');
    expect(model.values).toEqual([[null]]);
    expect(model.merges).toEqual([]);
  });

  it('one sheet of 1,000 stacked forms (30,000 rows × 10 columns) is ONE read sync on Windows/Mac', async () => {
    const wb = new FakeWorkbook('desktop');
    const ws = wb.addSheet('汇总');
    const forms = stackForms(ws, 1000);
    const before = wb.syncs.length;

    const model = await new ExcelHost(wb.env()).readSheet('汇总');

    const syncs = wb.since(before);
    expect(syncs).toHaveLength(1);
    expect(model.values.length).toBe(1000 * FORM_ROWS - 1); // the last form's blank row is not used
    expect(model.values[0].length).toBe(9); // getUsedRange(true): column J holds no value, only merges
    expect(model.merges.length).toBe(ws.merges.length);
    const last = forms[999];
    const view = new SheetView(model);
    expect(view.value(last.top - 1, 0)).toBe('项目支出绩效自评表');
    // What one sync carried: the data (estimated at 64 bytes per cell), and for the write to come the
    // fill of every cell and of the two margin columns J:K (128 per cell), K's number formats (16).
    const cells = model.values.length * 9;
    expect(syncs[0].responseBytes / cells).toBeLessThan(rowBytes(9) / 9);
    console.info(
      `1,000 forms: 1 sync, response ${(syncs[0].responseBytes / 1e6).toFixed(1)} MB ` +
        `(${(syncs[0].responseBytes / cells).toFixed(0)} B per used cell, estimate ${(rowBytes(9) / 9).toFixed(0)}), ` +
        `request ${(syncs[0].requestBytes / 1e3).toFixed(0)} kB`,
    );
  });

  it('on the web the same sheet is read in chunks that each stay under the 5 MB response limit', async () => {
    const wb = new FakeWorkbook('web');
    const ws = wb.addSheet('汇总');
    stackForms(ws, 1000);
    const before = wb.syncs.length;

    const model = await new ExcelHost(wb.env()).readSheet('汇总');

    const syncs = wb.since(before);
    expect(syncs.every((s) => !s.failed)).toBe(true);
    expect(syncs.every((s) => s.responseBytes <= WEB_PAYLOAD_BUDGET)).toBe(true);
    // The first sync: rows 1..horizon with their fills. The rest: about one sync per 4 MB of estimated
    // data; their fills are not read (they would cost ~11 more syncs; applyMarks loads the few cells it
    // marks there instead, in one sync).
    const rest = (29_999 - firstSyncHorizon('web')) * 9 * READ_BYTES_PER_CELL;
    expect(syncs.length).toBeLessThanOrEqual(1 + Math.ceil(rest / WEB_PAYLOAD_BUDGET) + 1);
    expect(model.values.length).toBe(29_999);
    expect(model.merges.length).toBe(ws.merges.length);
    console.info(`1,000 forms on the web: ${syncs.length} syncs`);
  });

  it('on the web a sheet wider than the first sync assumed: the oversized syncs fail and are split', async () => {
    const wb = new FakeWorkbook('web');
    const ws = wb.addSheet('宽表');
    for (let r = 0; r < 3000; r++) for (let c = 0; c < 60; c++) ws.edit(r, c).value = `第${r}行第${c}列的说明文字`;
    const before = wb.syncs.length;
    const model = await new ExcelHost(wb.env()).readSheet('宽表');
    const syncs = wb.since(before);
    expect(syncs.some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(model.values).toHaveLength(3000);
    expect(model.values[2999][59]).toBe('第2999行第59列的说明文字');
    console.info(`3,000 × 60 long texts on the web: ${syncs.length} syncs, ${syncs.filter((s) => s.failed).length} failed and split`);
  });

  it('a small form on the web is one sync', async () => {
    const wb = new FakeWorkbook('web');
    writeForm(wb.addSheet('表1'), 1);
    const before = wb.syncs.length;
    await new ExcelHost(wb.env()).readSheet('表1');
    expect(wb.since(before)).toHaveLength(1);
  });

  it('rows below the first sync horizon are read by one more sync', async () => {
    const wb = new FakeWorkbook('desktop');
    const ws = wb.addSheet('长表');
    writeForm(ws, 1);
    writeForm(ws, 70_001); // below DESKTOP_ROW_HORIZON (65,536)
    const before = wb.syncs.length;
    const model = await new ExcelHost(wb.env()).readSheet('长表');
    expect(wb.since(before)).toHaveLength(2);
    expect(model.merges.length).toBe(ws.merges.length);
    expect(new SheetView(model).value(70_000, 0)).toBe('项目支出绩效自评表');
  });

  it('more than 512 merged areas in one block: the failed sync is split and retried', async () => {
    const wb = new FakeWorkbook('desktop');
    const ws = wb.addSheet('密');
    for (let r = 1; r <= 100; r++) for (let c = 0; c < 12; c += 2) {
      const a = `${'ABCDEFGHIJKL'[c]}${r}`;
      ws.put(a, r).merge(`${a}:${'ABCDEFGHIJKL'[c + 1]}${r}`); // 600 merges in rows 1..100
    }
    const model = await new ExcelHost(wb.env()).readSheet('密');
    expect(model.merges).toHaveLength(600);
    expect(wb.syncs.some((s) => s.failed === 'GeneralException')).toBe(true);
  });

  it('a sheet that does not exist is a HostError naming it', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('表1');
    const err = await new ExcelHost(wb.env()).readSheet('表9').catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.reason).toBe('read-failed');
    expect(err.message).toContain('表9');
  });

  it('a protected sheet can be read', async () => {
    const wb = new FakeWorkbook();
    const ws = wb.addSheet('表1');
    writeForm(ws, 1);
    ws.protected = true;
    const model = await new ExcelHost(wb.env()).readSheet('表1');
    expect(model.values.length).toBe(29);
  });
});

describe('a read over the cell limit', () => {
  it('that answers null instead of failing (performance.md) is read again in smaller parts, to the same model', async () => {
    const make = () => {
      const wb = new FakeWorkbook('desktop', '1.20');
      stackForms(wb.addSheet('汇总'), 20);
      return wb;
    };
    const wb = make();
    wb.nullOnLargeRead = true;
    wb.cellReadLimit = 2_000; // the 20 forms hold more: the first, whole read answers null
    const model = await new ExcelHost(wb.env()).readSheet('汇总');
    const expected = await new ExcelHost(make().env()).readSheet('汇总');
    const key = (m: { top: number; left: number }) => m.top * 20_000 + m.left;
    const sorted = (x: typeof model) => ({ ...x, merges: [...x.merges].sort((a, b) => key(a) - key(b)) });
    expect(sorted(model)).toEqual(sorted(expected)); // merges found block by block: another order
    expect(wb.nullReads).toBeGreaterThan(0); // the limit was reached: a read did answer null
    expect(wb.syncs.length).toBeGreaterThan(2);
  });
});
