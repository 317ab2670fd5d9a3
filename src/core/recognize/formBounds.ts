import type { SheetView } from '../sheet';
import type { LabelCell, LabelGrid } from './labelGrid';
import { isLabel } from './labels';
import { TITLE } from './titleName';

/** A cell that starts another form: an indicator header, a 项目名称 or a table title. Scanning down stops at it. */
export function startsAnotherForm(c: LabelCell): boolean {
  return isLabel(c.key, 'level1') || isLabel(c.key, 'projectName') || TITLE.test(c.key);
}

/** No value of its own in the row between left and right (cells merged from above do not count). */
export function isBlankRow(view: SheetView, r: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const m = view.mergeAt(r, c);
    if (m && (m.top !== r || m.left !== c)) continue;
    if (!view.isEmpty(r, c)) return false;
  }
  return true;
}

/** Blank rows in a row that end a table without a total row. */
const BLANK_ROWS_END = 2;

/**
 * The rows of a table below its header row, in [left, right]: down to the row `isTotal` recognizes (its total
 * row, which ends it), the start of another form, or two blank rows in a row.
 */
export function scanTableRows(
  view: SheetView,
  grid: LabelGrid,
  headerRow: number,
  left: number,
  right: number,
  isTotal: (cells: LabelCell[]) => boolean = () => false,
): { rows: number[]; totalRow: number | null; bottom: number } {
  const rows: number[] = [];
  let bottom = headerRow;
  let blanks = 0;
  for (let r = headerRow + 1; r <= view.bottom; r++) {
    const cells = grid.inRow(r, left, right);
    if (isTotal(cells)) return { rows, totalRow: r, bottom: r };
    if (cells.some(startsAnotherForm)) break;
    if (isBlankRow(view, r, left, right)) {
      if (++blanks >= BLANK_ROWS_END) break;
      continue;
    }
    blanks = 0;
    rows.push(r);
    bottom = r;
  }
  return { rows, totalRow: null, bottom };
}
