import type { SheetView } from '../sheet';
import { labelKey } from './labels';

/** Longer text is not looked at as a label (the longest real ones, a 一级 cell naming two blocks, ~40). */
const MAX_LABEL_LENGTH = 80;

const NONE: readonly LabelCell[] = Object.freeze([]);

/** A text cell (a merge master or an unmerged cell) with its normalized label key. */
export interface LabelCell {
  row: number;
  col: number;
  /** Last column the cell covers (its merge's right edge). */
  right: number;
  /** Last row the cell covers (its merge's bottom edge). */
  bottom: number;
  key: string;
  text: string;
}

/**
 * The text cells of a sheet, row by row, normalized once. Recognition asks "which labels are in this row
 * between these columns" many times; this answers it without touching the sheet again.
 */
export class LabelGrid {
  private readonly byRow = new Map<number, LabelCell[]>();
  readonly rows: number[];

  constructor(readonly view: SheetView) {
    const m = view.model;
    for (let i = 0; i < m.values.length; i++) {
      const line = m.values[i];
      const row = m.top + i;
      let cells: LabelCell[] | undefined;
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        // Labels are short; long prose (goals, explanations) is never one and costs most to normalize.
        if (typeof v !== 'string' || v.length > MAX_LABEL_LENGTH) continue;
        const col = m.left + j;
        const key = labelKey(v);
        if (!key) continue;
        const merge = view.mergeAt(row, col);
        if (merge && (merge.top !== row || merge.left !== col)) continue;
        (cells ??= []).push({ row, col, right: merge ? merge.right : col, bottom: merge ? merge.bottom : row, key, text: v });
      }
      if (cells) this.byRow.set(row, cells);
    }
    this.rows = [...this.byRow.keys()].sort((a, b) => a - b);
  }

  /** All text cells of a row, left to right: the grid's own list, not to be changed. */
  row(row: number): readonly LabelCell[] {
    return this.byRow.get(row) ?? NONE;
  }

  /** Text cells of a row whose column lies in [left, right], left to right. */
  inRow(row: number, left = -Infinity, right = Infinity): LabelCell[] {
    const cells = this.byRow.get(row);
    const out: LabelCell[] = [];
    if (!cells) return out;
    // A plain loop: this runs for every row of every form, and the closure of filter() showed in profiles.
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c.col > right) break;
      if (c.col >= left) out.push(c);
    }
    return out;
  }

  /** First cell of the row in [left, right] whose key satisfies the test. */
  find(row: number, test: (key: string) => boolean, left = -Infinity, right = Infinity): LabelCell | undefined {
    const cells = this.byRow.get(row);
    if (!cells) return undefined;
    for (const c of cells) if (c.col >= left && c.col <= right && test(c.key)) return c;
    return undefined;
  }

  /** The nearest cell above `row` (rows `upper` .. row − 1, bottom up) in [left, right] that passes the test. */
  findAbove(row: number, upper: number, test: (c: LabelCell) => boolean, left = -Infinity, right = Infinity): LabelCell | undefined {
    for (let r = row - 1; r >= upper; r--) {
      const cells = this.byRow.get(r);
      if (!cells) continue;
      for (const c of cells) if (c.col >= left && c.col <= right && test(c)) return c;
    }
    return undefined;
  }
}
