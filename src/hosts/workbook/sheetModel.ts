/**
 * A worksheet → the core's SheetModel: the used range (cells and merged areas), cached values, formula
 * text, number formats, display text and merges. Each reader (ExcelJS here, SheetJS in sheetjsRead.ts)
 * lists its cells; layOut turns the list into the model, the same way for both.
 */
import type { Cell, Worksheet } from 'exceljs';
import { parseRangeA1, type CellRange, type CellValue, type SheetModel } from '../../core/sheet';
import { displayText, localFormat } from './displayText';

/** ExcelJS's ValueType.Merge: a cell covered by a merge, not its master. */
const MERGE_SLAVE = 1;

/**
 * Above this many cells (rows × columns of the used range) rows are sized to their own last cell instead
 * of the full width, and rows with no cell share one empty array, so one stray far-away cell (XFD1048576)
 * does not allocate millions of empty slots. 1,000 stacked forms are ~300,000 cells.
 */
const RECTANGLE_LIMIT = 1_000_000;

/** The row of a sparse model that holds nothing (shared, frozen). */
const NO_CELLS: never[] = Object.freeze([]) as never[];

/** Called for each stored cell: 0-based position, value (a formula's cached result), formula text, number format. */
export type CellVisitor = (row: number, col: number, value: CellValue, formula: string | null, format: string | null) => void;

/**
 * A worksheet's stored cells as a reader hands them over, merge-covered cells left out. Walked twice
 * (the used range, then the cells), so a reader needs no copy of its cells in between.
 */
export type CellSource = (visit: CellVisitor) => void;

/** ExcelJS worksheet → SheetModel. */
export function sheetModelOf(worksheet: Worksheet, date1904 = false): SheetModel {
  const cells: CellSource = (visit) =>
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if ((cell.type as number) === MERGE_SLAVE) return;
        visitCell(visit, cell, rowNumber - 1, colNumber - 1, date1904);
      });
    });
  return layOut(worksheet.name, cells, mergesOf(worksheet));
}

/**
 * The used range (the cells and the merged areas) as the core's arrays, each row sized once; the
 * display text of each cell from its value and number format. Shared by every reader of .xlsx files, so
 * they give the core identical models.
 */
export function layOut(name: string, cells: CellSource, merges: CellRange[]): SheetModel {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  cells((r, c) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  });
  for (const m of merges) {
    if (m.top < top) top = m.top;
    if (m.left < left) left = m.left;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.right > right) right = m.right;
  }
  if (bottom < 0 || !Number.isFinite(top)) {
    return { name, top: 0, left: 0, values: [], formulas: [], texts: [], formats: [], merges };
  }

  const height = bottom - top + 1;
  const width = right - left + 1;
  const rectangular = height * width <= RECTANGLE_LIMIT;
  const values: CellValue[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  const texts: (string | null)[][] = new Array(height);
  const formats: (string | null)[][] = new Array(height);
  // Rows without a formula (or without a number format) share one frozen row of nulls, given a row of
  // their own when a cell needs it: most rows of a form have neither, and every row built is garbage
  // the collector copies while the sheet is read.
  const noneInRow = Object.freeze(new Array<null>(width).fill(null)) as null[];
  for (let i = 0; i < height; i++) {
    if (rectangular) {
      values[i] = new Array<CellValue>(width).fill(null);
      texts[i] = new Array<string | null>(width).fill(null);
      formulas[i] = formats[i] = noneInRow;
    } else values[i] = formulas[i] = texts[i] = formats[i] = NO_CELLS;
  }

  cells((r, c, v, formula, format) => {
    const i = r - top;
    const j = c - left;
    if (!rectangular) {
      if (values[i] === NO_CELLS) {
        values[i] = [];
        formulas[i] = [];
        texts[i] = [];
        formats[i] = [];
      }
      while (values[i].length <= j) {
        values[i].push(null);
        formulas[i].push(null);
        texts[i].push(null);
        formats[i].push(null);
      }
    }
    values[i][j] = v;
    texts[i][j] = textOf(v, format);
    if (formula !== null) (formulas[i] === noneInRow ? (formulas[i] = new Array<string | null>(width).fill(null)) : formulas[i])[j] = formula;
    if (format !== null) (formats[i] === noneInRow ? (formats[i] = new Array<string | null>(width).fill(null)) : formats[i])[j] = format;
  });

  return { name, top, left, values, formulas, texts, formats, merges };
}

function visitCell(visit: CellVisitor, cell: Cell, row: number, col: number, date1904: boolean): void {
  const raw = cell.value as unknown;
  const format = cell.numFmt ?? null;
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const text = cell.formula ?? (o.formula as string | undefined);
      visit(row, col, plainValue(o.result, date1904), text ? `=${text}` : null, format);
      return;
    }
  }
  visit(row, col, plainValue(raw, date1904), null, format);
}

/** A cell value (or formula result) as the core's CellValue. */
export function plainValue(raw: unknown, date1904: boolean): CellValue {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case 'number':
      // `<v>1e400</v>` parses to Infinity; Excel holds no such number and shows #NUM!.
      return Number.isFinite(raw) ? raw : { error: '#NUM!' };
    case 'string':
      return raw;
    case 'boolean':
      return raw;
    case 'object': {
      if (raw instanceof Date) return excelSerial(raw, date1904);
      const o = raw as Record<string, unknown>;
      if (typeof o.error === 'string') return { error: o.error };
      if (Array.isArray(o.richText)) return richTextString(o.richText);
      if ('text' in o) return plainValue(o.text, date1904); // hyperlink: its text (string or rich text)
      return null;
    }
    default:
      return null;
  }
}

function richTextString(runs: unknown[]): string {
  let s = '';
  for (const r of runs) {
    const t = (r as { text?: unknown }).text;
    if (typeof t === 'string') s += t;
  }
  return s;
}

/** A JS Date as ExcelJS builds it (UTC) → Excel serial date. */
export function excelSerial(d: Date, date1904: boolean): number {
  const serial = d.getTime() / 86400000 + (date1904 ? 24107 : 25569);
  return Math.round(serial * 86400000) / 86400000;
}

function textOf(v: CellValue, format: string | null): string | null {
  if (v === null) return null;
  switch (typeof v) {
    case 'number':
      return displayText(v, localFormat(format));
    case 'string':
      return v;
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    default:
      return v.error;
  }
}

/** Merged areas, 0-based. Reads ExcelJS's merge index directly: `worksheet.model` rebuilds every row. */
export function mergesOf(worksheet: Worksheet): CellRange[] {
  const index = (worksheet as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (index) {
    return Object.values(index).map((r) => ({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 }));
  }
  return (worksheet.model.merges ?? []).map(parseRangeA1);
}
