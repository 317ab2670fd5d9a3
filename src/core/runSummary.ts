/**
 * What a run's results say in counts and in one line: the pane (its live region, its lists), the ribbon
 * command's dialog and the report sheet all use it, so it lives below them.
 */
import type { Finding, SheetCheck, Severity } from './result';
import { factsText } from './formFacts';

export type Counts = Record<Severity, number>;

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { error: a.error + b.error, warning: a.warning + b.warning, info: a.info + b.info };
}

/** The sheet's own findings, then its forms'. */
export function sheetFindings(check: SheetCheck): Finding[] {
  return [...check.findings, ...check.forms.flatMap((f) => f.findings)];
}

export function totalCounts(checks: readonly SheetCheck[]): Counts {
  return checks.reduce((acc, c) => addCounts(acc, countFindings(sheetFindings(c))), { error: 0, warning: 0, info: 0 });
}

/** One line after a run (the pane's live region, the ribbon command's dialog). */
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
