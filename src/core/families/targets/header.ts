import type { LabelCell, LabelGrid } from '../../recognize/labelGrid';
import { isLabel, type LabelKey } from '../../recognize/labels';
import type { HeaderAnchor } from '../family';

export interface TargetsHeader extends HeaderAnchor {
  cols: { level1: number; level2: number; level3: number; planned: number; result: number; deviation: number | null };
}

/**
 * The indicator header of a 绩效目标完成情况表: 一级指标, 二级指标, 三级指标, 预算指标值, 预算指标值执行结果
 * and the 偏差情况及原因分析 column; no 分值, no 得分. `年度绩效指标` may stand to the left of 一级指标.
 */
export function targetsHeader(grid: LabelGrid, start: LabelCell, group: LabelCell[]): TargetsHeader | null {
  const find = (which: LabelKey) => group.find((c) => isLabel(c.key, which));
  const level2 = find('level2');
  const level3 = find('level3');
  const planned = find('plannedValue');
  const result = find('plannedResult');
  if (!level2 || !level3 || !planned || !result) return null;
  if (find('weight') || find('score')) return null;
  const deviation = group.find((c) => c.col > result.col && c.key.includes('偏差'));
  const before = grid.inRow(start.row, -Infinity, start.col - 1).pop();
  return {
    row: start.row,
    left: before && before.key.includes('绩效指标') ? before.col : start.col,
    // The header ends with its last known column: text further right belongs to whatever stands beside it.
    right: Math.max(start.right, level2.right, level3.right, planned.right, result.right, deviation?.right ?? -1),
    cols: { level1: start.col, level2: level2.col, level3: level3.col, planned: planned.col, result: result.col, deviation: deviation?.col ?? null },
  };
}
