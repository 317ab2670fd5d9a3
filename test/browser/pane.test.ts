/**
 * The browser preview, end to end in headless Chromium: the sample opens, 校验并计分 marks the cells the
 * core says (computed here in node by the same core functions), a finding selects its cell, an uploaded
 * workbook round-trips through 下载, a broken file gets the adapter's Chinese message, and no request
 * leaves the page's origin. Screenshots of each state go to test-artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, DIST, ROOT, chromiumPath, launchChromium, serveDir } from './harness';
import { readWorkbook } from '../../src/hosts/workbook';
import { check } from '../../src/core/check';
import { MOF } from '../../src/core/rules/profile';
import { COMPUTED_FILL, NOTE_AUTHOR, SEVERITY_FILL, marksOf } from '../../src/core/marks';
import { SheetView, a1, parseA1 } from '../../src/core/sheet';
import { formatFillValue } from '../../src/hosts/browser/BrowserHost';
import type { Finding, SheetCheck } from '../../src/core/result';

const SAMPLE = path.join(ROOT, 'assets/sample.xlsx');
const haveChromium = chromiumPath() !== null;
// On a developer's machine without Chromium the suite is skipped with a warning; in CI it must run.
if (!haveChromium && process.env.CI) throw new Error('CI: Chromium is required for the browser tests (apt-get install -y chromium)');
if (!haveChromium) console.warn('browser tests skipped: no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)');

// ---- what the core says, computed in node ------------------------------------------------------

interface Expected {
  checks: SheetCheck[];
  /** sheet → cell → fill (RGB hex) the grid must show, in mode 填报. */
  fills: Map<string, Map<string, string>>;
}

function uniqueFindings(c: SheetCheck): Finding[] {
  const seen = new Set<string>();
  return [...c.findings, ...c.forms.flatMap((f) => f.findings)].filter((f) => {
    const k = `${f.code}|${f.cell}|${f.message}`;
    if (!f.cell || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

async function expectedFor(bytes: Uint8Array, mode: 'fill' | 'review' = 'fill'): Promise<Expected> {
  const loaded = await readWorkbook(bytes);
  const checks = loaded.sheets.map((s) => check(s, MOF));
  const fills = new Map<string, Map<string, string>>();
  for (const c of checks) {
    const view = new SheetView(loaded.sheets.find((s) => s.name === c.sheet)!);
    const m = new Map<string, string>();
    for (const mark of marksOf(c.sheet, uniqueFindings(c))) m.set(mark.cell, SEVERITY_FILL[mark.severity]);
    if (mode === 'fill')
      for (const f of c.fills) {
        const p = parseA1(f.cell);
        const master = view.master(p.row, p.col);
        const cell = a1(master.row, master.col);
        if (view.isEmpty(p.row, p.col) && !m.has(cell)) m.set(cell, COMPUTED_FILL);
      }
    fills.set(c.sheet, m);
  }
  return { checks, fills };
}

function rgb(hex: string): string {
  const n = parseInt(hex, 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

const fmt = (n: number | null) => (n === null ? '—' : String(Math.round(n * 100) / 100));

// ---- page helpers -------------------------------------------------------------------------------

async function gridFills(page: Page): Promise<Map<string, string>> {
  const cells = await page.$$eval('table[role=grid] td[data-cell]', (tds) =>
    tds.map((td) => [td.getAttribute('data-cell')!, getComputedStyle(td).backgroundColor] as [string, string]),
  );
  return new Map(cells);
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator(`table[role=grid][data-sheet="${name}"]`).waitFor();
}

async function checkAllSheets(page: Page, mode: '填报' | '审核' = '填报'): Promise<void> {
  await page.getByRole('radio', { name: mode }).check();
  await page.getByRole('radio', { name: '全部工作表' }).check();
  await page.getByRole('button', { name: '校验并计分' }).click();
  await page.getByRole('status').filter({ hasText: '校验完成' }).waitFor();
}

/** Every cell of every sheet shows the expected fill and no other cell is coloured. */
async function assertGridMarks(page: Page, exp: Expected): Promise<number> {
  let marked = 0;
  for (const c of exp.checks) {
    await openTab(page, c.sheet);
    const shown = await gridFills(page);
    const want = exp.fills.get(c.sheet)!;
    for (const [cell, fill] of want) {
      expect(shown.get(cell), `${c.sheet}!${cell}`).toBe(rgb(fill));
      marked++;
    }
    for (const [cell, bg] of shown) if (!want.has(cell)) expect(bg, `${c.sheet}!${cell} unmarked`).toMatch(/rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\)/);
  }
  return marked;
}

// ---- the suite ----------------------------------------------------------------------------------

describe.skipIf(!haveChromium)('browser preview', () => {
  let server: Awaited<ReturnType<typeof serveDir>>;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let origin: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  /** Content-Security-Policy violations, reported by the page (every page of the suite). */
  const violations: string[] = [];

  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, name) });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serveDir(DIST);
    origin = new URL(server.url).origin;
    browser = await launchChromium();
    await browser.context.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await browser.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page = await browser.context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}preview.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the bundled sample: grid, column letters, row numbers, merges, sheet tabs', async () => {
    const loaded = await readWorkbook(readFileSync(SAMPLE));
    await page.locator('table[role=grid]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('file-name').textContent()).toBe('sample.xlsx');
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs.map((t) => t.replace(' •', ''))).toEqual(loaded.sheets.map((s) => s.name));
    const first = loaded.sheets[0];
    expect(await page.locator('table[role=grid]').getAttribute('data-sheet')).toBe(first.name);
    expect(await page.locator('thead th').nth(1).textContent()).toBe('A');
    // A merge is drawn once, with its spans.
    const m = first.merges.find((r) => r.right > r.left || r.bottom > r.top)!;
    const td = page.locator(`td[data-cell="${a1(m.top, m.left)}"]`);
    expect(Number((await td.getAttribute('colspan')) ?? 1)).toBe(m.right - m.left + 1);
    expect(Number((await td.getAttribute('rowspan')) ?? 1)).toBe(m.bottom - m.top + 1);
    if (m.right > m.left) expect(await page.locator(`td[data-cell="${a1(m.top, m.left + 1)}"]`).count()).toBe(0);
    // Values as Excel displays them.
    const view = new SheetView(first);
    const text = view.text(m.top, m.left);
    expect((await td.textContent())?.trim()).toBe(text.trim());
    await shot('browser-1-sample.png');
  });

  it('draws Chinese with a CJK font, not as boxes', async () => {
    // Two different characters drawn with the pane's own font come out as the same bitmap, and as wide as
    // private-use characters that no font has, only when every one is the missing-glyph box.
    const probe = await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('校验并计分'))!;
      const style = getComputedStyle(button);
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d')!;
      ctx.font = `32px ${style.fontFamily}`;
      const bitmap = (ch: string) => {
        ctx.clearRect(0, 0, 48, 48);
        ctx.fillText(ch, 4, 38);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
      };
      return {
        distinct: bitmap('校') !== bitmap('验'),
        chinese: ctx.measureText('校验并计分').width,
        missing: ctx.measureText('\uE000\uE001\uE002\uE003\uE004').width,
      };
    });
    expect(probe.distinct, 'two Chinese characters drawn alike: no CJK font (apt-get install -y fonts-noto-cjk)').toBe(true);
    expect(probe.chinese).not.toBe(probe.missing);
  });

  it('the first 校验并计分, with the defaults, shows findings on the sheet the sample opens on', async () => {
    await page.getByRole('button', { name: '校验并计分' }).click();
    await page.getByRole('status').filter({ hasText: '校验完成' }).waitFor();
    expect(await page.locator('[data-finding-nav]').count()).toBeGreaterThan(0);
  });

  it('the initial chunk holds no workbook library; the adapter came as a lazy chunk, and ExcelJS is in no chunk', async () => {
    const files = readdirSync(DIST);
    const html = readFileSync(path.join(DIST, 'preview.html'), 'utf8');
    const initial = [...html.matchAll(/<script[^>]+src="?([^"\s>]+)"?/g)].map((x) => x[1]).filter((s) => !/^https?:/.test(s));
    expect(initial.length).toBeGreaterThan(0);
    for (const f of initial) {
      const js = readFileSync(path.join(DIST, f), 'utf8');
      expect(js).not.toContain('schemas.openxmlformats.org/spreadsheetml');
    }
    expect(files.some((f) => /^exceljs\..*\.js$/.test(f))).toBe(false);
    expect(files.every((f) => !f.endsWith('.js') || !readFileSync(path.join(DIST, f), 'utf8').includes('exceljs'))).toBe(true);
    expect(requests.some((u) => /\/workbook\.[^/]*\.js$/.test(u))).toBe(true);
    // office.js is not requested in a plain browser.
    expect(requests.some((u) => u.includes('office.js'))).toBe(false);
  });

  it('校验并计分 marks the cells the core reports and shows 总分 and 等级', async () => {
    const exp = await expectedFor(readFileSync(SAMPLE));
    await checkAllSheets(page);
    const marked = await assertGridMarks(page, exp);
    expect(marked).toBeGreaterThan(0);
    // One summary card per form with the core's 总分 and 等级.
    const forms = exp.checks.flatMap((c) => c.forms);
    const totals = await page.getByTestId('total').allTextContents();
    const grades = await page.getByTestId('grade').allTextContents();
    expect(totals).toHaveLength(forms.length);
    // A targets table is not scored: its card says 无评分 and has no 等级.
    const scored = forms.filter((f) => f.total && f.grade);
    expect(grades).toHaveLength(scored.length);
    expect(forms.some((f) => f.kind === 'framework') && forms.some((f) => f.kind === 'targets')).toBe(true);
    forms.forEach((f, i) => {
      if (f.total) expect(totals[i].startsWith(fmt(f.total.computed))).toBe(true);
      else expect(totals[i]).toMatch(/^无评分/);
    });
    scored.forEach((f, i) => expect(grades[i].startsWith(f.grade?.computed ?? '—')).toBe(true));
    // The per-sheet summary.
    expect(await page.getByRole('table', { name: '各工作表汇总' }).locator('tbody tr').count()).toBe(exp.checks.length);
    await openTab(page, exp.checks[0].sheet);
    await shot('browser-2-checked.png');
  });

  it('a marked cell shows its note on hover and on focus', async () => {
    const exp = await expectedFor(readFileSync(SAMPLE));
    const c = exp.checks.find((x) => uniqueFindings(x).length > 0)!;
    const mark = marksOf(c.sheet, uniqueFindings(c))[0];
    await openTab(page, c.sheet);
    await page.locator(`td[data-cell="${mark.cell}"]`).hover();
    const tip = page.getByTestId('grid-tooltip');
    await expect.poll(() => tip.textContent()).toBe(mark.note);
    await shot('browser-3-note.png');
    await page.mouse.move(0, 0);
    await page.locator(`td[data-cell="${mark.cell}"]`).focus();
    await expect.poll(() => tip.textContent()).toBe(mark.note);
  });

  it('a note of a cell at the bottom right of the window is drawn inside the window', async () => {
    const exp = await expectedFor(readFileSync(SAMPLE));
    const c = exp.checks.find((x) => x.sheet === '驻京联络处工作经费')!;
    const marks = marksOf(c.sheet, uniqueFindings(c));
    const low = marks.reduce((a, b) => (parseA1(b.cell).row > parseA1(a.cell).row ? b : a));
    await openTab(page, c.sheet);
    const td = page.locator(`td[data-cell="${low.cell}"]`);
    await td.evaluate((el) => el.scrollIntoView({ block: 'end', inline: 'end' }));
    const cellBox = (await td.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(cellBox.y + cellBox.height).toBeGreaterThan(viewport.height - 80);
    await page.mouse.move(cellBox.x + cellBox.width / 2, cellBox.y + cellBox.height / 2);
    const tip = page.getByTestId('grid-tooltip');
    await expect.poll(() => tip.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    const box = (await tip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    await shot('browser-3b-note-at-edge.png');
    await page.mouse.move(0, 0);
  });

  it('clicking a finding selects its cell in the grid (on its sheet)', async () => {
    const buttons = page.locator('[data-finding-nav]');
    const n = await buttons.count();
    expect(n).toBeGreaterThan(0);
    const last = buttons.nth(n - 1);
    const sheet = (await last.getAttribute('data-sheet'))!;
    const cell = (await last.getAttribute('data-cell'))!;
    await openTab(page, (await page.getByRole('tab').allTextContents())[0].replace(' •', ''));
    await last.click();
    await page.locator(`table[role=grid][data-sheet="${sheet}"]`).waitFor();
    const td = page.locator(`td[data-cell="${cell}"]`);
    await expect.poll(() => td.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tab', { name: sheet, exact: true }).getAttribute('aria-selected')).toBe('true');
    // Scrolled into view.
    const box = await td.boundingBox();
    const scroller = await page.getByTestId('grid-scroll').boundingBox();
    expect(box && scroller && box.y >= scroller.y - 1 && box.y < scroller.y + scroller.height).toBe(true);
    // Keyboard: Enter on a finding does the same.
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    const firstCell = (await buttons.first().getAttribute('data-cell'))!;
    await expect.poll(() => page.locator(`td[data-cell="${firstCell}"]`).getAttribute('aria-selected')).toBe('true');
    await shot('browser-4-selected.png');
  });

  it('采用计算值 writes the value into the grid and checks again', async () => {
    const exp = await expectedFor(readFileSync(SAMPLE));
    const withFix = exp.checks.flatMap((c) => c.forms.flatMap((f) => f.findings.map((x) => ({ sheet: c.sheet, f: x })))).find((x) => x.f.fix);
    if (!withFix) return; // the sample has no finding with a quick fix
    const fix = withFix.f.fix!;
    await page.getByRole('button', { name: `采用计算值 ${formatFillValue(fix.value, fix.numberFormat)} 写入单元格 ${fix.cell}` }).first().click();
    await page.getByRole('status').filter({ hasText: `已采用计算值写入 ${withFix.sheet}!${fix.cell}` }).waitFor();
    await openTab(page, withFix.sheet);
    expect((await page.locator(`td[data-cell="${fix.cell}"]`).textContent())?.trim()).toBe(formatFillValue(fix.value, fix.numberFormat));
    // The re-check no longer reports that finding.
    expect(await page.locator(`[data-finding-nav][data-sheet="${withFix.sheet}"][data-cell="${fix.cell}"][data-code="${withFix.f.code}"]`).count()).toBe(0);
    await shot('browser-4b-fixed.png');
  });

  it('a workbook dropped on the grid opens', async () => {
    const bytes = readFileSync(SAMPLE);
    const dt = await page.evaluateHandle((data: number[]) => {
      const t = new DataTransfer();
      t.items.add(new File([new Uint8Array(data)], 'dropped.xlsx'));
      return t;
    }, [...bytes]);
    await page.getByTestId('workbook').dispatchEvent('dragover', { dataTransfer: dt });
    await page.getByTestId('workbook').dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(() => page.getByTestId('file-name').textContent(), { timeout: 30_000 }).toBe('dropped.xlsx');
    // A new workbook starts with no marks and no results.
    expect(await page.locator('td[data-fill]').count()).toBe(0);
    expect(await page.locator('[data-finding-nav]').count()).toBe(0);
  });

  it('an uploaded workbook round-trips: marks in the grid and in the downloaded copy, values intact', async () => {
    // The fixture: the sample with two problems added (a wrong 执行率 and an empty 得分).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const sheetModel = (await readWorkbook(readFileSync(SAMPLE))).sheets[0];
    const form = check(sheetModel, MOF).forms[0];
    if (form) {
      ws.getCell('H7').value = 0.5;
      const row = form.indicators[0]?.row;
      if (row) ws.getCell(`H${row}`).value = null;
    }
    ws.getCell('L30').value = '上传测试';
    const fixture = new Uint8Array(await wb.xlsx.writeBuffer());
    const exp = await expectedFor(fixture);

    await page.getByTestId('open-file').setInputFiles({ name: 'fixture.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(fixture) });
    await expect.poll(() => page.getByTestId('file-name').textContent(), { timeout: 30_000 }).toBe('fixture.xlsx');
    await page.locator(`td[data-cell="L30"]`).waitFor();
    await checkAllSheets(page);
    const marked = await assertGridMarks(page, exp);
    expect(marked).toBeGreaterThan(0);
    await openTab(page, exp.checks[0].sheet);
    await shot('browser-5-uploaded.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe('fixture.checked.xlsx');
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.load(fixture as unknown as ArrayBuffer);

    for (const c of exp.checks) {
      const ows = out.getWorksheet(c.sheet)!;
      const fills = exp.fills.get(c.sheet)!;
      for (const [cell, fill] of fills) {
        const fgColor = (ows.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        expect(fgColor, `${c.sheet}!${cell} fill`).toBe(`FF${fill}`);
        const note = ows.getCell(cell).note;
        const noteText = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
        expect(noteText, `${c.sheet}!${cell} note`).toContain(NOTE_AUTHOR);
      }
      // Every original value is intact; only empty cells that got a computed value differ.
      const filled = new Set(c.fills.map((f) => f.cell));
      orig.getWorksheet(c.sheet)!.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (filled.has(cell.address) || cell.isMerged && cell.master !== cell) return;
          expect(JSON.stringify(ows.getCell(cell.address).value), `${c.sheet}!${cell.address}`).toBe(JSON.stringify(cell.value));
        }),
      );
      for (const f of c.fills) if (fills.get(f.cell) === COMPUTED_FILL) expect(ows.getCell(f.cell).value).toBe(f.value);
    }
  });

  it('a broken file gets the Chinese error message and the workbook stays', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 251;
    const expected = await readWorkbook(new Uint8Array(junk)).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(expected).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('open-file').setInputFiles({ name: 'x.xlsx', mimeType: 'application/octet-stream', buffer: junk });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(expected!);
    expect(await page.getByTestId('file-name').textContent()).toBe('fixture.xlsx');
    await shot('browser-6-broken.png');
  });

  it('审核 mode marks without writing computed values', async () => {
    await page.getByRole('button', { name: '关闭提示' }).click();
    await checkAllSheets(page, '审核');
    const cells = await page.$$eval('td[data-fill]', (tds) => tds.map((td) => td.getAttribute('data-fill')));
    expect(cells).not.toContain(COMPUTED_FILL);
    await shot('browser-7-review.png');
  });

  it('inside Excel (Office.onReady → Excel): office.js from the CDN, the pane on ExcelHost, no ExcelJS', async () => {
    const excelPage = await browser.context.newPage();
    const seen: string[] = [];
    excelPage.on('request', (r) => seen.push(r.url()));
    const errors: string[] = [];
    excelPage.on('pageerror', (e) => errors.push(e.message));
    // No network here: the CDN request is answered with an empty script; a stand-in Office is set up first.
    await excelPage.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    await excelPage.addInitScript(() => {
      const associated: string[] = [];
      (window as unknown as { __associated: string[] }).__associated = associated;
      const settings = new Map<string, unknown>();
      (window as unknown as { Office: unknown }).Office = {
        onReady: (cb?: (info: unknown) => void) => {
          const info = { host: 'Excel', platform: 'PC' };
          cb?.(info);
          return Promise.resolve(info);
        },
        HostType: { Excel: 'Excel' },
        PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC' },
        actions: { associate: (name: string) => associated.push(name) },
        addin: { showAsTaskpane: () => Promise.resolve() },
        context: {
          diagnostics: { platform: 'PC' },
          requirements: { isSetSupported: () => true },
          document: {
            settings: {
              get: (k: string) => settings.get(k) ?? null,
              set: (k: string, v: unknown) => settings.set(k, v),
              remove: (k: string) => settings.delete(k),
              saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }),
            },
          },
        },
      };
    });
    await excelPage.goto(`${server.url}taskpane.html`); // no _host_Info sniffing: office.js is always loaded
    await excelPage.getByRole('heading', { name: '绩效自评表校验' }).waitFor();
    await excelPage.getByRole('button', { name: '校验并计分' }).waitFor();
    await expect.poll(() => excelPage.evaluate(() => (window as unknown as { __associated: string[] }).__associated)).toEqual(['checkAndScore', 'clearMarks']);
    expect(seen.some((u) => u.startsWith('https://appsforoffice.microsoft.com/lib/1/hosted/office.js'))).toBe(true);
    expect(seen.some((u) => /\/(exceljs|workbook|browser)\.[^/]*\.js$/.test(u))).toBe(false);
    expect(seen.some((u) => /\/excel-host\.[^/]*\.js$/.test(u))).toBe(true);
    expect(await excelPage.locator('table[role=grid]').count()).toBe(0);
    await excelPage.setViewportSize({ width: 350, height: 700 });
    await excelPage.screenshot({ path: path.join(ARTIFACTS, 'excel-1-pane.png') });
    expect(errors).toEqual([]);
    await excelPage.close();
  });

  it('taskpane.html in a plain browser: office.js loads (a stub here, no network), reports no host, the preview opens', async () => {
    const plain = await browser.context.newPage();
    const errors: string[] = [];
    plain.on('pageerror', (e) => errors.push(e.message));
    await plain.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: 'window.Office = { onReady: function (cb) { var i = { host: null, platform: null }; if (cb) cb(i); return Promise.resolve(i); } };',
      }),
    );
    await plain.goto(`${server.url}taskpane.html`);
    await plain.locator('table[role=grid]').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await plain.close();
  });

  it('the page carries a Content-Security-Policy: its own origin and the Office CDN only, no eval; nothing was blocked', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(?: 'sha256-[^']+')*;/);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    // The whole suite ran under the policy (sample, check, upload, download, Excel mode, taskpane.html in a
    // plain browser) without a violation.
    expect(violations).toEqual([]);
    // Script the page did not ship is refused: an injected inline script and a string timer (eval) do not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.head.append(s);
      (setTimeout as unknown as (code: string) => void)('window.__evaled = 1');
    });
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => [(window as unknown as { __injected?: number }).__injected, (window as unknown as { __evaled?: number }).__evaled])).toEqual([undefined, undefined]);
  });

  it('made no request outside its own origin', () => {
    expect(requests.length).toBeGreaterThan(3);
    const foreign = requests.filter((u) => {
      if (u.startsWith('data:')) return false;
      const url = new URL(u);
      if (url.protocol === 'blob:') return new URL(url.pathname).origin !== origin;
      return url.origin !== origin;
    });
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
