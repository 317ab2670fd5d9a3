/**
 * A reviewer's day in the browser preview at 1024 px, in headless Chromium: the pane waits while the
 * sample loads, follows the sheet on view in both scopes, the tab strip reveals 校验报告 after an export,
 * the grid keeps codes and percentages whole, the batch runs in the pane's mode and profile with one
 * download button and fills the findings list when a row is opened; and what is deployed is only what a
 * browser loads, its first script under 150 KB gzipped. Screenshots go to test-artifacts/reviewer-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ARTIFACTS, DIST, chromiumPath, launchChromium, serveDir } from './harness';
import { FIXTURES } from '../loadFixture';

const haveChromium = chromiumPath() !== null;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `reviewer-${name}.png`) });

/** Every file under dir, relative, `/`-separated. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** How many lines a cell's text takes on screen (a Range's client rects, one per line box). */
function linesOf(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
    return tops.size;
  });
}

describe('the deployable dist/', () => {
  it('holds only what a browser loads: no source maps, no CLI build', () => {
    const files = filesUnder(DIST);
    expect(files).toContain('taskpane.html');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(cli|core|hosts)\//.test(f))).toEqual([]);
    for (const f of files) expect(f, f).toMatch(/\.(html|js|png|xlsx|xml|txt)$/);
  });

  it('the pane\'s first-load JavaScript is under 150 KB gzipped', () => {
    const html = readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
    expect(scripts.length).toBeGreaterThan(0);
    const gzip = scripts.reduce((n, src) => n + gzipSync(readFileSync(path.join(DIST, src)), { level: 9 }).length, 0);
    console.log(`first-load JS of taskpane.html: ${(gzip / 1024).toFixed(1)} KiB gzipped (${scripts.join(', ')})`);
    expect(gzip).toBeLessThan(150 * 1024);
  });
});

describe.skipIf(!haveChromium)('a reviewer\'s day in the browser preview (1024 px)', () => {
  let server: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];
  const check = () => page.getByRole('button', { name: '校验并计分' });
  const findings = () => page.locator('aside button[data-finding-nav]');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveDir(DIST);
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('while the sample loads, 校验并计分 waits and the pane says what it is loading', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/sample.xlsx', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}preview.html`);
    await check().waitFor({ timeout: 60_000 });
    expect(await check().isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('正在加载示例工作簿');
    await shot(page, 'loading');
    release();
    await page.locator('table[role=grid]').waitFor({ timeout: 60_000 });
    await expect.poll(() => check().isDisabled()).toBe(false);
    await page.unroute('**/assets/sample.xlsx');
  });

  it('本工作表: the pane shows the result of the sheet on view, not the previous sheet\'s', async () => {
    await check().click();
    await expect.poll(() => findings().count()).toBeGreaterThan(0);
    expect(await findings().first().getAttribute('data-sheet')).toBe('大院维护费');
    // Screen-reader text: the message's own full stop, then the rule — never two in a row.
    for (const label of await findings().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) {
      expect(label).not.toMatch(/[。.]\s*[。.]/);
    }
    await page.getByRole('tab', { name: '政务督查经费' }).click();
    await expect.poll(() => findings().count()).toBe(0);
    expect(await page.getByTestId('pane-hint').textContent()).toContain('工作表“政务督查经费”尚未校验');
    await page.getByRole('tab', { name: '大院维护费' }).click();
    await expect.poll(() => findings().count()).toBeGreaterThan(0);
  });

  it('136.58% stays on one line in its cell at 1024 px', async () => {
    expect(await page.locator('td[data-cell="H7"]').textContent()).toBe('136.58%');
    expect(await linesOf(page, 'td[data-cell="H7"]')).toBe(1);
  });

  it('全部工作表: the pane scrolls to the sheet on view', async () => {
    await page.getByRole('radio', { name: '全部工作表' }).check();
    await check().click();
    await expect.poll(() => page.locator('aside section[data-sheet]').count()).toBeGreaterThan(3);
    const target = '阿克陶工作经费（待计分）';
    await page.getByRole('tab', { name: target }).click();
    await expect
      .poll(() =>
        page.evaluate((name) => {
          const aside = document.querySelector('aside')!.getBoundingClientRect();
          const section = Array.from(document.querySelectorAll<HTMLElement>('aside section[data-sheet]')).find((s) => s.dataset.sheet === name)!;
          const top = section.getBoundingClientRect().top;
          return top >= aside.top - 1 && top < aside.bottom - 40;
        }, target),
      )
      .toBe(true);
    await shot(page, 'all-sheets');
  });

  it('after 导出校验报告 the 校验报告 tab is in view; its codes are not broken mid-word', async () => {
    await page.getByRole('button', { name: '导出校验报告' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('见工作表“校验报告”');
    const inView = () =>
      page.evaluate(() => {
        const bar = document.querySelector('[role=tablist]')!.getBoundingClientRect();
        const tab = document.querySelector('[role=tab][data-sheet="校验报告"]')!.getBoundingClientRect();
        return tab.left >= bar.left - 1 && tab.right <= bar.right + 1;
      });
    await expect.poll(inView).toBe(true);
    await page.getByRole('tab', { name: '校验报告' }).click();
    await page.locator('table[role=grid][data-sheet="校验报告"]').waitFor();
    const codeCells = await page.$$eval('table[role=grid] td[data-cell^="E"]', (tds) =>
      tds.filter((td) => /^[A-Z_]{12,}$/.test(td.textContent ?? '')).map((td) => td.getAttribute('data-cell')!),
    );
    expect(codeCells.length).toBeGreaterThan(3);
    for (const cell of codeCells) expect(await linesOf(page, `td[data-cell="${cell}"]`), cell).toBe(1);
    await shot(page, 'report-sheet');
  });

  it('a batch runs in the pane\'s mode and profile, says so, has one download button and 无评分 on unscored rows; a row fills the findings list', async () => {
    await page.getByRole('radio', { name: '审核' }).check();
    await page.getByLabel('评分方案').first().selectOption('lincang');
    const files = ['hengyang-one-per-sheet.xlsx', 'yanjiang-targets.xlsx', 'errors.xlsx'].map((f) => path.join(FIXTURES, f));
    await page.getByTestId('open-file').setInputFiles(files);
    await page.getByTestId('batch-table').waitFor({ timeout: 120_000 });
    const caption = (await page.getByTestId('batch-status').textContent()) ?? '';
    expect(caption).toContain('审核模式');
    expect(caption).toContain('临沧');
    // The header names the batch, not the workbook that was open before it.
    expect(await page.getByTestId('file-name').textContent()).not.toContain('sample.xlsx');
    expect(await page.getByRole('button', { name: /^下载/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '下载汇总与副本（zip）' }).count()).toBe(1);
    const unscored = page.locator('[data-testid=batch-table] tbody tr', { hasText: '绩效目标完成情况表' });
    expect(await unscored.count()).toBe(9);
    const cells = await unscored.first().locator('td').allTextContents();
    expect(cells[4]).toBe('无评分');
    expect(cells[5]).toBe('无评分');
    // 表类型 on one line.
    const kindCell = unscored.first().locator('td').nth(2);
    expect(await kindCell.evaluate((td) => getComputedStyle(td).whiteSpace)).toBe('nowrap');
    await shot(page, 'batch');

    const row = page.locator('[data-testid=batch-table] tbody tr', { hasText: 'hengyang-one-per-sheet.xlsx' }).first();
    const sheet = (await row.locator('td').nth(1).textContent())!;
    await row.click();
    await page.locator(`table[role=grid][data-sheet="${sheet}"]`).waitFor();
    await expect.poll(() => findings().count()).toBeGreaterThan(0);
    expect(await page.getByTestId('status').textContent()).toContain('审核模式');
    expect(await page.getByRole('radio', { name: '审核' }).isChecked()).toBe(true);
    await shot(page, 'batch-row');
    expect(pageErrors).toEqual([]);
  });
});
