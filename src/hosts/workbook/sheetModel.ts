/**
 * A worksheet → the core's SheetModel: the used range (cells and merged areas), cached values, formula
 * text, number formats, display text and merges. The reader (SheetJS, sheetjsRead.ts; ExcelJS in the tests'
 * scripts/excelJsModel.ts) lists its cells; layOut turns the list into the model.
 */
import type { CellRange, CellValue, SheetModel } from '../../core/sheet';
import { displayText, localFormat } from './displayText';

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

