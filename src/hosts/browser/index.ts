export { BrowserHost, REPORT_SHEET, loadWorkbookModule, formatFillValue, fillNote } from './BrowserHost';
export type { BrowserState, GridMark } from './BrowserHost';
