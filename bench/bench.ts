/**
 * `npm run bench`: the figures of the README's performance section, in one run, written to
 * bench/results.json. Every figure is a whole process (`node dist-cli/cli/main.js …`, the compiled product)
 * or a ratio against a baseline measured in the same run:
 *   read candidates  a process that merely reads the 1,000-form sheet: SheetJS (its default build and the mini
 *                    build the check loads), ExcelJS's stream reader
 *   check / read     `selfeval check` of that sheet against the fastest mere read (budget ≤ 1.5), by wall
 *                    time and by CPU time (user + system of the process, which a loaded machine varies less)
 *   per form         read + check at 100, 1,000 and 5,000 forms, start-up excluded (5,000 within 1.5× of 100)
 *   batch            200 workbooks in two unit folders: files per second, checked and merely read
 *   --out            `check --out` against check alone (budget ≤ 1.5)
 *   peak RSS         the check of 5,000 forms (budget < 500 MB), the median of the rounds' peaks
 * Medians of BENCH_ROUNDS rounds (default 5; 3 at 5,000 forms). Times depend on the machine; ratios less.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { hengyangForms, newWorkbook, workbookBuffer, writeForm } from '../scripts/fixtures';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist-cli', 'cli', 'main.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SIZES = [100, 1000, 5000];
const BATCH_PER_UNIT = 100;
const MB = 1_000_000;

// BENCH_DIR keeps the built workbooks between runs (built only when missing); by default a temporary folder.
const KEEP = process.env.BENCH_DIR;
const work = KEEP ?? mkdtempSync(join(tmpdir(), 'selfeval-bench-'));

async function stackedFile(forms: number): Promise<string> {
  const path = join(work, `stacked-${forms}.xlsx`);
  if (existsSync(path)) return path;
  const wb = newWorkbook();
  const ws = wb.addWorksheet('汇总');
  const seeds = hengyangForms();
  let row = 1;
  for (let i = 0; i < forms; i++) row = writeForm(ws, seeds[i % seeds.length], { row, col: 1 }, { columnWidths: i === 0 }).bottom + 4;
  writeFileSync(path, await workbookBuffer(wb));
  return path;
}

/** Two units' folders with the same file names, one form per workbook, as reviewers receive them. */
async function batchFolder(): Promise<string> {
  const dir = join(work, 'batch');
  if (existsSync(dir)) return dir;
  const seeds = hengyangForms();
  for (const unit of ['单位A', '单位B']) {
    mkdirSync(join(dir, unit), { recursive: true });
    for (let i = 0; i < BATCH_PER_UNIT; i++) {
      const wb = newWorkbook();
      writeForm(wb.addWorksheet('自评表'), seeds[i % seeds.length], { row: 1, col: 1 });
      writeFileSync(join(dir, unit, `项目${String(i + 1).padStart(3, '0')}.xlsx`), await workbookBuffer(wb));
    }
  }
  return dir;
}

interface Timed {
  ms: number;
  /** CPU time of the process (user + system), the median over the rounds. */
  cpuMs: number;
  /** Each round's CPU time, in order: the runs compared were interleaved, so round k of each saw the same load. */
  cpuRuns: number[];
  /** The process's peak RSS: the median over the rounds (GC timing on a busy machine varies it). */
  rssMB: number;
  /** The highest peak RSS of any round. */
  maxRssMB: number;
}

/** One run of a whole node process: wall time and its peak RSS. */
function runProcess(args: string[]): Timed {
  const rssFile = join(work, 'rss');
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-r', join(__dirname, 'peak-rss.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * MB,
  });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  const rssMB = rss / MB;
  return { ms, cpuMs: cpu, cpuRuns: [cpu], rssMB, maxRssMB: rssMB };
}

/**
 * Processes compared with each other, run in turn round after round (after a warm-up round), so that
 * each sees the same load on a shared machine: median wall time and highest peak RSS of each.
 */
function timeGroup<K extends string>(commands: Record<K, string[]>, rounds = ROUNDS): Record<K, Timed> {
  const keys = Object.keys(commands) as K[];
  const runs = new Map<K, Timed[]>(keys.map((k) => [k, []]));
  for (let i = 0; i <= rounds; i++) {
    for (const k of keys) {
      const t = runProcess(commands[k]);
      if (i > 0) runs.get(k)!.push(t);
    }
  }
  return Object.fromEntries(
    keys.map((k) => {
      const r = runs.get(k)!;
      return [
        k,
        {
          ms: median(r.map((x) => x.ms)),
          cpuMs: median(r.map((x) => x.cpuMs)),
          cpuRuns: r.map((x) => x.cpuMs),
          rssMB: median(r.map((x) => x.rssMB)),
          maxRssMB: Math.max(...r.map((x) => x.rssMB)),
        },
      ];
    }),
  ) as Record<K, Timed>;
}

function inProcess(file: string, rounds: number): { ms: number; forms: number } {
  const r = spawnSync(process.execPath, [join(__dirname, 'check-in-process.cjs'), file, String(rounds)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

async function summaryRowCount(path: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb.worksheets[0].rowCount - 1;
}

function countCopies(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.checked.xlsx')).length;
}

async function main(): Promise<void> {
  const log = (s: string) => console.log(s);
  log(`building sheets of ${SIZES.join(', ')} stacked forms and ${2 * BATCH_PER_UNIT} workbooks in ${work} …`);
  const stacked: Record<number, string> = {};
  for (const n of SIZES) stacked[n] = await stackedFile(n);
  const batch = await batchFolder();
  const batchFiles = readdirSync(batch, { recursive: true }).map(String).filter((f) => f.endsWith('.xlsx')).map((f) => join(batch, f));
  const file = stacked[1000];

  log('read candidates, selfeval check and check --out (1,000 forms, whole processes, in turn) …');
  const readOnly = (candidate: string, ...paths: string[]) => [join(__dirname, 'read-only.cjs'), candidate, ...paths];
  const outDir = join(work, 'out-1000');
  const at1000 = timeGroup({
    sheetjs: readOnly('sheetjs', file),
    'sheetjs-mini': readOnly('sheetjs-mini', file),
    'exceljs-stream': readOnly('exceljs-stream', file),
    check: [CLI, 'check', file],
    out: [CLI, 'check', '--out', outDir, file],
  });
  const candidates = { sheetjs: at1000.sheetjs, 'sheetjs-mini': at1000['sheetjs-mini'], 'exceljs-stream': at1000['exceljs-stream'] };
  const fastest = Object.entries(candidates).sort((a, b) => a[1].ms - b[1].ms)[0];
  const checkOne = at1000.check;
  const withOut = at1000.out;

  log('per form at 100, 1,000, 5,000 …');
  const perForm = SIZES.map((n) => {
    const r = inProcess(stacked[n], n >= 5000 ? 3 : ROUNDS);
    if (r.forms !== n) throw new Error(`expected ${n} forms, recognized ${r.forms}`);
    return { forms: n, ms: round(r.ms), msPerForm: round(r.ms / n, 3) };
  });
  // 5,000 stacked forms hold 1,129,160 cells (1,837,908 with the cells their merges cover), past the default limit of 1,000,000 (README, Limits).
  const check5000 = timeGroup({ check: [CLI, 'check', '--max-cells', '2000000', stacked[5000]] }, 3).check;

  log(`batch of ${batchFiles.length} workbooks …`);
  const batchOutDir = join(work, 'batch-out');
  const inBatch = timeGroup({ check: [CLI, 'check', batch], read: readOnly(fastest[0], ...batchFiles), out: [CLI, 'check', '--out', batchOutDir, batch] }, 3);
  const batchCheck = inBatch.check;
  const batchRead = inBatch.read;
  const batchOut = inBatch.out;
  const copies = countCopies(batchOutDir);
  const summaryRows = await summaryRowCount(join(batchOutDir, '校验汇总.xlsx'));

  const results = {
    // The load average at the end: on a shared machine the times of one run are only comparable within it.
    machine: { node: process.version, cpus: cpus().length, loadAverage: loadavg().map((x) => round(x, 1)) },
    rounds: ROUNDS,
    readCandidates1000: Object.fromEntries(Object.entries(candidates).map(([k, v]) => [k, { ms: round(v.ms), peakRssMB: round(v.rssMB) }])),
    fastestReader: fastest[0],
    check1000: {
      ms: round(checkOne.ms),
      peakRssMB: round(checkOne.rssMB),
      ratioToFastestRead: round(checkOne.ms / fastest[1].ms, 2),
      // SheetJS is the read path the check takes: the fastest reader that yields merges and shared formulas.
      ratioToSheetJSRead: round(checkOne.ms / candidates.sheetjs.ms, 2),
      cpuMs: round(checkOne.cpuMs),
      sheetjsCpuMs: round(candidates.sheetjs.cpuMs),
      cpuRatioToSheetJSRead: round(checkOne.cpuMs / candidates.sheetjs.cpuMs, 2),
      // Round by round (the two ran one after the other): the spread the machine's load gives the ratio.
      cpuRatiosByRound: checkOne.cpuRuns.map((c, k) => round(c / candidates.sheetjs.cpuRuns[k], 2)),
      // Against SheetJS's mini build, the one the check loads (no codepage tables): the strictest SheetJS baseline.
      ratioToSheetJSMiniRead: round(checkOne.ms / candidates['sheetjs-mini'].ms, 2),
      cpuRatioToSheetJSMiniRead: round(checkOne.cpuMs / candidates['sheetjs-mini'].cpuMs, 2),
      budget: 1.5,
    },
    perForm: { sizes: perForm, linearity5000vs100: round(perForm[2].msPerForm / perForm[0].msPerForm, 2), budget: 1.5 },
    batch: {
      files: batchFiles.length,
      checkFilesPerSecond: round(batchFiles.length / (batchCheck.ms / 1000), 1),
      readFilesPerSecond: round(batchFiles.length / (batchRead.ms / 1000), 1),
      outMs: round(batchOut.ms),
      copiesWritten: copies,
      summaryRows,
    },
    out1000: { ms: round(withOut.ms), ratioToCheck: round(withOut.ms / checkOne.ms, 2), peakRssMB: round(withOut.rssMB), budget: 1.5 },
    peakRss5000: { MB: round(check5000.rssMB), maxMB: round(check5000.maxRssMB), ms: round(check5000.ms), budgetMB: 500 },
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
  const rows: [string, string, string][] = [
    ...Object.entries(results.readCandidates1000).map(([k, v]): [string, string, string] => [
      `read only, ${k} (1,000 forms)`,
      `${v.ms} ms, ${v.peakRssMB} MB`,
      `${k === fastest[0] ? 'fastest: the baseline; ' : ''}CPU ${round(candidates[k as keyof typeof candidates].cpuMs)} ms`,
    ]),
    [
      'selfeval check (1,000 forms)',
      `${results.check1000.ms} ms, ${results.check1000.peakRssMB} MB`,
      `${results.check1000.ratioToFastestRead}× the fastest read (≤ 1.5: ${ok(results.check1000.ratioToFastestRead <= 1.5)}); ${results.check1000.ratioToSheetJSRead}× SheetJS's; ` +
        `CPU ${results.check1000.cpuMs} ms, ${results.check1000.cpuRatioToSheetJSRead}× SheetJS's (≤ 1.5: ${ok(results.check1000.cpuRatioToSheetJSRead <= 1.5)}; by round ${results.check1000.cpuRatiosByRound.join(', ')}); ` +
        `against SheetJS's mini build ${results.check1000.ratioToSheetJSMiniRead}× wall, ${results.check1000.cpuRatioToSheetJSMiniRead}× CPU`,
    ],
    ...perForm.map((p): [string, string, string] => [`read + check, ${p.forms.toLocaleString('en')} forms`, `${p.ms} ms`, `${p.msPerForm} ms a form`]),
    ['per form 5,000 / 100', '', `${results.perForm.linearity5000vs100}× (≤ 1.5: ${ok(results.perForm.linearity5000vs100 <= 1.5)})`],
    [`batch of ${batchFiles.length} files: check`, `${round(batchCheck.ms)} ms`, `${results.batch.checkFilesPerSecond} files/s`],
    [`batch of ${batchFiles.length} files: read only`, `${round(batchRead.ms)} ms`, `${results.batch.readFilesPerSecond} files/s`],
    [`batch --out`, `${results.batch.outMs} ms`, `${copies} copies, summary ${summaryRows} rows`],
    ['check --out (1,000 forms)', `${results.out1000.ms} ms, ${results.out1000.peakRssMB} MB`, `${results.out1000.ratioToCheck}× check alone (≤ 1.5: ${ok(results.out1000.ratioToCheck <= 1.5)})`],
    [
      'peak RSS, check of 5,000 forms',
      `${results.peakRss5000.MB} MB (highest ${results.peakRss5000.maxMB})`,
      `< 500 MB: ${ok(results.peakRss5000.MB < 500)}; ${results.peakRss5000.ms} ms`,
    ],
  ];
  log('');
  log('| measure | time, peak RSS | figure |');
  log('|---|---|---|');
  for (const r of rows) log(`| ${r.join(' | ')} |`);
  log(`\nwritten to bench/results.json (${results.machine.cpus} CPUs, load ${results.machine.loadAverage.join(' ')}, Node ${results.machine.node}, median of ${ROUNDS} rounds)`);
  rmSync(join(work, 'batch-out'), { recursive: true, force: true });
  rmSync(join(work, 'out-1000'), { recursive: true, force: true });
  if (!KEEP) rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
