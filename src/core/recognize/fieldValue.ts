import type { SheetView } from '../sheet';
import type { LabelCell, LabelGrid } from './labelGrid';
import type { Pos } from './layout';
import { isLabel, type LabelKey } from './labels';

/**
 * The value cell of a label: the first filled cell to its right within the form, or, when the value is
 * missing, the cell right after the label (where the finding goes). Another field label to the right
 * (实施单位 beside an empty 主管部门) ends the search.
 */
export function valueRightOf(view: SheetView, grid: LabelGrid, label: LabelCell, right: number): Pos | null {
  const first = label.right + 1;
  if (first > right) return null;
  for (let col = first; col <= right; ) {
    const m = view.master(label.row, col);
    const merge = view.mergeAt(label.row, col);
    if (!view.isEmpty(m.row, m.col)) {
      const cell = grid.find(m.row, () => true, m.col, m.col);
      if (cell && isAnyFieldLabel(cell.key)) break;
      return m;
    }
    col = merge ? merge.right + 1 : col + 1;
  }
  return view.master(label.row, first);
}

function isAnyFieldLabel(key: string): boolean {
  return (['projectName', 'department', 'implementer', 'grade', 'deptName', 'deptExecuted', 'deptRate', 'unitName', 'unitCode'] as LabelKey[]).some((w) => isLabel(key, w));
}

