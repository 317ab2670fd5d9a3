/**
 * `npm run bench:limits`: the compiled `selfeval check` (with main()'s V8 settings) on workbooks at and past the size limits, each in
 * its own process, with its peak RSS (the process's own maxRSS). Builds them in a temporary folder:
 * - a sheet that inflates to 300 MB from 2.3 MB on disk (stated in the zip's directory, and hidden);
 * - a sharedStrings part of 1 GB;
 * - a real sheet of 500,000 rows × 2 cells: 1,000,000 cells, the default cell limit, which is parsed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workbookBomb, type BombOptions } from '../test/hosts/workbook/bomb';

const root = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'selfeval-limits-'));

const CASES: [string, BombOptions][] = [
  ['300 MB sheet (size stated)', { part: 'xl/worksheets/sheet1.xml', inflatedMB: 300 }],
  ['300 MB sheet (size hidden)', { part: 'xl/worksheets/sheet1.xml', inflatedMB: 300, lie: true }],
  ['1 GB sharedStrings', { part: 'xl/sharedStrings.xml', inflatedMB: 1024 }],
  ['1,000,000 cells (at the limit)', { part: 'xl/worksheets/sheet1.xml', rows: 500_000 }],
];

// As bin/selfeval.js runs it: main()'s V8 settings first (v8Tuning.ts), then run() with its output kept short.
const runner = `require(${JSON.stringify(join(root, 'dist-cli', 'cli', 'v8Tuning.js'))}).tuneV8();
const m = require(${JSON.stringify(join(root, 'dist-cli', 'cli', 'main.js'))});
m.run(process.argv.slice(1), { out: () => {}, err: (s) => process.stderr.write(s.slice(0, 160) + '\\n') })
  .then((code) => process.stderr.write('exit ' + code + ' maxRSS ' + Math.round(process.resourceUsage().maxRSS / 1024) + ' MiB\\n'));`;

async function main(): Promise<void> {
  for (const [label, options] of CASES) {
    const file = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(file, await workbookBomb(options));
    const t = Date.now();
    const child = spawnSync(process.execPath, ['-e', runner, 'check', file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const report = child.stderr + (child.signal ? `killed by ${child.signal}` : '');
    const mib = (statSync(file).size / 2 ** 20).toFixed(1);
    console.log(`${label.padEnd(32)} ${mib.padStart(5)} MiB on disk  ${Date.now() - t} ms\n  ${report.trim().split('\n').join('\n  ')}`);
  }
}

void main();
