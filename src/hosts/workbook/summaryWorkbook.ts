/**
 * The batch summary as an .xlsx (校验汇总.xlsx): one row per form and per unreadable file, errors first,
 * a frozen header with an autofilter, numbers stored as numbers, and a link to each annotated copy.
 * Bytes out; the caller saves them.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './excelJS';
import { SEVERITY_FILL } from '../../core/marks';
import type { SummaryRow } from '../../core/summary';
import { solidFill } from './annotate';
import { toBytes } from './write';

export { SUMMARY_FILE_NAME } from '../../core/summary';
export const SUMMARY_SHEET_NAME = '校验汇总';

interface Column {
  header: string;
  width: number;
  value: (r: SummaryRow) => ExcelJS.CellValue;
}

const COLUMNS: Column[] = [
  { header: '文件', width: 36, value: (r) => r.file },
  { header: '工作表', width: 18, value: (r) => r.sheet || null },
  { header: '表类型', width: 22, value: (r) => r.kind || null },
  { header: '项目名称', width: 32, value: (r) => r.name || null },
  { header: '总分', width: 8, value: (r) => r.total },
  { header: '等级', width: 6, value: (r) => r.grade },
  { header: '错误', width: 6, value: (r) => r.errors },
  { header: '警告', width: 6, value: (r) => r.warnings },
  { header: '提示', width: 6, value: (r) => r.infos },
  // A relative link: Excel and LibreOffice resolve it against the summary's own folder.
  { header: '标注副本', width: 12, value: (r) => (r.copy ? { text: '打开副本', hyperlink: r.copy } : null) },
  { header: '说明', width: 60, value: (r) => r.note || null },
];

const ERROR_COLUMN = COLUMNS.findIndex((c) => c.header === '错误') + 1;
const WARNING_COLUMN = COLUMNS.findIndex((c) => c.header === '警告') + 1;

export async function summaryWorkbook(rows: readonly SummaryRow[]): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet(SUMMARY_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    // Printed: landscape, all columns on one page wide, the header on every page.
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  ws.getColumn(COLUMNS.length).alignment = { wrapText: true, vertical: 'top' };
  for (const r of rows) {
    const row = ws.addRow(COLUMNS.map((c) => c.value(r)));
    if (r.copy) row.getCell(COLUMNS.length - 1).font = { color: { argb: 'FF0563C1' }, underline: true };
    // The severity colours of the marks, on the count cells that are not zero.
    if (r.errors === null || r.errors > 0) row.getCell(ERROR_COLUMN).fill = solidFill(SEVERITY_FILL.error);
    if (r.warnings !== null && r.warnings > 0) row.getCell(WARNING_COLUMN).fill = solidFill(SEVERITY_FILL.warning);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: COLUMNS.length } };
  return toBytes(await wb.xlsx.writeBuffer());
}
