/**
 * The batch summary as an .xlsx (校验汇总.xlsx): one row per form and per unreadable file, errors first,
 * a frozen header with an autofilter, numbers stored as numbers, and a link to each annotated copy.
 * Bytes out; the caller saves them.
 */
import type ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { loadExcelJS } from './excelJS';
import { inert } from '../../core/values/inert';
import { addCopyMark, markFirst } from './copyMark';
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

/** Excel's limit on the characters of one cell (Excel specifications and limits). */
export const MAX_CELL_CHARS = 32_767;

/**
 * Text as a summary cell shows it: controls and bidi overrides escaped as the report shows them, and cut to
 * what a cell can hold, ending in an ellipsis.
 */
export function cellText(s: string | null): string | null {
  if (!s) return null;
  const t = inert(s);
  if (t.length <= MAX_CELL_CHARS) return t;
  let cut = MAX_CELL_CHARS - 1;
  // Never half of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(t[cut - 1])) cut--;
  return `${t.slice(0, cut)}…`;
}

/** Characters kept as they are in a link: letters and digits, the few marks a URI never reads, and non-ASCII text. */
const PLAIN = /^[A-Za-z0-9\-_.~]$|^[^\u0000-\u007f\u0080-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\uffff\ud800-\udfff]$/u;

/**
 * A copy's path relative to the summary (`单位A/a#b.checked.xlsx`) as a relative URI: each segment
 * percent-encoded (`#`, `%`, `?`, `:`, `\`, spaces, controls, invisible and bidi characters), so that a
 * name is never read as a fragment, a scheme, a host or another folder. Leading `..` segments may climb to
 * the copies' folder; any other `..`, `.` or empty segment is refused (null: no link).
 */
export function copyLink(path: string): string | null {
  const segments = path.split('/');
  let climbing = true;
  const out: string[] = [];
  for (const seg of segments) {
    if (seg === '..' && climbing) {
      out.push(seg);
      continue;
    }
    climbing = false;
    if (seg === '' || seg === '.' || seg === '..') return null;
    let encoded = '';
    for (const ch of seg) {
      if (PLAIN.test(ch)) encoded += ch;
      else {
        try {
          encoded += encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
        } catch {
          return null; // a lone surrogate: no URI spells it
        }
      }
    }
    out.push(encoded);
  }
  return climbing ? null : out.join('/');
}

const COLUMNS: Column[] = [
  { header: '文件', width: 36, value: (r) => cellText(r.file) },
  { header: '工作表', width: 18, value: (r) => cellText(r.sheet) },
  { header: '表类型', width: 22, value: (r) => cellText(r.kind) },
  { header: '项目名称', width: 32, value: (r) => cellText(r.name) },
  { header: '总分', width: 8, value: (r) => r.total },
  { header: '等级', width: 6, value: (r) => cellText(r.grade) },
  { header: '错误', width: 6, value: (r) => r.errors },
  { header: '警告', width: 6, value: (r) => r.warnings },
  { header: '提示', width: 6, value: (r) => r.infos },
  // A relative link: Excel and LibreOffice resolve it against the summary's own folder.
  { header: '标注副本', width: 12, value: (r) => linkOf(r) },
  { header: '说明', width: 60, value: (r) => cellText(r.note) },
];

function linkOf(r: SummaryRow): ExcelJS.CellValue {
  const link = r.copy ? copyLink(r.copy) : null;
  return link ? { text: '打开副本', hyperlink: link } : null;
}

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
    if (r.copy && copyLink(r.copy)) row.getCell(COLUMNS.length - 1).font = { color: { argb: 'FF0563C1' }, underline: true };
    // The severity colours of the marks, on the count cells that are not zero.
    if (r.errors === null || r.errors > 0) row.getCell(ERROR_COLUMN).fill = solidFill(SEVERITY_FILL.error);
    if (r.warnings !== null && r.warnings > 0) row.getCell(WARNING_COLUMN).fill = solidFill(SEVERITY_FILL.warning);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: COLUMNS.length } };
  // Marked as ours, so that a later run replaces this summary and nothing else (see copyMark).
  const files = unzipSync(toBytes(await wb.xlsx.writeBuffer()));
  addCopyMark(files, 'summary');
  return zipSync(markFirst(files), { level: 6 });
}
