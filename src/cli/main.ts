import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileResult } from '../core/result';
import { builtInProfile, type Profile } from '../core/rules/profile';
import { parseProfileText, ProfileError } from '../core/rules/profileFile';
import { summaryRows, SUMMARY_FILE_NAME } from '../core/summary';
import { HelpRequested, parseArgs, UsageError, USAGE } from './args';
import { checkOne, type BatchContext, type FileOutcome } from './batch';
import { toContract } from './contract';
import { expandInputs } from './inputs';
import { copyTargets } from './outputPaths';
import { printable, printableJson } from './printable';
import { ProgressLine, type ProgressStream } from './progress';
import { copiesLine, summaryLine, textReport } from './report';
import { InputRefused, readRegularFile } from './readInput';
import { CopyNotWritten, inputIds, writeSummaryFile } from './writeCopy';
import { tuneV8 } from './v8Tuning';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where the batch's progress line goes (stderr); drawn only when it is a terminal. */
  progress?: ProgressStream;
}

/** A profile is a page of JSON; far larger is not one. */
const MAX_PROFILE_BYTES = 2 ** 20;

async function loadProfile(spec: string): Promise<Profile> {
  const builtIn = builtInProfile(spec);
  if (builtIn) return builtIn;
  if (!/\.json$/i.test(spec)) throw new UsageError(`未知的计分方案“${spec}”：请用 mof、lincang，或一个 .json 配置文件的路径。`);
  let text: string;
  try {
    text = new TextDecoder().decode(await readRegularFile(spec, MAX_PROFILE_BYTES));
  } catch (e) {
    if (e instanceof InputRefused) throw new UsageError(`计分方案文件${e.message}`);
    throw new UsageError(`读不到计分方案文件“${spec}”。`);
  }
  try {
    return parseProfileText(text);
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(`计分方案文件“${spec}”有误：${e.message}`);
    throw e;
  }
}

/** `selfeval check …`; returns the exit code (0 no errors, 1 errors in a form, 2 usage error or a file that failed). */
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
  const inputs = await expandInputs(args.files);
  const targets = args.out ? copyTargets(inputs, args.out) : null;
  const ctx: BatchContext = { args, profile, limits: args.limits, inputs: await inputIds(inputs.map((i) => i.path)) };
  const results: FileResult[] = [];
  const copies: NonNullable<FileOutcome['copy']>[] = [];
  let failed = false;
  const progress = new ProgressLine(io.progress, inputs.length);
  for (const [k, input] of inputs.entries()) {
    progress.show(k, input.path);
    const r = await checkOne(input, targets?.[k] ?? null, ctx);
    results.push(r.result);
    failed ||= r.failed;
    if (r.copy) copies.push(r.copy);
    // A file that could not be read is told once: on stderr for a person, in the JSON entry for a program.
    if (r.unreadable && !args.json)
      progress.around(() =>
        r.result.findings.forEach((f) => {
          io.err(printable(f.message));
          if (args.verbose && f.detail) io.err(printable(`  详细信息：${f.detail}`));
        }),
      );
    else if (!args.json) progress.around(() => io.out(`${textReport(r.result)}\n`));
  }
  progress.end();
  const summaryPath = args.summary ?? (args.out === null ? null : join(args.out, SUMMARY_FILE_NAME));
  let summaryWritten = false;
  if (summaryPath) {
    const copyOf = results.map((_, k) => (copies.some((c) => c.path === targets?.[k]) ? targets![k] : null));
    const why = await writeSummary(summaryPath, results, copyOf, args.out, ctx.inputs);
    if (why) {
      io.err(printable(why));
      failed = true;
    } else summaryWritten = true;
  }
  if (args.json) io.out(printableJson(JSON.stringify(toContract(results), null, 2)));
  else io.out(summaryLine(results));
  // The closing lines: the copies, then the summary workbook (beside them with --out, or where --summary said).
  const closing = args.json ? io.err : io.out;
  if (args.out) closing(copiesLine(copies));
  if (summaryWritten) closing(`已写入校验汇总：${printable(summaryPath!)}`);
  if (failed) return 2;
  return results.some((r) => r.forms.some((f) => f.findings.some((x) => x.severity === 'error'))) ? 1 : 0;
}

/**
 * 校验汇总.xlsx: a row per form and per unreadable file, each linking to its copy relative to the summary
 * (only to a copy inside the --out folder). Written as our files are (writeCopy). Returns why it could
 * not be written, or null.
 */
async function writeSummary(
  path: string,
  results: FileResult[],
  copies: (string | null)[],
  outDir: string | null,
  inputs: ReadonlySet<string>,
): Promise<string | null> {
  const here = dirname(resolve(path));
  const link = (target: string): string | null => {
    const inOut = outDir === null ? '..' : relative(resolve(outDir), resolve(target));
    if (inOut === '..' || inOut.startsWith(`..${sep}`) || isAbsolute(inOut)) return null;
    return relative(here, resolve(target)).split(sep).join('/');
  };
  const rows = summaryRows(results.map((result, k) => ({ result, copy: copies[k] ? link(copies[k]!) : null })));
  try {
    // Loaded only when a summary is written: a check alone does not pay for it.
    const { summaryWorkbook } = await import('../hosts/workbook/summaryWorkbook');
    await writeSummaryFile(path, await summaryWorkbook(rows), inputs);
    return null;
  } catch (e) {
    return e instanceof CopyNotWritten ? e.message : `无法写入校验汇总“${path}”：${(e as Error).message}`;
  }
}

/**
 * The process entry (bin/selfeval.js): stdout and stderr, the exit code, and a reader that goes away
 * (`selfeval check … | head`) silencing stdout without an EPIPE stack trace while the run goes on.
 */
export function main(argv: string[]): void {
  tuneV8();
  // A reader that goes away (`| head`) stops the printing, never the work: every copy and the summary
  // are still written and the exit code is still the findings'.
  let stdoutOpen = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') stdoutOpen = false;
    else throw e;
  });
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const out = (s: string) => {
    if (stdoutOpen) process.stdout.write(`${s}\n`);
  };
  run(argv, { out, err: (s) => process.stderr.write(`${s}\n`), progress: process.stderr }).then(
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
