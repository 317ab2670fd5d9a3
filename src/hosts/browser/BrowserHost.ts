/**
 * The browser preview's host: a .xlsx file held in memory (its bytes and its sheet models, read by the
 * workbook-file adapter of src/hosts/workbook). It moves cells in and out like ExcelHost does, and keeps
 * what the grid draws: the marks of the last run (fill colour and note per cell, computed values written
 * into empty cells) and the selected cell; the values the user accepted (采用计算值) and the 校验报告
 * sheet are kept as changes to the file. The annotated copy for download is the original package with
 * those changes and the last runs' marks patched in, by the adapter's own annotateSheets and
 * patchPackage, so it matches what Excel shows and keeps everything else the file holds.
 *
 * The adapter (and with it SheetJS) is loaded with a dynamic import(): webpack puts it in a lazy chunk
 * that only this preview ever asks for.
 */
import type { ApplySummary, Host, Mode, ReportRow } from '../host';
import { HostError } from '../host';
import type { CellValue, SheetModel } from '../../core/sheet';
import { SheetView, a1, parseA1, sheetRight } from '../../core/sheet';
import type { Fill, Finding, SheetCheck, Severity } from '../../core/result';
import { COMPUTED_FILL, SEVERITY_FILL, computedNoteText, displayValue, marksOf } from '../../core/marks';
import type { ReadSheets } from '../workbook';

interface OpenWorkbook extends ReadSheets {
  bytes: Uint8Array;
  /** Sheet → column → width in characters. */
  widths: Map<string, Map<number, number>>;
}

type WorkbookModule = typeof import('../workbook');

let workbookModule: Promise<WorkbookModule> | null = null;

/** The .xlsx adapter, loaded once, on first use. */
export function loadWorkbookModule(): Promise<WorkbookModule> {
  if (!workbookModule) {
    workbookModule = import(/* webpackChunkName: "workbook" */ '../workbook').catch((err: unknown) => {
      workbookModule = null;
      throw err;
    });
  }
  return workbookModule;
}

import { REPORT_SHEET } from '../host';
export { REPORT_SHEET };

/** How one cell looks after a run. */
export interface GridMark {
  /** RGB hex, no #. */
  fill: string;
  /** Note text (the same text the .xlsx copy gets), or null. */
  note: string | null;
  severity: Severity | null;
  /** Display text of a computed value written into the (empty) cell, mode 填报 only. */
  filledText?: string;
}

export interface BrowserState {
  /** Bumped whenever anything changes (for useSyncExternalStore). */
  version: number;
  /** Bumped when another workbook is opened. */
  workbookId: number;
  fileName: string | null;
  sheets: SheetModel[];
  activeSheet: string | null;
  selection: { sheet: string; cell: string } | null;
  /** sheet → cell (A1) → mark. */
  marks: ReadonlyMap<string, ReadonlyMap<string, GridMark>>;
}

const SETTINGS_PREFIX = 'selfeval:';

/** The note of a cell that received a computed value: the same text the .xlsx adapter writes. */
export function fillNote(fill: Fill): string {
  return computedNoteText(fill.label);
}

/** A value as Excel would show it in the given number format (the few formats the check uses). */
export const formatFillValue = displayValue;

/** The findings of the sheet and its forms that name a cell, each once (as annotateWorkbook takes them). */
function uniqueFindings(check: SheetCheck): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...check.findings, ...check.forms.flatMap((form) => form.findings)]) {
    if (!f.cell) continue;
    const key = `${f.code}\u0000${f.cell}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function cloneGrid<T>(grid: T[][] | undefined, rows: number): T[][] | undefined {
  if (!grid) return undefined;
  const out = grid.map((r) => [...r]);
  while (out.length < rows) out.push([]);
  return out;
}

export class BrowserHost implements Host {
  readonly kind = 'browser' as const;
  private loaded: OpenWorkbook | null = null;
  private runs = new Map<string, { check: SheetCheck; mode: Mode }>();
  /** Values the user accepted: sheet → cell → value and number format. */
  private fixes = new Map<string, Map<string, { value: number | string; numberFormat?: string }>>();
  private report: { rows: (string | number | null)[][]; widths: number[] } | null = null;
  private listeners = new Set<() => void>();
  private state: BrowserState = {
    version: 0,
    workbookId: 0,
    fileName: null,
    sheets: [],
    activeSheet: null,
    selection: null,
    marks: new Map(),
  };

  // ---- store for React -------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): BrowserState => this.state;

  private update(patch: Partial<BrowserState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const l of this.listeners) l();
  }

  get hasWorkbook(): boolean {
    return this.loaded !== null;
  }

  // ---- workbook in and out ---------------------------------------------------------------------

  /** Opens a .xlsx file; rejects with the adapter's WorkbookReadError (Chinese message) when it cannot. */
  async open(data: ArrayBuffer | Uint8Array, fileName: string): Promise<void> {
    const mod = await loadWorkbookModule();
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const read = await mod.readWorkbook(bytes);
    const loaded: OpenWorkbook = { ...read, bytes, widths: mod.columnWidths(bytes) };
    this.loaded = loaded;
    this.runs.clear();
    this.fixes.clear();
    this.report = null;
    this.update({
      workbookId: this.state.workbookId + 1,
      fileName,
      sheets: loaded.sheets,
      activeSheet: loaded.sheets[0]?.name ?? null,
      selection: null,
      marks: new Map(),
    });
  }

  /** The annotated copy: the workbook as it is now (fixes, report) plus the marks of the last runs. */
  async download(): Promise<{ data: Uint8Array; fileName: string }> {
    const loaded = this.requireLoaded();
    const mod = await loadWorkbookModule();
    // The changes are made to the original's bytes each time: the file in memory stays as opened, a second download is the same.
    const edits = mod.emptyEdits();
    for (const [sheet, cells] of this.fixes) {
      for (const [cell, fix] of cells) {
        const edit = mod.editAt(edits, sheet, cell);
        edit.value = fix.value;
        if (fix.numberFormat) edit.numberFormat = fix.numberFormat;
        edits.recalc = true;
      }
    }
    if (this.report) edits.report = { name: REPORT_SHEET, ...this.report };
    for (const mode of ['fill', 'review'] as const) {
      const checks = [...this.runs.values()].filter((r) => r.mode === mode).map((r) => r.check);
      if (checks.length > 0) mod.annotateSheets(this.state.sheets, checks, mode, edits);
    }
    const data = mod.patchPackage(loaded.bytes, edits);
    const base = (this.state.fileName ?? 'workbook.xlsx').replace(/\.xlsx$/i, '');
    return { data, fileName: `${base}.checked.xlsx` };
  }

  /** Column widths in pixels (Excel's default 8.43 characters is 64 px). */
  columnWidths(sheet: string): number[] {
    const model = this.state.sheets.find((s) => s.name === sheet);
    if (!model) return [];
    const right = sheetRight(model);
    const set = this.loaded?.widths.get(sheet);
    const widths: number[] = [];
    for (let c = 0; c <= right; c++) {
      const w = set?.get(c);
      widths.push(w && w > 0 ? Math.round(w * 7 + 5) : 64);
    }
    return widths;
  }

  watchActiveSheet(listener: (sheet: string | null) => void): () => void {
    let last = this.state.activeSheet;
    listener(last);
    return this.subscribe(() => {
      if (this.state.activeSheet === last) return;
      last = this.state.activeSheet;
      listener(last);
    });
  }

  setActiveSheet(name: string): void {
    if (this.state.activeSheet === name) return;
    if (!this.state.sheets.some((s) => s.name === name)) return;
    this.update({ activeSheet: name });
  }

  /** Selects a cell from the grid itself. */
  setSelection(sheet: string, cell: string): void {
    this.update({ activeSheet: sheet, selection: { sheet, cell } });
  }

  // ---- Host ------------------------------------------------------------------------------------

  async sheetNames(): Promise<string[]> {
    this.requireLoaded();
    return this.state.sheets.map((s) => s.name);
  }

  async activeSheetName(): Promise<string> {
    this.requireLoaded();
    const name = this.state.activeSheet ?? this.state.sheets[0]?.name;
    if (!name) throw new HostError('工作簿中没有工作表。', 'read-failed');
    return name;
  }

  async readSheet(name?: string): Promise<SheetModel> {
    this.requireLoaded();
    const sheetName = name ?? (await this.activeSheetName());
    return this.requireSheet(sheetName);
  }

  async applyMarks(checks: SheetCheck[], mode: Mode): Promise<ApplySummary> {
    this.requireLoaded();
    for (const c of checks) this.requireSheet(c.sheet);
    const marks = new Map(this.state.marks);
    let marked = 0;
    let filled = 0;
    for (const c of checks) {
      const sheetMarks = new Map<string, GridMark>();
      const view = new SheetView(this.requireSheet(c.sheet));
      const master = (cell: string): string | null => view.masterAddress(cell);
      // As annotateWorkbook does: a finding's fill and note win over a computed value's tint and note.
      for (const m of marksOf(c.sheet, uniqueFindings(c))) {
        const cell = master(m.cell);
        if (!cell) continue;
        sheetMarks.set(cell, { fill: SEVERITY_FILL[m.severity], note: m.note, severity: m.severity });
        marked++;
      }
      if (mode === 'fill') {
        for (const f of c.fills) {
          const cell = master(f.cell);
          if (!cell) continue;
          const p = parseA1(cell);
          if (!view.isEmpty(p.row, p.col)) continue;
          const filledText = formatFillValue(f.value, f.numberFormat);
          const existing = sheetMarks.get(cell);
          sheetMarks.set(cell, existing ? { ...existing, filledText } : { fill: COMPUTED_FILL, note: fillNote(f), severity: null, filledText });
          filled++;
        }
      }
      marks.set(c.sheet, sheetMarks);
      this.runs.set(c.sheet, { check: c, mode });
    }
    this.update({ marks });
    return { marked, filled, notesSupported: true };
  }

  async clearMarks(sheets?: string[]): Promise<number> {
    this.requireLoaded();
    const names = sheets ?? this.state.sheets.map((s) => s.name);
    const marks = new Map(this.state.marks);
    let cleared = 0;
    for (const n of names) {
      cleared += marks.get(n)?.size ?? 0;
      marks.delete(n);
      this.runs.delete(n);
    }
    this.update({ marks });
    return cleared;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.requireLoaded();
    this.requireSheet(sheet);
    try {
      parseA1(cell);
    } catch {
      throw new HostError(`单元格地址“${cell}”无效。`, 'read-failed');
    }
    this.update({ activeSheet: sheet, selection: { sheet, cell } });
  }

  async applyFix(sheet: string, cell: string, value: number | string, numberFormat?: string): Promise<void> {
    this.requireLoaded();
    const model = this.requireSheet(sheet);
    const { row, col } = parseA1(cell);
    const view = new SheetView(model);
    if (view.formula(row, col)) {
      throw new HostError(`工作表“${sheet}”的单元格 ${cell} 含有公式，未改写。请修改公式或其引用的单元格。`, 'formula');
    }
    let cells = this.fixes.get(sheet);
    if (!cells) this.fixes.set(sheet, (cells = new Map()));
    cells.set(a1(row, col), { value, numberFormat });
    const text = formatFillValue(value, numberFormat ?? view.format(row, col) ?? undefined);
    const next = setCell(model, row, col, value, text, numberFormat);
    const sheets = this.state.sheets.map((s) => (s.name === sheet ? next : s));
    // The accepted value replaces whatever mark the cell had.
    const marks = new Map(this.state.marks);
    const sheetMarks = new Map(marks.get(sheet) ?? []);
    sheetMarks.delete(cell);
    marks.set(sheet, sheetMarks);
    this.update({ sheets, marks });
  }

  async exportReport(rows: ReportRow[]): Promise<void> {
    this.requireLoaded();
    const header = ['工作表', '表', '单元格', '严重程度', '代码', '说明'];
    const body = rows.map((r) => [r.sheet, r.form, r.cell, r.severity, r.code, r.message]);
    // Written into the copy as a new sheet (or in place of the file's own 校验报告) when it is downloaded.
    this.report = { rows: [header, ...body], widths: [14, 24, 10, 10, 30, 80] };
    this.fixes.delete(REPORT_SHEET);
    const model: SheetModel = { name: REPORT_SHEET, top: 0, left: 0, values: [header, ...body], merges: [] };
    const sheets = [...this.state.sheets.filter((s) => s.name !== REPORT_SHEET), model];
    const marks = new Map(this.state.marks);
    marks.delete(REPORT_SHEET);
    this.runs.delete(REPORT_SHEET);
    this.update({ sheets, marks });
  }

  async loadSetting(key: string): Promise<string | null> {
    try {
      return globalThis.localStorage?.getItem(SETTINGS_PREFIX + key) ?? null;
    } catch {
      return null;
    }
  }

  async saveSetting(key: string, value: string): Promise<void> {
    try {
      globalThis.localStorage?.setItem(SETTINGS_PREFIX + key, value);
    } catch {
      /* storage unavailable: the setting lasts this session only */
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private requireLoaded(): OpenWorkbook {
    if (!this.loaded) throw new HostError('尚未打开工作簿。请点击“打开工作簿”选择一个 .xlsx 文件。', 'read-failed');
    return this.loaded;
  }

  private requireSheet(name: string): SheetModel {
    const s = this.state.sheets.find((m) => m.name === name);
    if (!s) throw new HostError(`找不到工作表“${name}”。`, 'read-failed');
    return s;
  }
}

/** A copy of the model with one cell's value replaced (growing the used range when needed). */
function setCell(model: SheetModel, row: number, col: number, value: CellValue, text: string, numberFormat?: string): SheetModel {
  let { top, left } = model;
  let values = model.values.map((r) => [...r]);
  let formulas = model.formulas?.map((r) => [...r]);
  let texts = model.texts?.map((r) => [...r]);
  let formats = model.formats?.map((r) => [...r]);
  // Grow up/left when the cell lies before the used range.
  if (row < top) {
    const add = top - row;
    const pad = <T>(g: T[][] | undefined) => (g ? [...Array.from({ length: add }, () => [] as T[]), ...g] : g);
    values = pad(values)!;
    formulas = pad(formulas);
    texts = pad(texts);
    formats = pad(formats);
    top = row;
  }
  if (col < left) {
    const add = left - col;
    const pad = <T>(g: T[][] | undefined) => g?.map((r) => [...(Array(add).fill(null) as T[]), ...r]);
    values = pad(values)!;
    formulas = pad(formulas);
    texts = pad(texts);
    formats = pad(formats);
    left = col;
  }
  const i = row - top;
  const j = col - left;
  const rows = Math.max(values.length, i + 1);
  values = cloneGrid(values, rows)!;
  texts = cloneGrid(texts, rows);
  formats = cloneGrid(formats, rows);
  formulas = cloneGrid(formulas, rows);
  const put = <T>(g: T[][] | undefined, v: T, filler: T) => {
    if (!g) return;
    while (g[i].length < j) g[i].push(filler);
    g[i][j] = v;
  };
  put(values, value, null);
  put(texts, text, null);
  if (numberFormat) put(formats, numberFormat, null);
  if (formats && !numberFormat) while (formats[i].length < j) formats[i].push(null);
  return { ...model, top, left, values, formulas, texts, formats };
}
