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
import { trimSheet } from './trimSheet';

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
  return trimSheet({ ...model, values, texts, formats });
}

