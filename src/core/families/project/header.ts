import type { LabelCell, LabelGrid } from '../../recognize/labelGrid';
import type { IndicatorCols } from '../../recognize/layout';
import { isLabel, isReasonLabel } from '../../recognize/labels';
import type { HeaderAnchor } from '../family';

export interface IndicatorHeader extends HeaderAnchor {
  row: number;
  /** First row of indicators (after a second header row when 年度指标值 is split on the next row). */
  firstRow: number;
  left: number;
  right: number;
  cols: IndicatorCols;
}

/**
 * The indicator header of family A and B, starting at its 一级指标 cell: 一级指标, 二级指标, 三级指标,
 * 年度指标值 (or 指标值 split in three), 实际完成值, 分值 and 得分 left to right.
 */
export function headerOf(grid: LabelGrid, row: number, start: LabelCell, group: LabelCell[]): IndicatorHeader | null {
  const col = (which: Parameters<typeof isLabel>[1]) => group.find((c) => isLabel(c.key, which));
  const level2 = col('level2');
  const level3 = col('level3');
  const weight = col('weight');
  const score = col('score');
  const actual = col('actual');
  if (!level2 || !level3 || !weight || !score) return null;
  const reason = group.find((c) => isReasonLabel(c.key));

  let firstRow = row + 1;
  let target: IndicatorCols['target'] | null = null;
  const splitValue = col('targetValue');
  if (splitValue) {
    target = { nature: col('targetNature')?.col ?? null, value: splitValue.col, unit: col('targetUnit')?.col ?? null };
  } else {
    const whole = col('target');
    if (whole && whole.right > whole.col) {
      // 年度指标值 spanning several columns with 指标性质 / 指标值 / 度量单位 on the row below.
      const sub = grid.inRow(row + 1, whole.col, whole.right);
      const value = sub.find((c) => isLabel(c.key, 'targetValue'));
      if (value) {
        target = {
          nature: sub.find((c) => isLabel(c.key, 'targetNature'))?.col ?? null,
          value: value.col,
          unit: sub.find((c) => isLabel(c.key, 'targetUnit'))?.col ?? null,
        };
        firstRow = row + 2;
      }
    }
    if (!target && whole) target = whole.col;
  }
  if (target === null || !actual) return null;

  // The 绩效指标 cell is the nearest text to the left of 一级指标 (blank columns may stand between).
  let left = start.col;
  const before = grid.inRow(row, -Infinity, start.col - 1).pop();
  if (before && before.key.includes('绩效指标')) left = before.col;
  // The header ends with its last known column: text further right belongs to whatever stands beside the form.
  const right = Math.max(...[start, level2, level3, weight, score, actual, reason].map((c) => c?.right ?? -1), ...targetCells(group, target));
  return {
    row,
    firstRow,
    left,
    right,
    cols: {
      level1: start.col,
      level2: level2.col,
      level3: level3.col,
      target,
      actual: actual.col,
      weight: weight.col,
      score: score.col,
      reason: reason?.col ?? null,
    },
  };
}

/** The right edges of the cells holding the target (one column, or the three of a split target). */
function targetCells(group: LabelCell[], target: IndicatorCols['target']): number[] {
  const cols = typeof target === 'number' ? [target] : [target.nature, target.value, target.unit];
  return group.filter((c) => cols.includes(c.col)).map((c) => c.right);
}
