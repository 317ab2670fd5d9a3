import { lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, isAbsolute } from 'node:path';
import type { Stats } from 'node:fs';
import { isOurCopy } from '../hosts/workbook';

/** Above this an existing target is not even read to look for our mark. */
const MAX_COPY_BYTES = 256 * 2 ** 20;

/** Why one copy was not written, in Chinese; that file's FILE_WRITE_FAILED. */
export class CopyNotWritten extends Error {}

/** A file's identity (device and inode), so a hard link or a symlink to an input is still recognised. */
export const fileId = (s: Stats): string => `${s.dev}:${s.ino}`;

/** The identities of the inputs that exist (through symlinks), to never write a copy onto one. */
export async function inputIds(paths: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const p of paths) {
    try {
      ids.add(fileId(await stat(p)));
    } catch {
      /* missing: nothing to protect */
    }
  }
  return ids;
}

/**
 * Writes one annotated copy to `target` under `outDir`. Never through a symlink, never onto an input, and
 * an existing file is replaced only when it is a regular file that is one of our copies (its mark, see
 * hosts/workbook/copyMark); the replacement is written beside it and renamed over it, so a failed write
 * leaves the old copy whole.
 */
export async function writeCopy(target: string, bytes: Uint8Array, outDir: string, inputs: ReadonlySet<string>): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
    const inside = relative(await realpath(outDir), await realpath(dirname(target)));
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new CopyNotWritten(`副本所在的文件夹“${dirname(target)}”是指向 --out 目录之外的链接，未写入副本。`);
    }
    const existing = await lstat(target).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (!existing) {
      await writeFile(target, bytes, { flag: 'wx' });
      return;
    }
    if (existing.isSymbolicLink()) throw new CopyNotWritten(`“${target}”是一个符号链接，为免写到别处，未覆盖它；请删除它或换一个 --out 目录。`);
    if (!existing.isFile()) throw new CopyNotWritten(`“${target}”已存在且不是普通文件（例如是一个文件夹），无法写入副本。`);
    if (inputs.has(fileId(existing))) throw new CopyNotWritten(`“${target}”就是被检查的原文件，不会覆盖它；请换一个 --out 目录。`);
    // A copy of ours is never larger than the read limits allow a workbook to be; a bigger file is not read.
    if (existing.size > MAX_COPY_BYTES || !isOurCopy(new Uint8Array(await readFile(target)))) {
      throw new CopyNotWritten(`“${target}”已存在，且不是本工具生成的副本，未覆盖它；请移走该文件或换一个 --out 目录。`);
    }
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, target);
    } catch (e) {
      await rm(temporary, { force: true });
      throw e;
    }
  } catch (e) {
    if (e instanceof CopyNotWritten) throw e;
    throw new CopyNotWritten(`无法写入副本“${target}”：${systemReason(e as NodeJS.ErrnoException)}`);
  }
}

/** A file-system error in plain Chinese. */
export function systemReason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'EISDIR':
      return '同名的文件夹已存在。';
    case 'ENOTDIR':
      return '路径中有一段是文件而不是文件夹。';
    case 'EEXIST':
      return '同名文件已存在。';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限。';
    case 'ENOSPC':
      return '磁盘空间不足。';
    case 'EROFS':
      return '磁盘是只读的。';
    case 'ENOENT':
      return '路径不存在。';
    default:
      return `${e.code ?? ''} ${e.message}`.trim();
  }
}
