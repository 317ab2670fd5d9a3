/**
 * The sheet 校验报告 (the browser preview's 导出校验报告) as a new worksheet part: a bold header row, one
 * row per finding, text as inline strings, the columns' widths.
 */
import { a1, columnLetters } from '../../../core/sheet';
import { encodeXstring } from '../xstring';
import { escapeXmlText } from './xmlScan';

export interface ReportSheet {
  name: string;
  /** The first row is the header. */
  rows: (string | number | null)[][];
  /** Column widths in characters. */
  widths: number[];
}

export function reportSheetXml(report: ReportSheet, headerXf: number): string {
  const cols = report.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const rows = report.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === null || v === '') return '';
          const s = r === 0 && headerXf ? ` s="${headerXf}"` : '';
          if (typeof v === 'number') return `<c r="${a1(r, c)}"${s}><v>${v}</v></c>`;
          return `<c r="${a1(r, c)}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(encodeXstring(v))}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const width = Math.max(1, ...report.rows.map((r) => r.length));
  const dimension = `A1:${columnLetters(width - 1)}${Math.max(1, report.rows.length)}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}
