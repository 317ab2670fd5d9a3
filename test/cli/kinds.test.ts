/** The CLI report and contract for each kind of form: 计分表 with 总分 and 等级, targets tables with 无评分. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { FIXTURES } from '../loadFixture';

async function cli(...argv: string[]) {
  let out = '';
  const code = await run(argv, { out: (s) => (out += `${s}\n`), err: () => {} });
  return { code, out };
}

describe('selfeval check on family C and targets tables', () => {
  it('the text report shows each kind with its own fields: 总分/等级 for a 计分表, 无评分 and 预算额/执行额 for a targets table', async () => {
    const r = await cli('check', join(FIXTURES, 'yanjiang-stacked.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('附表!A1:G25  运行运转保障经费  [评价指标体系计分表]');
    expect(r.out).toMatch(/总分 99\.35（表内填报 99\.35）\s+等级 优\s+错误 0/);
    expect(r.out).toContain('附表!A29:G80  运行运转保障经费  [绩效目标完成情况表]');
    expect(r.out).toMatch(/    无评分（绩效目标完成情况表不计分）\s+预算额 181\.87\s+执行额 181\.87\s+执行率 100\.00%\s+指标 16 项/);
    expect(r.out).not.toMatch(/\[绩效目标完成情况表\]\n\s+总分/);
    expect(r.out).toContain('共 1 个文件、16 张表；0 张表有错误');
  });

  it('--json: kind framework with total and grade, kind targets with total and grade null and its budget', async () => {
    const r = await cli('check', '--json', join(FIXTURES, 'wuhua-evaluation.xlsx'), join(FIXTURES, 'yanjiang-targets.xlsx'));
    const [wuhua, targets] = JSON.parse(r.out);
    expect(wuhua.forms[0]).toMatchObject({ kind: 'framework', total: { weight: 100, stated: 91, computed: 91 }, grade: { stated: '优', computed: '优' } });
    const t = targets.forms[5];
    expect(t).toMatchObject({ kind: 'targets', projectName: '外事专项经费', total: null, grade: null });
    expect(t.budget).toEqual({ planned: 2, executed: 0, executionRate: 0, weight: null, score: { stated: null, computed: null } });
  });
});
