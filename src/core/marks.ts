/**
 * How a finding looks on a sheet, the same in Excel, in the annotated .xlsx copy and in the browser grid:
 * one fill colour per severity, one note per cell listing its findings, and a tint for computed values.
 */
import type { Finding, Severity } from './result';

/** Fill colours (RGB hex, no #) by severity: Excel's own "bad / neutral / note" palette. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFC7CE',
  warning: 'FFEB9C',
  info: 'DDEBF7',
};

/** Fill for a cell the check filled with a computed value. */
export const COMPUTED_FILL = 'E2EFDA';

/** Author of every note we add; how our notes are told apart from the user's own. */
export const NOTE_AUTHOR = '绩效自评校验';

/** The note on a cell that received a computed value (and has no finding of its own). */
export function computedNoteText(label: string): string {
  return `【${NOTE_AUTHOR}】计算值（${label}）`;
}

/** A value we write, as the cell will show it in its number format (`0.00%` → 98.50%). */
export function displayValue(value: number | string, numberFormat?: string): string {
  if (typeof value !== 'number') return value;
  const fmt = numberFormat ?? '';
  const decimals = /0\.(0+)/.exec(fmt)?.[1].length ?? null;
  if (fmt.includes('%')) return `${(value * 100).toFixed(decimals ?? 0)}%`;
  if (decimals !== null) return value.toFixed(decimals);
  return String(Math.round(value * 100) / 100);
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The most severe of the findings (they all concern one cell). */
export function worstSeverity(findings: readonly Finding[]): Severity {
  let worst: Severity = 'info';
  for (const f of findings) if (RANK[f.severity] < RANK[worst]) worst = f.severity;
  return worst;
}

/** The note text for one cell: one line per finding, most severe first. */
export function noteText(findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return [`【${NOTE_AUTHOR}】`, ...sorted.map((f) => `${SEVERITY_LABEL[f.severity]}：${f.message}`)].join('\n');
}

export interface CellMark {
  sheet: string;
  cell: string;
  severity: Severity;
  note: string;
  findings: Finding[];
}

/** Groups findings by cell into marks (file-level findings, with no cell, are left out). */
export function marksOf(sheet: string, findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.cell) continue;
    const list = byCell.get(f.cell) ?? [];
    list.push(f);
    byCell.set(f.cell, list);
  }
  return [...byCell].map(([cell, list]) => ({
    sheet,
    cell,
    severity: worstSeverity(list),
    note: noteText(list),
    findings: list,
  }));
}
