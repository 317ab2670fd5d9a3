import type { CellRange, SheetView } from '../../sheet';
import type { LabelGrid } from '../../recognize/labelGrid';
import type { Pos } from '../../recognize/layout';
import { isLabel, type LabelKey } from '../../recognize/labels';
import { valueRightOf } from '../../recognize/fieldValue';
import { scanTableRows } from '../../recognize/formBounds';
import type { TargetsHeader } from './header';

/** 预算执行情况: 预算额 / 执行额 / 当年结转结余额 / 结转结余率% and its rows (合计, 财政拨款, 其他资金). */
export interface TargetsFunds {
  cols: { budget: number; spent: number; carry: number | null; carryRate: number | null };
  rows: { row: number; label: string }[];
  totalRow: number | null;
}

export interface TargetsLayout {
  range: CellRange;
  header: TargetsHeader;
  rows: number[];
  projectName: { label: Pos; value: Pos | null } | null;
  unitName: Pos | null;
  funds: TargetsFunds | null;
}

export function targetsLayout(view: SheetView, grid: LabelGrid, h: TargetsHeader, upper: number): TargetsLayout {
  const { left, right } = h;
  const { rows, bottom } = scanTableRows(view, grid, h.row, left, right);

  const findAbove = (which: LabelKey) => grid.findAbove(h.row, upper, (c) => isLabel(c.key, which), left, right);
  const nameLabel = findAbove('projectName');
  const unitLabel = findAbove('unitName');
  const funds = findFunds(grid, h, upper);
  let top = h.row;
  for (const c of [nameLabel, unitLabel]) if (c && c.row < top) top = c.row;
  if (funds && funds.rows.length > 0) top = Math.min(top, funds.rows[0].row - 1);
  for (let r = top - 1; r >= Math.max(upper, top - 3); r--) {
    if (grid.find(r, (k) => k.includes('完成情况表'), left, Infinity)) top = r;
  }
  return {
    range: { top, left, bottom, right },
    header: h,
    rows,
    projectName: nameLabel ? { label: { row: nameLabel.row, col: nameLabel.col }, value: valueRightOf(view, grid, nameLabel, right) } : null,
    unitName: unitLabel ? valueRightOf(view, grid, unitLabel, right) : null,
    funds,
  };
}

/** The first row above the header with both 预算额 and 执行额 (the 财政拨款结构 block below it repeats them as row labels). */
function findFunds(grid: LabelGrid, h: TargetsHeader, upper: number): TargetsFunds | null {
  let headerRow = -1;
  for (let r = upper; r < h.row; r++) {
    const cells = grid.inRow(r, h.left, h.right);
    if (cells.some((c) => isLabel(c.key, 'budgetAmount')) && cells.some((c) => isLabel(c.key, 'spentAmount'))) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) return null;
  const cells = grid.inRow(headerRow, h.left, h.right);
  const colOf = (which: LabelKey) => cells.find((c) => isLabel(c.key, which))?.col ?? null;
  const cols = { budget: colOf('budgetAmount')!, spent: colOf('spentAmount')!, carry: colOf('carryOver'), carryRate: colOf('carryOverRate') };
  const rows: TargetsFunds['rows'] = [];
  let totalRow: number | null = null;
  for (let r = headerRow + 1; r < h.row; r++) {
    const before = grid.inRow(r, h.left, cols.budget - 1);
    if (before.some((c) => /结构|目标/.test(c.key) || isLabel(c.key, 'budgetAmount') || isLabel(c.key, 'spentAmount'))) break;
    const label = before.pop();
    if (!label) break;
    rows.push({ row: r, label: label.text.replace(/\s+/g, '') });
    if (totalRow === null && label.key.startsWith('合计')) totalRow = r;
  }
  return { cols, rows, totalRow };
}
