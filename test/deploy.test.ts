/**
 * What is deployed and how: the add-in's dist/ apart from the CLI's build, the production manifest's URL
 * rewrite, and the README's set-up steps matching the product (the add-in's name, the apt line).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const require = createRequire(__filename);
const { rewriteManifest } = require('../scripts/manifestUrl.js') as { rewriteManifest: (text: string, url: string) => string };
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('deployment', () => {
  it('the CLI compiles outside the add-in\'s deployable dist/, and bin/selfeval.js runs it from there', async () => {
    const cli = JSON.parse(readFileSync(join(ROOT, 'tsconfig.cli.json'), 'utf8')) as { compilerOptions: { outDir: string } };
    const makeConfig = require('../webpack.config.js') as (env: unknown, argv: unknown) => Promise<{ output: { path: string }; devtool: unknown }>;
    const config = await makeConfig({}, { mode: 'production' });
    const cliOut = resolve(ROOT, cli.compilerOptions.outDir);
    expect(cliOut).not.toBe(config.output.path);
    expect(cliOut.startsWith(`${config.output.path}/`)).toBe(false);
    expect(readFileSync(join(ROOT, 'bin', 'selfeval.js'), 'utf8')).toContain(`path.join(root, '${cli.compilerOptions.outDir}', 'cli', 'main.js')`);
    // Source maps are not part of what a browser loads: only on request.
    expect(config.devtool).toBe(false);
  });

  it('ADDIN_URL rewrites the manifest\'s URLs, not its comment about the dev server', () => {
    const out = rewriteManifest(manifest, 'https://addin.example.org/selfeval/');
    const comment = /<!--[\s\S]*?-->/.exec(manifest)![0];
    expect(out).toContain(comment);
    expect(comment).toContain('https://localhost:3000/');
    const markup = out.replace(/<!--[\s\S]*?-->/g, '');
    expect(markup).not.toContain('localhost');
    expect(markup).toContain('<SourceLocation DefaultValue="https://addin.example.org/selfeval/taskpane.html"/>');
    expect(markup).not.toContain('<AppDomain>'); // removed: an AppDomain equal to the source origin has no effect (issue 17)
  });

  it('the README names the add-in as the manifest\'s DisplayName wherever it says what to pick in Excel', () => {
    const displayName = /<DisplayName DefaultValue="([^"]+)"/.exec(manifest)![1];
    const picks = [...readme.matchAll(/(?:Shared Folder|My Add-ins)\* → (\S+?)[.\s(]/g)].map((m) => m[1]);
    expect(picks.length).toBeGreaterThanOrEqual(2);
    for (const p of picks) expect(p).toBe(displayName);
  });

  it('the README\'s apt line updates the package lists first, and says npm start holds its terminal', () => {
    const apt = readme.split('\n').find((l) => l.includes('apt-get install'))!;
    expect(apt).toMatch(/apt-get update && apt-get install -y chromium fonts-noto-cjk/);
    expect(readme).toMatch(/`npm start` keeps serving[\s\S]{0,120}holds its\s+terminal/);
  });
});
