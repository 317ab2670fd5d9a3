/**
 * ExcelJS, loaded on first use. A check without a copy reads with SheetJS and never needs it: requiring
 * ExcelJS costs the command about half a second at start-up, a third of checking a 1,000-form sheet.
 */
import type ExcelJSModule from 'exceljs';

export type ExcelJSLib = typeof ExcelJSModule;

let loading: Promise<ExcelJSLib> | null = null;

export function loadExcelJS(): Promise<ExcelJSLib> {
  // CommonJS under an ES import: the module is the namespace's default.
  loading ??= import('exceljs').then((m) => ((m as { default?: ExcelJSLib }).default ?? (m as unknown as ExcelJSLib)));
  return loading;
}
