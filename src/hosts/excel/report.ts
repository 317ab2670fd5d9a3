/** The sheet 校验报告: one row per finding, replaced on every export. One sync. */
import type { ReportRow } from '../host';
import { SEVERITY_LABEL } from '../../core/marks';
import type { Severity } from '../../core/result';

export const REPORT_SHEET = '校验报告';
const HEADER = ['工作表', '表单', '单元格', '级别', '代码', '说明'];

export function reportValues(rows: readonly ReportRow[]): string[][] {
  return [
    HEADER,
    ...rows.map((r) => [
      r.sheet,
      r.form,
      r.cell,
      SEVERITY_LABEL[r.severity as Severity] ?? r.severity,
      r.code,
      r.message,
    ]),
  ];
}

export function queueReport(context: Excel.RequestContext, rows: readonly ReportRow[]): void {
  const sheets = context.workbook.worksheets;
  // Deleting through a null object is a no-op, so no sync is needed to learn whether it exists.
  sheets.getItemOrNullObject(REPORT_SHEET).delete();
  const ws = sheets.add(REPORT_SHEET);
  const values = reportValues(rows);
  const range = ws.getRangeByIndexes(0, 0, values.length, HEADER.length);
  // Text format first, so that sheet names such as 2022 and codes stay text.
  range.numberFormat = values.map((row) => row.map(() => '@'));
  range.values = values;
  ws.getRangeByIndexes(0, 0, 1, HEADER.length).format.font.bold = true;
  range.format.autofitColumns();
  ws.activate();
}
