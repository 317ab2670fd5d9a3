/**
 * The WPS ribbon (src/commands/wpsRibbon.ts + ribbon.xml) against the fake ET: callbacks that return at once
 * (never a Promise: `async` ribbon callbacks broke the ribbon on some builds), a run that is done before the
 * next task starts (every ET call is synchronous and nothing is loaded lazily), the task pane opened as a
 * sibling page and toggled, and the deployment files of `npm run build:wps`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUTTONS, PANE_TITLE, makeRibbon } from '../../../src/commands/wpsRibbon';
import { ADDIN_NAME, jspluginsXml, publishHtml, publishXml, addinUrl } from '../../../scripts/build-wps';
import type { FakeSheet } from '../excel/fakeExcel';
import { writeForm } from '../excel/forms';
import { EtBook } from './fakeEt';

const ROOT = join(__dirname, '..', '..', '..');

function wpsWindow(book: EtBook) {
  const panes: { url: string; title?: string; ID: number; Visible: boolean }[] = [];
  const storage = new Map<string, unknown>();
  const app = Object.assign(book.app(), {
    CreateTaskPane(url: string, title?: string) {
      const p = { url, title, ID: panes.length + 1, Visible: false };
      panes.push(p);
      return p;
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
    PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
  });
  const told: string[] = [];
  const ribbon = makeRibbon({ scope: { Application: app }, tell: (t) => told.push(t), base: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/selfeval_0.1.0/index.html' });
  return { ribbon, panes, told };
}

/** Lets the microtasks of a run finish, and nothing later: one macrotask boundary. */
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

describe('the WPS ribbon', () => {
  it('ribbon.xml names the three buttons, the page’s callbacks, and nothing else', () => {
    const xml = readFileSync(join(ROOT, 'src/commands/wps/ribbon.xml'), 'utf8');
    expect(xml).toContain('onLoad="ribbon.OnAddinLoad"');
    for (const [id, label] of [
      [BUTTONS.check, '校验并计分'],
      [BUTTONS.clear, '清除标记'],
      [BUTTONS.pane, '打开面板'],
    ]) {
      expect(xml).toMatch(new RegExp(`<button id="${id}" label="${label}" onAction="ribbon.OnAction"`));
    }
    expect(xml.match(/<button /g)).toHaveLength(3);
  });

  it('校验并计分 returns at once (not a Promise) and the sheet is marked before the next task', async () => {
    const book = new EtBook();
    const ws = book.addSheet('表1');
    writeForm(ws as unknown as FakeSheet, 1);
    ws.put('G6', 1.3658, '0.00%'); // 执行率 typed wrong: an error to mark
    const { ribbon, told } = wpsWindow(book);
    expect(ribbon.OnAddinLoad({})).toBe(true);
    const result = ribbon.OnAction({ Id: BUTTONS.check });
    expect(result).toBe(true);
    await nextTask();
    expect(ws.cell('G6')?.fill).toBeDefined();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^校验并计分\n\n/);
    expect(told[0]).toContain('G6');

    ribbon.OnAction({ Id: BUTTONS.clear });
    await nextTask();
    expect(ws.cell('G6')?.fill).toBeUndefined();
    expect(told[1]).toMatch(/^已清除 \d+ 个单元格的标记。$/);
  });

  it('a failure is told in plain Chinese, never thrown into WPS', async () => {
    const book = new EtBook();
    const ws = book.addSheet('表1');
    writeForm(ws as unknown as FakeSheet, 1);
    ws.protect = true;
    const { ribbon, told } = wpsWindow(book);
    expect(() => ribbon.OnAction({ Id: BUTTONS.check })).not.toThrow();
    await nextTask();
    expect(told[0]).toMatch(/^校验未完成\n\n工作表“表1”受保护/);
  });

  it('打开面板 opens taskpane.html beside the add-in’s page, then shows and hides it', () => {
    const book = new EtBook();
    book.addSheet('表1');
    const { ribbon, panes } = wpsWindow(book);
    ribbon.OnAction({ Id: BUTTONS.pane });
    expect(panes).toEqual([{ url: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/selfeval_0.1.0/taskpane.html', title: PANE_TITLE, ID: 1, Visible: true }]);
    ribbon.OnAction({ Id: BUTTONS.pane });
    expect(panes[0].Visible).toBe(false);
    ribbon.OnAction({ Id: BUTTONS.pane });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(true);
    expect(ribbon.GetImage({ Id: BUTTONS.clear })).toBe('assets/icon-clear-32.png');
  });
});

describe('the deployment files', () => {
  it('online: jsplugins.xml and publish.html name the intranet URL; offline: publish.xml names the folder', () => {
    const url = addinUrl('http://10.1.2.3/jx/selfeval');
    expect(url).toBe('http://10.1.2.3/jx/selfeval/');
    expect(jspluginsXml(url, '0.1.0')).toContain(`<jspluginonline name="${ADDIN_NAME}" type="et" url="http://10.1.2.3/jx/selfeval/"`);
    expect(publishXml('0.1.0')).toContain(`<jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_0.1.0" version="0.1.0" enable="enable_dev"`);
    const html = publishHtml(url, '0.1.0');
    expect(html).toContain('http://127.0.0.1:58890/deployaddons/runParams');
    expect(html).toContain('"url":"http://10.1.2.3/jx/selfeval/"');
    expect(html).toContain('"addonType":"et"');
    expect(() => addinUrl('file:///C:/x')).toThrow(/http/);
  });

  it('the WPS build: polyfills first in both entries, no office.js, a policy of its own origin only', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require(join(ROOT, 'webpack.wps.config.js'))({}, { mode: 'production' });
    expect(config.entry.main[0]).toMatch(/polyfills/);
    expect(config.entry.taskpane[0]).toMatch(/polyfills/);
    const text = readFileSync(join(ROOT, 'webpack.wps.config.js'), 'utf8');
    expect(text).not.toMatch(/appsforoffice|https?:\/\/(?!localhost)/);
    const policy = /const CSP = \[([\s\S]*?)\]/.exec(text)![1];
    expect(policy).not.toMatch(/https?:|\*/);
  });
});
