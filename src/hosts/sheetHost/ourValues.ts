/**
 * A computed value that 填报 wrote into an empty cell is ours, not the user's: reading the sheet again
 * must show that cell EMPTY, as the user left it, so the next check asks for the value again (and
 * `applyMarks` keeps or updates it) instead of taking it for a typed value. Without this, a second run
 * would see the cell filled, ask for no fill, and `applyMarks` — which takes our old marks off first —
 * would leave it empty and unmarked.
 *
 * The mark record (record.ts) says which cells hold a value we wrote and what it was; it is in memory, so
 * this costs no sync. A cell counts as ours only while it holds exactly that value and no formula — the
 * same test `planCell` applies when it re-verifies the cell before writing — so a value the user typed
 * over ours stays the user's.
 *
 * Pure.
 */
import type { SheetModel } from '../../core/sheet';
import { tryParseA1 } from '../../core/sheet';
import { sameValue } from './cellPlan';
import type { MarkEntry } from './record';

/**
 * The model with every cell that still holds the value we recorded shown empty: value null, no text, the
 * number format it had before we wrote (the record's `origFormat`). Rows and columns at the edges left
 * with nothing in them are dropped, so the model is the one the sheet gave before the value was written
 * (the used range never ends in an empty row or column). `entries` are the record entries of this sheet.
 */
export function withoutOurValues(model: SheetModel, entries: readonly MarkEntry[]): SheetModel {
  const ours = entries.filter((e) => e.value !== undefined);
  if (!ours.length) return model;
  const values = model.values.map((row) => [...row]);
  const texts = model.texts?.map((row) => [...row]);
  const formats = model.formats?.map((row) => [...row]);
  let masked = 0;
  for (const e of ours) {
    const at = tryParseA1(e.cell);
    if (!at) continue; // a damaged record entry: the cell is simply not ours
    const { row, col } = at;
    const y = row - model.top;
    const x = col - model.left;
    if (y < 0 || y >= values.length || x < 0 || x >= (values[y]?.length ?? 0)) continue;
    if (model.formulas?.[y][x]) continue;
    if (!sameValue(values[y][x], e.value)) continue;
    values[y][x] = null;
    if (texts) texts[y][x] = null;
    if (formats && e.origFormat !== undefined) formats[y][x] = e.origFormat || null;
    masked++;
  }
  if (!masked) return model;
  return trim({ ...model, values, texts, formats });
}

/** Drops empty rows and columns at the edges (none when nothing would be left). */
function trim(m: SheetModel): SheetModel {
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
  if (top > bottom) return m;
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
