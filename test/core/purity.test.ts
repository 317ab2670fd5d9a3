import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CORE = join(__dirname, '..', '..', 'src', 'core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const builtins = new Set(require('node:module').builtinModules as string[]);

describe('the core is pure', () => {
  const files = sources(CORE);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only core modules', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    for (const s of specifiers) {
      expect(s.startsWith('.'), `${s} is not a relative import`).toBe(true);
      expect(builtins.has(s.replace(/^node:/, '')), `${s} is a Node built-in`).toBe(false);
      expect(s.includes('/hosts/') || s.includes('/taskpane/') || s.includes('/cli/') || s.includes('/commands/'), `${s} reaches out of core`).toBe(false);
    }
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const global of ['Office.', 'Excel.', 'document.', 'window.', 'process.', 'Buffer.', 'require(']) {
      expect(code.includes(global), `${global} used in core`).toBe(false);
    }
  });
});
