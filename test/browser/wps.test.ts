/**
 * The WPS build (webpack.wps.config.js) in Chromium, opened from the disk as WPS opens the offline package
 * (file://), with a fake WPS 表格 on the page (test/browser/wps/fakeWindow.ts: the ET fake): the ribbon's
 * page defines synchronous callbacks that mark the sheet; the task pane starts on WpsHost, checks and marks;
 * no request leaves the add-in's folder and the page's policy is never violated.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, ROOT, chromiumPath, launchChromium } from './harness';

const exe = chromiumPath();
let out: string;
let fake: string;

beforeAll(async () => {
  if (!exe) return;
  out = mkdtempSync(path.join(tmpdir(), 'selfeval-wps-'));
  const require = createRequire(__filename);
  const webpack = require('webpack') as typeof import('webpack');
  const config = require(path.join(ROOT, 'webpack.wps.config.js'))({}, { mode: 'production' });
  config.output.path = out;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => (err ? reject(err) : stats?.hasErrors() ? reject(new Error(stats.toString({ all: false, errors: true }))) : resolve())),
  );
  const esbuild = require('esbuild') as typeof import('esbuild');
  fake = esbuild.buildSync({ entryPoints: [path.join(__dirname, 'wps/fakeWindow.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, target: 'chrome80' }).outputFiles[0].text;
}, 900_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const POLICY_PROBE = `document.addEventListener('securitypolicyviolation', (e) => { (window.__violations ||= []).push(e.violatedDirective + ' ' + e.blockedURI); });`;

describe.skipIf(!exe)('the WPS add-in in Chromium, from the disk', () => {
  it('index.html: window.ribbon answers at once and 校验并计分 marks the sheet; nothing outside the folder is requested', async () => {
    const { context, close } = await launchChromium();
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.accept();
      });
      await page.addInitScript({ content: POLICY_PROBE + fake });
      await page.goto(`file://${out}/index.html`);
      const result = await page.evaluate(() => {
        const r = (window as unknown as { ribbon: { OnAddinLoad(x: unknown): boolean; OnAction(c: { Id: string }): unknown } }).ribbon;
        return { load: r.OnAddinLoad({}), action: r.OnAction({ Id: 'selfevalCheck' }) };
      });
      expect(result).toEqual({ load: true, action: true });
      await page.waitForFunction(() => (window as unknown as { __fillOf(r: string): unknown }).__fillOf('G6') !== null);
      await expect.poll(() => dialogs.length).toBe(1);
      expect(dialogs[0]).toContain('G6');
      expect(await page.evaluate(() => (window as unknown as { __noteOf(r: string): string }).__noteOf('G6'))).toMatch(/^【绩效自评校验】/);
      expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('taskpane.html: the pane runs on WpsHost, checks and marks; the screenshot is kept', async () => {
    const { context, close } = await launchChromium();
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript({ content: POLICY_PROBE + fake });
      await page.setViewportSize({ width: 420, height: 900 });
      await page.goto(`file://${out}/taskpane.html`);
      await page.getByRole('button', { name: '校验并计分' }).click({ timeout: 60_000 });
      await page.getByRole('status').filter({ hasText: '校验完成' }).waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => (window as unknown as { __fillOf(r: string): unknown }).__fillOf('G6'))).not.toBeNull();
      await page.getByText('执行率（G6）', { exact: false }).first().waitFor({ timeout: 30_000 });
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'wps-pane.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])).toEqual([]);
    } finally {
      await close();
    }
  });
});
