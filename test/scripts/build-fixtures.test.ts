import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HENGYANG_PROJECTS } from '../seedFacts';
import {
  aktoForm,
  buildAll,
  realTables,
  departmentForm,
  effectiveLevels,
  hengyangForms,
  joinSplitRows,
  lincangForm,
  newWorkbook,
  parseTableRows,
  splitTarget,
  typed,
  workbookBuffer,
  writeDepartmentForm,
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
    expect(forms.map((f) => trim(f.projectName))).toEqual(HENGYANG_PROJECTS);
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

describe('seed 002 (衡阳, 附件3 部门整体支出绩效自评表)', () => {
  const d = departmentForm();

  it('parses the header and the budget block as written', () => {
    expect(d.title).toBe('部门整体支出绩效自评表');
    expect(d.unitLine).toMatch(/^填报单位： （盖章） +（2022年度）$/u);
    expect(d.yearLine).toBe('（2022年度）');
    expect(d.departmentLabel).toBe('部门名称');
    expect(d.department).toBe('衡阳市人民政府办公室　');
    expect(trim(d.department)).toBe('衡阳市人民政府办公室');
    expect(d.budgetHeader).toEqual(['执行数', '资金执行率', '分值', '得分']);
    expect(d.budgetLabel).toBe('年度预算\n申请（万元）');
    expect([d.planned, d.executed, d.rate, d.weight, d.score]).toEqual(['资金总额：2677.71', '4848.13', '143.91%', '10', '10']);
    expect(d.budgetLines.map(([l, r]) => [trim(l), trim(r)])).toEqual([
      ['按收入性质分：', '按指出性质分：'],
      ['其中： 一般公共预算收入：2677.71', '其中：基本支出：1839.57'],
      ['政府性基金拨款：', '项目支出：838.14'],
      ['纳入专户管理的非税收入拨款：', ''],
      ['其他资金：', ''],
    ]);
    expect(d.dutiesLabel).toBe('部门职能职责概述');
    expect(d.goalLabel).toBe('整体绩效\n目标');
    expect(d.indicatorsLabel).toBe('部门整体支出年度绩效指标');
  });

  it('has 14 indicators, 满意度 a 二级 under the 效益 一级 cell, 总分 100 with an empty score', () => {
    expect(d.indicators).toHaveLength(14);
    expect(d.indicators[0]).toMatchObject({
      level1: '产出\n指标\n(50分)',
      level2: '数量指标',
      level3: '督查督办次数',
      target: '30次以上',
      actual: '100%',
      weight: '15',
      score: '　15',
    });
    expect(d.indicators.map((i) => i.level1).filter((x) => x !== null)).toEqual(['产出\n指标\n(50分)', '效益\n指标\n（40分）']);
    const k = d.indicators.findIndex((i) => i.level2 === '社会公众或服务对象满意度');
    expect(k).toBe(12);
    expect(d.indicators[k].level1).toBeNull();
    expect(effectiveLevels(d)[k]).toEqual({ level1: '效益\n指标\n（40分）', level2: '社会公众或服务对象满意度' });
    expect(effectiveLevels(d)[13].level2).toBe('社会公众或服务对象满意度');
    expect(d.indicators.reduce((s, i) => s + Number(trim(i.weight)), 0)).toBe(90);
    expect(d.indicators.reduce((s, i) => s + Number(trim(i.score)), 0)).toBe(90);
    expect(trim(d.total.label)).toBe('总分');
    expect(d.total).toMatchObject({ weight: '100', score: '', tail: '' });
  });

  it('writes at the template addresses', () => {
    const L = writeDepartmentForm(newWorkbook().addWorksheet('t'), d, { row: 1, col: 1 });
    expect(L).toMatchObject({
      range: 'A1:J27',
      department: 'B3',
      budgetHeaderRow: 3,
      budgetRow: 4,
      budgetLabel: 'A4',
      planned: 'B4',
      executed: 'E4',
      rate: 'F4',
      budgetWeight: 'G4',
      budgetScore: 'H4',
      duties: 'B10',
      goal: 'B11',
      indicatorHeaderRow: 12,
      totalRow: 27,
      totalWeight: 'G27',
      totalScore: 'H27',
    });
    expect(L.budgetLines.map((b) => [b.row, b.left, b.right])).toEqual([5, 6, 7, 8, 9].map((r) => [r, `B${r}`, `E${r}`]));
    expect(L.indicatorRows).toEqual(Array.from({ length: 14 }, (_, k) => 13 + k));
    expect(L.indicators[0]).toMatchObject({ level1: 'B13', level2: 'C13', level3: 'D13', target: 'E13', actual: 'F13', weight: 'G13', score: 'H13', reason: 'I13' });
    expect(L.indicators[13]).toMatchObject({ level1: 'B20', level2: 'C25' });
    const moved = writeDepartmentForm(newWorkbook().addWorksheet('t'), d, { row: 5, col: 3 });
    expect(moved).toMatchObject({ range: 'C5:L31', department: 'D7', planned: 'D8', rate: 'H8', totalScore: 'J31' });
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
    // Building and re-reading every fixture (the real tables included) takes seconds on a loaded machine.
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file, fast', () => {
    const real = files.filter((f) => basename(dirname(f)) === 'realworld');
    expect(real.map((f) => basename(f)).sort()).toEqual(realTables().map((t) => `${t.id}.xlsx`));
    expect(files.filter((f) => !real.includes(f)).map((f) => basename(f)).sort()).toEqual(
      [
        'akto-empty-scores.xlsx',
        'blank-columns.xlsx',
        'clean.xlsx',
        'errors.xlsx',
        'formulas.xlsx',
        'hengyang-department.xlsx',
        'hengyang-one-per-sheet.xlsx',
        'hengyang-stacked.xlsx',
        'label-variants.xlsx',
        'lincang-template.xlsx',
        'offset.xlsx',
        'sample.xlsx',
        'side-by-side.xlsx',
        'split-target.xlsx',
        'yanjiang-scoring.xlsx',
        'yanjiang-targets.xlsx',
        'yanjiang-stacked.xlsx',
        'wuhua-evaluation.xlsx',
        'wuhua-evaluation-40-unmerged.xlsx',
        'stacked-family-a-c.xlsx',
        'beside-family-a-c.xlsx',
        'clean-scoring.xlsx',
        'clean-evaluation.xlsx',
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

  it('hengyang-department: the 部门整体 form of 002 with its merges, values as written', () => {
    const wb = book('hengyang-department.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['部门整体']);
    const ws = wb.getWorksheet('部门整体')!;
    const v = (a: string): unknown => ws.getCell(a).value;
    const m = merges(ws);
    for (const r of [
      'A1:J1', 'A2:J2', 'B3:D3', 'H3:J3', 'A4:A9', 'B4:D4', 'H4:J4',
      'B5:D5', 'E5:J5', 'B9:D9', 'E9:J9', 'B10:J10', 'B11:J11',
      'A12:A26', 'I12:J12', 'B13:B19', 'B20:B26', 'C13:C14', 'C15:C16', 'C17:C18', 'C21:C22', 'C25:C26', 'I13:J13',
      'A27:F27', 'I27:J27',
    ])
      expect(m).toContain(r);
    for (const single of ['C19', 'C20', 'C23', 'C24']) expect(m.some((x) => x.startsWith(`${single}:`))).toBe(false);

    expect(v('A1')).toBe('部门整体支出绩效自评表');
    expect(v('A2')).toMatch(/^填报单位： （盖章） +（2022年度）$/u);
    expect([v('A3'), v('B3'), v('E3'), v('F3'), v('G3'), v('H3')]).toEqual(['部门名称', '衡阳市人民政府办公室　', '执行数', '资金执行率', '分值', '得分']);
    expect([v('A4'), v('B4'), v('E4'), v('G4'), v('H4')]).toEqual(['年度预算\n申请（万元）', '资金总额：2677.71', 4848.13, 10, 10]);
    expect(v('F4')).toBeCloseTo(1.4391, 10);
    expect(ws.getCell('F4').numFmt).toBe('0.00%');
    expect(trim(v('B5'))).toBe('按收入性质分：');
    expect(v('E5')).toBe('按指出性质分：');
    expect(v('E7')).toBe('项目支出：838.14'); // text, as written
    expect(v('E8')).toBeNull();
    expect([v('A10'), v('B10'), v('A11'), v('B11')]).toEqual([
      '部门职能职责概述',
      '通过预算执行，保障政府办在职人员正常办公、生活秩序',
      '整体绩效\n目标',
      '保障政府机关大院正常运转及各项工作任务完成',
    ]);
    expect([v('A12'), v('B12'), v('E12'), v('I12')]).toEqual(['部门整体支出年度绩效指标', '一级指标', '年度\n指标值', '偏差原因\n分析及\n改进措施']);
    expect([v('B13'), v('C13'), v('D13'), v('E13'), v('F13'), v('G13'), v('H13')]).toEqual(['产出\n指标\n(50分)', '数量指标', '督查督办次数', '30次以上', 1, 15, '　15']);
    expect(ws.getCell('F13').numFmt).toBe('0%');
    expect(v('E15')).toBe(1); // 100% target
    expect(v('G16')).toBe('　  5'); // padded weight stays text
    expect(v('B20')).toBe('效益\n指标\n（40分）');
    expect(v('F21')).toBeCloseTo(0.96, 10);
    expect([v('C25'), v('D25'), v('D26')]).toEqual(['社会公众或服务对象满意度', '市委、市政府领导满意度', '社会民众满意度']);
    expect(trim(v('A27'))).toBe('总分');
    expect([v('G27'), v('H27'), v('I27')]).toEqual([100, null, null]);
    expect(ws.getCell('H27').border?.top?.style).toBe('thin');
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

  it('assets/sample.xlsx: three 衡阳 forms with 主管部门 filled and their real problems, the 临沧 and 阿克陶 forms, then a 计分表 and a targets table', () => {
    const wb = book('sample.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '大院维护费',
      '大院保安转辅警经费',
      '政务督查经费',
      '驻京联络处工作经费',
      '阿克陶工作经费（待计分）',
      '运行运转保障经费计分表',
      '运行运转保障经费目标完成情况',
    ]);
    const c = wb.getWorksheet('运行运转保障经费计分表')!;
    expect([c.getCell('A1').value, c.getCell('A2').value, c.getCell('F25').value]).toEqual(['2022年度区本级项目支出绩效自评计分表', '（运行运转保障经费）', 99.35]);
    const t = wb.getWorksheet('运行运转保障经费目标完成情况')!;
    expect([t.getCell('A1').value, t.getCell('B2').value]).toEqual(['2022年度区本级项目支出绩效目标完成情况表', '　运行运转保障经费']);
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
