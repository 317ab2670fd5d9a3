/** The 校验报告 rows: a summary row per form with its kind's own facts, then its findings. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import { reportRows } from '../../src/taskpane/report';
import { reportValues } from '../../src/hosts/excel/report';
import { fixtureSheets } from '../loadFixture';

describe('校验报告 rows per kind', () => {
  it('a 计分表 reports 总分 and 等级, a targets table 无评分 with its funds; findings follow their form', async () => {
    const sheets = await fixtureSheets('wuhua-evaluation.xlsx');
    const stacked = await fixtureSheets('yanjiang-stacked.xlsx');
    const rows = reportRows([check(sheets[0]), check(stacked[0])]);
    const summaries = rows.filter((r) => r.code === '');
    expect(summaries).toHaveLength(17);
    expect(summaries[0]).toEqual({
      sheet: '部门评价表',
      form: '政务服务专项工作经费（A1:G70）',
      cell: 'A1:G70',
      severity: '',
      code: '',
      message: '评价指标体系计分表：总分 91（表内填报 91）；等级 优；执行率 73.68%',
    });
    expect(rows[1].code).toBe('HIERARCHY_INVALID');
    expect(summaries[2].message).toBe('绩效目标完成情况表：无评分（绩效目标完成情况表不计分）；预算额 181.87；执行额 181.87；执行率 100.00%；指标 16 项');
    expect(summaries[2].message).not.toContain('总分');
    // As the Excel host writes them: the summary row has no severity and no code.
    expect(reportValues([summaries[2]])[1]).toEqual(['附表', '运行运转保障经费（A29:G80）', 'A29:G80', '', '', summaries[2].message]);
  });
});
