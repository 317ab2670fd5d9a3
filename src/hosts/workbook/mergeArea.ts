/**
 * The cells a worksheet's merges cover, counted from its XML as it is inflated. A reader expands a merge
 * into its cells (SheetJS indexes each row; the core's SheetView each cell), so one
 * `<mergeCell ref="AA1:XFD1048576"/>` in a 7 KB file would take gigabytes: a merge counts against the
 * cell limit by the cells it covers.
 */
import { parseRangeA1 } from '../../core/sheet';
import { concat } from './zip';

const NAME = Uint8Array.from('mergeCell', (c) => c.charCodeAt(0));
const GT = 0x3e;
/** A `<mergeCell …>` tag is short; a longer run without `>` is not one. */
const MAX_TAG = 512;

/** Fed a worksheet part chunk by chunk; `cells` is the Σ of the areas of the merges seen so far. */
export class MergeArea {
  cells = 0;
  /** The merge covering the most cells, to name in a refusal. */
  largest: { ref: string; cells: number } | null = null;
  private tail = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    const data = this.tail.length ? concat(this.tail, chunk) : chunk;
    let from = 0;
    let keep = Math.max(0, data.length - NAME.length);
    for (let p = data.indexOf(NAME[0], from); p !== -1; p = data.indexOf(NAME[0], from)) {
      from = p + 1;
      if (!startsWith(data, p, NAME)) continue;
      const after = data[p + NAME.length];
      if (after === undefined) {
        keep = Math.min(keep, p);
        break;
      }
      if (after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d) continue; // `mergeCells`, `</mergeCell>`
      const end = data.indexOf(GT, p);
      if (end === -1) {
        if (data.length - p < MAX_TAG) keep = Math.min(keep, p);
        break;
      }
      this.add(data, p, end);
      from = end + 1;
      keep = Math.max(keep, end + 1);
    }
    this.tail = data.slice(Math.min(keep, data.length));
  }

  /** The merge whose tag runs over data[from, end): its `ref` read from the bytes, without a string per merge. */
  private add(data: Uint8Array, from: number, end: number): void {
    const value = refValue(data, from, end);
    if (!value) return;
    const [start, stop] = value;
    const cells = areaOf(data, start, stop) ?? areaOfText(latin1(data.subarray(start, stop)));
    if (cells === null || !Number.isFinite(cells) || cells <= 0) return;
    this.cells += cells;
    if (!this.largest || cells > this.largest.cells) this.largest = { ref: latin1(data.subarray(start, stop)), cells };
  }
}

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const DOLLAR = 0x24;
const COLON = 0x3a;

/** White space as `\s` matches it in a Latin-1 string. */
function isSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0xa0;
}

/**
 * Where the value of the tag's `ref` attribute lies, as `/\sref\s*=\s*["']([^"']*)["']/` finds it in
 * the tag's text: [start, stop) of data, or null.
 */
function refValue(data: Uint8Array, from: number, end: number): [number, number] | null {
  for (let i = from; i + 4 < end; i++) {
    if (!isSpace(data[i]) || data[i + 1] !== 0x72 || data[i + 2] !== 0x65 || data[i + 3] !== 0x66) continue;
    let k = i + 4;
    while (k < end && isSpace(data[k])) k++;
    if (data[k] !== 0x3d) continue;
    k++;
    while (k < end && isSpace(data[k])) k++;
    if (k >= end || (data[k] !== QUOTE && data[k] !== APOSTROPHE)) continue;
    const start = k + 1;
    for (let j = start; j < end; j++) if (data[j] === QUOTE || data[j] === APOSTROPHE) return [start, j];
    return null; // no closing quote: none further on has one either
  }
  return null;
}

/**
 * The cells a plain reference covers (`A1:B2`, `$A$1`), read from its bytes; null for anything else
 * (which `areaOfText` reads as before).
 */
function areaOf(data: Uint8Array, start: number, stop: number): number | null {
  const afterA = cellAt(data, start, stop);
  if (afterA < 0) return null;
  const rowA = cellRow;
  const colA = cellCol;
  if (afterA === stop) return 1;
  if (data[afterA] !== COLON) return null;
  if (cellAt(data, afterA + 1, stop) !== stop) return null;
  return (Math.abs(rowA - cellRow) + 1) * (Math.abs(colA - cellCol) + 1);
}

/** The row and column `cellAt` read last (no object per cell: this runs for every merge of a sheet). */
let cellRow = 0;
let cellCol = 0;

/** `$A$1` at data[at…]: 1–3 letters, 1–15 digits, a `$` before either; where it ends, or -1 when not so. */
function cellAt(data: Uint8Array, at: number, stop: number): number {
  let k = at;
  if (data[k] === DOLLAR) k++;
  let col = 0;
  const lettersFrom = k;
  for (; k < stop; k++) {
    const b = data[k] | 0x20;
    if (b < 0x61 || b > 0x7a) break;
    col = col * 26 + (b - 0x60);
  }
  if (k === lettersFrom || k - lettersFrom > 3) return -1;
  if (data[k] === DOLLAR) k++;
  let row = 0;
  const digitsFrom = k;
  for (; k < stop && data[k] >= 0x30 && data[k] <= 0x39; k++) row = row * 10 + (data[k] - 0x30);
  if (k === digitsFrom || k - digitsFrom > 15) return -1;
  cellRow = row;
  cellCol = col;
  return k;
}

/** The cells a reference covers, read as text (whatever `areaOf` does not read); null when it is not one. */
function areaOfText(ref: string): number | null {
  try {
    const r = parseRangeA1(ref.replace(/\$/g, ''));
    return (r.bottom - r.top + 1) * (r.right - r.left + 1);
  } catch {
    return null;
  }
}

/** Whether the needle is at `at` whole (a needle cut by the chunk's end is kept for the next chunk). */
function startsWith(data: Uint8Array, at: number, needle: Uint8Array): boolean {
  if (at + needle.length > data.length) return false;
  for (let k = 1; k < needle.length; k++) if (data[at + k] !== needle[k]) return false;
  return true;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The refusal of a workbook whose merges cover more cells than the limit. */
export function mergeBreachMessage(part: string, largest: { ref: string; cells: number }, total: number, maxCells: number, hint: string): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `工作簿过大，未读取：工作表部件 ${part} 中的合并单元格 ${largest.ref.replace(/[^A-Za-z0-9:$]/g, '')} 覆盖 ${n(largest.cells)} 个单元格，连同其他单元格累计 ${n(total)} 个，超过上限 ${n(maxCells)} 个${hint}。请在 Excel 中取消这一合并后再试。`;
}
