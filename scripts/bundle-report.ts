/**
 * Builds the pane for production and prints what it costs to load:
 *   - the initial chunks of the `taskpane` entry (what the pane loads before its first paint, in Excel
 *     and in the browser alike),
 *   - each lazy chunk (the browser preview, the .xlsx adapter, SheetJS, the Excel host), by name.
 * Sizes are raw and gzip. `npm run bundle-report` (add `-- --json` for machine-readable output).
 * Exits 1 when the first load is over the budget, or when a chunk holds ExcelJS: the pane no longer uses it
 * (SheetJS reads, the package writer writes the copy), so ExcelJS in the bundle is a regression.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Configuration, StatsCompilation } from 'webpack';

const ROOT = path.resolve(process.cwd());
const require = createRequire(path.join(ROOT, 'package.json'));

interface Row {
  chunk: string;
  files: string[];
  bytes: number;
  gzip: number;
}

async function build(): Promise<{ stats: StatsCompilation; outDir: string }> {
  const webpack = require('webpack') as typeof import('webpack');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<Configuration>;
  const config = await makeConfig({}, { mode: 'production' });
  config.devtool = false;
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'no stats'));
      resolve({
        stats: stats.toJson({ all: false, chunks: true, chunkGroups: true, assets: true, outputPath: true, ids: true }),
        outDir: config.output!.path!,
      });
    });
  });
}

function measure(outDir: string, files: string[]): { bytes: number; gzip: number } {
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const data = readFileSync(path.join(outDir, f));
    bytes += data.length;
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { bytes, gzip };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const { stats, outDir } = await build();
  const js = (files: string[]) => files.filter((f) => f.endsWith('.js'));
  const entry = stats.namedChunkGroups?.taskpane;
  if (!entry) throw new Error('no taskpane entry in the stats');
  const initialFiles = js((entry.assets ?? []).map((a) => a.name));
  const initial: Row = { chunk: 'taskpane (initial)', files: initialFiles, ...measure(outDir, initialFiles) };
  const lazy: Row[] = (stats.chunks ?? [])
    .filter((c) => !c.initial)
    .map((c) => {
      const files = js([...(c.files ?? [])]);
      const name = (c.names ?? [])[0] ?? String(c.id);
      return { chunk: name, files, ...measure(outDir, files) };
    })
    .sort((a, b) => b.bytes - a.bytes);
  // ExcelJS is expected in no chunk: webpack.config.js still names an `exceljs` cache group, which would
  // catch it (and any module of its package) if an import of it came back.
  const exceljsChunk = (stats.chunks ?? []).find((c) => (c.names ?? []).includes('exceljs'));
  const exceljs: Row | null = exceljsChunk
    ? { chunk: 'exceljs', files: js([...(exceljsChunk.files ?? [])]), ...measure(outDir, js([...(exceljsChunk.files ?? [])])) }
    : null;
  // The pane's first paint needs React and a few Fluent parts; the pane itself, the hosts and SheetJS are
  // lazy chunks (src/taskpane/index.tsx). Budget: 150 KiB gzipped.
  const BUDGET = 150 * 1024;
  const over = initial.gzip >= BUDGET;

  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ initial, lazy, exceljs, budget: BUDGET, over }, null, 2));
    if (over || exceljs) process.exitCode = 1;
    return;
  }
  const line = (r: Row) => `  ${r.chunk.padEnd(22)} ${kib(r.bytes).padStart(11)}  gzip ${kib(r.gzip).padStart(10)}   ${r.files.join(', ')}`;
  console.log('\nWhat the task pane loads first (initial chunks of `taskpane`, Excel and browser mode):');
  console.log(line(initial));
  console.log('\nLoaded later, only when needed (lazy chunks):');
  for (const r of lazy) console.log(line(r));
  // The other hosts' chunks are never loaded in the browser.
  const browserTotal = lazy.filter((r) => r.chunk !== 'excel-host' && r.chunk !== 'wps-host').reduce((n, r) => n + r.bytes, 0);
  console.log(`\nExcel mode first paint: ${kib(initial.bytes)}. Browser preview adds ${kib(browserTotal)} on demand.`);
  console.log(
    exceljs
      ? `ExcelJS is in the chunk ${exceljs.files.join(', ')} (${kib(exceljs.bytes)}): unexpected, nothing in the pane should import it.`
      : 'ExcelJS is in no chunk, as expected (the pane reads with SheetJS and writes the copy itself).',
  );
  console.log(`\nFirst load ${kib(initial.gzip)} gzipped: ${over ? 'OVER' : 'within'} the budget of ${kib(BUDGET)}.`);
  if (over || exceljs) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
