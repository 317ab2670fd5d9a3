/**
 * The sheet 校验报告: one row per finding, its contents replaced on every export. Two syncs: whether the
 * sheet exists, then the write. The sheet is never deleted: deleting a worksheet cannot be undone and
 * empties the user's undo history (Excel: "Undo is not available for sheet deletion"); clearing its
 * used range can be undone like any edit.
 */
import type { ReportRow } from '../host';
import { SEVERITY_LABEL } from '../../core/marks';
import type { Severity } from '../../core/result';

import { REPORT_SHEET } from '../host';
export { REPORT_SHEET };
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

/** Queues the load that tells whether 校验报告 exists; the returned sheet is a null object when not. */
export function queueReportSheet(context: Excel.RequestContext): Excel.Worksheet {
  const ws = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET);
  ws.load('name');
  return ws;
}

/** After queueReportSheet's sync: the report written into that sheet (its old contents cleared) or a new one. */
export function queueReport(context: Excel.RequestContext, existing: Excel.Worksheet, rows: readonly ReportRow[]): void {
  let ws = existing;
  if (existing.isNullObject) ws = context.workbook.worksheets.add(REPORT_SHEET);
  else ws.getUsedRange().clear('All');
  const values = reportValues(rows);
  const range = ws.getRangeByIndexes(0, 0, values.length, HEADER.length);
  // Text format first, so that sheet names such as 2022 and codes stay text.
  range.numberFormat = values.map((row) => row.map(() => '@'));
  range.values = values;
  ws.getRangeByIndexes(0, 0, 1, HEADER.length).format.font.bold = true;
  range.format.autofitColumns();
  ws.activate();
}
