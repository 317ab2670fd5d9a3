import type { LabelCell, LabelGrid } from '../../recognize/labelGrid';
import type { IndicatorCols } from '../../recognize/layout';
import { hasRole, isLabel, isReasonLabel, opensWithFrameworkLevel1 } from '../../recognize/labels';
import { INDICATOR_BAND_ROLES } from '../../recognize/lexicon';
import type { HeaderAnchor } from '../family';

export interface IndicatorHeader extends HeaderAnchor {
  row: number;
  /** First row of indicators (after a second header row when 年度指标值 is split on the next row). */
  firstRow: number;
  left: number;
  right: number;
  cols: IndicatorCols;
  /** Band cells no role was found for (one info finding names them; nothing reads them). */
  unread: LabelCell[];
}

/** The roles a cell on the row above may add to a band whose lower row lacks them (实际完成值 | 分值 | 得分 merged down). */
const UPPER_ROLES = ['target', 'actual', 'weight', 'score', 'reason'] as const;

/**
 * The indicator header of family A and B, starting at its 一级指标 cell: a band of one row or two. Columns get
 * their role from the lexicon — 一级, 二级, 三级, 年度指标值 (or 指标性质 / 指标值 / 度量单位), 实际完成值, 分值,
 * 得分, 偏差原因 — in any order. On two rows, the upper row's cells over columns the lower row leaves
 * blank (`实际完成值 | 分值 | 得分` merged down over both) belong to the band, and a 年度指标值 spanning several
 * columns is the parent of the 指标性质 / 指标值 / 度量单位 below it. A table with 年度指标值 and 实际完成值 is
 * this family's whatever its scoring columns: without 分值 the weights are in its labels or nowhere
 * (湖北-style), without 分值 and 得分 it is unscored. `end` is the last column before the next form's 一级指标.
 */
export function headerOf(grid: LabelGrid, row: number, start: LabelCell, group: LabelCell[], end = Infinity): IndicatorHeader | null {
  let band = group;
  const has = (which: Parameters<typeof isLabel>[1]) => band.some((c) => isLabel(c.key, which));
  if (!has('actual') || !(has('score') || has('weight'))) {
    const lower = group;
    const upper = grid
      .inRow(row - 1, start.col, end)
      .filter((u) => u.bottom >= row - 1 && !lower.some((l) => l.col <= u.right && l.right >= u.col) && UPPER_ROLES.some((r) => isLabel(u.key, r) || (r === 'reason' && isReasonLabel(u.key))));
    if (upper.length > 0) band = [...group, ...upper].sort((a, b) => a.col - b.col);
  }
  const col = (which: Parameters<typeof isLabel>[1]) => band.find((c) => isLabel(c.key, which));
  const level2 = col('level2');
  const level3 = col('level3');
  const weight = col('weight');
  const score = col('score');
  const actual = col('actual');
  if (!level2 || !level3) return null;
  // A 决策/过程/产出/效益 table is family C's, even with target and actual columns (银川 项目支出绩效自评表).
  if (opensWithFrameworkLevel1(grid, row, start.col)) return null;
  const reason = band.find((c) => isReasonLabel(c.key));

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
  if (before && (before.key.includes('绩效指标') || isLabel(before.key, 'indicatorsHeader'))) left = before.col;
  else {
    // An empty label cell merged down the left edge of the block (the 绩效指标 column left blank) is the form's.
    const edge = grid.view.mergeAt(row, start.col - 1);
    if (edge && edge.right === start.col - 1 && edge.bottom > row && grid.view.isEmpty(edge.top, edge.left)) left = edge.left;
  }
  // The header ends with its last known column: text further right belongs to whatever stands beside the form.
  const right = Math.max(...[start, level2, level3, weight, score, actual, reason].map((c) => c?.right ?? -1), ...targetCells(band, target));
  const unread = band.filter((c) => c.col > start.col && c.col <= right && !hasRole(c.key, INDICATOR_BAND_ROLES) && !c.key.includes('绩效指标'));
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
      weight: weight?.col ?? null,
      score: score?.col ?? null,
      reason: reason?.col ?? null,
    },
    unread,
  };
}

/** The right edges of the cells holding the target (one column, or the three of a split target). */
function targetCells(group: LabelCell[], target: IndicatorCols['target']): number[] {
  const cols = typeof target === 'number' ? [target] : [target.nature, target.value, target.unit];
  return group.filter((c) => cols.includes(c.col)).map((c) => c.right);
}
