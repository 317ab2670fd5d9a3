/**
 * The browser batch, end to end in headless Chromium: 20 workbooks dropped on the page are checked in a
 * Web Worker; the summary table has the rows the core gives (computed here in node by the same code),
 * sorts by a clicked header, opens a row's workbook with its marks, and the zip holds 校验汇总.xlsx and
 * every annotated copy. A screenshot goes to test-artifacts/batch-table.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { ARTIFACTS, DIST, chromiumPath, launchChromium, serveDir } from './harness';
import { checkBytes } from '../../src/hosts/workbook/checkBytes';
import { MOF } from '../../src/core/rules/profile';
import { SEVERITY_FILL } from '../../src/core/marks';
import { summaryRows, type SummaryRow } from '../../src/core/summary';
import { FIXTURES } from '../loadFixture';
import { withMerge } from '../hosts/workbook/mergeBook';

const haveChromium = chromiumPath() !== null;

/** 20 files: the fixtures, some twice under another name, and one that is not a workbook. */
function batchFiles(): { name: string; bytes: Uint8Array }[] {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; files.length < 19; i++) {
    const f = fixtures[i % fixtures.length];
    files.push({ name: `${String(i + 1).padStart(2, '0')}-${f}`, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, f))) });
  }
  files.push({ name: '20-坏文件.xlsx', bytes: new TextEncoder().encode('not a workbook') });
  return files;
}

async function expectedRows(files: { name: string; bytes: Uint8Array }[]): Promise<SummaryRow[]> {
  const inputs = [];
  for (const f of files) {
    const checked = await checkBytes(f.name, f.bytes, MOF, { copy: 'review' });
    inputs.push({ result: checked.result, copy: checked.copy ? f.name.replace(/\.xlsx$/, '.checked.xlsx') : null });
  }
  return summaryRows(inputs);
}

async function tableRows(page: Page): Promise<string[][]> {
  return page.$$eval('[data-testid=batch-table] tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
}

describe.skipIf(!haveChromium)('browser batch', () => {
  let server: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const workers: string[] = [];
  const pageErrors: string[] = [];
  const files = batchFiles();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveDir(DIST);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('worker', (w) => workers.push(w.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}taskpane.html`);
    await page.locator('table[role=grid]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('20 dropped files: checked in a worker, one row per form and per unreadable file, errors first', async () => {
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    }, files.map((f) => ({ name: f.name, bytes: Array.from(f.bytes) })));
    await page.getByTestId('workbook').dispatchEvent('drop', { dataTransfer });
    await page.getByTestId('batch-table').waitFor({ timeout: 120_000 });
    expect(workers.some((u) => u.startsWith(server.url))).toBe(true);

    const want = await expectedRows(files);
    const shown = await tableRows(page);
    expect(shown).toHaveLength(want.length);
    // Errors first, in the same order as the summary workbook: file, sheet and the three counts.
    const key = (r: SummaryRow) => [r.file, r.sheet, r.errors === null ? '' : String(r.errors), String(r.warnings ?? ''), String(r.infos ?? '')];
    expect(shown.map((r) => [r[0], r[1], r[6], r[7], r[8]])).toEqual(want.map(key));
    expect(shown[0][0]).toBe('20-坏文件.xlsx');
    await expect.poll(() => page.getByTestId('batch-status').textContent()).toContain('已校验 20 个文件');
    await page.screenshot({ path: path.join(ARTIFACTS, 'batch-table.png') });
    expect(pageErrors).toEqual([]);
  });

  it('sorts by a clicked header, both ways', async () => {
    await page.getByRole('button', { name: '项目名称' }).click();
    const asc = (await tableRows(page)).map((r) => r[3]).filter((n) => n);
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true })));
    await page.getByRole('button', { name: /项目名称/ }).click();
    const desc = (await tableRows(page)).map((r) => r[3]).filter((n) => n);
    expect(desc).toEqual([...asc].reverse());
    await expect.poll(() => page.locator('th[aria-sort=descending]').textContent()).toContain('项目名称');
  });

  it('a row opens its workbook with the marks of that sheet', async () => {
    const want = await expectedRows(files);
    const target = want.find((r) => (r.errors ?? 0) > 0 && r.sheet)!;
    await page.locator('[data-testid=batch-table] tbody tr', { hasText: target.file }).filter({ hasText: target.sheet }).first().click();
    await page.locator(`table[role=grid][data-sheet="${target.sheet}"]`).waitFor();
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe(target.file);
    const errorCells = await page.$$eval(
      'table[role=grid] td[data-cell]',
      (tds, fill) => tds.filter((td) => getComputedStyle(td).backgroundColor === fill).length,
      `rgb(${parseInt(SEVERITY_FILL.error.slice(0, 2), 16)}, ${parseInt(SEVERITY_FILL.error.slice(2, 4), 16)}, ${parseInt(SEVERITY_FILL.error.slice(4), 16)})`,
    );
    expect(errorCells).toBeGreaterThan(0);
    await page.getByTestId('batch-toggle').click();
    await page.getByTestId('batch-table').waitFor();
  });

  it('downloads 校验汇总.xlsx and every annotated copy as one zip', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-zip').click()]);
    expect(download.suggestedFilename()).toBe('校验结果.zip');
    const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(['校验汇总.xlsx', ...files.slice(0, 19).map((f) => f.name.replace(/\.xlsx$/, '.checked.xlsx'))].sort());
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load(entries['校验汇总.xlsx'] as unknown as ArrayBuffer);
    expect(summary.worksheets[0].rowCount - 1).toBe((await expectedRows(files)).length);
    // A copy carries the marks: the errors fixture has cells filled with the error colour.
    const copy = new ExcelJS.Workbook();
    const errorsCopy = files.find((f) => f.name.endsWith('-errors.xlsx'))!.name.replace(/\.xlsx$/, '.checked.xlsx');
    await copy.xlsx.load(entries[errorsCopy] as unknown as ArrayBuffer);
    let marked = 0;
    copy.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        if ((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === `FF${SEVERITY_FILL.error}`) marked++;
      }),
    );
    expect(marked).toBeGreaterThan(0);
  });

  it('打开文件夹: two units’ folders with the same file names give a row each and a copy each in the zip', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'selfeval-folder-'));
    const top = path.join(root, '收到的自评表');
    for (const unit of ['单位A', '单位B']) {
      mkdirSync(path.join(top, unit), { recursive: true });
      copyFileSync(path.join(FIXTURES, 'clean.xlsx'), path.join(top, unit, '项目.xlsx'));
      copyFileSync(path.join(FIXTURES, 'errors.xlsx'), path.join(top, unit, '~$项目.xlsx')); // Excel's lock file: skipped
    }
    await page.getByTestId('open-folder').setInputFiles(top);
    await expect.poll(() => page.getByTestId('batch-status').textContent(), { timeout: 60_000 }).toContain('已校验 2 个文件');
    expect((await tableRows(page)).map((r) => r[0]).sort()).toEqual(['收到的自评表/单位A/项目.xlsx', '收到的自评表/单位B/项目.xlsx']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-zip').click()]);
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync((await download.path())!)))).sort();
    expect(names).toEqual(['收到的自评表/单位A/项目.checked.xlsx', '收到的自评表/单位B/项目.checked.xlsx', '校验汇总.xlsx']);
  });

  it('one workbook with a merge AA1:XFD1048576 among others does not cost the others their results', async () => {
    const dropped = [
      { name: 'a-clean.xlsx', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'clean.xlsx'))) },
      { name: 'b-merge.xlsx', bytes: withMerge('AA1:XFD1048576') },
      { name: 'c-errors.xlsx', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'errors.xlsx'))) },
      { name: 'd-column.xlsx', bytes: withMerge('A30:J1048576') },
      { name: 'e-stacked.xlsx', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, 'hengyang-stacked.xlsx'))) },
    ];
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    }, dropped.map((f) => ({ name: f.name, bytes: Array.from(f.bytes) })));
    await page.getByTestId('workbook').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => page.getByTestId('batch-status').textContent(), { timeout: 120_000 }).toContain('已校验 5 个文件');
    const shown = await tableRows(page);
    expect(shown).toHaveLength((await expectedRows(dropped)).length);
    for (const name of ['a-clean.xlsx', 'c-errors.xlsx', 'e-stacked.xlsx']) expect(shown.some((r) => r[0] === name && r[1] !== '')).toBe(true);
    const refused = shown.filter((r) => r[0] === 'b-merge.xlsx' || r[0] === 'd-column.xlsx');
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.join(' ')).toContain('工作簿过大');
      // The browser has no command-line options to point at.
      expect(r.join(' ')).not.toContain('--max');
    }
    expect(pageErrors).toEqual([]);
  });
});
