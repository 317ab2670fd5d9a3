import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { check } from '../core/check';
import { NO_FORM_HINT } from '../core/findings';
import type { FileResult, Finding } from '../core/result';
import type { Profile } from '../core/rules/profile';
import type { SheetModel } from '../core/sheet';
import { annotateWorkbook, overlappingMergesMessage, readWorkbook, writeWorkbook, WorkbookReadError, type LoadedWorkbook, type ReadLimits, type ReadSheets } from '../hosts/workbook';
import type { CheckArgs } from './args';
import type { Input } from './inputs';
import { CopyNotWritten, systemReason, writeCopy } from './writeCopy';

function fileFinding(code: Finding['code'], severity: Finding['severity'], message: string): Finding {
  return { code, severity, cell: '', message };
}

export interface BatchContext {
  args: CheckArgs;
  profile: Profile;
  limits: ReadLimits;
  /** Identities of every input (see writeCopy), so no copy lands on one. */
  inputs: ReadonlySet<string>;
}

export interface FileOutcome {
  result: FileResult;
  /** The file could not be read or its copy not written (exit code 2). */
  failed: boolean;
  /** The file could not be read: its result is only that message. */
  unreadable: boolean;
  /** The copy written, if any, with the number of computed values filled into it. */
  copy: { path: string; filled: number } | null;
}

function hasContent(sheet: SheetModel): boolean {
  return sheet.values.some((row) => row.some((v) => v !== null && !(typeof v === 'string' && v.trim() === '')));
}

/**
 * Checks one file and writes its copy; whatever goes wrong with this file (unreadable, too large, a copy
 * that cannot be written, even a fault of ours) becomes this file's finding, and the batch goes on.
 */
export async function checkOne(input: Input, target: string | null, ctx: BatchContext): Promise<FileOutcome> {
  const result: FileResult = { file: input.path, forms: [], findings: [] };
  const fail = (code: 'FILE_UNREADABLE' | 'FILE_WRITE_FAILED', message: string): FileOutcome => {
    result.findings.push(fileFinding(code, 'error', message));
    return { result, failed: true, unreadable: code === 'FILE_UNREADABLE', copy: null };
  };
  let loaded: ReadSheets | LoadedWorkbook;
  try {
    loaded = await load(input.path, ctx, target !== null && ctx.args.out !== null);
  } catch (e) {
    return fail('FILE_UNREADABLE', unreadableMessage(input.path, e));
  }
  let checks;
  try {
    checks = loaded.sheets.map((s) => check(s, ctx.profile));
  } catch (e) {
    return fail('FILE_UNREADABLE', `${basename(input.path)}：检查时出现内部错误（${(e as Error).message}），此文件未检查完；其余文件照常检查。`);
  }
  for (const c of checks) result.forms.push(...c.forms);
  for (const o of loaded.overlappingMerges) result.findings.push(fileFinding('MERGES_OVERLAP', 'warning', overlappingMergesMessage(o.sheet, o.pairs)));
  if (result.forms.length === 0) {
    result.findings.push(fileFinding('NO_FORM_FOUND', 'warning', `${basename(input.path)} 中没有找到绩效自评表（${NO_FORM_HINT}）。`));
  } else {
    // A sheet that holds something but no form is named, so it does not vanish from the count.
    checks.forEach((c, k) => {
      if (c.forms.length === 0 && hasContent(loaded.sheets[k]))
        result.findings.push(fileFinding('NO_FORM_FOUND', 'info', `工作表“${c.sheet}”未识别到自评表（${NO_FORM_HINT}）。`));
    });
  }
  if (!target || !ctx.args.out || !('workbook' in loaded)) return { result, failed: false, unreadable: false, copy: null };
  if (loaded.notPreserved.length > 0) {
    result.findings.push(
      fileFinding('CONTENT_NOT_PRESERVED', 'warning', `带标注的副本无法保留原文件中的${loaded.notPreserved.join('、')}；原文件未改动，请以原文件为准。`),
    );
  }
  let filled: number;
  try {
    filled = annotateWorkbook(loaded, checks, ctx.args.mode).filled;
    await writeCopy(target, await writeWorkbook(loaded), ctx.args.out, ctx.inputs);
  } catch (e) {
    const why = e instanceof CopyNotWritten ? e.message : `无法生成副本“${target}”：${(e as Error).message}`;
    return fail('FILE_WRITE_FAILED', why);
  }
  return { result, failed: false, unreadable: false, copy: { path: target, filled } };
}

/** Only a copy needs ExcelJS's workbook; a check alone takes the faster SheetJS read. */
async function load(path: string, ctx: BatchContext, forCopy: boolean): Promise<ReadSheets | LoadedWorkbook> {
  const data = await readFile(path);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (!forCopy) return readWorkbook(bytes, { forCopy: false, limits: ctx.limits });
  return readWorkbook(bytes, { detectLost: true, limits: ctx.limits });
}

function unreadableMessage(path: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === 'string' && err.syscall) {
    if (err.code === 'ENOENT') return `文件“${path}”不存在或无法打开。`;
    return `文件“${path}”无法打开：${err.code === 'EACCES' || err.code === 'EPERM' ? '没有读取权限。' : systemReason(err)}`;
  }
  if (e instanceof WorkbookReadError) return `${basename(path)}：${e.message}`;
  const hint = extname(path).toLowerCase() === '.xls' ? '请在 Excel 中另存为 .xlsx 后再试。' : '';
  return `${basename(path)}：无法读取：${(e as Error).message}${hint}`;
}
