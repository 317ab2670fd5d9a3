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
import { NOT_SCORED } from '../../core/formFacts';
import type { SummaryRow } from '../../core/summary';
import { solidFill } from './annotate';
import { toBytes } from './write';

export { SUMMARY_FILE_NAME } from '../../core/summary';
export const SUMMARY_SHEET_NAME = '校验汇总';

interface Column {
  header: string;
  width: number;
  value: (r: SummaryRow) => ExcelJS.CellValue;
  /** Long text: wrapped within the column (and the row made tall enough), never clipped by the next one. */
  wrap?: true;
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
  { header: '文件', width: 36, value: (r) => cellText(r.file), wrap: true },
  { header: '工作表', width: 18, value: (r) => cellText(r.sheet), wrap: true },
  { header: '表类型', width: 22, value: (r) => cellText(r.kind), wrap: true },
  { header: '项目名称', width: 32, value: (r) => cellText(r.name), wrap: true },
  { header: '总分', width: 8, value: (r) => (r.notScored ? NOT_SCORED : r.total) },
  { header: '等级', width: 8, value: (r) => (r.notScored ? NOT_SCORED : cellText(r.grade)) },
  { header: '错误', width: 6, value: (r) => r.errors },
  { header: '警告', width: 6, value: (r) => r.warnings },
  { header: '提示', width: 6, value: (r) => r.infos },
  // A relative link: Excel and LibreOffice resolve it against the summary's own folder.
  { header: '标注副本', width: 12, value: (r) => linkOf(r) },
  { header: '说明', width: 60, value: (r) => cellText(r.note), wrap: true },
];

/** Points per line of 11-point text, CJK included (Noto Sans CJK / 等线 need more than Latin's 15). */
const LINE_HEIGHT = 16;

/** Width of text in column-width units: a CJK or full-width character takes 1.8 (LibreOffice, Noto Sans CJK), others one. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 1.8 : 1;
  return w;
}

/**
 * How many lines the wrapped cells of a row take. Neither ExcelJS nor Excel fits a row's height to
 * wrapped text when the file is opened, so the height is set from the text: a character per unit of
 * width (looked at in LibreOffice's PDF of a batch summary).
 */
function linesOf(values: readonly ExcelJS.CellValue[]): number {
  let lines = 1;
  COLUMNS.forEach((c, k) => {
    const v = values[k];
    if (!c.wrap || typeof v !== 'string') return;
    const usable = c.width;
    const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
    lines = Math.max(lines, n);
  });
  return lines;
}

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
  for (const r of rows) {
    const values = COLUMNS.map((c) => c.value(r));
    const row = ws.addRow(values);
    // Every cell wraps and sits at the top, so a tall row reads from its first line.
    COLUMNS.forEach((c, k) => (row.getCell(k + 1).alignment = { vertical: 'top', wrapText: c.wrap === true }));
    const lines = linesOf(values);
    if (lines > 1) row.height = lines * LINE_HEIGHT;
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
