/**
 * Bundled for the page (esbuild, IIFE) by test/browser/wps.test.ts: puts a fake WPS 表格 on `window` — the ET
 * object model of test/hosts/wps/fakeEt.ts with one form on 表1 (its 执行率 typed wrong), plus the add-in
 * API the ribbon uses (CreateTaskPane, PluginStorage) — the globals WPS gives an add-in's pages.
 */
import { EtBook } from '../../hosts/wps/fakeEt';
import { writeForm } from '../../hosts/excel/forms';
import type { FakeSheet } from '../../hosts/excel/fakeExcel';

const book = new EtBook('property');
const ws = book.addSheet('表1');
writeForm(ws as unknown as FakeSheet, 1);
ws.put('G6', 1.3658, '0.00%');
const panes: { url: string; ID: number; Visible: boolean }[] = [];
const storage = new Map<string, unknown>();
const app = Object.assign(book.app(), {
  CreateTaskPane(url: string) {
    const p = { url, ID: panes.length + 1, Visible: false };
    panes.push(p);
    return p;
  },
  GetTaskPane: (id: number) => panes.find((p) => p.ID === id) ?? null,
  PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: unknown) => storage.set(k, v) },
});
const w = window as unknown as Record<string, unknown>;
w.Application = app;
w.wps = app;
w.__etBook = book;
w.__panes = panes;
w.__fillOf = (ref: string) => ws.cell(ref)?.fill ?? null;
w.__noteOf = (ref: string) => ws.cell(ref)?.comment ?? null;
