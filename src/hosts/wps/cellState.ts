/**
 * One cell of an ET worksheet as the shared cell plans see it (`CellState`), and the plans' operations
 * carried out on it. Every call here is one synchronous ET call.
 *
 * Fill: `Interior.Pattern` is xlNone (-4142) for no fill (VBA reference, Interior.Pattern / XlPattern);
 * `Interior.Color` is VBA's RGB long (red in the low byte); `TintAndShade` is the shade of a theme colour.
 * These become the same FillState the Excel host reads (`fillOf`), so `isPainted` and the record work
 * alike. Notes are ET's comments (`Range.Comment`, null when there is none; `Comment.Text()` reads it,
 * `Comment.Text(text)` replaces the whole text — VBA: "If Start is omitted, any existing text in the
 * comment is deleted"; `Range.AddComment` fails on a cell that has one).
 */
import type { CellPlan, CellState, FillOp, ValueOp, ValueState } from '../sheetHost/cellPlan';
import { fillOf, type FillState } from '../sheetHost/fills';
import { XL_PATTERN_NONE, XL_PATTERN_SOLID, bgrToHex, hexToBgr, type EtRange } from './et';

export function fillStateOf(r: EtRange): FillState {
  const i = r.Interior;
  const pattern = Number(i.Pattern);
  if (pattern === XL_PATTERN_NONE || i.Pattern === null || i.Pattern === undefined) return { none: true };
  const tint = Number(i.TintAndShade) || 0;
  return fillOf({
    color: bgrToHex(i.Color),
    pattern: pattern === XL_PATTERN_SOLID ? 'Solid' : String(pattern),
    patternColor: pattern === XL_PATTERN_SOLID ? null : bgrToHex(i.PatternColor),
    tintAndShade: tint,
  });
}

export function valueStateOf(r: EtRange): ValueState {
  const v = r.Value2;
  const f = r.Formula;
  const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
  const empty = v === undefined || v === null || v === '';
  const nf = r.NumberFormat;
  return { blank: empty && formula === null, value: empty ? '' : v, formula, format: typeof nf === 'string' && nf ? nf : 'General' };
}

export function noteOf(r: EtRange): string | null {
  const c = r.Comment;
  if (!c) return null;
  const t = c.Text();
  return typeof t === 'string' ? t : String(t ?? '');
}

export function cellStateOf(r: EtRange, notes: boolean): CellState {
  return { fill: fillStateOf(r), ...valueStateOf(r), note: notes ? noteOf(r) : null };
}

/** Carries out a plan's fill, note and value on the cell (the defined name is the caller's). */
export function applyPlan(r: EtRange, plan: CellPlan): void {
  if (plan.fill) applyFill(r, plan.fill);
  if (plan.note) {
    const n = plan.note;
    if (n.op === 'add') r.AddComment(n.text);
    else if (n.op === 'set') r.Comment?.Text(n.text);
    else r.Comment?.Delete();
  }
  if (plan.value) applyValue(r, plan.value);
}

function applyFill(r: EtRange, op: FillOp): void {
  const i = r.Interior;
  if ('paint' in op) {
    // Solid, the colour, no shade: all three, so an earlier pattern or tint does not stay under ours.
    i.Pattern = XL_PATTERN_SOLID;
    i.Color = hexToBgr(op.paint);
    i.TintAndShade = 0;
    return;
  }
  const s = op.restore;
  if (s.none) {
    i.Pattern = XL_PATTERN_NONE;
    return;
  }
  i.Pattern = s.pattern ? Number(s.pattern) : XL_PATTERN_SOLID;
  i.Color = hexToBgr(s.color);
  if (s.pattern && s.patternColor) i.PatternColor = hexToBgr(s.patternColor);
  i.TintAndShade = s.tintAndShade ?? 0;
}

function applyValue(r: EtRange, v: ValueOp): void {
  if (v.op === 'remove') r.ClearContents();
  if (v.format !== undefined) r.NumberFormat = v.format;
  if (v.op === 'write') r.Value2 = v.value;
  if (v.op === 'put') {
    if (v.formula) r.Formula = v.formula;
    else if (v.value !== undefined) r.Value2 = v.value as string | number;
  }
}
