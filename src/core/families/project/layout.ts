import type { SheetView } from '../../sheet';
import type { LabelCell, LabelGrid } from '../../recognize/labelGrid';
import type { FormLayout, FundsLayout, IndicatorRowLayout, Pos } from '../../recognize/layout';
import { isLabel, labelKey, type LabelKey } from '../../recognize/labels';
import { departmentFunds } from '../department/funds';
import { valueRightOf } from '../../recognize/fieldValue';
import type { IndicatorHeader } from './header';

/** Blank rows in a row that end a form without a 总分 row. */
const BLANK_ROWS_END = 2;

/**
 * A family-A (or B) form around its indicator header: the blocks above it (title, 项目名称, funds) are looked
 * for between it and the form above, the indicator rows run down to the 总分 row.
 */
export function buildForm(view: SheetView, grid: LabelGrid, h: IndicatorHeader, upper: number): FormLayout {
  const { left, right } = h;
  const findAbove = (which: LabelKey) => grid.findAbove(h.row, upper, (c) => isLabel(c.key, which), left, right);
  const labelled = (which: LabelKey): { label: Pos; value: Pos | null } | null => {
    const c = findAbove(which);
    if (!c) return null;
    return { label: { row: c.row, col: c.col }, value: valueRightOf(view, grid, c, right) };
  };

  const projectName = labelled('projectName') ?? labelled('deptName');
  const department = labelled('department');
  const implementer = labelled('implementer');
  const deptName = findAbove('deptName');
  const funds = findFunds(grid, h, upper);

  const { rows, totalRow, otherNotesCell, bottom } = scanIndicatorRows(view, grid, h);
  const gradeLabel = findGradeLabel(grid, h, totalRow, bottom);

  let top = h.row;
  for (const p of [projectName?.label, department?.label, implementer?.label, deptName]) if (p) top = Math.min(top, p.row);
  if (funds) top = Math.min(top, funds.headerRow);
  for (let r = top - 1; r >= Math.max(upper, top - 4); r--) {
    const t = grid.find(r, (k) => k.includes('绩效自评表'), left, right);
    if (t) top = r;
  }

  // The title and the upper blocks may be merged wider than the indicator columns.
  let formRight = right;
  for (const r of [top, projectName?.label.row, funds?.headerRow]) {
    if (r === undefined) continue;
    for (const c of grid.inRow(r, left, right)) formRight = Math.max(formRight, c.right);
  }

  return {
    kind: deptName ? 'department' : 'project',
    range: { top, left, bottom, right: formRight },
    projectName,
    department,
    implementer,
    funds,
    indicatorHeaderRow: h.row,
    indicatorCols: h.cols,
    indicatorRows: rows,
    totalRow,
    gradeCell: gradeLabel ? valueRightOf(view, grid, gradeLabel, formRight) : null,
    otherNotesCell,
  };
}

function findFunds(grid: LabelGrid, h: IndicatorHeader, upper: number): FundsLayout | null {
  const { left, right } = h;
  let headerRow = -1;
  for (let r = h.row - 1; r >= upper; r--) {
    if (grid.find(r, (k) => isLabel(k, 'annualBudget') || isLabel(k, 'executed') || isLabel(k, 'initialBudget'), left, right)) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) return departmentFunds(grid, h, upper);
  const cells = grid.inRow(headerRow, left, right);
  const colOf = (which: LabelKey) => cells.find((c) => isLabel(c.key, which))?.col ?? null;
  const annual = cells.find((c) => isLabel(c.key, 'annualBudget'));
  const cols = {
    initial: colOf('initialBudget'),
    annual: annual?.col ?? null,
    executed: colOf('executed'),
    weight: colOf('weight'),
    rate: colOf('rate'),
    score: colOf('score'),
  };
  const firstNumberCol = Math.min(...Object.values(cols).filter((c): c is number => c !== null));
  const rows: { row: number; label: string }[] = [];
  let totalRow: number | null = null;
  for (let r = headerRow + 1; r < h.row; r++) {
    const labelCell = grid.inRow(r, left, firstNumberCol - 1).find((c) => !c.key.startsWith('项目资金'));
    if (labelCell && (isLabel(labelCell.key, 'goals') || labelCell.key.includes('绩效指标'))) break;
    if (!labelCell) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push({ row: r, label: labelCell.text });
    if (totalRow === null && labelCell.key.startsWith('年度资金总额')) totalRow = r;
  }
  const executed = cells.find((c) => isLabel(c.key, 'executed'));
  return {
    headerRow,
    cols,
    totalRow,
    rows,
    annualLabel: annual ? labelKey(annual.text) : '全年预算数',
    annualPrefix: null,
    executedLabel: executed ? labelKey(executed.text) : '全年执行数',
  };
}

function scanIndicatorRows(
  view: SheetView,
  grid: LabelGrid,
  h: IndicatorHeader,
): { rows: IndicatorRowLayout[]; totalRow: number | null; otherNotesCell: Pos | null; bottom: number } {
  const { left, right, cols } = h;
  const rows: IndicatorRowLayout[] = [];
  let totalRow: number | null = null;
  let otherNotesCell: Pos | null = null;
  let bottom = h.firstRow - 1;
  let blanks = 0;
  const leftMerge = left < cols.level1 ? view.mergeAt(h.row, left) : undefined;
  for (let r = h.firstRow; r <= view.bottom; r++) {
    const cells = grid.inRow(r, left, right);
    const first = cells[0];
    if (first && isLabel(first.key, 'total')) {
      totalRow = r;
      bottom = r;
      break;
    }
    if (first && isLabel(first.key, 'otherNotes')) {
      otherNotesCell = valueRightOf(view, grid, first, right);
      bottom = r;
      continue;
    }
    if (cells.some((c) => isLabel(c.key, 'title') || isLabel(c.key, 'projectName') || isLabel(c.key, 'level1') || c.key.includes('绩效自评表'))) break;
    // Text in the 绩效指标 column below its merge belongs to what follows the form (填表人：…).
    if (first && first.col < cols.level1 && !(leftMerge && r <= leftMerge.bottom)) break;
    if (rowIsBlank(view, r, left, right, h)) {
      // An empty row under a merged 一级 cell is still inside the indicator block (an unused template row).
      const l1 = view.mergeAt(r, cols.level1);
      if (l1 && l1.top >= h.firstRow && l1.top < r) continue;
      if (++blanks >= BLANK_ROWS_END) break;
      continue;
    }
    blanks = 0;
    rows.push({ row: r, level1Cell: view.master(r, cols.level1), level2Cell: view.master(r, cols.level2) });
    bottom = r;
  }
  return { rows, totalRow, otherNotesCell, bottom };
}

/** No value in the row's own cells (merges from above do not count as content of this row). */
function rowIsBlank(view: SheetView, r: number, left: number, right: number, h: IndicatorHeader): boolean {
  for (let c = left; c <= right; c++) {
    const m = view.mergeAt(r, c);
    if (m && m.top < r && m.top >= h.firstRow && (c === h.cols.level1 || c === h.cols.level2)) continue;
    if (m && (m.top !== r || m.left !== c)) continue;
    if (!view.isEmpty(r, c)) return false;
  }
  return true;
}

function findGradeLabel(grid: LabelGrid, h: IndicatorHeader, totalRow: number | null, bottom: number): LabelCell | undefined {
  const rows = totalRow !== null ? [totalRow, totalRow + 1] : [bottom, bottom + 1];
  for (const r of rows) {
    const c = grid.find(r, (k) => isLabel(k, 'grade'), h.left, h.right);
    if (c) return c;
  }
  return undefined;
}
