/** What the pane derives from check results for display, the live region and the report sheet. */
import type { ReportRow } from '../hosts/host';
import type { Finding, FormResult, SheetCheck, Severity } from '../core/result';
import { factsText, KIND_LABEL, NAME_LABEL } from '../core/formFacts';

// What the ribbon command's dialog needs too lives in core (runSummary.ts); the pane imports it from here.
export { addCounts, countFindings, resultAnnouncement, sheetFindings, totalCounts, type Counts } from '../core/runSummary';
import { SEVERITY_LABEL } from '../core/marks';

/** The sheet the report is written to (hosts add it; the pane never checks it). */
export { REPORT_SHEET } from '../hosts/host';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export { KIND_LABEL } from '../core/formFacts';

/** A score as the pane shows it: up to 2 decimals, `—` when absent. */
export function fmtScore(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return String(Math.round(n * 100) / 100);
}

export function formTitle(form: FormResult): string {
  return form.projectName?.trim() || `（未填${NAME_LABEL[form.kind]}）`;
}

/** The rows of the 校验报告 sheet. */
export function reportRows(checks: readonly SheetCheck[]): ReportRow[] {
  const rows: ReportRow[] = [];
  const row = (sheet: string, form: string, f: Finding): ReportRow => ({
    sheet: f.sheet ?? sheet,
    form,
    cell: f.cell,
    severity: SEVERITY_LABEL[f.severity],
    code: f.code,
    message: f.message,
  });
  for (const c of checks) {
    for (const f of c.findings) rows.push(row(c.sheet, '', f));
    for (const form of c.forms) {
      const title = `${formTitle(form)}（${form.range}）`;
      // One summary row per form, before its findings: the kind and its own facts (a targets table: 无评分).
      rows.push({ sheet: form.sheet, form: title, cell: form.range, severity: '', code: '', message: `${KIND_LABEL[form.kind]}：${factsText(form, '；')}` });
      for (const f of form.findings) rows.push(row(c.sheet, title, f));
    }
  }
  return rows;
}
