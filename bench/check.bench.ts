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

const FORMS = Number(process.env.BENCH_FORMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

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
  const baseline: number[] = [];
  const ours: number[] = [];
  const modelOnly: number[] = [];
  const checkOnly: number[] = [];
  let forms = 0;
  let findings = 0;
  let cells = 0;
  for (let round = 0; round < ROUNDS + 1; round++) {
    let t = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const tBase = performance.now() - t;

    t = performance.now();
    const loaded = await readWorkbook(new Uint8Array(file));
    const tRead = performance.now() - t;
    const t2 = performance.now();
    const results = loaded.sheets.map((s) => check(s));
    const tCheck = performance.now() - t2;
    if (round === 0) continue; // warm-up
    baseline.push(tBase);
    ours.push(tRead + tCheck);
    modelOnly.push(tRead - tBase);
    checkOnly.push(tCheck);
    forms = results.reduce((n, r) => n + r.forms.length, 0);
    findings = results.reduce((n, r) => n + r.forms.reduce((m, f) => m + f.findings.length, 0), 0);
    cells = loaded.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
  }
  const b = median(baseline);
  const o = median(ours);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`sheet: ${FORMS} stacked forms, ${cells.toLocaleString()} cells, ${(file.length / 2 ** 20).toFixed(1)} MiB; recognized ${forms} forms, ${findings} findings`);
  console.log(`ExcelJS load alone (baseline)   ${b.toFixed(0)} ms`);
  console.log(`read + model + check            ${o.toFixed(0)} ms   (model ${median(modelOnly).toFixed(0)} ms, check ${median(checkOnly).toFixed(0)} ms)`);
  console.log(`ratio ours / baseline           ${(o / b).toFixed(3)}   → checking adds ${(((o - b) / b) * 100).toFixed(1)}% (aim: under 20%)`);
  console.log(`peak RSS                        ${rss.toFixed(0)} MiB`);
  if (forms !== FORMS) {
    console.error(`expected ${FORMS} forms, recognized ${forms}`);
    process.exitCode = 1;
  }
}

main();
