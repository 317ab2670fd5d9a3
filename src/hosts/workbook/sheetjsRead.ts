/**
 * The check's fast read path: SheetJS's dense reader → the core's SheetModels, identical to what the
 * ExcelJS path builds (test/hosts/workbook/readPaths.test.ts compares them on every fixture). About twice
 * as fast as ExcelJS with half the memory (`npm run bench`); the read path with or without a copy (the
 * copy patches the original package, patch/).
 *
 * `@e965/xlsx` is SheetJS 0.20.3 as published on cdn.sheetjs.com, republished to npm: the `xlsx` 0.18.5 on
 * the npm registry has CVE-2023-30533 (prototype pollution) and CVE-2024-22363 (ReDoS), fixed in 0.19.3
 * and 0.20.2. What is loaded is its mini build (sheetjsMini.d.ts): the .xlsx reader alone, without the
 * codepage tables (~0.15 s of a cold process) and the other formats' readers and writers.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { CFB, parse_zip, read } from '@e965/xlsx/dist/xlsx.mini.min.js';
import { MergeIndex } from '../../core/mergeIndex';
import { rangeA1, type CellRange, type CellValue, type SheetModel } from '../../core/sheet';
import { withoutOverlaps } from './linearMerges';
import type { InflatedParts } from './limits';
import { layOut, type CellSource } from './sheetModel';
import { SHEETJS_READ_OPTIONS } from './sheetjsOptions';
import { NodeBuffer } from './nodeBuffer';

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

export { SHEETJS_READ_OPTIONS };

export interface SheetJSRead {
  sheets: SheetModel[];
  date1904: boolean;
  /** Per sheet, merges left out because they overlap another (as the ExcelJS path leaves them out). */
  overlappingMerges: { sheet: string; pairs: [string, string][] }[];
}

/**
 * `inflated`: the package's parts as the size limits already inflated them (limits.ts), so that SheetJS
 * parses them without inflating the zip a second time; without them SheetJS opens `bytes` itself.
 */
export function readWithSheetJS(bytes: Uint8Array, inflated?: InflatedParts): SheetJSRead {
  const wb: WorkBook = inflated ? parse_zip(containerOf(inflated), { ...SHEETJS_READ_OPTIONS }) : read(bytes, { ...SHEETJS_READ_OPTIONS });
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: SheetModel[] = [];
  const overlappingMerges: SheetJSRead['overlappingMerges'] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    // Chart sheets (and old dialog/macro sheets) have no cells; ExcelJS does not list them either.
    if (!ws || (ws as { '!type'?: string })['!type']) continue;
    const ranges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    // Most sheets' merges overlap nowhere, which their grid shows at once; only others are sorted out.
    // A cell inside a merge other than its master is dropped: ExcelJS drops what such a cell holds, and so must this path.
    const index = new MergeIndex(ranges);
    if (index.overlapFree) {
      sheets.push(sheetModelOfSheetJS(name, ws, ranges, (r, c) => index.covers(r, c)));
    } else {
      const { kept, overlapping } = withoutOverlaps(ranges.map((r) => ({ r, text: rangeA1(r) })));
      if (overlapping.length > 0) overlappingMerges.push({ sheet: name, pairs: overlapping });
      const merges = kept.map((m) => m.r);
      const keptIndex = new MergeIndex(merges);
      sheets.push(sheetModelOfSheetJS(name, ws, merges, (r, c) => keptIndex.covers(r, c)));
    }
    // SheetJS's cell objects are the bulk of the memory: each sheet's go once its model is built.
    delete wb.Sheets[name];
  }
  return { sheets, date1904, overlappingMerges };
}

/**
 * The parts in the zip container SheetJS's own zip reader builds (its `CFB.read` of a zip), which its
 * `parse_zip` then reads: `cfb_new` and `cfb_add`, as `parse_zip` itself adds each part it inflates. As
 * Node Buffers where there are (SheetJS turns a Buffer into its text natively, a Uint8Array through TextDecoder).
 */
function containerOf(parts: InflatedParts) {
  const zip = CFB.utils.cfb_new();
  for (const [name, data] of parts) {
    CFB.utils.cfb_add(zip, name, NodeBuffer ? NodeBuffer.from(data.buffer, data.byteOffset, data.byteLength) : data, { unsafe: true });
  }
  return zip;
}

function sheetModelOfSheetJS(name: string, ws: WorkSheet, merges: CellRange[], isCovered: (row: number, col: number) => boolean): SheetModel {
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
