import { readFile, writeFile, mkdir, readdir, stat } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { FileResult } from '../core/result';
import { builtInProfile, type Profile } from '../core/rules/profile';
import { parseProfileText, ProfileError } from '../core/rules/profileFile';
import { isSubmittedWorkbook, summaryRows } from '../core/summary';
import { summaryWorkbook, SUMMARY_FILE_NAME } from '../hosts/workbook';
import { HelpRequested, parseArgs, UsageError, USAGE, type CheckArgs } from './args';
import { checkBytes, fileFinding } from './checkBytes';
import { toContract } from './contract';
import { copyTargets } from './copyTargets';
import { ProgressLine, type ProgressStream } from './progress';
import { summaryLine, textReport } from './report';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where the batch's progress line goes (stderr); drawn only when it is a terminal. */
  progress?: ProgressStream;
}

async function loadProfile(spec: string): Promise<Profile> {
  const builtIn = builtInProfile(spec);
  if (builtIn) return builtIn;
  if (!/\.json$/i.test(spec)) throw new UsageError(`未知的计分方案“${spec}”：请用 mof、lincang，或一个 .json 配置文件的路径。`);
  let text: string;
  try {
    text = await readFile(spec, 'utf8');
  } catch {
    throw new UsageError(`读不到计分方案文件“${spec}”。`);
  }
  try {
    return parseProfileText(text);
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(`计分方案文件“${spec}”有误：${e.message}`);
    throw e;
  }
}

/** What checking one file gave: its result, and the annotated copy written (with the values filled in). */
interface FileOutcome {
  result: FileResult;
  unreadable: boolean;
  copy: { path: string; filled: number } | null;
}

/** Reads, checks and (with --out) writes the copy of one file; an unreadable file is a finding, not an exception. */
async function checkFile(path: string, args: CheckArgs, profile: Profile, target: string | null): Promise<FileOutcome> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    const result: FileResult = { file: path, forms: [], findings: [fileFinding('FILE_UNREADABLE', 'error', `文件“${path}”不存在或无法打开。`)] };
    return { result, unreadable: true, copy: null };
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const checked = await checkBytes(path, bytes, profile, target ? { mode: args.mode } : null);
  if (!target || !checked.copy) return { result: checked.result, unreadable: checked.unreadable, copy: null };
  if (resolve(target) === resolve(path)) throw new UsageError(`输出文件会覆盖原文件“${path}”，请换一个 --out 目录。`);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, checked.copy.bytes);
  return { result: checked.result, unreadable: false, copy: { path: target, filled: checked.copy.filled } };
}

/** 校验汇总.xlsx: a row per form and per unreadable file, each linking to its copy relative to the summary. */
async function writeSummary(path: string, results: FileResult[], targets: string[] | null): Promise<void> {
  const here = dirname(resolve(path));
  const link = (target: string) => relative(here, resolve(target)).split(sep).join('/');
  const rows = summaryRows(results.map((result, i) => ({ result, copy: targets ? link(targets[i]) : null })));
  await mkdir(here, { recursive: true });
  try {
    await writeFile(path, await summaryWorkbook(rows));
  } catch (e) {
    throw new UsageError(`无法写入校验汇总“${path}”：${(e as Error).message}`);
  }
}

/**
 * The files to check: a directory stands for every .xlsx in it and below (not Excel's `~$` lock files,
 * not our own `.checked.xlsx` copies), in name order, so a reviewer can point at a folder of submissions.
 */
async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      /* a missing path is reported by checkFile */
    }
    if (!isDir) {
      out.push(p);
      continue;
    }
    const entries = await readdir(p, { recursive: true });
    const found = entries
      .filter(isSubmittedWorkbook)
      .sort()
      .map((e) => join(p, e));
    if (found.length === 0) throw new UsageError(`目录“${p}”中没有 .xlsx 文件。`);
    out.push(...found);
  }
  return out;
}

/** `selfeval check …`; returns the exit code (0 no errors, 1 errors in a form, 2 usage or unreadable file). */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await checkAll(argv, io);
  } catch (e) {
    if (e instanceof HelpRequested) {
      io.out(USAGE);
      return 0;
    }
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}

async function checkAll(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  const profile = await loadProfile(args.profile);
  const files = await expandPaths(args.files);
  const targets = args.out === null ? null : copyTargets(files, args.out);
  const results: FileResult[] = [];
  const copies: NonNullable<FileOutcome['copy']>[] = [];
  let unreadable = false;
  const progress = new ProgressLine(io.progress, files.length);
  for (const [i, path] of files.entries()) {
    progress.show(i, path);
    const r = await checkFile(path, args, profile, targets?.[i] ?? null);
    results.push(r.result);
    if (r.copy) copies.push(r.copy);
    unreadable ||= r.unreadable;
    // An unreadable file is told once: on stderr for a person, in the JSON entry for a program.
    if (r.unreadable && !args.json) progress.around(() => r.result.findings.forEach((f) => io.err(f.message)));
    else if (!args.json) progress.around(() => io.out(`${textReport(r.result)}\n`));
  }
  progress.end();
  const summaryPath = args.summary ?? (args.out === null ? null : join(args.out, SUMMARY_FILE_NAME));
  if (summaryPath) await writeSummary(summaryPath, results, targets);
  if (args.json) io.out(JSON.stringify(toContract(results), null, 2));
  else io.out(summaryLine(results));
  // With --out the summary sits beside the copies listed below; a --summary of its own is named.
  if (args.summary) (args.json ? io.err : io.out)(`已写入校验汇总：${args.summary}`);
  if (args.out) (args.json ? io.err : io.out)(copiesLine(copies));
  if (unreadable) return 2;
  return results.some((r) => r.forms.some((f) => f.findings.some((x) => x.severity === 'error'))) ? 1 : 0;
}

/** The closing lines of `--out`: each copy written and how many values were filled in. */
function copiesLine(copies: NonNullable<FileOutcome['copy']>[]): string {
  const filled = copies.reduce((n, c) => n + c.filled, 0);
  const head = `已写入 ${copies.length} 个带标注的副本，共填入计算值 ${filled} 个${copies.length ? '：' : '。'}`;
  return [head, ...copies.map((c) => `  ${c.path}（填入 ${c.filled} 个）`)].join('\n');
}

/**
 * The process entry (bin/selfeval.js): stdout and stderr, the exit code, and a reader that goes away
 * (`selfeval check … | head`) ending the run quietly instead of with an EPIPE stack trace.
 */
export function main(argv: string[]): void {
  // V8 grows the heap by a large factor after each full GC, so a big workbook's parse garbage piles up
  // before it is collected: the peak RSS of a 5,000-form check was 460–600 MB from run to run. Growing by
  // 20% keeps it near 390 MB at the same speed (`npm run bench`). The flag is read at each GC, so setting it
  // here takes effect; Node warns that a flag set after start may also do nothing
  // (https://nodejs.org/api/v8.html#v8setflagsfromstringflags) — then the default growth applies.
  setFlagsFromString('--heap-growing-percent=20');
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(argv, { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`), progress: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误：${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) main(process.argv.slice(2));
