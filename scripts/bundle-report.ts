/**
 * Builds the pane for production and prints what it costs to load:
 *   - the initial chunks of the `taskpane` entry (what the pane loads before its first paint, in Excel
 *     and in the browser alike),
 *   - each lazy chunk (the browser preview, the .xlsx adapter, ExcelJS, the Excel host), by name.
 * Sizes are raw and gzip. `npm run bundle-report` (add `-- --json` for machine-readable output).
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
        stats: stats.toJson({ all: false, chunks: true, chunkGroups: true, assets: true, outputPath: true }),
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
  const exceljs = lazy.find((r) => r.chunk === 'exceljs');

  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ initial, lazy, exceljs: exceljs ?? null }, null, 2));
    return;
  }
  // The pane's first paint needs React and a few Fluent parts; the pane itself, the hosts, ExcelJS and
  // SheetJS are lazy chunks (src/taskpane/index.tsx). Budget: 150 KiB gzipped.
  const BUDGET = 150 * 1024;
  const line = (r: Row) => `  ${r.chunk.padEnd(22)} ${kib(r.bytes).padStart(11)}  gzip ${kib(r.gzip).padStart(10)}   ${r.files.join(', ')}`;
  console.log('\nWhat the task pane loads first (initial chunks of `taskpane`, Excel and browser mode):');
  console.log(line(initial));
  console.log('\nLoaded later, only when needed (lazy chunks):');
  for (const r of lazy) console.log(line(r));
  const browserTotal = lazy.filter((r) => r.chunk !== 'excel-host').reduce((n, r) => n + r.bytes, 0);
  console.log(
    `\nExcel mode first paint: ${kib(initial.bytes)} (no ExcelJS). ` +
      `Browser preview adds ${kib(browserTotal)} on demand, of which ExcelJS ${exceljs ? kib(exceljs.bytes) : '(not found!)'}.\n`,
  );
  console.log(`First load ${kib(initial.gzip)} gzipped: ${initial.gzip < BUDGET ? 'within' : 'OVER'} the budget of ${kib(BUDGET)}.`);
  if (!exceljs || initial.gzip >= BUDGET) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
