import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Stats } from 'node:fs';
import type { MarkKind } from '../hosts/workbook/copyMark';
import { readRegularFile } from './readInput';

/** Above this an existing target is not even read to look for our mark. */
const MAX_OURS_BYTES = 256 * 2 ** 20;

/** Why one copy (or the summary) was not written, in Chinese; that file's FILE_WRITE_FAILED. */
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

const NOUN: Record<MarkKind, string> = { copy: '副本', summary: '校验汇总' };

/** Writes one annotated copy to `target` under `outDir` (see writeOurFile). */
export function writeCopy(target: string, bytes: Uint8Array, outDir: string, inputs: ReadonlySet<string>): Promise<void> {
  return writeOurFile(target, bytes, { kind: 'copy', within: outDir, inputs });
}

/** Writes the batch's summary workbook to `target` (see writeOurFile). */
export function writeSummaryFile(target: string, bytes: Uint8Array, inputs: ReadonlySet<string>): Promise<void> {
  return writeOurFile(target, bytes, { kind: 'summary', within: null, inputs });
}

interface Rules {
  kind: MarkKind;
  /** The folder the file must stay in, through any symlinked folder (`--out`); null: anywhere. */
  within: string | null;
  inputs: ReadonlySet<string>;
}

/**
 * Writes a file of ours. Never through a symlink, never onto an input, and an existing file is replaced
 * only when it is a regular file that is one of ours of the same kind (its mark, see
 * hosts/workbook/copyMark), or empty. The bytes go to a temporary file beside the target, flushed to disk,
 * then put in place in one step (a new file by a hard link, which fails rather than replace a file
 * created meanwhile; a file of ours by a rename): a failed write (a full disk) leaves nothing behind and
 * the old file whole.
 */
async function writeOurFile(target: string, bytes: Uint8Array, rules: Rules): Promise<void> {
  const noun = NOUN[rules.kind];
  try {
    await makeDirs(dirname(target));
    if (rules.within !== null) {
      const inside = relative(await realpath(rules.within), await realpath(dirname(target)));
      if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
        throw new CopyNotWritten(`${noun}所在的文件夹“${dirname(target)}”是指向 --out 目录之外的链接，未写入${noun}。`);
      }
    }
    const existing = await lstat(target).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (existing) {
      if (existing.isSymbolicLink()) throw new CopyNotWritten(`“${target}”是一个符号链接，为免写到别处，未覆盖它；请删除它或换一个${rules.kind === 'copy' ? ' --out 目录' : '文件名'}。`);
      if (existing.isDirectory()) throw new CopyNotWritten(`“${target}”是一个文件夹，无法写入${noun}；请换一个${rules.kind === 'copy' ? ' --out 目录' : '文件名'}。`);
      if (!existing.isFile()) throw new CopyNotWritten(`“${target}”已存在且不是普通文件，无法写入${noun}。`);
      if (rules.inputs.has(fileId(existing))) throw new CopyNotWritten(`“${target}”就是被检查的原文件，不会覆盖它；请换一个${rules.kind === 'copy' ? ' --out 目录' : '文件名'}。`);
      // An empty file holds nothing to lose (a write cut short by a full disk, under an older version).
      if (existing.size > 0 && (existing.size > MAX_OURS_BYTES || !(await isOurs(target, rules.kind)))) {
        throw new CopyNotWritten(`“${target}”已存在，且不是本工具生成的${noun}，未覆盖它；请移走该文件或换一个${rules.kind === 'copy' ? ' --out 目录' : '文件名'}。`);
      }
    }
    // A short name of its own: the target's name plus a suffix could pass the file system's 255 bytes.
    const temporary = join(dirname(target), `.selfeval-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeDurably(temporary, bytes);
      if (existing) await rename(temporary, target);
      else await placeNew(temporary, target, noun);
    } finally {
      await rm(temporary, { force: true });
    }
  } catch (e) {
    if (e instanceof CopyNotWritten) throw e;
    throw new CopyNotWritten(`无法写入${noun}“${target}”：${systemReason(e as NodeJS.ErrnoException)}`);
  }
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Puts the written temporary file at a target that did not exist, never replacing one made meanwhile. */
async function placeNew(temporary: string, target: string, noun: string): Promise<void> {
  try {
    await link(temporary, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CopyNotWritten(`“${target}”在写入时被另一个程序创建，未覆盖它；未写入${noun}。`);
    // File systems without hard links (FAT, some network shares): a rename, which replaces.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EXDEV') await rename(temporary, target);
    else throw e;
  }
}

/**
 * `mkdir -p`. Node's recursive mkdir reports ENOENT when it cannot create a folder for any reason (a
 * read-only disk gives EROFS, a name too long ENAMETOOLONG): the folders are then made one by one to
 * learn the real reason.
 */
async function makeDirs(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const parts = resolve(dir).split(sep);
    let at = parts[0] === '' ? sep : parts[0];
    for (const part of parts.slice(1)) {
      if (part === '') continue;
      at = join(at, part);
      try {
        await mkdir(at);
      } catch (x) {
        if ((x as NodeJS.ErrnoException).code !== 'EEXIST') throw x;
      }
    }
    throw e;
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
    case 'EDQUOT':
      return '磁盘配额已用完。';
    case 'EFBIG':
      return '文件超过了系统允许的大小。';
    case 'EROFS':
      return '磁盘是只读的。';
    case 'ENOENT':
      return '路径不存在。';
    case 'ENAMETOOLONG':
      return '文件名或路径过长；请缩短文件名，或换一个路径较短的目录。';
    case 'ELOOP':
      return '路径中的符号链接过多（可能相互指向成环）。';
    case 'EIO':
      return '读写磁盘时出错。';
    case 'EBUSY':
      return '文件正被另一个程序使用。';
    default:
      return `系统错误（${e.code ?? e.message}）。`;
  }
}

/** Whether the file at `target` is one we wrote; the mark's reader is loaded only when a file is found there. */
async function isOurs(target: string, kind: MarkKind): Promise<boolean> {
  const { isOurCopy } = await import('../hosts/workbook/copyMark');
  return isOurCopy(await readRegularFile(target, MAX_OURS_BYTES), kind);
}
