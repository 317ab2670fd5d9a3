import type { CellRange, SheetView } from '../../sheet';
import type { LabelCell, LabelGrid } from '../../recognize/labelGrid';
import type { Pos } from '../../recognize/layout';
import { isLabel, type LabelKey } from '../../recognize/labels';
import { valueRightOf } from '../../recognize/fieldValue';
import { scanTableRows, startsAnotherForm } from '../../recognize/formBounds';
import { bracketName } from '../../recognize/titleName';
import type { FrameworkHeader } from './header';

/** Rows below the total row where 评价等次 and the grade thresholds are looked for. */
const GRADE_ROWS = 4;

export interface Labelled {
  label: Pos;
  value: Pos | null;
}

/** Where the stated grade is: a cell of its own, inside a line of text (`… 自评等级：优`), or a choice (`优 良□ 中□ 差□`). */
export interface GradePlace {
  pos: Pos;
  how: 'cell' | 'inline' | 'choice';
}

/** 五华 004's funds block: 年初预算数 / 实际到位数 / 实际支出数 / 执行率 and the row that holds them. */
export interface FrameworkFunds {
  row: number;
  cols: { initial: number | null; arrived: number | null; spent: number | null; rate: number | null };
}

export interface FrameworkLayout {
  range: CellRange;
  header: FrameworkHeader;
  /** Rows between the header and the total row. */
  rows: number[];
  totalRow: number | null;
  projectName: Labelled | null;
  /** `（运行运转保障经费）` under the title (雁江 003). */
  bracketName: Pos | null;
  /** The name in brackets at the end of the title itself (`…自评计分表（运行运转保障经费）`). */
  titleName: string | null;
  /** The unit's name: a labelled cell or a line `部门（单位）名称：…`. */
  unitName: { pos: Pos; text: string } | null;
  department: Labelled | null;
  implementer: Labelled | null;
  grade: GradePlace | null;
  /** A total stated beside the project line (`自评得分 | 98`) where the table has no total row. */
  sideTotal: Pos | null;
  /** The line stating the grade thresholds (`100-90（含）分为优、…`). */
  thresholds: Pos | null;
  funds: FrameworkFunds | null;
}

const UNIT_NAME_INLINE = /(?:部门[(（]单位[)）]名称|单位名称)\s*[:：]\s*(\S+)/u;
const BRACKET_LINE = /^[(（][^()（）]+[)）]$/u;
/** `（2022年度）`, `（  2023  ）年度`: the year, not a project name. */
const YEAR_LINE = /^[(（]\s*\d{4}\s*(年度?)?\s*[)）]/u;
const THRESHOLD_LINE = /分为优|分以上为优|为优[、,，;；]/u;

export function frameworkLayout(view: SheetView, grid: LabelGrid, h: FrameworkHeader, upper: number): FrameworkLayout {
  const { left, right, cols } = h;
  const findAbove = (test: (c: LabelCell) => boolean) => grid.findAbove(h.row, upper, test, left);
  const labelled = (which: LabelKey): Labelled | null => {
    const c = findAbove((x) => isLabel(x.key, which));
    return c ? { label: { row: c.row, col: c.col }, value: valueRightOf(view, grid, c, Math.max(right, c.right + 8)) } : null;
  };

  // Indicator rows down to 合计 / 总分.
  const scanned = scanTableRows(view, grid, h.row, left, right, (cells) => cells.some((c) => c.col <= cols.level3 && isLabel(c.key, 'frameworkTotal')));
  const { rows, totalRow } = scanned;
  let bottom = scanned.bottom;

  // 评价等次 and the thresholds line under the total row.
  let grade: GradePlace | null = null;
  let thresholds: Pos | null = null;
  const after = totalRow ?? bottom;
  for (let r = after + 1; r <= Math.min(after + GRADE_ROWS, view.bottom); r++) {
    const cells = grid.inRow(r, left, right);
    if (cells.some(startsAnotherForm)) break;
    const choice = cells.find((c) => isLabel(c.key, 'gradeChoice'));
    if (choice && !grade) {
      const v = valueRightOf(view, grid, choice, right);
      if (v) grade = { pos: v, how: 'choice' };
      bottom = r;
    }
    const line = view.model.values[r - view.model.top]?.findIndex((v, j) => typeof v === 'string' && view.model.left + j >= left && THRESHOLD_LINE.test(v));
    if (line !== undefined && line >= 0 && !thresholds) {
      thresholds = { row: r, col: view.model.left + line };
      bottom = r;
    }
  }

  // The blocks above the header: title, （项目名）, the unit line, 项目名称 …, funds.
  const projectName = labelled('projectName');
  const department = labelled('department');
  const implementer = labelled('implementer');
  let unitName: FrameworkLayout['unitName'] = null;
  const unitLabel = findAbove((c) => isLabel(c.key, 'unitName') || isLabel(c.key, 'deptName'));
  if (unitLabel) {
    const v = valueRightOf(view, grid, unitLabel, Math.max(right, unitLabel.right + 8));
    const text = v ? view.text(v.row, v.col).trim() : '';
    if (v && text) unitName = { pos: v, text };
  } else {
    const line = findAbove((c) => UNIT_NAME_INLINE.test(c.text));
    const m = line ? UNIT_NAME_INLINE.exec(line.text) : null;
    if (line && m) unitName = { pos: { row: line.row, col: line.col }, text: m[1] };
  }
  if (!grade) {
    const g = findAbove((c) => c.key.includes('自评等级') || c.key.includes('评价等次'));
    if (g) {
      if (isLabel(g.key, 'gradeChoice')) {
        const v = valueRightOf(view, grid, g, Math.max(right, g.right + 8));
        if (v) grade = { pos: v, how: 'cell' };
      } else {
        grade = { pos: { row: g.row, col: g.col }, how: 'inline' };
      }
    }
  }
  const bracket = findAbove((c) => BRACKET_LINE.test(c.text.trim()) && !YEAR_LINE.test(c.text.trim()));
  const sideTotalLabel = totalRow === null ? findAbove((c) => isLabel(c.key, 'statedTotal')) : undefined;
  const sideTotal = sideTotalLabel ? valueRightOf(view, grid, sideTotalLabel, Math.max(right, sideTotalLabel.right + 4)) : null;
  const funds = findFunds(view, grid, h, upper);

  let top = h.row;
  for (const p of [projectName?.label, department?.label, implementer?.label, unitName?.pos, grade?.how === 'inline' ? grade.pos : undefined, bracket, funds ? { row: funds.row - 1 } : undefined]) {
    if (p && p.row < top) top = p.row;
  }
  let titleName: string | null = null;
  for (let r = top - 1; r >= Math.max(upper, top - 4); r--) {
    const title = grid.find(r, (k) => /计分表|评价表|绩效自评表/.test(k), left, Infinity);
    if (title) {
      top = r;
      titleName ??= bracketName(title.text);
    }
  }
  let formRight = right;
  for (let r = top; r < h.row; r++) for (const c of grid.inRow(r, left, Infinity)) if (c.col <= right) formRight = Math.max(formRight, c.right);

  return {
    range: { top, left, bottom, right: formRight },
    header: h,
    rows,
    totalRow,
    projectName,
    bracketName: bracket ? { row: bracket.row, col: bracket.col } : null,
    titleName,
    sideTotal,
    unitName,
    department,
    implementer,
    grade,
    thresholds,
    funds,
  };
}

/** 年初预算数 / 实际到位数 / 实际支出数 / 执行率: the 合计 row when it is filled, else the first row with numbers. */
function findFunds(view: SheetView, grid: LabelGrid, h: FrameworkHeader, upper: number): FrameworkFunds | null {
  for (let r = h.row - 1; r >= upper; r--) {
    const cells = grid.inRow(r, h.left, Infinity);
    const colOf = (which: LabelKey) => cells.find((c) => isLabel(c.key, which))?.col ?? null;
    const initial = colOf('plannedStart');
    const arrived = colOf('arrived');
    const spent = colOf('spent');
    if (initial === null || (arrived === null && spent === null)) continue;
    const fundsCols = { initial, arrived, spent, rate: colOf('rate') };
    let first: number | null = null;
    for (let v = r + 1; v < h.row; v++) {
      if (grid.find(v, (k) => isLabel(k, 'goals') || isLabel(k, 'level1'), h.left, Infinity)) break;
      if (view.isEmpty(v, initial) && (spent === null || view.isEmpty(v, spent))) continue;
      if (grid.find(v, (k) => k.startsWith('合计'), h.left, initial - 1)) return { row: v, cols: fundsCols };
      first ??= v;
    }
    return first === null ? null : { row: first, cols: fundsCols };
  }
  return null;
}
