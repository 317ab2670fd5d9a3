import type { SheetModel } from '../../core/sheet';

/**
 * Drops empty rows and columns at the edges. When nothing would be left: the model as it is, or with
 * `blankAsEmpty` a model of no cells (the WPS reader's empty sheet).
 */
export function trimSheet(m: SheetModel, blankAsEmpty = false): SheetModel {
  const filled = (y: number, x: number) => m.values[y][x] !== null || !!m.formulas?.[y][x];
  const rows = m.values.length;
  const cols = m.values[0]?.length ?? 0;
  let top = 0;
  let bottom = rows - 1;
  let left = 0;
  let right = cols - 1;
  const rowEmpty = (y: number) => {
    for (let x = left; x <= right; x++) if (filled(y, x)) return false;
    return true;
  };
  const colEmpty = (x: number) => {
    for (let y = top; y <= bottom; y++) if (filled(y, x)) return false;
    return true;
  };
  while (top <= bottom && rowEmpty(top)) top++;
  if (top > bottom) return blankAsEmpty ? { ...m, values: [], formulas: [], texts: [], formats: [] } : m;
  while (rowEmpty(bottom)) bottom--;
  while (colEmpty(left)) left++;
  while (colEmpty(right)) right--;
  if (top === 0 && left === 0 && bottom === rows - 1 && right === cols - 1) return m;
  const cut = <T>(g: T[][] | undefined) => g?.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  return {
    ...m,
    top: m.top + top,
    left: m.left + left,
    values: cut(m.values)!,
    formulas: cut(m.formulas),
    texts: cut(m.texts),
    formats: cut(m.formats),
  };
}
