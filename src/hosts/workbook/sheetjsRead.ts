/**
 * The check's fast read path: SheetJS's dense reader → the core's SheetModels, identical to what the
 * ExcelJS path builds (test/hosts/workbook/readPaths.test.ts compares them on every fixture). About twice
 * as fast as ExcelJS with half the memory (`npm run bench`); used when no annotated copy is written,
 * since the copy writer needs ExcelJS's workbook.
 *
 * `@e965/xlsx` is SheetJS 0.20.3 as published on cdn.sheetjs.com, republished to npm: the `xlsx` 0.18.5 on
 * the npm registry has CVE-2023-30533 (prototype pollution) and CVE-2024-22363 (ReDoS), fixed in 0.19.3
 * and 0.20.2.
 */
import { read, type CellObject, type ParsingOptions, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { rangeA1, type CellRange, type CellValue, type SheetModel } from '../../core/sheet';
import { withoutOverlaps } from './linearMerges';
import { layOut, type CellSource } from './sheetModel';

/** SheetJS keeps an error cell's value as Excel's error code (BIFF numbering, [MS-XLSB] 2.5.97.2 BErr). */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** What the model needs and no more: values as stored (dates as serials), formulas, number formats. */
export const SHEETJS_READ_OPTIONS: ParsingOptions = {
  type: 'array',
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  cellStyles: false,
};

export interface SheetJSRead {
  sheets: SheetModel[];
  date1904: boolean;
  /** Per sheet, merges left out because they overlap another (as the ExcelJS path leaves them out). */
  overlappingMerges: { sheet: string; pairs: [string, string][] }[];
}

export function readWithSheetJS(bytes: Uint8Array): SheetJSRead {
  const wb: WorkBook = read(bytes, SHEETJS_READ_OPTIONS);
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: SheetModel[] = [];
  const overlappingMerges: SheetJSRead['overlappingMerges'] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // Chart sheets (and old dialog/macro sheets) have no cells; ExcelJS does not list them either.
    if (!ws || (ws as { '!type'?: string })['!type']) continue;
    const { kept, overlapping } = withoutOverlaps(
      (ws['!merges'] ?? []).map((m) => {
        const r = { top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c };
        return { r, text: rangeA1(r) };
      }),
    );
    if (overlapping.length > 0) overlappingMerges.push({ sheet: name, pairs: overlapping });
    sheets.push(sheetModelOfSheetJS(name, ws, kept.map((m) => m.r)));
    // SheetJS's cell objects are the bulk of the memory: each sheet's go once its model is built.
    delete wb.Sheets[name];
  }
  return { sheets, date1904, overlappingMerges };
}

function sheetModelOfSheetJS(name: string, ws: WorkSheet, merges: CellRange[]): SheetModel {
  const isCovered = coveredTest(merges);
  const data = (ws as { '!data'?: (CellObject | null | undefined)[][] })['!data'] ?? [];
  const cells: CellSource = (visit) => {
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || (cell.t === 'z' && !cell.f) || isCovered(r, c)) continue;
        visit(r, c, valueOf(cell), cell.f ? `=${cell.f}` : null, formatOf(cell));
      }
    }
  };
  return layOut(name, cells, merges);
}

/**
 * Whether a cell lies inside a merge without being its master: ExcelJS drops what such a cell holds, and
 * so must this path. Merges indexed by row; a row crosses only a few.
 */
function coveredTest(merges: CellRange[]): (row: number, col: number) => boolean {
  const byRow: CellRange[][] = [];
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) (byRow[r] ??= []).push(m);
  return (row, col) => {
    const list = byRow[row];
    if (!list) return false;
    for (const m of list) if (col >= m.left && col <= m.right) return row !== m.top || col !== m.left;
    return false;
  };
}

/** ExcelJS leaves General (numFmtId 0) unset; so does the model. */
function formatOf(cell: CellObject): string | null {
  return typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : null;
}

function valueOf(cell: CellObject): CellValue {
  switch (cell.t) {
    case 'n':
      return cell.v as number;
    case 's':
      return cell.v as string;
    case 'b':
      return cell.v as boolean;
    case 'e':
      return { error: ERROR_TEXT[cell.v as number] ?? cell.w ?? '#N/A' };
    default:
      return null;
  }
}
