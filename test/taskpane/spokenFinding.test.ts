import { describe, expect, it } from 'vitest';
import { spokenFinding } from '../../src/taskpane/components/FindingsList';

describe('what a screen reader says for a finding', () => {
  it('one full stop between the message and the rule, however the message ends', () => {
    const f = { cell: 'H7', message: '执行率（H7）填写为 136.58%……请改为 100.00%。', rule: '执行率 = 全年执行数 110.63 ÷ 全年预算数 110.63 = 100.00%' };
    expect(spokenFinding('错误', f)).toBe('错误，单元格 H7：执行率（H7）填写为 136.58%……请改为 100.00%。计分规则：执行率 = 全年执行数 110.63 ÷ 全年预算数 110.63 = 100.00%。');
    expect(spokenFinding('警告', { cell: 'B5', message: '主管部门为空' })).toBe('警告，单元格 B5：主管部门为空。');
    expect(spokenFinding('提示', { cell: 'C3', message: '请核对！', rule: '规则。' })).toBe('提示，单元格 C3：请核对！计分规则：规则。');
  });
});
