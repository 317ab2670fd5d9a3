/**
 * `npx tsx bench/ab.ts <other dist>`: check time of this build against another build of the product
 * (e.g. the commit before a change, compiled with `npm run build:cli`), on the same 1,000-form sheet model,
 * rounds interleaved so that the machine's load falls on both alike. Prints the medians and their ratio.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { hengyangForms, newWorkbook, workbookBuffer, writeForm } from '../scripts/fixtures';
/* eslint-disable @typescript-eslint/no-require-imports */
import { installLinearMergeLoading, sheetModelOf } from '../scripts/excelJsModel';
const ours = (require('../dist-cli/core/check') as typeof import('../src/core/check')).check;
const other = (require(resolve(process.argv[2], 'core/check')) as typeof import('../src/core/check')).check;

const FORMS = Number(process.env.BENCH_FORMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

async function main(): Promise<void> {
  installLinearMergeLoading(ExcelJS);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('汇总');
  const forms = hengyangForms();
  let row = 1;
  for (let i = 0; i < FORMS; i++) row = writeForm(ws, forms[i % forms.length], { row, col: 1 }, { columnWidths: i === 0 }).bottom + 4;
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load((await workbookBuffer(wb)) as unknown as ArrayBuffer);
  const sheet = sheetModelOf(loaded.worksheets[0]);
  const times = { ours: [] as number[], other: [] as number[] };
  const found = { ours: 0, other: 0 };
  for (let r = 0; r <= ROUNDS; r++) {
    for (const [name, fn] of (r % 2 ? [['ours', ours], ['other', other]] : [['other', other], ['ours', ours]]) as [keyof typeof times, typeof ours][]) {
      const t = performance.now();
      const res = fn(sheet);
      const dt = performance.now() - t;
      found[name] = res.forms.length;
      if (r > 0) times[name].push(dt);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const o = median(times.ours);
  const b = median(times.other);
  console.log(`check of ${FORMS} stacked forms (${found.ours} / ${found.other} recognized), median of ${ROUNDS} interleaved rounds`);
  console.log(`other build   ${b.toFixed(0)} ms`);
  console.log(`this build    ${o.toFixed(0)} ms`);
  console.log(`ratio this / other   ${(o / b).toFixed(3)}`);
}

void main();
