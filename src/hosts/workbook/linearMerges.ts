/**
 * ExcelJS applies a file's merged cells one by one, each checked against every merge already applied:
 * quadratic in the number of merges. A sheet of 1,000 stacked forms has 35,000 merges, and loading it
 * took minutes. A saved workbook's merges never overlap (Excel refuses such a file), so on load the
 * check is skipped: each merge is applied against an empty table and then added to the real one.
 * Everything else ExcelJS does for a merge (master/slave cells) is unchanged.
 */
import type { ExcelJSLib } from './excelJS';

interface WorksheetInternals {
  _merges: Record<string, unknown>;
  mergeCellsWithoutStyle(range: string): void;
  _parseMergeCells(model: { mergeCells?: string[] }): void;
}

let installed = false;

export function installLinearMergeLoading(ExcelJS: ExcelJSLib): void {
  if (installed) return;
  const probe = new ExcelJS.Workbook().addWorksheet('probe');
  const proto = Object.getPrototypeOf(probe) as WorksheetInternals;
  // Only where ExcelJS still has the shape this relies on; otherwise its own (slow) path stays.
  if (typeof proto._parseMergeCells !== 'function' || typeof (probe as unknown as WorksheetInternals)._merges !== 'object') return;
  proto._parseMergeCells = function linearParseMergeCells(this: WorksheetInternals, model) {
    for (const range of model.mergeCells ?? []) {
      const all = this._merges;
      this._merges = {};
      try {
        this.mergeCellsWithoutStyle(range);
        Object.assign(all, this._merges);
      } finally {
        this._merges = all;
      }
    }
  };
  installed = true;
}
