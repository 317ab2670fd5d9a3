/**
 * The Office.js side of a cell's fill (sheetHost/fills.ts holds the state both hosts record).
 *
 * Office reads `format.fill.color` as '#FFFFFF' both for "no fill" and for a white fill. The reference
 * (Excel.RangeFill, Excel.FillPattern) says `pattern` is 'None' for no fill; office-js#4900 reports it
 * null for no fill and for solid fills alike, with `tintAndShade` null only for no fill (Microsoft's
 * answer there) — which the reference does not promise. So: no fill when pattern is 'None', or when
 * pattern is null and tintAndShade is null; anything else is a colour. `tintAndShade` (-1..1) is the shade
 * of a theme colour ("Blue, Accent 1, Lighter 80%"): restoring sets color, pattern and tintAndShade as
 * read, so a theme-tinted fill comes back the same shade. Restoring no fill is `fill.clear()`.
 *
 * `patternTintAndShade` (ExcelApi 1.9, -1..1) is the same for the pattern's colour: read and restored too.
 *
 * The same five properties come, per cell, from `Range.getCellProperties` (ExcelApi 1.9), which is how a
 * read takes the fill of every cell of the sheet in the same sync as its values (#6218 reports the same
 * '#FFFFFF' there; tintAndShade is what we go by in both).
 *
 * Painting: the reference (Excel.RangeFill) does not say that setting `color` resets a pattern or a
 * tintAndShade the cell had, so a paint clears the fill first (`paintFill`); otherwise a patterned or
 * tinted cell could show our colour under its pattern, or a shade of it, and no longer read as ours.
 */

import { fillOf, type FillState } from '../sheetHost/fills';

export const FILL_PROPS = 'color,pattern,patternColor,tintAndShade,patternTintAndShade';

/** What `getCellProperties` is asked for: the fill's five properties, nothing else. */
export const CELL_FILL_LOAD: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } },
};

/** The fill of one cell of a `getCellProperties(CELL_FILL_LOAD)` result. */
export function fillOfCell(p: Excel.CellProperties | null | undefined): FillState {
  return fillOf(p?.format?.fill ?? {});
}

/** Queues the writes that put `state` back on the range. */
export function restoreFill(fill: Excel.RangeFill, state: FillState): void {
  fill.clear();
  if (state.none) return;
  fill.color = state.color;
  if (state.pattern) {
    fill.pattern = state.pattern as Excel.FillPattern;
    if (state.patternColor) fill.patternColor = state.patternColor;
    if (state.patternTintAndShade) fill.patternTintAndShade = state.patternTintAndShade;
  }
  if (state.tintAndShade) fill.tintAndShade = state.tintAndShade;
}

/** Queues our solid colour on the range: the old fill cleared first (see the header). */
export function paintFill(fill: Excel.RangeFill, color: string): void {
  fill.clear();
  fill.color = color;
}

/**
 * `Worksheet.getRanges(address)` (ExcelApi 1.9) fails with InvalidArgument on long addresses; the limit
 * is undocumented: office-js#5198 saw failures from about 8,200 characters, and at 513 areas (while
 * another 513-area address worked). So a call gets at most half that length and under 513 areas.
 */
export const GET_RANGES_MAX_CHARS = 4_000;
export const GET_RANGES_MAX_AREAS = 500;

/** One fill write for many cells: paint them, or put back one original fill. */
export interface FillGroup<Op> {
  sheet: string;
  /** `A1,B5,C9` — at most GET_RANGES_MAX_CHARS long, at most GET_RANGES_MAX_AREAS cells. */
  address: string;
  op: Op;
  cells: number;
}

/**
 * Cells that get the same fill (the same colour to paint, the same original to restore), by sheet, as
 * `getRanges` addresses: one write per group instead of one per cell (per-cell formatting is Excel's
 * slow path). `key` tells which ops are the same.
 */
export function groupFills<Op>(items: readonly { sheet: string; cell: string; op: Op }[], key: (op: Op) => string): FillGroup<Op>[] {
  const groups = new Map<string, { sheet: string; op: Op; cells: string[] }>();
  for (const it of items) {
    const k = `${it.sheet}\u0000${key(it.op)}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { sheet: it.sheet, op: it.op, cells: [] }));
    g.cells.push(it.cell);
  }
  const out: FillGroup<Op>[] = [];
  for (const g of groups.values()) {
    let cur: string[] = [];
    let len = 0;
    const flush = () => {
      if (cur.length) out.push({ sheet: g.sheet, address: cur.join(','), op: g.op, cells: cur.length });
      cur = [];
      len = 0;
    };
    for (const c of g.cells) {
      if (cur.length && (len + 1 + c.length > GET_RANGES_MAX_CHARS || cur.length >= GET_RANGES_MAX_AREAS)) flush();
      len += (cur.length ? 1 : 0) + c.length;
      cur.push(c);
    }
    flush();
  }
  return out;
}
