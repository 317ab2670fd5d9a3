import type { CellRange, CellValue, SheetModel } from '../../src/core/sheet';
import { parseRangeA1 } from '../../src/core/sheet';

/** A SheetModel from rows of values placed at a top-left cell, with merges given in A1 notation. */
export function sheetOf(rows: CellValue[][], opts: { name?: string; top?: number; left?: number; merges?: string[]; formats?: Record<string, string>; formulas?: Record<string, string> } = {}): SheetModel {
  const top = opts.top ?? 0;
  const left = opts.left ?? 0;
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? null : r[i])));
  const merges: CellRange[] = (opts.merges ?? []).map(parseRangeA1);
  const model: SheetModel = { name: opts.name ?? 'Sheet1', top, left, values, merges };
  if (opts.formats) {
    model.formats = values.map((r) => r.map(() => null));
    for (const [ref, f] of Object.entries(opts.formats)) {
      const c = parseRangeA1(ref);
      model.formats[c.top - top][c.left - left] = f;
    }
  }
  if (opts.formulas) {
    model.formulas = values.map((r) => r.map(() => null));
    for (const [ref, f] of Object.entries(opts.formulas)) {
      const c = parseRangeA1(ref);
      model.formulas[c.top - top][c.left - left] = f;
    }
  }
  return model;
}
