import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import { builtInProfile, MOF } from '../../src/core/rules/profile';
import type { FormResult } from '../../src/core/result';
import { p03Tangxi, p05Xiaoxian, p06Jinzhai, p07Longyang, p10Chaotian, p11Gucheng, t04Qingshen } from './realworldSheets';

/** Published tables (SPEC §1.5; sources in realworldSheets.ts): recognized as their kind, no false error, every verified error found. */
const errors = (f: FormResult) => f.findings.filter((x) => x.severity === 'error').map((x) => `${x.code}@${x.cell}`);
const codes = (f: FormResult) => f.findings.map((x) => `${x.code}@${x.cell}`);
const only = (sheet: ReturnType<typeof p03Tangxi>, profile = MOF) => {
  const r = check(sheet, profile);
  expect(r.forms).toHaveLength(1);
  return r.forms[0];
};

describe('published tables', () => {
  it('P03 棠溪: 年度资金总额 0 | 0 | 0 over a 其中 row holding the money is FUNDS_SUM_MISMATCH in each column, and nothing else is an error', () => {
    const f = only(p03Tangxi());
    expect(f).toMatchObject({ kind: 'project', projectName: '委托业务项目' });
    expect(errors(f)).toEqual(['FUNDS_SUM_MISMATCH@D6', 'FUNDS_SUM_MISMATCH@E6', 'FUNDS_SUM_MISMATCH@F6']);
    expect(f.findings[0].message).toContain('其下各项合计 90');
    // The stated block weights hold (产出 50, 效益 30); the copy ends before 满意度 and 总分: no Σ = 100 to miss.
    expect(codes(f).filter((c) => c.startsWith('WEIGHT_SUM'))).toEqual([]);
    expect(f.indicators).toHaveLength(9);
  });

  it('P05 萧县 transfer-payment table: (A)/(B/A) decorations, ★ indicators, 其中 rows without 分值 are details, `-` is not applicable', () => {
    const f = only(p05Xiaoxian());
    expect(f.kind).toBe('project');
    expect(errors(f)).toEqual([]);
    expect(f.budget).toMatchObject({ planned: 9.48, executed: 9.48, executionRate: 1, weight: 10, score: { stated: 10, computed: 10 } });
    expect(f.indicators.map((i) => i.score.stated)).toEqual([20, 10, 10, 5, 5, 20, 10]);
    expect(f.indicators.map((i) => i.level3)).not.toContain('其中桃树种植面积');
  });

  it('P06 金寨 部门整体 labelled 部门: a department form; `—` in the 分值 / 得分 of the part rows is no value and no error', () => {
    const r = check(p06Jinzhai());
    const f = r.forms[0];
    expect(f).toMatchObject({ kind: 'department', projectName: '金寨县茶谷和美丽乡村建设服务中心' });
    expect(f.budget).toMatchObject({ planned: 329.77, executed: 338.31, weight: 10 });
    expect(f.budget.executionRate).toBeCloseTo(1.0259, 4);
    expect(errors(f)).toEqual([]);
    expect(f.indicators.map((i) => i.score.stated)).toEqual([10, 10, 10, 10, 5, 5, 5, 5]);
    // The publisher left the 年度资金总额 得分 empty: 填报 fills it.
    expect(r.fills).toContainEqual({ cell: 'I5', value: 10, label: '得分' });
  });

  it('P07 隆阳 湖北-style: a project table (never a 计分表), 预算执行 20 × 执行率 from its header, `1、` parts not counted twice', () => {
    for (const profile of [MOF, builtInProfile('hubei')!]) {
      const f = only(p07Longyang(), profile);
      expect(f.kind).toBe('project');
      expect(errors(f)).toEqual([]);
      expect(f.budget).toMatchObject({ planned: 278.4449, executed: 30, weight: 20, score: { stated: 2.16, computed: 2.15 } });
      // 一、 15 (= 5 + 5 + 5), 二、 15, 三、 5, 四、 5, 质量 10, 时效 10, 社会效益 5: the parts are inside their heads.
      expect(f.indicators.map((i) => i.score.stated)).toEqual([15, 15, 5, 5, 10, 10, 5]);
      expect(f.total?.computed).toBe(67.16);
      // 2.16 against 2.155: a rounding of the unit's own, said as a warning.
      expect(f.findings.find((x) => x.code === 'BUDGET_SCORE_MISMATCH')?.severity).toBe('warning');
    }
  });

  it('P10 朝天 unscored 绩效自评表: kind targets, total and grade null; 执行数 1157.97 over its only part 1157.9 is found', () => {
    const f = only(p10Chaotian());
    expect(f).toMatchObject({ kind: 'targets', projectName: '广元市朝天区全民健身中心项目', total: null, grade: null });
    expect(f.budget).toMatchObject({ planned: 2000, executed: 1157.97, weight: null });
    expect(errors(f)).toEqual(['FUNDS_SUM_MISMATCH@E7']);
    // 57.89% for 57.8985%: cut at its precision, not a wrong figure.
    expect(codes(f).some((c) => c.startsWith('EXECUTION_RATE'))).toBe(false);
    // 资金管理情况 and its rows are a block of their own, not funds rows.
    expect(codes(f).some((c) => c.startsWith('NUMBER_INVALID'))).toBe(false);
    expect(f.indicators).toEqual([expect.objectContaining({ level3: '新建全民健身中心数量', target: '1', actual: '建设中', weight: null })]);
  });

  it('P10 朝天: an unscored table reports each target and actual as typed, as a scored one does', () => {
    const sheet = p10Chaotian();
    const values = sheet.values.map((r) => r.map((v) => (v === '建设中' ? '建设中，ＡＢ１' : v)));
    const f = only({ ...sheet, values, texts: undefined });
    expect(f.kind).toBe('targets');
    expect(f.indicators).toEqual([expect.objectContaining({ level1: '产出指标', target: '1', actual: '建设中，ＡＢ１' })]);
  });

  it('P11 古城 two header rows: 实际完成值 | 分值 | 得分 merged down, 年度指标值 over 指标性质 | 指标值 | 度量单位', () => {
    const f = only(p11Gucheng());
    expect(f.kind).toBe('project');
    expect(errors(f)).toEqual([]);
    expect(f.indicators.map((i) => [i.target, i.actual, i.weight, i.score.stated])).toEqual([
      ['﹦72890元', '72890', 10, 9],
      ['﹦100%', '100', 20, 19],
      ['﹦100%', '100', 20, 19],
    ]);
  });

  it('T04 青神 四川 510000 template: 年初预算 / 调整后预算数 / 权重 / 完成值, a 合计 row that is no indicator, published unscored', () => {
    for (const profile of [MOF, builtInProfile('sichuan')!]) {
      const r = check(t04Qingshen(), profile);
      const f = r.forms[0];
      expect(f).toMatchObject({ kind: 'project', projectName: '51000021R000000019951-工资性支出' });
      expect(f.budget).toMatchObject({ planned: 251.89, executed: 251.89, executionRate: 1, weight: 10, score: { stated: null, computed: 10 } });
      expect(f.indicators.map((i) => i.level3)).toEqual(['发放(缴纳)覆盖率', '足额保障率(参保率)']);
      expect(f.total?.weight).toBe(100);
      // What the publisher left empty is said (true findings); nothing else is an error: `/` is not applicable.
      expect(errors(f)).toEqual(['REQUIRED_FIELD_MISSING@H15', 'SCORE_MISSING@J15', 'REQUIRED_FIELD_MISSING@H16', 'SCORE_MISSING@J16']);
      expect(codes(f).some((c) => c.startsWith('WEIGHT_'))).toBe(false);
    }
  });
});
