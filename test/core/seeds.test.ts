import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import type { FormResult, SheetCheck } from '../../src/core/result';
import { LINCANG, MOF } from '../../src/core/rules/profile';
import { fixtureSheets } from '../loadFixture';
import { HENGYANG_PROJECTS, HENGYANG_RATE_MISSTATED } from '../seedFacts';

const HENGYANG = HENGYANG_PROJECTS;
/** The five forms of 002 whose 执行率 is stated against 年初预算数, with what they state. */
const RATE_AGAINST_INITIAL = HENGYANG_RATE_MISSTATED;

const codes = (f: FormResult) => f.findings.map((x) => x.code);

function hengyangFacts(forms: FormResult[]) {
  expect(forms.map((f) => f.projectName)).toEqual(HENGYANG);
  forms.forEach((f, i) => {
    expect(f.kind).toBe('project');
    // Every form of the document states 总分 100 and its scores add up to it.
    expect(f.total).toEqual({ weight: 100, stated: 100, computed: 100 });
    expect(f.grade?.computed).toBe('优');
    expect(f.budget.executionRate).toBe(1);
    expect(f.budget.score).toEqual({ stated: 10, computed: 10 });
    // 主管部门 is blank in every form of the document.
    expect(f.findings.filter((x) => x.code === 'REQUIRED_FIELD_MISSING').map((x) => x.message)).toEqual([expect.stringContaining('主管部门')]);
    const rate = f.findings.filter((x) => x.code === 'EXECUTION_RATE_MISMATCH');
    if (RATE_AGAINST_INITIAL[i]) {
      expect(rate).toHaveLength(1);
      expect(rate[0].message).toContain(`填写为 ${RATE_AGAINST_INITIAL[i]}`);
      expect(rate[0].message).toContain('100.00%');
    } else expect(rate).toHaveLength(0);
    const invalid = f.findings.filter((x) => x.code === 'NUMBER_INVALID');
    if (i === 11) {
      expect(invalid).toHaveLength(1);
      expect(invalid[0].message).toContain('31..5');
    } else expect(invalid).toHaveLength(0);
    const other = codes(f).filter((c) => !['REQUIRED_FIELD_MISSING', 'EXECUTION_RATE_MISMATCH', 'NUMBER_INVALID'].includes(c));
    expect(other, f.projectName!).toEqual([]);
  });
}

describe('002 衡阳: twelve forms, one per sheet', () => {
  let checks: SheetCheck[];
  beforeAll(async () => {
    checks = (await fixtureSheets('hengyang-one-per-sheet.xlsx')).map((s) => check(s));
  });
  it('finds one form per sheet with the facts the document states', () => {
    expect(checks.map((c) => c.forms.length)).toEqual(Array(12).fill(1));
    hengyangFacts(checks.flatMap((c) => c.forms));
  });
  it('reads the first form as the document has it', () => {
    const f = checks[0].forms[0];
    expect(f.range).toBe('A1:J23');
    expect(f.budget).toEqual({ planned: 152.5, executed: 152.5, executionRate: 1, weight: 10, score: { stated: 10, computed: 10 } });
    expect(f.indicators).toHaveLength(9);
    expect(f.indicators[0]).toEqual({
      row: 14, level1: '产出指标', level2: '数量指标', level3: '预计转辅警人', target: '30人', actual: '30人', weight: 15,
      score: { stated: 15, computed: 15, effective: 15 }, rule: '定量指标：实际 30人 ≥ 目标 30人，得满分 15',
    });
    // 不高于3800元 against 100%: a reverse target met to 100% (a completion rate).
    expect(f.indicators[4]).toMatchObject({ level3: '每名辅警的平均月工资数', score: { computed: 5 } });
    expect(f.indicators[4].rule).toContain('完成率');
    // 基本满意 against 95%以上: qualitative, whatever the actual says.
    expect(f.indicators[7]).toMatchObject({ level1: '满意度指标', target: '基本满意', actual: '95%以上', score: { computed: null, effective: 5 } });
    expect(f.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(['REQUIRED_FIELD_MISSING@C5']);
  });
  it('points the findings at the right cells', () => {
    expect(checks[1].forms[0].findings.find((x) => x.code === 'EXECUTION_RATE_MISMATCH')).toMatchObject({ cell: 'H7', severity: 'error', fix: { cell: 'H7', value: 1 } });
    expect(checks[11].forms[0].findings.find((x) => x.code === 'NUMBER_INVALID')).toMatchObject({ cell: 'F8', severity: 'error' });
  });
  it('decides the 一级 of a merged 产出/效益 cell by the 二级 name (其他补助经费)', () => {
    const f = checks[5].forms[0];
    expect(f.indicators.map((i) => i.level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '满意度指标', '满意度指标']);
    expect(codes(f)).not.toContain('WEIGHT_SUM_MISMATCH');
    expect(codes(f)).not.toContain('HIERARCHY_INVALID');
  });
  it('fills nothing: every computed cell is already filled', () => {
    expect(checks.flatMap((c) => c.fills)).toEqual([]);
  });
});

describe('002 衡阳: the twelve forms stacked in one sheet', () => {
  it('finds all twelve with the same facts', async () => {
    const [sheet] = await fixtureSheets('hengyang-stacked.xlsx');
    const r = check(sheet);
    expect(r.forms).toHaveLength(12);
    hengyangFacts(r.forms);
    const tops = r.forms.map((f) => Number(/^A(\d+):/.exec(f.range)![1]));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });
});

describe('000 临沧: the template with its placeholder rows', () => {
  let sheet: Awaited<ReturnType<typeof fixtureSheets>>[number];
  beforeAll(async () => {
    [sheet] = await fixtureSheets('lincang-template.xlsx');
  });
  it('scores the three real indicators and ignores the template rows', () => {
    const f = check(sheet, LINCANG).forms[0];
    expect(f.projectName).toBe('驻京联络处2021工作经费');
    expect(f.indicators.map((i) => [i.level1, i.level2, i.weight, i.score.stated])).toEqual([
      ['产出指标', '质量指标', 30, 30],
      ['效益指标', '社会效益指标', 30, 30],
      ['满意度指标', '服务对象满意度指标', 30, 29],
    ]);
    expect(f.total).toEqual({ weight: 100, stated: 99, computed: 99 });
    expect(f.grade).toEqual({ stated: '优', computed: '优' });
  });
  it('flags the 满意度 row: 29 of 30 for 100% against 99%, with no reason', () => {
    const f = check(sheet, LINCANG).forms[0];
    const sat = f.indicators[2];
    expect(sat.score).toEqual({ stated: 29, computed: 30, effective: 29 });
    expect(f.findings.map((x) => [x.code, x.severity])).toEqual([
      ['SCORE_RULE_MISMATCH', 'warning'],
      ['DEVIATION_REASON_MISSING', 'warning'],
    ]);
    expect(f.findings[0].cell).toBe(`H${sat.row}`);
  });
  it('under the mof profile the 30/30/30 weights are a warning, not an error', () => {
    const f = check(sheet, MOF).forms[0];
    expect(f.findings.filter((x) => x.code === 'WEIGHT_PROFILE_MISMATCH').map((x) => x.severity)).toEqual(['warning', 'warning']);
    expect(f.findings.some((x) => x.severity === 'error')).toBe(false);
  });
  it('a 三级 weight above the lincang limit is WEIGHT_EXCEEDS_LIMIT', () => {
    const model = structuredClone(sheet);
    const f0 = check(model, LINCANG).forms[0];
    const row = f0.indicators[0].row - 1 - model.top;
    model.values[row][6 - model.left] = 35;
    expect(check(model, LINCANG).forms[0].findings.map((x) => x.code)).toContain('WEIGHT_EXCEEDS_LIMIT');
  });
});

describe('001 阿克陶: indicators from the prose, scores left empty', () => {
  it('computes and fills every quantitative score; qualitative ones are SCORE_MISSING', async () => {
    const [sheet] = await fixtureSheets('akto-empty-scores.xlsx');
    const r = check(sheet);
    const f = r.forms[0];
    expect(f.indicators.length).toBeGreaterThan(15);
    const quantitative = f.indicators.filter((i) => i.score.computed !== null);
    const qualitative = f.indicators.filter((i) => i.score.computed === null);
    expect(quantitative.length).toBeGreaterThan(10);
    for (const i of quantitative) expect(r.fills).toContainEqual({ cell: `H${i.row}`, value: i.score.computed, label: '得分' });
    expect(f.findings.filter((x) => x.code === 'SCORE_MISSING').map((x) => x.cell)).toEqual(qualitative.map((i) => `H${i.row}`));
    expect(f.indicators.find((i) => i.level3.startsWith('保障职工人数'))).toMatchObject({ target: '=44人', score: { stated: null } });
    // Execution rate and budget score are empty in the form: computed and filled.
    expect(r.fills.find((x) => x.label === '执行率')).toMatchObject({ value: 1, numberFormat: '0.00%' });
    expect(f.total?.computed).toBeNull();
  });
});

describe('synthetic layouts', () => {
  const one = async (file: string) => check((await fixtureSheets(file))[0]);
  it('a form that does not start at A1', async () => {
    const r = await one('offset.xlsx');
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].range.startsWith('D5:')).toBe(true);
    expect(r.forms[0].total?.computed).toBe(100);
  });
  it('two forms side by side', async () => {
    const r = await one('side-by-side.xlsx');
    expect(r.forms.map((f) => f.projectName)).toEqual([HENGYANG[0], HENGYANG[1]]);
    expect(r.forms[1].findings.find((x) => x.code === 'EXECUTION_RATE_MISMATCH')?.cell).toBe('S7');
  });
  it('extra blank columns between the form columns', async () => {
    const r = await one('blank-columns.xlsx');
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].indicators).toHaveLength(9);
    expect(r.forms[0].total).toEqual({ weight: 100, stated: 100, computed: 100 });
  });
  it('label variants (调整后预算数, 预算执行数, 权重, 项目实施单位, 本年财政拨款, 未完成原因分析)', async () => {
    const r = await one('label-variants.xlsx');
    expect(r.forms[0].budget).toMatchObject({ planned: 152.5, executed: 152.5, executionRate: 1 });
    expect(r.forms[0].indicators).toHaveLength(9);
    expect(r.forms[0].total?.computed).toBe(100);
  });
  it('a split 指标性质 / 指标值 / 度量单位 header', async () => {
    const r = await one('split-target.xlsx');
    expect(r.forms[0].indicators[0]).toMatchObject({ target: '=30人', score: { computed: 15 } });
    expect(r.forms[0].total?.computed).toBe(100);
  });
  it('formulas: cached results are read, formula cells are never filled', async () => {
    const r = await one('formulas.xlsx');
    expect(r.forms[0].budget.executionRate).toBe(1);
    expect(r.forms[0].total?.stated).toBe(100);
    expect(r.fills).toEqual([]);
  });
  it('error values and text numbers are NUMBER_INVALID', async () => {
    const r = await one('errors.xlsx');
    const invalid = r.forms[0].findings.filter((x) => x.code === 'NUMBER_INVALID');
    expect(invalid.map((x) => x.message)).toEqual([expect.stringContaining('#DIV/0!'), expect.stringContaining('十五')]);
    expect(r.forms[0].indicators[0].weight).toBeNull();
  });
  it('a clean form has no finding at all', async () => {
    const r = await one('clean.xlsx');
    expect(r.forms[0].findings).toEqual([]);
    expect(r.forms[0].grade).toEqual({ stated: '优', computed: '优' });
  });
});

describe('002 衡阳 附件3: the 部门整体 form (family B)', () => {
  it('reads the department form as the document has it', async () => {
    const [sheet] = await fixtureSheets('hengyang-department.xlsx');
    const r = check(sheet);
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(f).toMatchObject({ kind: 'department', range: 'A1:J27', projectName: '衡阳市人民政府办公室' });
    expect(f.budget).toEqual({ planned: 2677.71, executed: 4848.13, executionRate: 1.810551, weight: 10, score: { stated: 10, computed: 10 } });
    expect(f.indicators).toHaveLength(14);
    expect(f.indicators[0]).toMatchObject({ level3: '督查督办次数', target: '30次以上', actual: '100%', weight: 15, score: { stated: 15 } });
    // 50 + 40 + 10 with every score full: 总分 100, left empty in the document, so filled.
    expect(f.total).toEqual({ weight: 100, stated: null, computed: 100 });
    expect(r.fills).toContainEqual({ cell: 'H27', value: 100, label: '总分' });
  });
  it('flags what the document gets wrong, each once', async () => {
    const [sheet] = await fixtureSheets('hengyang-department.xlsx');
    const f = check(sheet).forms[0];
    const at = f.findings.map((x) => `${x.code}@${x.cell}`);
    // 143.91% is not 4848.13 ÷ 2677.71.
    expect(at).toContain('EXECUTION_RATE_MISMATCH@F4');
    // 满意度 as a 二级 under 效益: once for its merged cell.
    expect(at.filter((c) => c === 'HIERARCHY_INVALID@C25')).toHaveLength(1);
    // The form has 满意度 indicators (misfiled), so 产出 is expected at 50, not 50 + 10.
    expect(at).not.toContain('WEIGHT_PROFILE_MISMATCH@B13');
    expect(at).toContain('WEIGHT_PROFILE_MISMATCH@B20');
    expect(new Set(at).size).toBe(at.length);
  });
});
