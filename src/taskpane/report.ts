/** What the pane derives from check results for display, the live region and the report sheet. */
import type { ReportRow } from '../hosts/host';
import type { Finding, FormResult, SheetCheck, Severity } from '../core/result';
import { factsText, KIND_LABEL, NAME_LABEL } from '../core/formFacts';
import { SEVERITY_LABEL } from '../core/marks';

/** The sheet the report is written to (hosts add it; the pane never checks it). */
export const REPORT_SHEET = '校验报告';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export { KIND_LABEL } from '../core/formFacts';

export type Counts = Record<Severity, number>;

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info };
}

export function sheetFindings(check: SheetCheck): Finding[] {
  return [...check.findings, ...check.forms.flatMap((f) => f.findings)];
}

export function totalCounts(checks: readonly SheetCheck[]): Counts {
  return checks.reduce((acc, c) => addCounts(acc, countFindings(sheetFindings(c))), { error: 0, warning: 0, info: 0 });
}

/** A score as the pane shows it: up to 2 decimals, `—` when absent. */
export function fmtScore(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return String(Math.round(n * 100) / 100);
}

export function formTitle(form: FormResult): string {
  return form.projectName?.trim() || `（未填${NAME_LABEL[form.kind]}）`;
}

/** One line for the aria-live region after a run. */
export function resultAnnouncement(checks: readonly SheetCheck[], filled: number, mode: 'fill' | 'review'): string {
  const forms = checks.reduce((n, c) => n + c.forms.length, 0);
  const counts = totalCounts(checks);
  if (forms === 0 && counts.error + counts.warning + counts.info === 0)
    return `校验完成：${checks.length > 1 ? `${checks.length} 个工作表中` : ''}未找到绩效自评表。`;
  const where = checks.length > 1 ? `${checks.length} 个工作表中共 ` : '';
  let s = `校验完成：${where}${forms} 张表，错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个。`;
  if (forms === 1) {
    const f = checks.flatMap((c) => c.forms)[0];
    s += `${factsText(f, '，')}。`;
  }
  if (mode === 'fill' && filled > 0) s += `已填入 ${filled} 个计算值。`;
  if (mode === 'review') {
    const fillable = checks.reduce((n, c) => n + c.fills.length, 0);
    s += '审核模式：未改写任何单元格的值。';
    if (fillable > 0) s += `另有 ${fillable} 个空白单元格可填入计算值（切换到“填报”后写入）。`;
  }
  return s;
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
