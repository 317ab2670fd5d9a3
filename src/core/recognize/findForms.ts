import type { SheetView } from '../sheet';
import type { CellRange } from '../sheet';
import type { Family, HeaderAnchor } from '../families/family';
import { FAMILIES } from '../families';
import { LabelGrid } from './labelGrid';
import { isLabel } from './labels';

/** A recognized form: the family that claimed it and its layout. */
export interface FoundForm {
  family: Family<HeaderAnchor, { range: CellRange }>;
  layout: { range: CellRange };
}

/**
 * Finds every form on the sheet, of every family, wherever it stands: each 一级指标 cell starts a header
 * (several in one row are forms side by side, each running to the next 一级指标); the first family that
 * claims the header lays out the form, with the rows above owned by the nearest form above it.
 */
export function findForms(view: SheetView): FoundForm[] {
  const grid = new LabelGrid(view);
  const headers: { family: Family; header: HeaderAnchor }[] = [];
  for (const row of grid.rows) {
    const cells = grid.row(row);
    // Most rows hold no 一级指标 cell: looked for without building a list for each row.
    if (!cells.some((c) => isLabel(c.key, 'level1'))) continue;
    const starts = cells.filter((c) => isLabel(c.key, 'level1'));
    for (let s = 0; s < starts.length; s++) {
      const start = starts[s];
      const end = s + 1 < starts.length ? starts[s + 1].col - 1 : Infinity;
      const group = cells.filter((c) => c.col >= start.col && c.col <= end);
      for (const family of FAMILIES) {
        const header = family.header(grid, start, group, end);
        if (header) {
          headers.push({ family, header });
          break;
        }
      }
    }
  }
  headers.sort((a, b) => a.header.row - b.header.row || a.header.left - b.header.left);
  const forms: FoundForm[] = [];
  for (const { family, header } of headers) {
    const upper = upperBound(forms, header, view.model.top);
    forms.push({ family, layout: family.layout(view, grid, header, upper) });
  }
  return forms.sort((a, b) => a.layout.range.top - b.layout.range.top || a.layout.range.left - b.layout.range.left);
}

function overlaps(aLeft: number, aRight: number, bLeft: number, bRight: number): boolean {
  return aLeft <= bRight && bLeft <= aRight;
}

/** First row the form above cannot own: one past the bottom of the nearest form above in these columns. */
function upperBound(forms: FoundForm[], h: HeaderAnchor, top: number): number {
  let upper = top;
  // Every form above is looked at (a form beside may end lower than the one straight above): an
  // indexed loop, as this runs forms × forms times (1,000,000 on the 1,000-form bench sheet).
  for (let k = 0; k < forms.length; k++) {
    const f = forms[k].layout.range;
    if (f.bottom < h.row && f.bottom >= upper && overlaps(f.left, f.right, h.left, h.right)) upper = f.bottom + 1;
  }
  return upper;
}
