/**
 * The rows of a batch's summary: one per form, one per file that could not be read or holds no form,
 * errors first. The CLI writes them as 校验汇总.xlsx; a batch view can show the same rows.
 */
import { isScored, KIND_LABEL } from './formFacts';
import type { FileResult, Finding, Severity } from './result';

/** The summary workbook's file name, beside the copies. */
export const SUMMARY_FILE_NAME = '校验汇总.xlsx';

/**
 * A workbook a unit submitted, by its path: an .xlsx that is not Excel's `~$` lock file, nor a copy or a
 * summary this tool wrote. What a folder stands for, in the CLI and in the browser's batch.
 */
export function isSubmittedWorkbook(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? path;
  return /\.xlsx$/i.test(name) && !name.startsWith('~$') && !/\.checked\.xlsx$/i.test(name) && name !== SUMMARY_FILE_NAME;
}

export interface SummaryRow {
  /** Index of the file in the batch, for finding its workbook again. */
  fileIndex: number;
  file: string;
  sheet: string;
  /** 表类型: the kind's Chinese name, empty for a file-level row. */
  kind: string;
  name: string;
  /** 总分 and 等级 as computed; null where the form has none (or for a file-level row). */
  total: number | null;
  grade: string | null;
  /** A form of a kind that is not scored (绩效目标完成情况表): shown as 无评分, not as an empty 总分. */
  notScored: boolean;
  /** Finding counts; null for a file that could not be read. */
  errors: number | null;
  warnings: number | null;
  infos: number | null;
  /** Where the annotated copy is (relative to the summary), null when none was written. */
  copy: string | null;
  /** Why a file has no form row (unreadable, no form), or what its copy could not keep. */
  note: string;
}

export interface SummaryInput {
  result: FileResult;
  copy: string | null;
}

function count(findings: readonly Finding[], severity: Severity): number {
  let n = 0;
  for (const f of findings) if (f.severity === severity) n++;
  return n;
}

function fileRow(fileIndex: number, file: string, note: string, counts: boolean, copy: string | null): SummaryRow {
  const zero = counts ? 0 : null;
  return { fileIndex, file, sheet: '', kind: '', name: '', total: null, grade: null, notScored: false, errors: zero, warnings: zero, infos: zero, copy, note };
}

/** Rows in batch order, then sorted: unreadable files, then by errors, warnings, hints (most first). */
export function summaryRows(inputs: readonly SummaryInput[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  inputs.forEach(({ result, copy }, fileIndex) => {
    const unreadable = result.findings.find((f) => f.code === 'FILE_UNREADABLE');
    if (unreadable) {
      rows.push(fileRow(fileIndex, result.file, unreadable.message, false, null));
      return;
    }
    const fileNote = result.findings.map((f) => f.message).join(' ');
    if (result.forms.length === 0) {
      rows.push(fileRow(fileIndex, result.file, fileNote, true, copy));
      return;
    }
    for (const form of result.forms) {
      rows.push({
        fileIndex,
        file: result.file,
        sheet: form.sheet,
        // A kind this build has no name for shows as itself rather than as nothing.
        kind: (KIND_LABEL as Record<string, string>)[form.kind] ?? form.kind,
        name: form.projectName ?? '',
        total: form.total?.computed ?? null,
        grade: form.grade?.computed ?? null,
        notScored: !isScored(form),
        errors: count(form.findings, 'error'),
        warnings: count(form.findings, 'warning'),
        infos: count(form.findings, 'info'),
        copy,
        note: fileNote,
      });
    }
  });
  const rank = (r: SummaryRow) => (r.errors === null ? Infinity : r.errors);
  // Array.prototype.sort is stable: equal rows keep batch order.
  return rows.sort((a, b) => rank(b) - rank(a) || (b.warnings ?? 0) - (a.warnings ?? 0) || (b.infos ?? 0) - (a.infos ?? 0));
}
