/**
 * ExcelJS's workbook → the core's SheetModel, for tests and benchmarks only (the product reads with
 * SheetJS): the second reader that test/hosts/workbook/readPaths.test.ts compares the product's models
 * with, and ExcelJS with linear merge loading (ExcelJS on its own applies a file's merges in quadratic time).
 */
import type ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { parseRangeA1, type CellRange, type CellValue, type SheetModel } from '../src/core/sheet';
import { withoutOverlaps } from '../src/hosts/workbook/linearMerges';
import { layOut, type CellSource, type CellVisitor } from '../src/hosts/workbook/sheetModel';

type ExcelJSLib = typeof ExcelJS;

/** ExcelJS's ValueType.Merge: a cell covered by a merge, not its master. */
const MERGE_SLAVE = 1;

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

/** Merged areas, 0-based. Reads ExcelJS's merge index directly: `worksheet.model` rebuilds every row. */
export function mergesOf(worksheet: Worksheet): CellRange[] {
  const index = (worksheet as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (index) {
    return Object.values(index).map((r) => ({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 }));
  }
  return (worksheet.model.merges ?? []).map(parseRangeA1);
}

interface WorksheetInternals {
  _merges: Record<string, unknown>;
  mergeCellsWithoutStyle(range: string): void;
  _parseMergeCells(model: { mergeCells?: string[] }): void;
}

/** What the file said about a worksheet's merges, beside what ExcelJS applied. */
export interface FileMerges {
  /** Every `<mergeCell ref>` of the file, in file order. */
  ranges: string[];
  /** Ranges left out because they overlap another: [left out, one it overlaps]. */
  overlapping: [string, string][];
  /**
   * ExcelJS will not write these merges as the file has them (overlapping ones are not applied, a
   * one-cell merge is not written): the copy must be given the file's list.
   */
  rewrite: boolean;
}

const FILE_MERGES = Symbol('fileMerges');

/** The file's merges of a worksheet loaded with linear merge loading (undefined for one built in memory). */
export function fileMergesOf(ws: ExcelJS.Worksheet): FileMerges | undefined {
  return (ws as unknown as { [FILE_MERGES]?: FileMerges })[FILE_MERGES];
}

let installed = false;

export function installLinearMergeLoading(ExcelJS: ExcelJSLib): void {
  if (installed) return;
  const probe = new ExcelJS.Workbook().addWorksheet('probe');
  const proto = Object.getPrototypeOf(probe) as WorksheetInternals;
  // Only where ExcelJS still has the shape this relies on; otherwise its own (slow) path stays.
  if (typeof proto._parseMergeCells !== 'function' || typeof (probe as unknown as WorksheetInternals)._merges !== 'object') return;
  proto._parseMergeCells = function linearParseMergeCells(this: WorksheetInternals, model) {
    const ranges = model.mergeCells ?? [];
    const overlapping: [string, string][] = [];
    const parsed: { r: CellRange; text: string }[] = [];
    for (const text of ranges) {
      try {
        parsed.push({ r: parseRangeA1(text), text });
      } catch {
        /* not a range: ExcelJS would not apply it either */
      }
    }
    const { kept, overlapping: left } = withoutOverlaps(parsed);
    overlapping.push(...left);
    for (const m of kept) {
      const range = m.text;
      const all = this._merges;
      this._merges = {};
      try {
        this.mergeCellsWithoutStyle(range);
        Object.assign(all, this._merges);
      } finally {
        this._merges = all;
      }
    }
    const rewrite = overlapping.length > 0 || parsed.length < ranges.length || parsed.some((m) => m.r.top === m.r.bottom && m.r.left === m.r.right);
    (this as unknown as { [FILE_MERGES]: FileMerges })[FILE_MERGES] = { ranges: [...ranges], overlapping, rewrite };
  };
  installed = true;
}


/** Every worksheet's model, read with ExcelJS (linear merge loading installed). */
export async function excelJsSheets(bytes: Uint8Array): Promise<SheetModel[]> {
  const lib = ((await import('exceljs')) as unknown as { default?: ExcelJSLib }).default ?? ((await import('exceljs')) as unknown as ExcelJSLib);
  installLinearMergeLoading(lib);
  const wb = new lib.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const date1904 = Boolean(wb.properties?.date1904);
  return wb.worksheets.map((ws) => sheetModelOf(ws, date1904));
}
