/**
 * One workbook's bytes → its FileResult and, when asked, the bytes of its annotated copy. No file I/O and
 * no Node built-ins: the CLI reads and writes the files around it, the browser's batch worker runs it on
 * dropped files.
 */
import { check } from '../core/check';
import { NO_FORM_HINT } from '../core/findings';
import type { FileResult, Finding } from '../core/result';
import type { Profile } from '../core/rules/profile';
import type { SheetModel } from '../core/sheet';
import { annotateWorkbook, overlappingMergesMessage, readWorkbook, writeWorkbook, WorkbookReadError, type LoadedWorkbook, type Mode, type ReadSheets } from '../hosts/workbook';

export interface CheckedBytes {
  result: FileResult;
  unreadable: boolean;
  /** The annotated copy and the values filled into it, when one was asked for and the file could be read. */
  copy: { bytes: Uint8Array; filled: number } | null;
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

/** Checks one workbook; an unreadable one becomes a FILE_UNREADABLE finding, not an exception. */
export async function checkBytes(path: string, bytes: Uint8Array, profile: Profile, copy: { mode: Mode } | null): Promise<CheckedBytes> {
  const result: FileResult = { file: path, forms: [], findings: [] };
  const name = baseName(path);
  let loaded: ReadSheets;
  let forCopy: LoadedWorkbook | null = null;
  try {
    // Only a copy needs ExcelJS's workbook; a check alone takes the faster read.
    loaded = copy ? (forCopy = await readWorkbook(bytes)) : await readWorkbook(bytes, { forCopy: false });
  } catch (e) {
    const why = e instanceof WorkbookReadError ? e.message : `无法读取：${(e as Error).message}`;
    const hint = /\.xls$/i.test(name) && !(e instanceof WorkbookReadError) ? '请在 Excel 中另存为 .xlsx 后再试。' : '';
    result.findings.push(fileFinding('FILE_UNREADABLE', 'error', `${name}：${why}${hint}`));
    return { result, unreadable: true, copy: null };
  }
  const checks = loaded.sheets.map((s) => check(s, profile));
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
  if (!copy || !forCopy) return { result, unreadable: false, copy: null };
  if (loaded.notPreserved.length > 0) {
    result.findings.push(
      fileFinding('CONTENT_NOT_PRESERVED', 'warning', `带标注的副本无法保留原文件中的${loaded.notPreserved.join('、')}；原文件未改动，请以原文件为准。`),
    );
  }
  const annotated = annotateWorkbook(forCopy, checks, copy.mode);
  return { result, unreadable: false, copy: { bytes: await writeWorkbook(forCopy), filled: annotated.filled } };
}
