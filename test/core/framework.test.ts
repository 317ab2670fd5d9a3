import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import type { CellValue, SheetModel } from '../../src/core/sheet';
import { projectForm } from './formBuilder';
import { WUHUA_ROWS, wuhuaSheet, YANJIANG_ROWS, yanjiangSheet } from './frameworkBuilder';

const codes = (s: SheetModel) => check(s).forms.flatMap((f) => f.findings.map((x) => `${x.code}@${x.cell}`));

describe('family C, 五华 004 layout (分值 columns, merged 40 and 60)', () => {
  it('is recognized as framework with its name, total 91 and grade 优 by its own thresholds', () => {
    const r = check(wuhuaSheet());
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(f.kind).toBe('framework');
    expect(f.projectName).toBe('政务服务专项工作经费');
    expect(f.total).toEqual({ weight: 100, stated: 91, computed: 91 });
    expect(f.grade).toEqual({ stated: '优', computed: '优' });
    expect(f.indicators).toHaveLength(43);
    expect(f.budget.planned).toBe(397.8);
    expect(f.budget.executed).toBe(293.08);
  });

  it('adds the weights up through the merged 40 and 60: no WEIGHT_SUM_MISMATCH; the three misplaced 效益 groups', () => {
    const f = check(wuhuaSheet()).forms[0];
    const byCode = (c: string) => f.findings.filter((x) => x.code === c);
    expect(byCode('WEIGHT_SUM_MISMATCH')).toEqual([]);
    expect(byCode('HIERARCHY_INVALID').map((x) => x.message.match(/二级指标“(.+?)”/)![1])).toEqual(['社会效益', '可持续影响', '满意度']);
    expect(f.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('computes 预算执行率 from the table own funds and warns where the stated score differs', () => {
    const f = check(wuhuaSheet()).forms[0];
    const w = f.findings.filter((x) => x.code === 'SCORE_RULE_MISMATCH');
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe('warning');
    expect(w[0].message).toContain('预算执行率');
    expect(w[0].message).toContain('请核对后改为 2.21');
  });

  it('reports WEIGHT_SUM_MISMATCH when the 40 stands beside 决策 alone', () => {
    // 过程 gets an empty 分值 cell of its own instead of continuing the 40.
    const rows = WUHUA_ROWS.map((r) => [...r]);
    rows[6][1] = null;
    const f = check(wuhuaSheet({ rows })).forms[0];
    const m = f.findings.filter((x) => x.code === 'WEIGHT_SUM_MISMATCH');
    expect(m).toHaveLength(1);
    expect(m[0].message).toContain('“决策”标明分值 40');
    expect(m[0].message).toContain('合计 20');
  });

  it('two 资金管理 groups in a row are two groups: each weight is checked against its own rows', () => {
    const rows = WUHUA_ROWS.map((r) => [...r]);
    rows[7][5] = 4; // 预算执行率 4: the first 资金管理 (6) now covers 7
    const m = check(wuhuaSheet({ rows })).forms[0].findings.filter((x) => x.code === 'WEIGHT_SUM_MISMATCH' && x.message.includes('资金管理'));
    expect(m.map((x) => [x.cell, x.message.match(/标明分值 (\d+).*合计 (\d+)/)!.slice(1)])).toEqual([['D18', ['6', '7']]]);
  });

  it('the 总分 row states 100 under each level: a different one is reported at its cell', () => {
    const s = wuhuaSheet();
    const totalRow = s.values.findIndex((r) => r[0] === '总分');
    s.values[totalRow][1] = 90;
    const m = check(s).forms[0].findings.filter((x) => x.code === 'WEIGHT_SUM_MISMATCH');
    expect(m.map((x) => [x.cell, x.message])).toEqual([['B57', '总分行的分值（B57）为 90，应为 100；请改为 100。']]);
  });

  it('reads the chosen grade from the boxes and reports a wrong total and grade with what to type', () => {
    const f = check(wuhuaSheet({ total: 95, choice: '优□  良  中□  差□' })).forms[0];
    expect(f.grade?.stated).toBe('良');
    const total = f.findings.find((x) => x.code === 'TOTAL_MISMATCH')!;
    expect(total.message).toContain('请改为 91');
    const grade = f.findings.find((x) => x.code === 'GRADE_MISMATCH')!;
    expect(grade.message).toContain('请改为选“优”');
    expect(grade.message).not.toContain('采用计算值');
  });

  it('finds a missing and an excessive score', () => {
    const rows = WUHUA_ROWS.map((r) => [...r]);
    rows[0][6] = null;
    rows[1][6] = 5;
    const f = check(wuhuaSheet({ rows })).forms[0];
    expect(codes(wuhuaSheet({ rows }))).toEqual(expect.arrayContaining(['SCORE_MISSING@G12', 'SCORE_EXCEEDS_WEIGHT@G13']));
    expect(f.total?.computed).toBeNull();
  });

  it('a score past its weight by less than two decimals show is within it, as on a project form', () => {
    const rows = WUHUA_ROWS.map((r) => [...r]);
    rows[1][6] = 3.004; // 立项程序规范性, 分值 3: shown as 3.00
    rows[2][6] = 3.006; // 绩效目标合理性, 分值 3: shown as 3.01
    expect(codes(wuhuaSheet({ rows })).filter((c) => c.startsWith('SCORE_EXCEEDS_WEIGHT'))).toEqual(['SCORE_EXCEEDS_WEIGHT@G14']);
  });
});

describe('family C, 雁江 003 layout (weights in labels, 合计, grade in the unit line)', () => {
  it('is recognized with the bracketed project name, total 99.35, grade 优 and no finding', () => {
    const r = check(yanjiangSheet());
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(f.kind).toBe('framework');
    expect(f.projectName).toBe('运行运转保障经费');
    expect(f.total).toEqual({ weight: 100, stated: 99.35, computed: 99.35 });
    expect(f.grade).toEqual({ stated: '优', computed: '优' });
    expect(f.findings).toEqual([]);
  });

  it('checks each label weight against its rows; a page break repeating the labels is one block', () => {
    const rows = YANJIANG_ROWS.map((r) => [...r]);
    rows[0][2] = '项目立项规范性（6分）';
    const f = check(yanjiangSheet({ rows })).forms[0];
    const m = f.findings.filter((x) => x.code === 'WEIGHT_SUM_MISMATCH').map((x) => x.message);
    expect(m).toHaveLength(3); // 投入 25, 项目立项 15, and the whole 100
    expect(m[0]).toContain('一级指标“投入”标明分值 25');
  });

  it('fills an empty 合计 (填报) and reports a wrong grade in the unit line', () => {
    const r = check(yanjiangSheet({ total: null, grade: '良' }));
    expect(r.fills).toEqual([{ cell: 'F25', value: 99.35, label: '合计' }]);
    const g = r.forms[0].findings.find((x) => x.code === 'GRADE_MISMATCH')!;
    expect(g.message).toContain('请改为“优”');
  });
});

describe('family C beside and below other forms', () => {
  it('a family C table stacked under a family A form gives two forms', () => {
    const a = projectForm();
    const c = yanjiangSheet({ top: a.values.length + 2 });
    const rows: CellValue[][] = [...a.values, [], [], ...c.values];
    const r = check({ name: 'S', top: 0, left: 0, values: rows, merges: [...a.merges, ...c.merges] });
    expect(r.forms.map((f) => f.kind)).toEqual(['project', 'framework']);
    expect(r.forms[1].total?.computed).toBe(99.35);
    expect(r.forms[0].total?.computed).toBe(100);
  });
});

describe('family C 填报 fills', () => {
  it('an empty 自评等级 cell of its own gets the grade; an inline or boxed grade is never written', () => {
    const s = yanjiangSheet({ total: null });
    // The unit line split into cells, 自评等级 with an empty value cell beside it.
    s.values[2] = ['部门（单位）名称：资阳市雁江区人民政府办公室', null, null, null, '自评等级', null, null];
    s.merges = s.merges.filter((m) => m.top !== 2);
    const r = check(s);
    expect(r.fills).toEqual([
      { cell: 'F25', value: 99.35, label: '合计' },
      { cell: 'F3', value: '优', label: '自评等级' },
    ]);
    expect(check(wuhuaSheet({ total: null, choice: '优□  良□  中□  差□' })).fills).toEqual([{ cell: 'G57', value: 91, label: '总分' }]);
  });
});

describe('family C side by side', () => {
  it('two 计分表 in one row of the sheet are two forms, each with its own name and total', () => {
    const a = yanjiangSheet();
    const b = yanjiangSheet({ left: 8, rows: YANJIANG_ROWS.slice(0, 5), total: 24.35 });
    const values: CellValue[][] = a.values.map((row, i) => [...row, null, ...(b.values[i] ?? [])]);
    const r = check({ name: 'S', top: 0, left: 0, values, merges: [...a.merges, ...b.merges] });
    expect(r.forms.map((f) => [f.range, f.projectName, f.total?.computed])).toEqual([
      ['A1:G25', '运行运转保障经费', 99.35],
      ['I1:O10', '运行运转保障经费', 24.35],
    ]);
    // The second table is 投入 alone: its weights add up to 25, not 100, and 24.35 is 差, not the 优 its unit line states.
    expect(r.forms[1].findings.map((x) => x.code)).toEqual(['WEIGHT_SUM_MISMATCH', 'GRADE_MISMATCH']);
  });
});

describe('family C beside a family A form', () => {
  it('two forms, each in its own columns, though their header rows differ', () => {
    const a = projectForm();
    const c = yanjiangSheet({ left: 11 });
    const n = Math.max(a.values.length, c.values.length);
    const values: CellValue[][] = Array.from({ length: n }, (_, i) => [...(a.values[i] ?? Array(10).fill(null)), null, ...(c.values[i] ?? [])]);
    const r = check({ name: 'S', top: 0, left: 0, values, merges: [...a.merges, ...c.merges] });
    expect(r.forms.map((f) => [f.kind, f.range, f.total?.computed, f.findings.length])).toEqual([
      ['project', 'A1:J17', 100, 0],
      ['framework', 'L1:R25', 99.35, 0],
    ]);
  });
});
