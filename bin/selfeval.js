#!/usr/bin/env node
// Runs the compiled CLI (dist-cli/, built by `npm install` through the prepare script). In a checkout where it
// has not been built, or where src/ changed since, runs the TypeScript source through tsx instead, so the
// command never reports with stale rules.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist-cli', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function useCompiled() {
  if (!fs.existsSync(compiled)) return false;
  const built = fs.statSync(compiled).mtimeMs;
  return ['core', 'cli', path.join('hosts', 'workbook')].every((d) => newestSource(path.join(root, 'src', d)) <= built);
}

// From source, both of tsx's hooks: CommonJS for require(), ESM for the source's own import() of the
// SheetJS reader.
const loaded = useCompiled()
  ? Promise.resolve(require(compiled))
  : import('tsx/esm/api').then(({ register }) => {
      register();
      require('tsx/cjs/api').register();
      return require(path.join(root, 'src', 'cli', 'main.ts'));
    });
loaded.then((main) => main.main(process.argv.slice(2)));
