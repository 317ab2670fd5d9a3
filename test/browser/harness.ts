/**
 * The browser tests' plumbing: a webpack build of the pane, a tiny static server for dist/ on 127.0.0.1,
 * and Debian's Chromium driven by playwright-core (no browser download: CHROMIUM_PATH or /usr/bin/chromium).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The repository root: the folder with webpack.config.js (the tests run from it). */
export const ROOT =
  [process.cwd(), path.resolve(__dirname, '../..'), path.resolve(__dirname, '..')].find((d) =>
    existsSync(path.join(d, 'webpack.config.js')),
  ) ?? process.cwd();
export const DIST = path.join(ROOT, process.env.ADDIN_OUT || 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Production build of webpack.config.js into DIST, through webpack's Node API: the deployable folder as `npm run build` makes it. */
export async function buildPane(): Promise<void> {
  const require = createRequire(__filename);
  const webpack = require('webpack') as typeof import('webpack');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<import('webpack').Configuration>;
  const config = await makeConfig({}, { mode: 'production' });
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** Serves `dir` on 127.0.0.1 (a free port); GET and HEAD only, nothing outside `dir`. */
export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'taskpane.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headless Chromium with a fresh profile that is deleted on close. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const exe = chromiumPath();
  if (!exe) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH');
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'selfeval-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: exe,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      '--disable-extensions',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
