/**
 * Reads one ET worksheet into a SheetModel: the used range's values (`Value2`: numbers, text, booleans,
 * dates as serial numbers — as Office.js `values` gives them), formulas (`Formula`), the number format and
 * display text of every cell holding a number, and the merged areas.
 *
 * Calls, for a sheet of R rows, C columns, N number cells and M merged areas:
 *   - 2 whole-range reads (`Value2`, `Formula`) — one call each, whatever the size;
 *   - 2 per number cell (`NumberFormat`, `Text`): the format decides what 100% and 1 mean, and only
 *     numbers have one that matters (a text cell's text is its value);
 *   - merged areas through the empty cells (`mergedAreas`): one `MergeCells` question per run of empty
 *     cells in a row, three calls more per area found — about 2 × (runs of blank cells) + 5 × M calls,
 *     never one per cell of the range (100 stacked forms: see test/hosts/wps/host.test.ts).
 *
 * ET's `UsedRange` counts formatted cells too (VBA does; a fill we painted right of the form widens it),
 * where Office.js's `getUsedRange(true)` counts values only: empty rows and columns at the edges are
 * dropped so both hosts hand the core the same model.
 */
import type { CellRange, CellValue, SheetModel } from '../../core/sheet';
import { columnLetters, parseRangeA1 } from '../../core/sheet';
import { trimSheet } from '../sheetHost/trimSheet';
import { addressOf, rowsOf, type EtRange, type EtWorksheet } from './et';

/** Error values as WPS and Excel display them (a cell's `Text`). */
const ERROR_TEXTS = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

export interface WpsRead {
  model: SheetModel;
}

export function readWorksheet(ws: EtWorksheet): WpsRead {
  const name = ws.Name;
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const rawValues = rowsOf(used.Value2, rows, cols);
  const rawFormulas = rowsOf(used.Formula, rows, cols);

  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const texts: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (let y = 0; y < rows; y++) {
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    const tRow: (string | null)[] = [];
    const nRow: (string | null)[] = [];
    for (let x = 0; x < cols; x++) {
      const raw = rawValues[y]?.[x];
      const f = rawFormulas[y]?.[x];
      const formula = typeof f === 'string' && f.startsWith('=') ? f : null;
      let value: CellValue = plain(raw);
      let text: string | null = typeof value === 'string' ? value : null;
      let format: string | null = null;
      if (typeof value === 'number' || isErrorLike(raw)) {
        const cell = ws.Range(`${columnLetters(left + x)}${top + y + 1}`);
        const nf = cell.NumberFormat;
        const t = cell.Text;
        format = typeof nf === 'string' && nf !== '' ? nf : null;
        text = typeof t === 'string' && t !== '' ? t : null;
        if (text !== null && ERROR_TEXTS.has(text)) {
          value = { error: text };
          format = null;
        }
      }
      vRow.push(value);
      fRow.push(formula);
      tRow.push(text);
      nRow.push(format);
    }
    values.push(vRow);
    formulas.push(fRow);
    texts.push(tRow);
    formats.push(nRow);
  }
  const merges = mergedAreas(ws, top, left, rows, cols, (y, x) => values[y][x] === null && formulas[y][x] === null);
  return { model: trimSheet({ name, top, left, values, formulas, texts, formats, merges }, true) };
}

/** A cell's `Value2` as the core's value: empty is null (ET gives undefined, null or '' by build). */
function plain(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return null;
  return String(v);
}

/** VBA hands error values over as a CVErr object or an HRESULT-sized number; the Text tells. */
function isErrorLike(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

/**
 * Every merged area of the block, found through its empty cells. Excel and WPS keep a merged area's value
 * in its top-left cell and empty the others when cells are merged, so every area of two or more cells
 * holds an empty cell: only the empty cells need asking, and a block of them at a time. Per row, each run
 * of empty cells not yet covered by a found area is one question, `MergeCells`: false (none merged: the
 * usual answer for blank cells), true (all merged: the first cell's `MergeArea` is an area, which then
 * covers its cells in the rows below too — a vertical merge is asked once), or null (mixed: the run is
 * halved). `empty(y, x)` tells, from the values already read, whether the cell (0-based in the block) is
 * empty.
 */
export function mergedAreas(
  ws: EtWorksheet,
  top: number,
  left: number,
  rows: number,
  cols: number,
  empty: (y: number, x: number) => boolean = () => true,
): CellRange[] {
  const found = new Map<string, CellRange>();
  const covered: CellRange[] = [];
  const isCovered = (row: number, col: number) => covered.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
  const ask = (row: number, from: number, to: number): void => {
    const merged = ws.Range(rangeRef({ top: row, left: from, bottom: row, right: to })).MergeCells;
    if (merged === false) return;
    if (merged === true) {
      const a = parseRangeA1(addressOf(ws.Range(rangeRef({ top: row, left: from, bottom: row, right: from })).MergeArea));
      const key = `${a.top}:${a.left}:${a.bottom}:${a.right}`;
      if (!found.has(key)) {
        found.set(key, a);
        if (a.bottom > row) covered.push(a);
      }
      if (a.right < to) ask(row, a.right + 1, to);
      return;
    }
    if (to > from) {
      const mid = Math.floor((from + to) / 2);
      ask(row, from, mid);
      ask(row, mid + 1, to);
    }
  };
  for (let y = 0; y < rows; y++) {
    const row = top + y;
    for (let x = 0; x < cols; ) {
      if (!empty(y, x) || isCovered(row, left + x)) {
        x++;
        continue;
      }
      let end = x;
      while (end + 1 < cols && empty(y, end + 1) && !isCovered(row, left + end + 1)) end++;
      ask(row, left + x, left + end);
      x = end + 1;
    }
    // Areas that end above this row can no longer cover anything.
    for (let i = covered.length - 1; i >= 0; i--) if (covered[i].bottom <= row) covered.splice(i, 1);
  }
  return [...found.values()].filter((m) => m.bottom > m.top || m.right > m.left);
}

function rangeRef(b: CellRange): string {
  const start = `${columnLetters(b.left)}${b.top + 1}`;
  return b.bottom === b.top && b.right === b.left ? start : `${start}:${columnLetters(b.right)}${b.bottom + 1}`;
}


