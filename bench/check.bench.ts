/**
 * `npm run bench`: how much checking adds to reading a workbook. Builds one sheet of 1,000 stacked forms
 * (the twelve 衡阳 forms repeated), then, in the same process and run, times
 *   baseline  ExcelJS alone loading the file (what any reader of the file pays),
 *   ours      readWorkbook (ExcelJS load + sheet model) + check of every form,
 * and reports the ratio. Times vary by machine; the ratio is the figure. Median of several rounds.
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { hengyangForms, newWorkbook, workbookBuffer, writeForm } from '../scripts/fixtures';
// The product code is measured as users run it: compiled by `npm run build:cli` (the CLI's dist/), not
// transpiled on the fly by tsx, whose module wrappers add their own cost to every call.
/* eslint-disable @typescript-eslint/no-require-imports */
const { readWorkbook } = require('../dist/hosts/workbook/read') as typeof import('../src/hosts/workbook/read');
const { installLinearMergeLoading } = require('../dist/hosts/workbook/linearMerges') as typeof import('../src/hosts/workbook/linearMerges');
const { check } = require('../dist/core/check') as typeof import('../src/core/check');
const { sheetModelOf } = require('../dist/hosts/workbook/sheetModel') as typeof import('../src/hosts/workbook/sheetModel');

const FORMS = Number(process.env.BENCH_FORMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

async function buildFile(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('汇总');
  const forms = hengyangForms();
  let row = 1;
  for (let i = 0; i < FORMS; i++) {
    const layout = writeForm(ws, forms[i % forms.length], { row, col: 1 }, { columnWidths: i === 0 });
    row = layout.bottom + 4;
  }
  return workbookBuffer(wb);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  // The baseline gets the same fix for ExcelJS's quadratic merge loading as readWorkbook, so the ratio
  // measures what the model and the check add, not ExcelJS's merge bookkeeping.
  installLinearMergeLoading();
  const file = await buildFile();
  const load: number[] = [];
  const model: number[] = [];
  const checking: number[] = [];
  const endToEnd: number[] = [];
  let forms = 0;
  let findings = 0;
  let cells = 0;
  for (let round = 0; round < ROUNDS + 1; round++) {
    // ExcelJS alone, then on the very workbook it loaded, what we add: the sheet model and the check.
    // Timing the parts on one load keeps the load's own jitter (±20%) out of the difference.
    let t = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const tLoad = performance.now() - t;
    t = performance.now();
    const sheets = wb.worksheets.map((ws) => sheetModelOf(ws));
    const tModel = performance.now() - t;
    t = performance.now();
    const results = sheets.map((s) => check(s));
    const tCheck = performance.now() - t;
    // And the whole path as `selfeval check` takes it (no --out: what a copy would lose is not worked out).
    t = performance.now();
    const loaded = await readWorkbook(new Uint8Array(file), { detectLost: false });
    loaded.sheets.map((s) => check(s));
    const tAll = performance.now() - t;
    if (process.env.BENCH_VERBOSE) console.log(`round ${round}: load ${tLoad.toFixed(0)} model ${tModel.toFixed(0)} check ${tCheck.toFixed(0)} readWorkbook+check ${tAll.toFixed(0)}`);
    if (round === 0) continue; // warm-up
    load.push(tLoad);
    model.push(tModel);
    checking.push(tCheck);
    endToEnd.push(tAll);
    forms = results.reduce((n, r) => n + r.forms.length, 0);
    findings = results.reduce((n, r) => n + r.forms.reduce((m, f) => m + f.findings.length, 0), 0);
    cells = sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
  }
  const b = median(load);
  const added = median(model) + median(checking);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`sheet: ${FORMS} stacked forms, ${cells.toLocaleString()} cells, ${(file.length / 2 ** 20).toFixed(1)} MiB; recognized ${forms} forms, ${findings} findings`);
  console.log(`ExcelJS load alone (baseline)   ${b.toFixed(0)} ms`);
  console.log(`+ sheet model                   ${median(model).toFixed(0)} ms`);
  console.log(`+ check                         ${median(checking).toFixed(0)} ms`);
  console.log(`ratio (load + model + check) / load   ${((b + added) / b).toFixed(3)}   → checking adds ${((added / b) * 100).toFixed(1)}% (aim: under 20%)`);
  console.log(`readWorkbook + check, end to end      ${median(endToEnd).toFixed(0)} ms (median of ${ROUNDS} rounds)`);
  console.log(`peak RSS                        ${rss.toFixed(0)} MiB`);
  if (forms !== FORMS) {
    console.error(`expected ${FORMS} forms, recognized ${forms}`);
    process.exitCode = 1;
  }
}

main();
