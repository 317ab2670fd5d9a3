/**
 * A cell's fill, as read before we paint it and written back when we clear.
 *
 * Office reads `format.fill.color` as '#FFFFFF' both for "no fill" and for a white fill, and `pattern`
 * may be null for both (OfficeDev/office-js#4900, #6218). What tells them apart is `tintAndShade`
 * (ExcelApi 1.9): null for no fill, a number for any colour (Microsoft's answer in #4900). So: no fill
 * when tintAndShade is null or pattern is 'None'. Restoring no fill is `fill.clear()`; restoring a colour
 * sets color (and a non-solid pattern with its pattern colour).
 *
 * The same four properties come, per cell, from `Range.getCellProperties` (ExcelApi 1.9), which is how a
 * read takes the fill of every cell of the sheet in the same sync as its values (#6218 reports the same
 * '#FFFFFF' there; tintAndShade is what we go by in both).
 */

export type FillState =
  | { none: true }
  | { none?: false; color: string; pattern?: string | null; patternColor?: string | null };

export const FILL_PROPS = 'color,pattern,patternColor,tintAndShade';

/** What `getCellProperties` is asked for: the fill's four properties, nothing else. */
export const CELL_FILL_LOAD: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
};

interface LoadedFill {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

export function fillOf(f: LoadedFill): FillState {
  if (f.tintAndShade === null || f.tintAndShade === undefined || f.pattern === 'None') return { none: true };
  const state: FillState = { color: normalColor(f.color ?? '#FFFFFF') };
  if (f.pattern && f.pattern !== 'Solid') {
    state.pattern = f.pattern;
    state.patternColor = f.patternColor ? normalColor(f.patternColor) : null;
  }
  return state;
}

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
  }
}

/** True when the cell shows exactly the solid colour we painted (so it is still ours to restore). */
export function isPainted(state: FillState, painted: string): boolean {
  return !state.none && !state.pattern && state.color === normalColor(painted);
}

export function sameFill(a: FillState, b: FillState): boolean {
  if (a.none || b.none) return !!a.none && !!b.none;
  return a.color === b.color && (a.pattern ?? null) === (b.pattern ?? null) && (a.patternColor ?? null) === (b.patternColor ?? null);
}

/** `ffc7ce`, `#FFC7CE` → `#FFC7CE`. Named colours are left as Office returned them. */
export function normalColor(c: string): string {
  const hex = c.startsWith('#') ? c.slice(1) : c;
  return /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toUpperCase()}` : c;
}
