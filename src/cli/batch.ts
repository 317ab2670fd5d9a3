import type { FileResult } from '../core/result';
import type { Profile } from '../core/rules/profile';
import { checkBytes, fileFinding } from '../hosts/workbook/checkBytes';
import type { ReadLimits } from '../hosts/workbook/limits';
import type { CheckArgs } from './args';
import type { Input } from './inputs';
import { InputRefused, readRegularFile, sizeText } from './readInput';
import { nativeInflate } from './nativeInflate';
import { CopyNotWritten, systemReason, writeCopy } from './writeCopy';

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

/**
 * Checks one file and writes its copy; whatever goes wrong with this file (unreadable, too large, a copy
 * that cannot be written, even a fault of ours) becomes this file's finding, and the batch goes on.
 */
export async function checkOne(input: Input, target: string | null, ctx: BatchContext): Promise<FileOutcome> {
  const wantCopy = target !== null && ctx.args.out !== null;
  let bytes: Uint8Array;
  try {
    // A zip is never much smaller than what it inflates to is large: a file past --max-mb is refused unread.
    bytes = await readRegularFile(input.path, ctx.limits.maxBytes, (size) => `文件“${input.path}”有 ${sizeText(size)}，超过上限 ${sizeText(ctx.limits.maxBytes)}，未读取（可用 --max-mb 调整）。`);
  } catch (e) {
    const message = e instanceof InputRefused ? e.message : unreadableFileMessage(input.path, e);
    const result: FileResult = { file: input.path, forms: [], findings: [fileFinding('FILE_UNREADABLE', 'error', message)] };
    return { result, failed: true, unreadable: true, copy: null };
  }
  const checked = await checkBytes(input.path, bytes, ctx.profile, { copy: wantCopy ? ctx.args.mode : null, limits: ctx.limits, inflate: nativeInflate });
  const { result } = checked;
  if (checked.unreadable) return { result, failed: true, unreadable: true, copy: null };
  if (!wantCopy || !target || !ctx.args.out) return { result, failed: false, unreadable: false, copy: null };
  const writeFailed = (message: string, detail?: string): FileOutcome => {
    const finding = fileFinding('FILE_WRITE_FAILED', 'error', message);
    if (detail) finding.detail = detail;
    result.findings.push(finding);
    return { result, failed: true, unreadable: false, copy: null };
  };
  // The patcher's own words (English, about XML) go to the detail (`--verbose`, the JSON), as a reader's do.
  if (!checked.copy) return writeFailed(`无法生成副本“${target}”：工作簿的内部结构不常见，未能写入标注；检查结果不受影响。`, checked.copyFailure ?? undefined);
  try {
    await writeCopy(target, checked.copy.bytes, ctx.args.out, ctx.inputs);
  } catch (e) {
    return writeFailed(e instanceof CopyNotWritten ? e.message : `无法生成副本“${target}”：${(e as Error).message}`);
  }
  return { result, failed: false, unreadable: false, copy: { path: target, filled: checked.copy.filled } };
}

/** A file the system would not give us (missing, no permission, …); a workbook that cannot be read is checkBytes's. */
function unreadableFileMessage(path: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return `文件“${path}”不存在或无法打开。`;
  return `文件“${path}”无法打开：${err.code === 'EACCES' || err.code === 'EPERM' ? '没有读取权限。' : systemReason(err)}`;
}
