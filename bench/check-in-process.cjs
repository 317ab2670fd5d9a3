// `node bench/check-in-process.cjs FILE ROUNDS`: reads and checks FILE as `selfeval check` does (the
// compiled product, SheetJS read path), ROUNDS times after one warm-up, in one process; prints the
// median milliseconds and the forms found as JSON. Process start-up is outside the timing. The cell limit is
// raised as `--max-cells 2000000` raises it: 5,000 stacked forms hold 1,129,160 cells (1,837,908 with the cells their merges cover), past the default.
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { readWorkbook } = require('../dist-cli/hosts/workbook/read');
const { check } = require('../dist-cli/core/check');
const { nativeInflate } = require('../dist-cli/cli/nativeInflate');

(async () => {
  const [file, rounds = '5'] = process.argv.slice(2);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const times = [];
  let forms = 0;
  for (let i = 0; i <= Number(rounds); i++) {
    const t = performance.now();
    const { sheets } = await readWorkbook(bytes, { limits: { maxBytes: 2 ** 31, maxCells: 10_000_000 }, inflate: nativeInflate });
    forms = sheets.reduce((n, s) => n + check(s).forms.length, 0);
    if (i > 0) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ ms: times[Math.floor(times.length / 2)], forms }));
})();
