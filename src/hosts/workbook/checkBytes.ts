/**
 * One workbook's bytes → its FileResult and, when asked, the bytes of its annotated copy: the one path
 * the CLI (around its file I/O) and the browser's batch worker (on dropped files) both take. Whatever goes
 * wrong reading or checking this workbook becomes its FILE_UNREADABLE finding, never an exception.
 */
import { check } from '../../core/check';
import { NO_FORM_HINT } from '../../core/findings';
import type { FileResult, Finding } from '../../core/result';
import type { Profile } from '../../core/rules/profile';
import type { SheetModel } from '../../core/sheet';
import { annotateSheets, type Mode } from './annotate';
import type { ReadLimits } from './limits';
import { overlappingMergesMessage, readWorkbook, WorkbookReadError, type ReadSheets } from './read';
import type { RawInflate } from './zip';

export interface CheckedBytes {
  result: FileResult;
  unreadable: boolean;
  /** The annotated copy and the values filled into it, when one was asked for and the file could be read. */
  copy: { bytes: Uint8Array; filled: number } | null;
  /** Why the copy asked for could not be made (the check itself stands). */
  copyFailure: string | null;
}

export interface CheckBytesOptions {
  /** Make an annotated copy in this mode; null: check only. */
  copy: Mode | null;
  limits?: ReadLimits;
  /** How the read inflates each part (read.ts ReadOptions). */
  inflate?: RawInflate;
}

export function fileFinding(code: Finding['code'], severity: Finding['severity'], message: string): Finding {
  return { code, severity, cell: '', message };
}

function hasContent(sheet: SheetModel): boolean {
  return sheet.values.some((row) => row.some((v) => v !== null && !(typeof v === 'string' && v.trim() === '')));
}

/** The file's name without its folders, for messages. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The message for a workbook that could not be read (an old .xls gets how to convert it). */
export function unreadableWorkbookMessage(path: string, e: unknown): string {
  const name = baseName(path);
  if (e instanceof WorkbookReadError) return `${name}：${e.message}`;
  const hint = /\.xls$/i.test(name) ? '请在 Excel 中另存为 .xlsx 后再试。' : '';
  return `${name}：无法读取。${hint}`;
}

/** The library's own words behind an unreadable workbook's message, for `--verbose` and the JSON's `detail`. */
function unreadableDetail(e: unknown): string | undefined {
  if (e instanceof WorkbookReadError) return e.detail;
  return e instanceof Error ? e.message : String(e);
}

export async function checkBytes(path: string, bytes: Uint8Array, profile: Profile, options: CheckBytesOptions): Promise<CheckedBytes> {
  const result: FileResult = { file: path, forms: [], findings: [] };
  const name = baseName(path);
  const unreadable = (message: string, detail?: string): CheckedBytes => {
    const finding = fileFinding('FILE_UNREADABLE', 'error', message);
    if (detail) finding.detail = detail;
    result.findings.push(finding);
    return { result, unreadable: true, copy: null, copyFailure: null };
  };
  let loaded: ReadSheets;
  try {
    loaded = await readWorkbook(bytes, { limits: options.limits, inflate: options.inflate, keepParts: options.copy !== null });
  } catch (e) {
    return unreadable(unreadableWorkbookMessage(path, e), unreadableDetail(e));
  }
  let checks;
  try {
    checks = loaded.sheets.map((s) => check(s, profile));
  } catch (e) {
    return unreadable(`${name}：检查时出现内部错误，此文件未检查完；其余文件照常检查。`, (e as Error).message);
  }
  for (const c of checks) result.forms.push(...c.forms);
  for (const o of loaded.overlappingMerges) result.findings.push(fileFinding('MERGES_OVERLAP', 'warning', overlappingMergesMessage(o.sheet, o.pairs)));
  if (result.forms.length === 0) {
    result.findings.push(fileFinding('NO_FORM_FOUND', 'warning', `${name} 中没有找到绩效自评表（${NO_FORM_HINT}）。`));
  } else {
    // A sheet that holds something but no form is named, so it does not vanish from the count.
    checks.forEach((c, k) => {
      if (c.forms.length === 0 && hasContent(loaded.sheets[k]))
        result.findings.push(fileFinding('NO_FORM_FOUND', 'info', `工作表“${c.sheet}”未识别到自评表（${NO_FORM_HINT}）。`));
    });
  }
  if (!options.copy) return { result, unreadable: false, copy: null, copyFailure: null };
  try {
    // The copy is the original package with the marks written into the parts they concern (patch/).
    const { edits, filled } = annotateSheets(loaded.sheets, checks, options.copy);
    // Loaded only for a copy: a check alone does not pay for the patcher and its XML parser.
    const { patchPackage } = await import('./patch/patchPackage');
    return { result, unreadable: false, copy: { bytes: patchPackage(bytes, edits, loaded.parts), filled }, copyFailure: null };
  } catch (e) {
    return { result, unreadable: false, copy: null, copyFailure: (e as Error).message };
  }
}
