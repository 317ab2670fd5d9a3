import type { LabelCell, LabelGrid } from '../../recognize/labelGrid';
import { isLabel, opensWithFrameworkLevel1, type LabelKey } from '../../recognize/labels';
import type { HeaderAnchor } from '../family';
import { splitLabel } from './blocks';

export interface FrameworkCols {
  level1: number;
  level2: number;
  level3: number;
  /** The 分值 column after each level (五华 004), or null where the weight is written in the label (雁江 003). */
  level1Weight: number | null;
  level2Weight: number | null;
  level3Weight: number | null;
  score: number;
  /** 指标说明（评价计分标准）: the rubric a standard indicator's score follows. */
  rubric: number | null;
}

export interface FrameworkHeader extends HeaderAnchor {
  cols: FrameworkCols;
}

const FRAMEWORK_COLUMNS: LabelKey[] = ['level1', 'level2', 'level3', 'weight', 'selfScore', 'explanation', 'rubric', 'basis'];

/**
 * The header of a scoring table on the 决策/过程/产出/效益 framework: 一级指标, 二级指标, 三级指标 and a
 * score column (得分 / 自评分数), with no 年度指标值 / 实际完成值 (family A) and no 预算指标值 (targets).
 * 分值 columns may follow each level: `一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分`.
 */
/** Rows below the header looked at for weights written in the labels (`项目立项（15分）`). */
const LABEL_WEIGHT_ROWS = 12;

export function frameworkHeader(grid: LabelGrid, start: LabelCell, upperGroup: LabelCell[], end = Infinity): FrameworkHeader | null {
  let group = upperGroup;
  let row = start.row;
  // A band of two rows: `指标 | 县级 | 市级` over `分值 | 评分 | 评分`, the level cells merged down over both.
  if (!group.some((c) => isLabel(c.key, 'selfScore')) && start.bottom > start.row) {
    const lower = grid.inRow(start.row + 1, start.col, end).filter((l) => !group.some((u) => u.col <= l.col && u.right >= l.col && u.bottom > start.row));
    if (lower.some((c) => isLabel(c.key, 'selfScore'))) {
      const parents = (u: LabelCell) => lower.some((l) => l.col >= u.col && l.col <= u.right);
      group = [...group.filter((u) => !parents(u)), ...lower].sort((a, b) => a.col - b.col);
      row = start.row + 1;
    }
  }
  const find = (which: LabelKey) => group.find((c) => isLabel(c.key, which));
  const level2 = find('level2');
  const level3 = find('level3');
  const score = find('selfScore');
  if (!level2 || !level3 || !score) return null;
  if ((find('target') || find('actual') || find('targetValue')) && !opensWithFrameworkLevel1(grid, start.row, start.col)) return null;
  if (find('plannedValue')) return null;
  if (!(start.col < level2.col && level2.col < level3.col && level3.col < score.col)) return null;
  const weightBetween = (from: number, to: number) => group.find((c) => c.col > from && c.col < to && isLabel(c.key, 'weight'))?.col ?? null;
  const weights = [weightBetween(start.col, level2.col), weightBetween(level2.col, level3.col), weightBetween(level3.col, score.col)];
  // A 计分表 states a weight per indicator, in a 分值 column or in its labels; a table that does neither is
  // not one, whatever its score column (SPEC §1.5: never force a table into a family whose columns it lacks).
  if (weights.every((w) => w === null) && !weightsInLabels(grid, start.row, start.col, level3.right)) return null;
  return {
    row,
    left: start.col,
    // The header ends with its last known column: text further right belongs to whatever stands beside it.
    right: Math.max(...group.filter((c) => FRAMEWORK_COLUMNS.some((w) => isLabel(c.key, w))).map((c) => c.right)),
    cols: {
      level1: start.col,
      level2: level2.col,
      level3: level3.col,
      level1Weight: weightBetween(start.col, level2.col),
      level2Weight: weightBetween(level2.col, level3.col),
      level3Weight: weightBetween(level3.col, score.col),
      score: score.col,
      rubric: find('rubric')?.col ?? null,
    },
  };
}

function weightsInLabels(grid: LabelGrid, row: number, left: number, right: number): boolean {
  for (let r = row + 1; r <= row + LABEL_WEIGHT_ROWS; r++) if (grid.find(r, (k) => splitLabel(k).weight !== null, left, right)) return true;
  return false;
}
