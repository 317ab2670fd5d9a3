import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import type { CellValue } from '../../src/core/sheet';
import { sheetOf } from './sheetOf';

/** Family B as 002 附件3 lays it out: 部门名称 shares its row with the budget header. */
function departmentForm(opts: { name?: CellValue; planned?: CellValue; executed?: CellValue; rate?: CellValue; totalScore?: CellValue } = {}) {
  const rows: CellValue[][] = [
    ['部门整体支出绩效自评表'],
    ['填报单位： （盖章）                 （2022年度）'],
    ['部门名称', opts.name ?? '衡阳市人民政府办公室　', null, null, '执行数', '资金执行率', '分值', '得分'],
    ['年度预算\n申请（万元）', opts.planned ?? '资金总额：2677.71', null, null, opts.executed ?? 2677.71, opts.rate ?? '100%', 10, 10],
    [null, '按收入性质分：', null, null, '按指出性质分：'],
    ['部门职能职责概述', '通过预算执行，保障政府办在职人员正常办公、生活秩序'],
    ['整体绩效\n目标', '保障政府机关大院正常运转及各项工作任务完成'],
    ['部门整体支出年度绩效指标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因\n分析及\n改进措施'],
    [null, '产出\n指标\n(50分)', '数量指标', '督查督办次数', '30次以上', '100%', 50, 50],
    [null, '效益\n指标\n（40分）', '社会效\n益指标', '改进“文风、会风”', '改进率95%以上', '96%', 30, 30],
    [null, null, '社会公众或服务对象满意度', '社会民众满意度', '满意', '100%', 10, 10],
    ['总分', null, null, null, null, null, 100, opts.totalScore ?? null],
  ];
  return sheetOf(rows, { name: '部门整体', merges: ['A1:J1', 'A2:J2', 'B3:D3', 'B4:D4', 'A4:A5', 'B10:B11', 'A8:A11', 'A12:F12'] });
}

describe('family B: 部门整体支出绩效自评表', () => {
  it('is recognized as a department form named by 部门名称, with 资金总额 read from its text', () => {
    const r = check(departmentForm());
    expect(r.forms).toHaveLength(1);
    const f = r.forms[0];
    expect(f.kind).toBe('department');
    expect(f.projectName).toBe('衡阳市人民政府办公室');
    expect(f.budget).toEqual({ planned: 2677.71, executed: 2677.71, executionRate: 1, weight: 10, score: { stated: 10, computed: 10 } });
    expect(f.total).toEqual({ weight: 100, stated: null, computed: 100 });
    expect(r.fills).toEqual([{ cell: 'H12', value: 100, label: '总分' }]);
  });

  it('the document’s own numbers: 4848.13 against 资金总额 2677.71 is not 143.91%', () => {
    const f = check(departmentForm({ executed: 4848.13, rate: '143.91%' })).forms[0];
    const x = f.findings.find((y) => y.code === 'EXECUTION_RATE_MISMATCH')!;
    expect(x.cell).toBe('F4');
    expect(x.message).toContain('应为 181.06%');
    expect(x.message).toContain('按执行数 4848.13');
  });

  it('满意度 under the 效益 一级 is HIERARCHY_INVALID; the stated 效益 (40分) matches its rows', () => {
    const codes = check(departmentForm()).forms[0].findings.map((x) => `${x.code}@${x.cell}`);
    expect(codes).toContain('HIERARCHY_INVALID@C11');
    expect(codes.filter((c) => c.startsWith('WEIGHT_SUM_MISMATCH'))).toEqual([]);
  });

  it('an empty 部门名称 and an unreadable 资金总额 are reported, never read as 0', () => {
    const f = check(departmentForm({ name: '　', planned: '资金总额：两千' })).forms[0];
    const codes = f.findings.map((x) => `${x.code}@${x.cell}`);
    expect(codes).toContain('REQUIRED_FIELD_MISSING@B3');
    expect(f.findings.find((x) => x.cell === 'B3')!.message).toContain('部门名称');
    expect(codes).toContain('NUMBER_INVALID@B4');
    expect(f.budget.planned).toBeNull();
  });
});
