/**
 * A cell's fill as both hosts record it before painting and put back when clearing: no fill, or a colour
 * with its pattern and shades. How each host reads and writes it: excel/fills.ts (Office.js),
 * wps/cellState.ts (ET).
 */

export type FillState =
  | { none: true }
  | {
      none?: false;
      color: string;
      pattern?: string | null;
      patternColor?: string | null;
      tintAndShade?: number;
      patternTintAndShade?: number;
    };

export interface LoadedFill {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export function fillOf(f: LoadedFill): FillState {
  const noTint = f.tintAndShade === null || f.tintAndShade === undefined;
  if (f.pattern === 'None' || (!f.pattern && noTint)) return { none: true };
  const state: FillState = { color: normalColor(f.color ?? '#FFFFFF') };
  if (f.pattern && f.pattern !== 'Solid') {
    state.pattern = f.pattern;
    state.patternColor = f.patternColor ? normalColor(f.patternColor) : null;
  }
  if (!noTint && f.tintAndShade !== 0) state.tintAndShade = f.tintAndShade!;
  if (state.pattern && typeof f.patternTintAndShade === 'number' && f.patternTintAndShade !== 0) state.patternTintAndShade = f.patternTintAndShade;
  return state;
}

/** True when the cell shows exactly the solid colour we painted (so it is still ours to restore). */
export function isPainted(state: FillState, painted: string): boolean {
  return !state.none && !state.pattern && !state.tintAndShade && state.color === normalColor(painted);
}

export function sameFill(a: FillState, b: FillState): boolean {
  if (a.none || b.none) return !!a.none && !!b.none;
  return (
    a.color === b.color &&
    (a.pattern ?? null) === (b.pattern ?? null) &&
    (a.patternColor ?? null) === (b.patternColor ?? null) &&
    (a.tintAndShade ?? 0) === (b.tintAndShade ?? 0) &&
    (a.patternTintAndShade ?? 0) === (b.patternTintAndShade ?? 0)
  );
}

/** `ffc7ce`, `#FFC7CE` → `#FFC7CE`. Named colours are left as Office returned them. */
export function normalColor(c: string): string {
  const hex = c.startsWith('#') ? c.slice(1) : c;
  return /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toUpperCase()}` : c;
}
