// `node bench/phases.cjs FILE`: where a cold check's time goes, phase by phase, in one process as the CLI
// runs it (its V8 settings, Node's zlib, the compiled product in dist-cli/, built by `npm run build:cli`):
// CPU time (user + system, every thread: V8 compiles and collects on its own threads) and wall time.
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
const D = '../dist-cli';
require(`${D}/cli/v8Tuning`).tuneV8();
const fs = require('node:fs');
const rows = [];
let last = { cpu: 0, wall: 0 };
function phase(name) {
  const u = process.cpuUsage(cpu0);
  const now = { cpu: (u.user + u.system) / 1000, wall: performance.now() - wall0 };
  rows.push([name, now.cpu - last.cpu, now.wall - last.wall]);
  last = now;
}
const { packagePartsOf } = require(`${D}/hosts/workbook/packageParts`);
const { DEFAULT_LIMITS, inflateWithinLimits } = require(`${D}/hosts/workbook/limits`);
const { nativeInflate } = require(`${D}/cli/nativeInflate`);
const { readWithSheetJS } = require(`${D}/hosts/workbook/sheetjsRead`);
const { check } = require(`${D}/core/check`);
phase('load the modules');
const bytes = new Uint8Array(fs.readFileSync(process.argv[2]));
const within = inflateWithinLimits(bytes, packagePartsOf(bytes).entries, DEFAULT_LIMITS, nativeInflate);
if (within.breach || !within.parts) throw new Error('not within the limits, or not inflated whole');
phase('inflate, count cells and merges');
const { sheets } = readWithSheetJS(bytes, within.parts);
phase('SheetJS parse + sheet model');
const forms = sheets.reduce((n, s) => n + check(s).forms.length, 0);
phase('check');
for (const [name, c, w] of rows) console.log(`${name.padEnd(34)} CPU ${c.toFixed(0).padStart(5)} ms  wall ${w.toFixed(0).padStart(5)} ms`);
console.log(`${'total'.padEnd(34)} CPU ${last.cpu.toFixed(0).padStart(5)} ms  wall ${last.wall.toFixed(0).padStart(5)} ms  (${forms} forms)`);
