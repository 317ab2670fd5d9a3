import { readFile, writeFile, mkdir, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { check } from '../core/check';
import { NO_FORM_HINT } from '../core/findings';
import type { FileResult, Finding } from '../core/result';
import type { SheetModel } from '../core/sheet';
import { builtInProfile, type Profile } from '../core/rules/profile';
import { parseProfileText, ProfileError } from '../core/rules/profileFile';
import { annotateWorkbook, readWorkbook, writeWorkbook, WorkbookReadError } from '../hosts/workbook';
import { HelpRequested, parseArgs, UsageError, USAGE, type CheckArgs } from './args';
import { toContract } from './contract';
import { summaryLine, textReport } from './report';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
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

function fileFinding(code: Finding['code'], severity: Finding['severity'], message: string): Finding {
  return { code, severity, cell: '', message };
}

/** What checking one file gave: its result, and the annotated copy written (with the values filled in). */
interface FileOutcome {
  result: FileResult;
  unreadable: boolean;
  copy: { path: string; filled: number } | null;
}

function hasContent(sheet: SheetModel): boolean {
  return sheet.values.some((row) => row.some((v) => v !== null && !(typeof v === 'string' && v.trim() === '')));
}

/** Checks one file; an unreadable file becomes a FILE_UNREADABLE finding, not an exception. */
async function checkFile(path: string, args: CheckArgs, profile: Profile): Promise<FileOutcome> {
  const result: FileResult = { file: path, forms: [], findings: [] };
  const ext = extname(path).toLowerCase();
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    result.findings.push(fileFinding('FILE_UNREADABLE', 'error', `文件“${path}”不存在或无法打开。`));
    return { result, unreadable: true, copy: null };
  }
  let loaded;
  try {
    loaded = await readWorkbook(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), { detectLost: args.out !== null });
  } catch (e) {
    const why = e instanceof WorkbookReadError ? e.message : `无法读取：${(e as Error).message}`;
    const hint = ext === '.xls' && !(e instanceof WorkbookReadError) ? '请在 Excel 中另存为 .xlsx 后再试。' : '';
    result.findings.push(fileFinding('FILE_UNREADABLE', 'error', `${basename(path)}：${why}${hint}`));
    return { result, unreadable: true, copy: null };
  }
  const checks = loaded.sheets.map((s) => check(s, profile));
  for (const c of checks) result.forms.push(...c.forms);
  if (result.forms.length === 0) {
    result.findings.push(fileFinding('NO_FORM_FOUND', 'warning', `${basename(path)} 中没有找到绩效自评表（${NO_FORM_HINT}）。`));
  } else {
    // A sheet that holds something but no form is named, so it does not vanish from the count.
    checks.forEach((c, k) => {
      if (c.forms.length === 0 && hasContent(loaded.sheets[k]))
        result.findings.push(fileFinding('NO_FORM_FOUND', 'info', `工作表“${c.sheet}”未识别到自评表（${NO_FORM_HINT}）。`));
    });
  }
  let copy: FileOutcome['copy'] = null;
  if (args.out) {
    if (loaded.notPreserved.length > 0) {
      result.findings.push(
        fileFinding('CONTENT_NOT_PRESERVED', 'warning', `带标注的副本无法保留原文件中的${loaded.notPreserved.join('、')}；原文件未改动，请以原文件为准。`),
      );
    }
    const annotated = annotateWorkbook(loaded, checks, args.mode);
    const bytes = await writeWorkbook(loaded);
    await mkdir(args.out, { recursive: true });
    const target = join(args.out, `${basename(path, extname(path))}.checked.xlsx`);
    if (resolve(target) === resolve(path)) throw new UsageError(`输出文件会覆盖原文件“${path}”，请换一个 --out 目录。`);
    await writeFile(target, bytes);
    copy = { path: target, filled: annotated.filled };
  }
  return { result, unreadable: false, copy };
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
      .filter((e) => /\.xlsx$/i.test(e) && !/(^|[\\/])~\$/.test(e) && !/\.checked\.xlsx$/i.test(e))
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
  const results: FileResult[] = [];
  const copies: NonNullable<FileOutcome['copy']>[] = [];
  let unreadable = false;
  for (const path of files) {
    const r = await checkFile(path, args, profile);
    results.push(r.result);
    if (r.copy) copies.push(r.copy);
    unreadable ||= r.unreadable;
    // An unreadable file is told once: on stderr for a person, in the JSON entry for a program.
    if (r.unreadable && !args.json) for (const f of r.result.findings) io.err(f.message);
    else if (!args.json) io.out(`${textReport(r.result)}\n`);
  }
  if (args.json) io.out(JSON.stringify(toContract(results), null, 2));
  else io.out(summaryLine(results));
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
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(argv, { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) }).then(
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
