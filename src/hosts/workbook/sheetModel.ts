/**
 * One ExcelJS worksheet → the core's SheetModel: the used range (cells and merged areas), cached values,
 * formula text, number formats, display text and merges. One pass over the stored cells, into arrays
 * sized once.
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

export function sheetModelOf(worksheet: Worksheet, date1904 = false): SheetModel {
  const merges = mergesOf(worksheet);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  // Rows without a stored value are not visited; merge-covered cells count as used.
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (_cell, colNumber) => {
      if (colNumber < left) left = colNumber;
      if (colNumber > right) right = colNumber;
    });
    if (rowNumber < top) top = rowNumber;
    if (rowNumber > bottom) bottom = rowNumber;
  });
  // to 0-based
  top -= 1;
  left -= 1;
  bottom -= 1;
  right -= 1;
  for (const m of merges) {
    if (m.top < top) top = m.top;
    if (m.left < left) left = m.left;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.right > right) right = m.right;
  }
  if (bottom < 0 || !Number.isFinite(top)) {
    return { name: worksheet.name, top: 0, left: 0, values: [], formulas: [], texts: [], formats: [], merges };
  }

  const height = bottom - top + 1;
  const width = right - left + 1;
  const rectangular = height * width <= RECTANGLE_LIMIT;
  const values: CellValue[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  const texts: (string | null)[][] = new Array(height);
  const formats: (string | null)[][] = new Array(height);
  for (let i = 0; i < height; i++) {
    if (rectangular) {
      values[i] = new Array<CellValue>(width).fill(null);
      formulas[i] = new Array<string | null>(width).fill(null);
      texts[i] = new Array<string | null>(width).fill(null);
      formats[i] = new Array<string | null>(width).fill(null);
    } else values[i] = formulas[i] = texts[i] = formats[i] = NO_CELLS;
  }

  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const i = rowNumber - 1 - top;
    if (!rectangular) {
      values[i] = [];
      formulas[i] = [];
      texts[i] = [];
      formats[i] = [];
    }
    const vRow = values[i];
    const fRow = formulas[i];
    const tRow = texts[i];
    const nRow = formats[i];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if ((cell.type as number) === MERGE_SLAVE) return;
      const j = colNumber - 1 - left;
      if (!rectangular) {
        while (vRow.length <= j) {
          vRow.push(null);
          fRow.push(null);
          tRow.push(null);
          nRow.push(null);
        }
      }
      readCell(cell, j, vRow, fRow, tRow, nRow, date1904);
    });
  });

  return { name: worksheet.name, top, left, values, formulas, texts, formats, merges };
}

function readCell(
  cell: Cell,
  j: number,
  vRow: CellValue[],
  fRow: (string | null)[],
  tRow: (string | null)[],
  nRow: (string | null)[],
  date1904: boolean,
): void {
  const raw = cell.value as unknown;
  const format = cell.numFmt ?? null;
  nRow[j] = format;
  let v: CellValue;
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const text = cell.formula ?? (o.formula as string | undefined);
      fRow[j] = text ? `=${text}` : null;
      v = plainValue(o.result, date1904);
    } else v = plainValue(raw, date1904);
  } else v = plainValue(raw, date1904);
  vRow[j] = v;
  tRow[j] = textOf(v, format);
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
