/**
 * The sheet model: cells exactly as a host hands them over. Both hosts (Office.js and .xlsx files)
 * build one of these; the core reads nothing else.
 *
 * Coordinates are 0-based and absolute on the worksheet (row 0, col 0 is A1). `values[i][j]` is the cell
 * at (top + i, left + j): a host that reads only the used range sets `top`/`left` to where it starts.
 */

import { MergeIndex } from './mergeIndex';

/** An Excel error value such as `#DIV/0!` or `#N/A`. */
export interface CellError {
  error: string;
}

/** What a cell holds: for a formula, its cached result. `null` is an empty cell. */
export type CellValue = number | string | boolean | null | CellError;

/** A rectangle of cells, 0-based, inclusive on all sides. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetModel {
  name: string;
  top: number;
  left: number;
  values: CellValue[][];
  /** Formula text (`=B7/D7`) where the cell holds a formula, else null. Absent: no formulas known. */
  formulas?: (string | null)[][];
  /** Text as Excel displays it. Absent: derived from values. */
  texts?: (string | null)[][];
  /** Number formats (`0.00%`, `General`). Absent: General. */
  formats?: (string | null)[][];
  /** Merged areas, absolute coordinates. */
  merges: CellRange[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (row, col) 0-based → `H7`. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `H7` → { row: 6, col: 7 }. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not an A1 reference: ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `H7` → { row, col }, or null for anything that is not a single A1 address (a damaged record, a range). */
export function tryParseA1(ref: string): { row: number; col: number } | null {
  try {
    return parseA1(ref);
  } catch {
    return null;
  }
}

export function rangeA1(r: CellRange): string {
  const start = a1(r.top, r.left);
  const end = a1(r.bottom, r.right);
  return start === end ? start : `${start}:${end}`;
}

/** `A1:J27` (or `H7`) → a CellRange. */
export function parseRangeA1(ref: string): CellRange {
  const [s, e] = ref.split(':');
  const a = parseA1(s);
  const b = e ? parseA1(e) : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function sheetBottom(s: SheetModel): number {
  return s.top + s.values.length - 1;
}

export function sheetRight(s: SheetModel): number {
  let w = 0;
  for (const row of s.values) if (row.length > w) w = row.length;
  return s.left + w - 1;
}

/**
 * Read access to a SheetModel by absolute coordinates, with merged areas resolved: a cell covered by a
 * merge reads as the merge's master (top-left) cell, the way Excel shows it.
 */
export class SheetView {
  readonly model: SheetModel;
  readonly bottom: number;
  readonly right: number;
  /** Where each merge lies (mergeIndex.ts): one lookup per cell, whatever the number of merges. */
  private readonly merges: MergeIndex;

  constructor(model: SheetModel) {
    this.model = model;
    this.bottom = sheetBottom(model);
    this.right = sheetRight(model);
    this.merges = new MergeIndex(model.merges);
  }

  get name(): string {
    return this.model.name;
  }

  /** The merge containing (row, col), if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.at(row, col);
  }

  /** The master cell of the merge containing (row, col), or the cell itself. */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The A1 address of the master cell of the merge holding `ref` (`ref` itself when unmerged); null for a bad address. */
  masterAddress(ref: string): string | null {
    const p = tryParseA1(ref);
    if (!p) return null;
    const m = this.master(p.row, p.col);
    return a1(m.row, m.col);
  }

  /** The raw value stored at the cell itself (a non-master merged cell reads null). */
  own(row: number, col: number): CellValue {
    const r = this.model.values[row - this.model.top];
    if (!r) return null;
    const v = r[col - this.model.left];
    return v === undefined ? null : v;
  }

  // The accessors below resolve the merge master inline: they run for every cell the rules read, and a
  // {row, col} object per call is what a large sheet's check spends its time collecting.

  /** The value Excel shows at (row, col): the merge master's value where merged. */
  value(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    return m ? this.own(m.top, m.left) : this.own(row, col);
  }

  formula(row: number, col: number): string | null {
    const m = this.mergeAt(row, col);
    const r = m ? m.top : row;
    const c = m ? m.left : col;
    return this.model.formulas?.[r - this.model.top]?.[c - this.model.left] ?? null;
  }

  format(row: number, col: number): string | null {
    const m = this.mergeAt(row, col);
    const r = m ? m.top : row;
    const c = m ? m.left : col;
    return this.model.formats?.[r - this.model.top]?.[c - this.model.left] ?? null;
  }

  /** Display text: the host's text where given, else a plain rendering of the value. */
  text(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    const r = m ? m.top : row;
    const c = m ? m.left : col;
    const t = this.model.texts?.[r - this.model.top]?.[c - this.model.left];
    if (t !== undefined && t !== null) return t;
    const v = this.own(r, c);
    if (v === null) return '';
    if (isCellError(v)) return v.error;
    if (typeof v === 'number') {
      const f = this.format(r, c);
      if (f && f.includes('%')) return `${roundTo(v * 100, decimalsOfFormat(f))}%`;
      return String(v);
    }
    return String(v);
  }

  /** True when the cell (or its merge master) holds nothing and no formula. */
  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    if (this.formula(row, col)) return false;
    return v === null || (typeof v === 'string' && v.trim() === '');
  }
}

function decimalsOfFormat(f: string): number {
  const m = /0\.(0+)/.exec(f);
  return m ? m[1].length : 0;
}

function roundTo(x: number, d: number): number {
  const p = 10 ** d;
  return Math.round(x * p) / p;
}
