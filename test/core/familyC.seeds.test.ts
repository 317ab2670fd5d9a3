/** Every family C and targets table of seeds 003 and 004, from the fixtures built from the committed seed tables. */
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import type { FormResult, SheetCheck } from '../../src/core/result';
import type { SheetModel } from '../../src/core/sheet';
import { fixtureSheets } from '../loadFixture';
import { WUHUA_EVALUATION, YANJIANG_DEPARTMENT_SCORE, YANJIANG_PROJECT_SCORES, YANJIANG_TARGETS } from '../seedFacts';

const errors = (f: FormResult) => f.findings.filter((x) => x.severity === 'error');
const only = (c: SheetCheck) => {
  expect(c.forms).toHaveLength(1);
  return c.forms[0];
};

describe('003 自评计分表 ×9 (yanjiang-scoring.xlsx)', () => {
  let checks: SheetCheck[];
  beforeAll(async () => {
    checks = (await fixtureSheets('yanjiang-scoring.xlsx')).map((s) => check(s));
  });

  it('the eight project tables: framework, named by the bracketed line, totals as stated, all 优, no error', () => {
    const forms = checks.slice(1).map(only);
    expect(forms.map((f) => f.kind)).toEqual(Array(8).fill('framework'));
    expect(forms.map((f) => f.projectName)).toEqual(YANJIANG_PROJECT_SCORES.map((p) => p.project));
    expect(forms.map((f) => f.total?.computed)).toEqual([99.35, 99, 99.8, 100, 90, 100, 100, 100]);
    expect(forms.map((f) => f.total?.stated)).toEqual(YANJIANG_PROJECT_SCORES.map((p) => p.total));
    expect(forms.map((f) => f.total?.weight)).toEqual(Array(8).fill(100));
    expect(forms.map((f) => f.grade)).toEqual(Array(8).fill({ stated: '优', computed: '优' }));
    for (const f of forms) expect(errors(f)).toEqual([]);
  });

  it('the 部门整体 table: named by its unit, 96.83, 优, no error', () => {
    const f = only(checks[0]);
    expect(f.kind).toBe('framework');
    expect(f.projectName).toBe(YANJIANG_DEPARTMENT_SCORE.unit);
    expect(f.total).toEqual({ weight: 100, stated: YANJIANG_DEPARTMENT_SCORE.total, computed: 96.83 });
    expect(f.grade).toEqual({ stated: '优', computed: YANJIANG_DEPARTMENT_SCORE.grade });
    expect(errors(f)).toEqual([]);
  });

  it('no WEIGHT_SUM_MISMATCH anywhere: labels repeated after a page break are one block', () => {
    for (const c of checks) expect(c.forms[0].findings.filter((x) => x.code === 'WEIGHT_SUM_MISMATCH')).toEqual([]);
  });
});

describe('004 部门评价表 (wuhua-evaluation.xlsx)', () => {
  let sheets: SheetModel[];
  let f: FormResult;
  beforeAll(async () => {
    sheets = await fixtureSheets('wuhua-evaluation.xlsx');
    f = only(check(sheets[0]));
  });

  it('91 / 优 by the table own thresholds; named, funds read', () => {
    expect(f.kind).toBe('framework');
    expect(f.projectName).toBe(WUHUA_EVALUATION.project);
    expect(f.total).toEqual({ weight: 100, stated: 91, computed: WUHUA_EVALUATION.total });
    expect(f.grade).toEqual({ stated: '优', computed: WUHUA_EVALUATION.grade });
    expect(f.budget.planned).toBe(WUHUA_EVALUATION.funds.planned);
    expect(f.budget.executed).toBe(WUHUA_EVALUATION.funds.spent);
  });

  it('weights add up through the merged 40 and 60: no WEIGHT_SUM_MISMATCH, no error', () => {
    expect(f.findings.filter((x) => x.code === 'WEIGHT_SUM_MISMATCH')).toEqual([]);
    expect(errors(f)).toEqual([]);
  });

  it('the three misplaced 效益 groups, once each, at their 二级 cell', () => {
    const h = f.findings.filter((x) => x.code === 'HIERARCHY_INVALID');
    expect(h.map((x) => x.message.match(/二级指标“(.+?)”/)![1])).toEqual(WUHUA_EVALUATION.misplacedEffectGroups);
    for (const x of h) expect(x.message).toMatch(/请把它移到“效益”下/);
  });

  it('预算执行率 from the table own funds: a warning with the score to type', () => {
    const w = f.findings.filter((x) => x.code === 'SCORE_RULE_MISMATCH');
    expect(w.map((x) => [x.severity, x.message.includes('预算执行率'), x.message.includes('请核对后改为 2.21')])).toEqual([['warning', true, true]]);
  });

  it('WEIGHT_SUM_MISMATCH when the 40 stands beside 决策 alone (wuhua-evaluation-40-unmerged.xlsx)', async () => {
    const g = only(check((await fixtureSheets('wuhua-evaluation-40-unmerged.xlsx'))[0]));
    const m = g.findings.filter((x) => x.code === 'WEIGHT_SUM_MISMATCH');
    expect(m).toHaveLength(1);
    expect(m[0].cell).toBe('B23');
    expect(m[0].message).toContain(`“决策”标明分值 40`);
    expect(m[0].message).toContain(`合计 ${WUHUA_EVALUATION.decisionSum}`);
  });
});

describe('003 绩效目标完成情况表 ×9 (yanjiang-targets.xlsx)', () => {
  let forms: FormResult[];
  beforeAll(async () => {
    forms = (await fixtureSheets('yanjiang-targets.xlsx')).map((s) => only(check(s)));
  });

  it('kind targets, no score and no grade, budget from the 合计 row', () => {
    expect(forms.map((f) => f.kind)).toEqual(Array(9).fill('targets'));
    for (const f of forms) {
      expect(f.total).toBeNull();
      expect(f.grade).toBeNull();
    }
    expect(forms.map((f) => [f.budget.planned, f.budget.executed])).toEqual(YANJIANG_TARGETS.map((t) => [t.budget, t.executed]));
    // 外事专项经费 spent nothing: a real 0, not null.
    expect(forms[5].budget.executionRate).toBe(0);
    expect(forms.slice(1).map((f) => f.projectName)).toEqual(YANJIANG_TARGETS.slice(1).map((t) => t.project));
  });

  it('indicators are the rows that state something (20, 16, 9, 16, 10, 7, 8, 9, 13)', () => {
    expect(forms.map((f) => f.indicators.length)).toEqual([20, 16, 9, 16, 10, 7, 8, 9, 13]);
  });
});

describe('stacked and side by side', () => {
  it('a family C table under a family A form gives two forms (stacked-family-a-c.xlsx)', async () => {
    const r = check((await fixtureSheets('stacked-family-a-c.xlsx'))[0]);
    expect(r.forms.map((f) => [f.kind, f.range])).toEqual([
      ['project', 'A1:J23'],
      ['framework', 'A27:G51'],
    ]);
    expect(r.forms[1].total?.computed).toBe(99.35);
  });

  it('each 计分表 then its targets table on one sheet (yanjiang-stacked.xlsx): sixteen forms in order', async () => {
    const r = check((await fixtureSheets('yanjiang-stacked.xlsx'))[0]);
    expect(r.forms.map((f) => f.kind)).toEqual(Array(8).fill(['framework', 'targets']).flat());
    expect(r.forms.filter((f) => f.kind === 'framework').map((f) => f.total?.computed)).toEqual([99.35, 99, 99.8, 100, 90, 100, 100, 100]);
    expect(r.forms.filter((f) => f.kind === 'targets').map((f) => f.range)).toEqual(
      ['A29:G80', 'A112:G163', 'A195:G246', 'A278:G323', 'A355:G404', 'A436:G486', 'A518:G567', 'A599:G650'],
    );
  });

  it('a family C table beside a family A form: two forms in their own columns (beside-family-a-c.xlsx)', async () => {
    const r = check((await fixtureSheets('beside-family-a-c.xlsx'))[0]);
    expect(r.forms.map((f) => [f.kind, f.range, f.total?.computed, f.grade?.computed])).toEqual([
      ['project', 'A1:J23', 100, '优'],
      ['framework', 'L1:R70', 91, '优'],
    ]);
    expect(r.forms[1].findings.filter((x) => x.code === 'HIERARCHY_INVALID')).toHaveLength(3);
    expect(r.forms[1].findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a clean 部门评价表 has no finding at all (clean-evaluation.xlsx)', async () => {
    const f = only(check((await fixtureSheets('clean-evaluation.xlsx'))[0]));
    expect(f.kind).toBe('framework');
    expect(f.total).toEqual({ weight: 100, stated: 100, computed: 100 });
    expect(f.findings).toEqual([]);
  });

  it('a clean 计分表 has no finding at all (clean-scoring.xlsx)', async () => {
    const f = only(check((await fixtureSheets('clean-scoring.xlsx'))[0]));
    expect(f.kind).toBe('framework');
    expect(f.findings).toEqual([]);
  });
});
