import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import type { CellValue } from '../../src/core/sheet';
import { TARGETS_ROWS, targetsSheet, yanjiangSheet } from './frameworkBuilder';

describe('targets table (绩效目标完成情况表, 雁江 003 附表2)', () => {
  it('is recognized as kind targets, not scored: total and grade null, budget from the 合计 row', () => {
    const r = check(targetsSheet());
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(f.kind).toBe('targets');
    expect(f.projectName).toBe('运行运转保障经费');
    expect(f.total).toBeNull();
    expect(f.grade).toBeNull();
    expect(f.budget).toEqual({ planned: 181.87, executed: 181.87, executionRate: 1, weight: null, score: { stated: null, computed: null } });
    expect(r.fills).toEqual([]);
  });

  it('counts the rows with content as indicators, whatever their 三级 label; empty 指标1: rows and …… are template rows', () => {
    const f = check(targetsSheet()).forms[0];
    const withContent = TARGETS_ROWS.filter((r) => [r[4], r[5]].some((v) => typeof v === 'string' && v.trim() !== ''));
    expect(withContent).toHaveLength(16);
    // The contract carries a target as the cell holds it (a full-width comma stays '，'); NFKC is for matching only.
    expect(f.indicators.map((i) => i.target)).toEqual(withContent.map((r) => (r[4] as string).trim()));
    expect(f.indicators.map((i) => i.target)).not.toContain('');
  });

  it('the table as the document states it has no finding', () => {
    expect(check(targetsSheet()).forms[0].findings).toEqual([]);
  });

  it('reports a missing result and a quantitative shortfall without a reason, each naming the cell and what to write', () => {
    const rows = TARGETS_ROWS.map((r) => [...r]);
    const spent = rows.findIndex((r) => r[4] === '运行运转保障经费数实现181.87万元');
    const liked = rows.findIndex((r) => r[4] === '全区各级各部门干部职工满意率，达到90%以上');
    rows[spent][5] = '\u3000';
    rows[liked][4] = '群众满意度≥95%';
    rows[liked][5] = '群众满意度90%';
    const sheet = targetsSheet({ rows });
    const rowOf = (target: string) => sheet.values.findIndex((r) => r[4] === target) + 1;
    const f = check(sheet).forms[0];
    expect(f.findings.map((x) => `${x.code}@${x.cell}`)).toEqual([
      `REQUIRED_FIELD_MISSING@F${rowOf('运行运转保障经费数实现181.87万元')}`,
      `DEVIATION_REASON_MISSING@G${rowOf('群众满意度≥95%')}`,
    ]);
    expect(f.findings[0].message).toContain('运行运转保障经费数实现181.87万元');
    expect(f.findings[0].message).toContain('请填写实际完成情况');
    expect(f.findings[1].severity).toBe('warning');
    expect(f.findings[1].message).toContain('群众满意度90%');
  });

  it('checks 结转结余额 = 预算额 − 执行额 and 结转结余率 = 结转结余额 / 预算额', () => {
    const f = check(targetsSheet({ funds: [200, 150, 40, 20, 0] })).forms[0];
    const m = f.findings.filter((x) => x.code === 'EXECUTION_RATE_MISMATCH');
    expect(m.map((x) => x.cell)).toEqual(['E5', 'F5', 'E6', 'F6']);
    expect(m[0].message).toContain('请改为 50');
    expect(m[1].message).toContain('请改为 25');
    expect(f.budget.executionRate).toBe(0.75);
    expect(check(targetsSheet({ funds: [200, 150, 50, 25, 0] })).forms[0].findings.filter((x) => x.code === 'EXECUTION_RATE_MISMATCH')).toEqual([]);
  });

  it('has a real 0 execution rate where nothing was spent', () => {
    expect(check(targetsSheet({ funds: [100, 0, 100, 100, 0] })).forms[0].budget.executionRate).toBe(0);
  });

  it('stands under its 计分表 on one sheet: two forms, framework then targets', () => {
    const c = yanjiangSheet();
    const t = targetsSheet({ top: c.values.length + 2, rows: TARGETS_ROWS });
    const values: CellValue[][] = [...c.values, [], [], ...t.values];
    const r = check({ name: 'S', top: 0, left: 0, values, merges: [...c.merges, ...t.merges] });
    expect(r.forms.map((f) => f.kind)).toEqual(['framework', 'targets']);
    expect(r.forms[0].total?.computed).toBe(99.35);
    expect(r.forms[1].indicators).toHaveLength(16);
  });
});
