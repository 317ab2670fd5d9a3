import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aktoForm,
  buildAll,
  effectiveLevels,
  hengyangForms,
  joinSplitRows,
  lincangForm,
  newWorkbook,
  parseTableRows,
  splitTarget,
  typed,
  workbookBuffer,
  writeForm,
  type FormData,
} from '../../scripts/build-fixtures';

const trim = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/^\s+|\s+$/gu, '') : v);

describe('seed table reader', () => {
  it('splits rows at a blank line before a tab line and keeps multi-line cells', () => {
    const rows = parseTableRows(['prose', '\t项目支', '出名称', '\t工作经费', '', '\t年初', '', '预算数', '\t', '\t50']);
    expect(rows).toEqual([
      ['项目支\n出名称', '工作经费'],
      ['年初\n\n预算数', '', '50'],
    ]);
  });

  it('re-joins a row that an empty paragraph cut in two', () => {
    expect(joinSplitRows([['', 'a'], ['b', 'c'], ['x', 'y', 'z', 'w']], 4)).toEqual([['', 'a', 'b', 'c'], ['x', 'y', 'z', 'w']]);
    expect(joinSplitRows([['a', 'b'], ['c']], 4)).toEqual([['a', 'b'], ['c']]);
  });

  it('types cells the way Excel does', () => {
    expect(typed('15')).toEqual({ value: 15 });
    expect(typed('152.5')).toEqual({ value: 152.5 });
    expect(typed('100%')).toEqual({ value: 1, numFmt: '0%' });
    expect(typed('136.58%')).toEqual({ value: 1.3658, numFmt: '0.00%' });
    for (const junk of ['　152.5', '　15', '　  5', '5　', '　100%', '31..5', '30 ', '十五', '30人']) expect(typed(junk)).toEqual({ value: junk });
    expect(typed('')).toEqual({ value: null });
  });

  it('splits targets into 指标性质 / 指标值 / 度量单位', () => {
    expect(splitTarget('30人')).toEqual(['=', '30', '人']);
    expect(splitTarget('不高于3800元')).toEqual(['≤', '3800', '元']);
    expect(splitTarget('95%以上')).toEqual(['≥', '95', '%']);
    expect(splitTarget('满意')).toEqual(['定性', '满意', null]);
  });
});

describe('seed 002 (衡阳, 附件4)', () => {
  const forms = hengyangForms();

  it('has twelve project forms with their names', () => {
    expect(forms.map((f) => trim(f.projectName))).toEqual([
      '大院保安转辅警经费',
      '大院保维护费、会务中心维护费',
      '机要工作经费',
      '纪检派驻机构专项经费',
      '水电补助',
      '其他补助经费机关大院改造及设备购置及防空办优化办经费',
      '物业管理费',
      '县市区长会议经费及电视电话会议经费',
      '信访工作经费、应急管理工作经费',
      '政府业务经费、政府综合治理工作经费',
      '综合调研经费',
      '政务督查经费',
    ]);
    for (const f of forms) {
      expect(f.projectNameLabel).toBe('项目支\n出名称');
      expect(f.yearLine).toBe('（2022年度）');
      expect(f.funds.map((r) => trim(r[0]))).toEqual(['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']);
      expect(trim(f.total.weight)).toBe('100');
      expect(f.total.gradeLabel).toBeNull();
    }
  });

  it('form 1: first indicator 预计转辅警人 30人 / 30人 / 15 / 15, funds as written', () => {
    const f = forms[0];
    expect(f.indicators[0]).toMatchObject({
      level1: '产出\n指标\n\n(50分)',
      level2: '数量指标',
      level3: '预计转辅警人',
      target: '30人',
      actual: '30人',
      weight: '15',
      score: '15',
    });
    expect(f.indicators).toHaveLength(9);
    expect(f.funds[0]).toEqual(['年度资金总额　', '　152.5', '　152.5', '　152.5', '　10', '　100%', '　10']);
    expect(trim(f.department)).toBe('');
    expect(trim(f.implementer)).toBe('保卫信访科');
  });

  it('keeps the real problems: 136.58% rate, the `31..5` cell', () => {
    expect(forms[1].funds[0][5]).toBe('136.58%');
    const duc = forms.find((f) => trim(f.projectName) === '政务督查经费')!;
    expect(duc.funds.flat()).toContain('　31..5');
  });

  it('其他补助经费: one 一级 cell holds both 产出 and 效益', () => {
    const f = forms.find((x) => String(x.projectName).startsWith('其他补助经费'))!;
    const l1 = f.indicators.map((i) => i.level1).filter((x): x is string => x !== null);
    expect(l1).toHaveLength(2);
    expect(l1[0]).toContain('产出');
    expect(l1[0]).toContain('效益');
    expect(effectiveLevels(f).slice(0, 5).every((l) => l.level1 === l1[0])).toBe(true);
  });
});

describe('seed 000 (临沧, 附件1)', () => {
  const f = lincangForm();

  it('keeps the template rows and the 满意度 row', () => {
    expect(trim(f.projectName)).toBe('驻京联络处2021工作经费');
    expect(f.implementerLabel).toBe('资金使用单位');
    expect(f.funds).toHaveLength(5);
    expect(f.indicators).toHaveLength(27);
    expect(f.indicators.filter((i) => i.level3 === '指标2：')).toHaveLength(9);
    expect(f.indicators.filter((i) => i.level3 === '')).toHaveLength(2);
    const sat = f.indicators.find((i) => i.level1?.includes('满意度'))!;
    expect([sat.target, sat.actual, trim(sat.weight), trim(sat.score)]).toEqual(['99%', '100%', '30', '29']);
  });

  it('总分 99, 自评等级 优', () => {
    expect(f.total).toMatchObject({ weight: '100', score: '99', gradeLabel: '自评等级', grade: '优' });
  });
});

describe('seed 001 (阿克陶, prose)', () => {
  const f = aktoForm();

  it('builds the indicators from the prose with empty scores and weights summing to 90', () => {
    expect(f.projectName).toBe('工作经费');
    expect(f.funds[0].slice(1, 4)).toEqual(['192.05', '192.05', '192.05']);
    expect(f.indicators[0]).toMatchObject({ level3: '保障职工人数（人）', target: '=44人', actual: '44人', weight: 2 });
    expect(f.indicators.every((i) => i.score === null)).toBe(true);
    expect(f.indicators.reduce((s, i) => s + Number(i.weight), 0)).toBe(90);
    const sat = f.indicators[f.indicators.length - 1];
    expect(sat).toMatchObject({ target: '>=95%', actual: '95%', weight: 10 });
  });
});

describe('writeForm layout', () => {
  it('puts form 1 at the template addresses', () => {
    const ws = newWorkbook().addWorksheet('t');
    const L = writeForm(ws, hengyangForms()[0], { row: 1, col: 1 });
    expect(L).toMatchObject({
      range: 'A1:J23',
      projectName: 'C4',
      department: 'C5',
      implementer: 'I5',
      rate: 'H7',
      budgetWeight: 'G7',
      budgetScore: 'I7',
      indicatorHeaderRow: 13,
      totalRow: 23,
      totalWeight: 'G23',
      totalScore: 'H23',
      grade: null,
    });
    expect(L.indicatorRows).toEqual([14, 15, 16, 17, 18, 19, 20, 21, 22]);
    expect(L.indicators[0]).toMatchObject({ level1: 'B14', level2: 'C14', level3: 'D14', target: 'E14', actual: 'F14', weight: 'G14', score: 'H14', reason: 'I14' });
    expect(L.indicators[2].level2).toBe('C15'); // 执勤率 shares the 质量指标 cell
  });

  it('moves with its origin and widens with gaps', () => {
    const ws = newWorkbook().addWorksheet('t');
    const form = hengyangForms()[0];
    expect(writeForm(ws, form, { row: 5, col: 4 })).toMatchObject({ range: 'D5:M27', rate: 'K11', projectName: 'F8' });
    const ws2 = newWorkbook().addWorksheet('t');
    expect(writeForm(ws2, form, { row: 1, col: 1 }, { colGap: 1 })).toMatchObject({ range: 'A1:S23', rate: 'O7', projectName: 'E4' });
  });
});

describe('written fixtures', () => {
  let dir: string;
  let files: string[];
  const books = new Map<string, ExcelJS.Workbook>();
  const book = (name: string): ExcelJS.Workbook => books.get(name)!;
  const merges = (ws: ExcelJS.Worksheet): string[] => ws.model.merges ?? [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
    files = await buildAll(dir, { assetsDir: join(dir, 'assets') });
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
      books.set(basename(f), wb);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file, fast', () => {
    expect(files.map((f) => basename(f)).sort()).toEqual(
      [
        'akto-empty-scores.xlsx',
        'blank-columns.xlsx',
        'clean.xlsx',
        'errors.xlsx',
        'formulas.xlsx',
        'hengyang-one-per-sheet.xlsx',
        'hengyang-stacked.xlsx',
        'label-variants.xlsx',
        'lincang-template.xlsx',
        'offset.xlsx',
        'sample.xlsx',
        'side-by-side.xlsx',
        'split-target.xlsx',
      ].sort(),
    );
  });

  it('hengyang-one-per-sheet: merges and values at the layout addresses', () => {
    const wb = book('hengyang-one-per-sheet.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(Array.from({ length: 12 }, (_, k) => `表${k + 1}`));
    const ws = wb.getWorksheet('表1')!;
    const m = merges(ws);
    for (const r of ['A1:J1', 'A2:J2', 'A3:J3', 'A4:B4', 'C4:J4', 'C5:F5', 'G5:H5', 'I5:J5', 'A6:A10', 'B7:C7', 'I7:J7', 'A11:A12', 'B12:F12', 'G12:J12', 'A13:A22', 'B14:B18', 'C15:C16', 'B19:B20', 'B21:B22', 'C21:C22', 'I14:J14', 'A23:F23', 'I23:J23'])
      expect(m).toContain(r);
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(ws.getCell('A4').value).toBe('项目支\n出名称');
    expect(ws.getCell('C4').value).toBe('大院保安转辅警经费　');
    expect(ws.getCell('D6').value).toBe('年初\n预算数');
    expect(ws.getCell('E7').value).toBe('　152.5'); // junk stays text
    expect(ws.getCell('H7').value).toBe('　100%');
    expect(ws.getCell('B14').value).toBe('产出\n指标\n\n(50分)');
    expect([ws.getCell('D14').value, ws.getCell('E14').value, ws.getCell('F14').value, ws.getCell('G14').value, ws.getCell('H14').value]).toEqual(['预计转辅警人', '30人', '30人', 15, 15]);
    expect(ws.getCell('E15').value).toBe(1);
    expect(ws.getCell('E15').numFmt).toBe('0%');
    expect([ws.getCell('A23').value, ws.getCell('G23').value, ws.getCell('H23').value]).toEqual(['总分', 100, '　100']);
    expect(ws.getCell('C4').border?.top?.style).toBe('thin');

    const rate2 = wb.getWorksheet('表2')!.getCell('H7');
    expect(rate2.value).toBeCloseTo(1.3658, 10);
    expect(rate2.numFmt).toBe('0.00%');
    expect(wb.getWorksheet('表12')!.getCell('F8').value).toBe('　31..5');
  });

  it('hengyang-stacked: twelve forms, three blank rows apart', () => {
    const ws = book('hengyang-stacked.xlsx').getWorksheet('汇总')!;
    const titles: number[] = [];
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === '项目支出绩效自评表') titles.push(n);
    });
    expect(titles).toHaveLength(12);
    expect(titles[1]).toBe(23 + 3 + 1); // rows 24..26 blank
    expect(ws.getCell(`C${titles[11] + 3}`).value).toBe('　政务督查经费');
  });

  it('lincang-template: template rows, 满意度, 总分 / 自评等级', () => {
    const ws = book('lincang-template.xlsx').getWorksheet('自评表')!;
    const L = writeForm(newWorkbook().addWorksheet('x'), lincangForm(), { row: 1, col: 1 });
    expect(L.funds).toHaveLength(5);
    expect(merges(ws)).toContain(`A6:A11`);
    const sat = L.indicators[24];
    expect(ws.getCell(sat.target).value).toBe(0.99);
    expect(ws.getCell(sat.actual).value).toBe(1);
    expect(ws.getCell(sat.weight).value).toBe('30 ');
    expect(ws.getCell(sat.score).value).toBe('29 ');
    expect(ws.getCell(L.indicators[1].level3).value).toBe('指标2：');
    expect(ws.getCell(L.totalScore).value).toBe(99);
    expect(ws.getCell(L.gradeLabel!).value).toBe('自评等级');
    expect(ws.getCell(L.grade!).value).toBe('优');
    expect(ws.getCell(`A${L.notesRow}`).value).toBe('其他需要说明的事项');
  });

  it('akto-empty-scores: scores empty, weights numbers', () => {
    const ws = book('akto-empty-scores.xlsx').worksheets[0];
    expect(ws.getCell('C4').value).toBe('工作经费');
    expect(ws.getCell('E7').value).toBe(192.05);
    expect(ws.getCell('H7').value).toBeNull();
    expect(ws.getCell('G14').value).toBe(2);
    expect(ws.getCell('H14').value).toBeNull();
  });

  it('edge cases', () => {
    const off = book('offset.xlsx').worksheets[0];
    expect(off.getCell('D5').value).toBe('项目支出绩效自评表');
    expect(off.getCell('A1').value).toBe('附件4');
    expect(merges(off)).toContain('D5:M5');

    const sbs = book('side-by-side.xlsx').worksheets[0];
    expect(sbs.getCell('A1').value).toBe('项目支出绩效自评表');
    expect(sbs.getCell('L1').value).toBe('项目支出绩效自评表');
    expect(sbs.getCell('N4').value).toBe('大院保维护费、会务中心维护费　');

    const gap = book('blank-columns.xlsx').worksheets[0];
    expect(merges(gap)).toEqual(expect.arrayContaining(['A1:S1', 'A4:C4', 'E4:S4', 'A6:A10', 'Q7:S7']));
    expect(gap.getCell('E4').value).toBe('大院保安转辅警经费　');
    expect(gap.getCell('B4').value).toBe('项目支\n出名称'); // the merged master's value
    expect(gap.getCell('M14').value).toBe(15);

    const lv = book('label-variants.xlsx').worksheets[0];
    expect([lv.getCell('E6').value, lv.getCell('F6').value, lv.getCell('G13').value, lv.getCell('I13').value, lv.getCell('G5').value, lv.getCell('B8').value]).toEqual([
      '调整后预算数',
      '预算执行数',
      '权重',
      '未完成原因分析',
      '项目实施单位',
      '其中：本年财政拨款',
    ]);

    const sp = book('split-target.xlsx').worksheets[0];
    expect([sp.getCell('E13').value, sp.getCell('F13').value, sp.getCell('G13').value]).toEqual(['指标性质', '指标值', '度量单位']);
    expect([sp.getCell('E14').value, sp.getCell('F14').value, sp.getCell('G14').value, sp.getCell('H14').value]).toEqual(['=', 30, '人', '30人']);
    expect(merges(sp)).toContain('E7:G7');

    const fx = book('formulas.xlsx').worksheets[0];
    expect(fx.getCell('H7').value).toEqual({ formula: 'F7/E7', result: 1 });
    expect(fx.getCell('H23').value).toEqual({ formula: 'I7+SUM(H14:H22)', result: 100 });
    expect(fx.getCell('H14').value).toEqual({ formula: 'G14', result: 15 });

    const er = book('errors.xlsx').worksheets[0];
    expect(er.getCell('H7').value).toEqual({ error: '#DIV/0!' });
    expect(er.getCell('G14').value).toBe('十五');

    const cl = book('clean.xlsx').worksheets[0];
    expect([cl.getCell('C5').value, cl.getCell('E7').value, cl.getCell('F7').value, cl.getCell('H7').value, cl.getCell('I7').value]).toEqual(['衡阳市人民政府办公室', 152.5, 152.5, 1, 10]);
    expect([cl.getCell('G23').value, cl.getCell('H23').value, cl.getCell('I23').value, cl.getCell('J23').value]).toEqual([100, 100, '自评等级', '优']);
    let weights = 0;
    for (let r = 14; r <= 22; r++) {
      expect(cl.getCell(`H${r}`).value).toBe(cl.getCell(`G${r}`).value);
      weights += cl.getCell(`G${r}`).value as number;
    }
    expect(weights).toBe(90);
  });

  it('assets/sample.xlsx: three 衡阳 forms with 主管部门 filled and their real problems, the 临沧 and 阿克陶 forms', () => {
    const wb = book('sample.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['大院保安转辅警经费', '大院维护费', '政务督查经费', '驻京联络处工作经费', '阿克陶工作经费（待计分）']);
    for (const ws of wb.worksheets.slice(0, 3)) expect(ws.getCell('C5').value).toBe('衡阳市人民政府办公室');
    expect(wb.getWorksheet('驻京联络处工作经费')!.getCell('C4').value).toBe('驻京联络处2021工作经费');
    expect(wb.getWorksheet('大院维护费')!.getCell('H7').value).toBeCloseTo(1.3658, 10);
    expect(wb.getWorksheet('政务督查经费')!.getCell('F8').value).toBe('　31..5');
  });

  it('is byte-for-byte deterministic', async () => {
    const make = async (): Promise<Buffer> => {
      const wb = newWorkbook();
      hengyangForms().forEach((f: FormData, k) => writeForm(wb.addWorksheet(`表${k + 1}`), f, { row: 1, col: 1 }));
      return workbookBuffer(wb);
    };
    const a = await make();
    await new Promise((r) => setTimeout(r, 1100)); // a different second on the clock
    expect((await make()).equals(a)).toBe(true);
    expect(readFileSync(join(dir, 'hengyang-one-per-sheet.xlsx')).equals(a)).toBe(true);
  });
});
