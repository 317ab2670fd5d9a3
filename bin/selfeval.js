#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` through the prepare script); in a checkout where
// it has not been built yet, runs the TypeScript source through tsx.
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
const main = fs.existsSync(compiled)
  ? require(compiled)
  : (require('tsx/cjs/api').register(), require(path.join(__dirname, '..', 'src', 'cli', 'main.ts')));
main
  .run(process.argv.slice(2), { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) })
  .then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`内部错误：${(e && e.stack) || e}\n`); process.exitCode = 2; });
