/**
 * What one form family is to the recognizer and the check. Every family is anchored by a header row that
 * starts with 一级指标; the recognizer finds those rows once, asks each family in turn whether the header
 * is its own, lets the family that claims it lay out the whole form, and has that family check it.
 * A new family is one more folder implementing this and one line in `families/index.ts`.
 */
import type { CellRange, SheetView } from '../sheet';
import type { Fill, FormResult } from '../result';
import type { LabelCell, LabelGrid } from '../recognize/labelGrid';
import type { Profile } from '../rules/profile';

/** A family's indicator header: its row and the columns it spans. */
export interface HeaderAnchor {
  row: number;
  left: number;
  right: number;
}

export interface FormCheck {
  form: FormResult;
  fills: Fill[];
}

export interface Family<H extends HeaderAnchor = HeaderAnchor, L extends { range: CellRange } = { range: CellRange }> {
  /** For messages and the README: 项目支出绩效自评表, 评价指标体系计分表, … */
  name: string;
  /**
   * The header starting at the 一级指标 cell `start`, with the text cells `group` of its row up to column `end`
   * (before the next 一级指标); null when not this family's.
   */
  header(grid: LabelGrid, start: LabelCell, group: LabelCell[], end: number): H | null;
  /** The whole form around its header; rows above `upper` belong to the form above. */
  layout(view: SheetView, grid: LabelGrid, header: H, upper: number): L;
  check(view: SheetView, layout: L, profile: Profile): FormCheck;
}
