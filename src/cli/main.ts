import { readFile } from 'node:fs/promises';
import type { FileResult } from '../core/result';
import { builtInProfile, type Profile } from '../core/rules/profile';
import { parseProfileText, ProfileError } from '../core/rules/profileFile';
import { parseArgs, UsageError } from './args';
import { checkOne, type BatchContext } from './batch';
import { toContract } from './contract';
import { expandInputs } from './inputs';
import { copyTargets } from './outputPaths';
import { copiesReport, summaryLine, textReport } from './report';
import { inputIds } from './writeCopy';
import { printable, printableJson } from './printable';

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

/** `selfeval check …`; returns the exit code (0 no errors, 1 errors in a form, 2 usage error or a file that failed). */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await checkAll(argv, io);
  } catch (e) {
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
  const copies: string[] = [];
  let failed = false;
  for (const [k, input] of inputs.entries()) {
    const r = await checkOne(input, targets?.[k] ?? null, ctx);
    results.push(r.result);
    failed ||= r.failed;
    if (r.copy) copies.push(r.copy);
    if (!args.json) io.out(`${textReport(r.result)}\n`);
  }
  if (args.json) io.out(printableJson(JSON.stringify(toContract(results), null, 2)));
  else {
    io.out(summaryLine(results));
    if (args.out) io.out(copiesReport(copies));
  }
  for (const r of results) for (const f of r.findings) if (f.code === 'FILE_UNREADABLE' || f.code === 'FILE_WRITE_FAILED') io.err(printable(f.message));
  if (failed) return 2;
  return results.some((r) => r.forms.some((f) => f.findings.some((x) => x.severity === 'error'))) ? 1 : 0;
}

if (require.main === module) {
  run(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误：${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
