import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import { LINCANG, MOF } from '../../src/core/rules/profile';
import { projectForm, STANDARD_ROWS, type RowSpec } from './formBuilder';

const codes = (r: ReturnType<typeof check>) => r.forms.flatMap((f) => f.findings.map((x) => `${x.code}@${x.cell}`));

describe('check on a clean standard form', () => {
  const result = check(projectForm());
  it('recognizes one project form with its range and name', () => {
    expect(result.forms).toHaveLength(1);
    const f = result.forms[0];
    expect(f.kind).toBe('project');
    expect(f.range).toBe('A1:J17');
    expect(f.projectName).toBe('大院保安转辅警经费');
  });
  it('computes budget, scores, total and grade', () => {
    const f = result.forms[0];
    expect(f.budget).toEqual({ planned: 152.5, executed: 152.5, executionRate: 1, weight: 10, score: { stated: 10, computed: 10 } });
    expect(f.indicators.map((i) => i.score.computed)).toEqual([15, 15, 10, 10, null, 10]);
    expect(f.indicators[0]).toMatchObject({ row: 11, level1: '产出指标', level2: '数量指标', level3: '预计转辅警人', target: '30人', actual: '30人', weight: 15 });
    expect(f.total).toEqual({ weight: 100, stated: 100, computed: 100 });
    expect(f.grade).toEqual({ stated: '优', computed: '优' });
  });
  it('has no finding', () => {
    expect(codes(result)).toEqual([]);
    expect(result.fills).toEqual([]);
  });
});

function withRow(i: number, patch: Partial<RowSpec>): RowSpec[] {
  return STANDARD_ROWS.map((r, k) => (k === i ? { ...r, ...patch } : r));
}

describe('indicator scoring (SPEC §3)', () => {
  it('partly met positive: w × a / t, with a warning for the stated full score and a missing reason', () => {
    const r = check(projectForm({ rows: withRow(0, { actual: '24人' }) }));
    const ind = r.forms[0].indicators[0];
    expect(ind.score).toEqual({ stated: 15, computed: 12, effective: 15 });
    expect(ind.rule).toContain('15 × 24人 ÷ 30人 = 12');
    expect(codes(r)).toEqual(['SCORE_RULE_MISMATCH@H11']);
  });
  it('empty score is filled with the computed one, and a reason is asked for', () => {
    const r = check(projectForm({ rows: withRow(0, { actual: '24人', score: null }), total: { score: 97 } }));
    expect(r.fills).toContainEqual({ cell: 'H11', value: 12, label: '得分' });
    expect(codes(r)).toEqual(['DEVIATION_REASON_MISSING@I11']);
    expect(r.forms[0].total?.computed).toBe(97);
  });
  it('reverse indicator over its limit: w × t / a (ratio) or linear by profile', () => {
    const rows = withRow(3, { actual: '4000元', score: null });
    expect(check(projectForm({ rows })).forms[0].indicators[3].score.computed).toBe(9.5);
    const linear = { ...MOF, reverseFormula: 'linear' as const };
    expect(check(projectForm({ rows }), linear).forms[0].indicators[3].score.computed).toBe(9.47);
  });
  it('percent completion against a non-percent target: w × min(r, 1)', () => {
    const r = check(projectForm({ rows: withRow(0, { actual: '80%', score: null }) }));
    expect(r.forms[0].indicators[0].score.computed).toBe(12);
    expect(r.forms[0].indicators[0].rule).toContain('完成率');
  });
  it('a qualitative target with a percentage actual is qualitative: the entered score stands', () => {
    const r = check(projectForm({ rows: withRow(4, { actual: '95%以上', score: 28, reason: '个别物品损坏' }), total: { score: 98 } }));
    expect(r.forms[0].indicators[4].score).toEqual({ stated: 28, computed: null, effective: 28 });
    expect(codes(r)).toEqual([]);
  });
  it('qualitative band: 部分达成 must lie in [60%, 80%) of w', () => {
    const r = check(projectForm({ rows: withRow(4, { actual: '部分达成', score: 27, reason: '未全部完成' }), total: { score: 97 } }));
    expect(codes(r)).toEqual(['SCORE_BAND_MISMATCH@H15']);
    expect(r.forms[0].findings[0].message).toContain('18～24');
  });
  it('qualitative blank score is SCORE_MISSING naming the band', () => {
    const r = check(projectForm({ rows: withRow(4, { actual: '达成', score: null }), total: { score: null } }));
    expect(codes(r)).toContain('SCORE_MISSING@H15');
    expect(r.forms[0].findings.find((f) => f.code === 'SCORE_MISSING')!.message).toContain('24～30');
    expect(r.forms[0].total?.computed).toBeNull();
  });
  it('score above weight and negative scores are errors', () => {
    const r = check(projectForm({ rows: withRow(1, { score: 16 }), total: { score: 101, grade: '优' } }));
    expect(codes(r)).toContain('SCORE_EXCEEDS_WEIGHT@H12');
  });
  it('overachievement of 30% or more without a reason is info', () => {
    const r = check(projectForm({ rows: withRow(0, { actual: '40人' }) }));
    const f = r.forms[0].findings.find((x) => x.code === 'OVERACHIEVEMENT_UNEXPLAINED');
    expect(f).toMatchObject({ severity: 'info', cell: 'I11' });
  });
});

describe('budget (SPEC §3)', () => {
  it('execution rate stated against 年初预算数 is a mismatch with the fix', () => {
    const r = check(projectForm({ funds: [81, 110.63, 110.63, 10, '136.58%', 10] }));
    const f = r.forms[0].findings.find((x) => x.code === 'EXECUTION_RATE_MISMATCH')!;
    expect(f.cell).toBe('H6');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('100.00%');
    expect(f.message).toContain('年初预算数 81');
    expect(f.fix).toEqual({ cell: 'H6', value: 1, numberFormat: '0.00%' });
  });
  it('agreement at the stated precision: 100% agrees with 99.998%, 99.99% does not agree with 100%', () => {
    expect(codes(check(projectForm({ funds: [50, 50, 49.999, 10, '100%', 10] })))).not.toContain('EXECUTION_RATE_MISMATCH@H6');
    expect(codes(check(projectForm({ funds: [38.17, 38.1692, 38.1692, 10, '99.99%', 10] })))).toContain('EXECUTION_RATE_MISMATCH@H6');
  });
  it('under-execution lowers the budget score; empty cells get filled', () => {
    const r = check(projectForm({ funds: [100, 100, 85, 10, null, null], total: { score: null, grade: null } }));
    expect(r.forms[0].budget).toMatchObject({ executionRate: 0.85, score: { stated: null, computed: 8.5 } });
    expect(r.fills).toEqual([
      { cell: 'H6', value: 0.85, numberFormat: '0.00%', label: '执行率' },
      { cell: 'I6', value: 8.5, label: '得分' },
      { cell: 'H17', value: 98.5, label: '总分' },
      { cell: 'J17', value: '优', label: '自评等级' },
    ]);
  });
  it('an unreadable number is NUMBER_INVALID, never 0', () => {
    const r = check(projectForm({ funds: [31.5, 31.5, '31..5', 10, '100%', 10] }));
    expect(codes(r)).toContain('NUMBER_INVALID@F6');
    expect(r.forms[0].budget.executed).toBeNull();
    expect(r.forms[0].budget.executionRate).toBeNull();
    expect(codes(r)).toContain('NUMBER_INVALID@F7');
    const f = r.forms[0].findings.find((x) => x.code === 'NUMBER_INVALID' && x.cell === 'F6')!;
    expect(f.message).toContain('31..5');
    expect(f.message).toContain('F6');
  });
  it('error values are NUMBER_INVALID', () => {
    const r = check(projectForm({ funds: [152.5, 152.5, 152.5, 10, { error: '#DIV/0!' }, 10] }));
    expect(r.forms[0].findings.find((x) => x.code === 'NUMBER_INVALID')!.message).toContain('#DIV/0!');
  });
  it('a stated budget score that breaks the rule', () => {
    const r = check(projectForm({ funds: [100, 100, 80, 10, '80%', 10], total: { score: 100 } }));
    expect(codes(r)).toContain('BUDGET_SCORE_MISMATCH@I6');
  });
});

describe('required fields, weights, totals, grades', () => {
  it('empty 主管部门 is REQUIRED_FIELD_MISSING at its value cell', () => {
    expect(codes(check(projectForm({ department: '　' })))).toEqual(['REQUIRED_FIELD_MISSING@C4']);
  });
  it('weights that do not add up to 100, and a block weight that differs from its rows', () => {
    const r = check(projectForm({ rows: withRow(0, { weight: 20, score: 20 }), total: { score: 105, weight: 105 } }));
    const c = codes(r);
    expect(c).toContain('WEIGHT_SUM_MISMATCH@G17');
    expect(c).toContain('WEIGHT_SUM_MISMATCH@B11');
    expect(c).toContain('WEIGHT_PROFILE_MISMATCH@B11');
  });
  it('stated total and grade that disagree with the computation', () => {
    const r = check(projectForm({ total: { score: 95, grade: '良' } }));
    expect(codes(r)).toEqual(['TOTAL_MISMATCH@H17', 'GRADE_MISMATCH@J17']);
  });
  it('grades follow the profile: 92 is 优 under mof, 良 under lincang', () => {
    const rows = withRow(0, { actual: 'softer', score: 7, reason: '人员不足' });
    const m = check(projectForm({ rows, total: { score: 92, grade: null } }));
    expect(m.forms[0].grade?.computed).toBe('优');
    const l = check(projectForm({ rows, total: { score: 92, grade: null } }), LINCANG);
    expect(l.forms[0].grade?.computed).toBe('良');
  });
  it('a 二级 under the wrong 一级 is HIERARCHY_INVALID', () => {
    const r = check(projectForm({ rows: withRow(5, { l2: '数量指标' }) }));
    expect(codes(r)).toContain('HIERARCHY_INVALID@C16');
  });
});

describe('recognition', () => {
  it('finds a form that does not start at A1', () => {
    const r = check(projectForm({ top: 4, left: 3 }));
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].range).toBe('D5:M21');
    expect(codes(r)).toEqual([]);
  });
});

describe('lenient readings of what people type', () => {
  it('an actual of 96 against ≥95% is 96%, not a 96-fold overachievement', () => {
    const rows = STANDARD_ROWS.map((r, i) => (i === 5 ? { ...r, actual: 90, score: null } : r));
    const r = check(projectForm({ rows, total: { score: null, grade: null } }));
    expect(r.forms[0].indicators[5].score.computed).toBe(9.47);
    expect(r.forms[0].indicators[5].rule).toContain('实际 90%');
  });
  it('优秀 / 良好 are the grades 优 / 良', () => {
    expect(check(projectForm({ total: { grade: '优秀' } })).forms[0].findings).toEqual([]);
    expect(check(projectForm({ total: { grade: '良好' } })).forms[0].findings.map((f) => f.code)).toEqual(['GRADE_MISMATCH']);
  });
});

describe('a 执行率 typed as a plain number', () => {
  it('0.5 is read as 50% and the message says so', () => {
    const r = check(projectForm({ funds: [152.5, 152.5, 152.5, 10, 0.5, 10] }));
    const f = r.forms[0].findings.find((x) => x.code === 'EXECUTION_RATE_MISMATCH')!;
    expect(f.message).toContain('填写为 0.5（按 50.00% 理解）');
  });
  it('100 is read as 100% and agrees', () => {
    expect(check(projectForm({ funds: [152.5, 152.5, 152.5, 10, 100, 10] })).forms[0].findings).toEqual([]);
  });
});
