import type { SheetView } from '../../sheet';
import type { LabelCell, LabelGrid } from '../../recognize/labelGrid';
import type { FormLayout, FundsLayout, IndicatorRowLayout, Pos } from '../../recognize/layout';
import { isLabel, labelKey, type LabelKey } from '../../recognize/labels';
import { departmentFunds } from '../department/funds';
import { valueRightOf } from '../../recognize/fieldValue';
import { FUNDS_BAND_ROLES } from '../../recognize/lexicon';
import { hasRole } from '../../recognize/labels';
import { bracketName, TITLE } from '../../recognize/titleName';
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
    // The blocks above may run wider than the indicator columns (a value beside 资金使用单位 past them).
    return { label: { row: c.row, col: c.col }, value: valueRightOf(view, grid, c, Math.max(right, c.right + 4)) };
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
  let titleName: string | null = null;
  for (let r = top - 1; r >= Math.max(upper, top - 4); r--) {
    const t = grid.find(r, (k) => TITLE.test(k), left, right);
    if (t) top = r;
    titleName ??= grid.inRow(r, left, right).map((c) => bracketName(c.text)).find((n) => n !== null) ?? null;
  }

  // The title and the upper blocks may be merged wider than the indicator columns.
  let formRight = right;
  for (const r of [top, projectName?.label.row, funds?.headerRow]) {
    if (r === undefined) continue;
    for (const c of grid.inRow(r, left, right)) formRight = Math.max(formRight, c.right);
  }

  const unread = [...h.unread, ...(funds?.unread ?? [])].map((c) => ({ row: c.row, col: c.col, text: c.text }));
  const scored = h.cols.weight !== null || h.cols.score !== null;
  return {
    kind: deptName ? 'department' : scored ? 'project' : 'targets',
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
    unread,
    titleName,
  };
}

const WEIGHT_IN_LABEL = /\((\d+(?:\.\d+)?)分/u;

function findFunds(grid: LabelGrid, h: IndicatorHeader, upper: number): (FundsLayout & { unread: LabelCell[] }) | null {
  const { left, right } = h;
  let headerRow = -1;
  for (let r = h.row - 1; r >= upper; r--) {
    if (grid.find(r, (k) => isLabel(k, 'plannedYear') || isLabel(k, 'executed') || isLabel(k, 'plannedStart'), left, right)) {
      headerRow = r;
      break;
    }
  }
  // The funds header may run past the indicator columns (湖北-style: 得分(20分*执行率) one column further).
  let fundsRight = right;
  for (const c of headerRow < 0 ? [] : grid.inRow(headerRow, right + 1)) {
    if (c.col > fundsRight + 1 || !hasRole(c.key, FUNDS_BAND_ROLES)) break;
    fundsRight = c.right;
  }
  const cells = headerRow < 0 ? [] : grid.inRow(headerRow, left, fundsRight);
  const colOf = (which: LabelKey) => cells.find((c) => isLabel(c.key, which))?.col ?? null;
  // Family B words its header 执行数 | 资金执行率 with no budget column: its own block (`资金总额：…` below).
  if (headerRow < 0 || (colOf('plannedYear') === null && colOf('plannedStart') === null)) {
    const dept = departmentFunds(grid, h, upper);
    if (dept || headerRow < 0) return dept ? { ...dept, unread: [] } : null;
  }
  const annual = cells.find((c) => isLabel(c.key, 'plannedYear'));
  const cols = {
    initial: colOf('plannedStart'),
    annual: annual?.col ?? null,
    executed: colOf('executed'),
    weight: colOf('weight'),
    rate: colOf('rate'),
    score: colOf('score'),
  };
  const firstNumberCol = Math.min(...Object.values(cols).filter((c): c is number => c !== null));
  const rows: { row: number; label: string }[] = [];
  let totalRow: number | null = null;
  let complete = false;
  for (let r = headerRow + 1; r < h.row; r++) {
    const labelCell = grid.inRow(r, left, firstNumberCol - 1).find((c) => !c.key.startsWith("项目资金") && !isLabel(c.key, "fundsHeader"));
    if (labelCell && (isLabel(labelCell.key, 'goals') || labelCell.key.includes('绩效指标') || isLabel(labelCell.key, 'indicatorsHeader'))) break;
    if (!labelCell) {
      if (rows.length > 0) break;
      continue;
    }
    // Words in the amount columns (`资金管理情况 | 情况说明 | …`): the next block, not a funds row.
    if ([cols.initial, cols.annual, cols.executed].some((c) => c !== null && hasWords(grid, r, c))) break;
    rows.push({ row: r, label: labelCell.text });
    if (totalRow === null && (labelCell.key.startsWith('年度资金总额') || isLabel(labelCell.key, 'totalFunds'))) totalRow = r;
    else if (isLabel(labelCell.key, 'otherFunds')) complete = true;
  }
  // The funds line's points stated in its header (`预算执行情况(20分)`, `得分(20分*执行率)`) where no 分值 column states them.
  let labelWeight: number | null = null;
  for (let r = headerRow; r >= Math.max(upper, headerRow - 1) && labelWeight === null; r--) {
    for (const c of grid.inRow(r, left, right)) {
      const m = (isLabel(c.key, 'fundsHeader') || isLabel(c.key, 'score')) ? WEIGHT_IN_LABEL.exec(c.key) : null;
      if (m) {
        labelWeight = Number(m[1]);
        break;
      }
    }
  }
  const executed = cells.find((c) => isLabel(c.key, 'executed'));
  return {
    headerRow,
    cols,
    totalRow,
    complete,
    labelWeight,
    rows,
    annualLabel: annual ? stripped(annual.key) : '全年预算数',
    annualPrefix: null,
    executedLabel: executed ? stripped(executed.key) : '全年执行数',
    unread: cells.filter((c) => c.col >= firstNumberCol && !hasRole(c.key, FUNDS_BAND_ROLES)),
  };
}

/** The cell holds text with words in it (not a number, `50万元`, or a not-applicable mark). */
function hasWords(grid: LabelGrid, row: number, col: number): boolean {
  const c = grid.find(row, () => true, col, col);
  return !!c && /[\u4e00-\u9fff]/u.test(c.key.replace(/万元|元|无|不适用/gu, ''));
}

/** A header's wording for messages: `全年预算数(A)` → 全年预算数. */
function stripped(key: string): string {
  return labelKey(key).replace(/\([^()]*\)$/u, '');
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
    // A 总分 / 合计 cell may start left of the indicator columns (merged over an empty label column).
    const lead = view.master(r, left);
    const totalCell = lead.col < left ? grid.find(r, (k) => isLabel(k, 'total'), lead.col, lead.col) : first && isLabel(first.key, 'total') ? first : undefined;
    if (totalCell) {
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
