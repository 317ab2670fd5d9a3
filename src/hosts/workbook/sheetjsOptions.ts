/**
 * The options the check reads with SheetJS, apart from SheetJS itself, so that the bench's baseline (a
 * process that merely reads with SheetJS, bench/read-only.cjs) reads the same way without loading ours.
 */
import type { ParsingOptions } from '@e965/xlsx';

/** What the model needs and no more: values as stored (dates as serials), formulas, number formats. */
export const SHEETJS_READ_OPTIONS: Readonly<ParsingOptions> = {
  type: 'array',
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  cellStyles: false,
};
