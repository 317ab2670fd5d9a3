/**
 * ExcelJS applies a file's merged cells one by one, each checked against every merge already applied:
 * quadratic in the number of merges. A sheet of 1,000 stacked forms has 35,000 merges, and loading it
 * took minutes. Here each merge is checked only against the merges near it (an index of rows in blocks
 * of 64) and then applied against an empty table. Everything else ExcelJS does for a merge (master/slave
 * cells) is unchanged.
 *
 * Excel never saves overlapping merges (it repairs such a file on opening), but a hand-made or damaged
 * file can hold them, and applying them would turn cells holding values into covered cells: a form
 * would vanish. Merges that overlap another are left out, all of them (no order makes one the right
 * one), and recorded with the file's own list of merges, so the reader can warn and the copy can carry
 * the merges exactly as they were.
 */
import type ExcelJS from 'exceljs';
import type { ExcelJSLib } from './excelJS';
import { parseRangeA1, type CellRange } from '../../core/sheet';

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

const BLOCK = 64;

export interface Merge {
  r: CellRange;
  text: string;
}

/**
 * The merges that overlap no other, in file order, and those left out with one each overlaps. Shared by
 * both readers (ExcelJS here, SheetJS in sheetjsRead.ts), so they leave out the same merges.
 */
export function withoutOverlaps(merges: readonly Merge[]): { kept: Merge[]; overlapping: [string, string][] } {
  const index = new MergeIndex();
  for (const m of merges) index.add(m);
  const kept: Merge[] = [];
  const overlapping: [string, string][] = [];
  for (const m of merges) {
    const other = index.overlapping(m);
    if (other !== null) overlapping.push([m.text, other.text]);
    else kept.push(m);
  }
  return { kept, overlapping };
}

/** Applied merges by blocks of rows, to find an overlapping one without looking at all of them. */
class MergeIndex {
  private readonly blocks = new Map<number, Merge[]>();

  /** Another merge sharing a cell with `m`, or null. */
  overlapping(m: Merge): Merge | null {
    const r = m.r;
    for (let b = Math.floor(r.top / BLOCK); b <= Math.floor(r.bottom / BLOCK); b++) {
      for (const o of this.blocks.get(b) ?? []) {
        if (o !== m && o.r.top <= r.bottom && r.top <= o.r.bottom && o.r.left <= r.right && r.left <= o.r.right) return o;
      }
    }
    return null;
  }

  add(m: Merge): void {
    for (let b = Math.floor(m.r.top / BLOCK); b <= Math.floor(m.r.bottom / BLOCK); b++) {
      let list = this.blocks.get(b);
      if (!list) this.blocks.set(b, (list = []));
      list.push(m);
    }
  }
}
