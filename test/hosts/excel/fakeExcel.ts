/**
 * A small, honest fake of the Office.js Excel surface ExcelHost uses.
 *
 * Honest means it behaves like Office where it matters to the host:
 *   - proxies queue loads and writes; nothing happens before `context.sync()`, which runs the queue in
 *     order and counts itself;
 *   - reading a property that was not loaded by a completed sync throws, as Office does;
 *   - `*OrNullObject` results get `isNullObject` after a sync; methods and writes on a null object are
 *     no-ops (Office's own samples delete through a null object without a sync);
 *   - a failing operation fails the sync, and the operations before it STAY applied (Office batches are
 *     not transactions); loads of a failed sync are not delivered;
 *   - Excel on the web: a request or response over 5 MB fails the sync; every platform: a range read over
 *     5,000,000 cells fails; `getMergedAreasOrNullObject` over 512 areas fails (all documented limits);
 *   - fills read back like Office's: '#FFFFFF' for no fill AND for white, pattern null for both, and only
 *     `tintAndShade` (null vs number) tells them apart (OfficeDev/office-js#4900) — through
 *     `format.fill.load` and through `getCellProperties` (#6218) alike;
 *   - `getCellProperties` returns only the properties asked for (one JSON object per cell, counted in the
 *     response bytes), and like every load it sees the cells as they are at ITS point in the batch:
 *     before the writes queued after it, after those queued before it;
 *   - methods that return a value (`getCellProperties`, `getCount`) return a ClientResult whose `value`
 *     throws until a sync delivered it;
 *   - a protected sheet refuses every write with AccessDenied;
 *   - `getMergedAreasOrNullObject` returns only areas whose top-left cell is in the range (office-js#3611);
 *   - undo (excel-add-ins-undo-capabilities.md): every sync that writes is one step of the user's undo
 *     stack, a `mergeUndoGroup` run all its syncs together (`undo()` is the user's Ctrl+Z); an API
 *     without undo support inside such a run throws UndoNotSupported, and outside one clears the stack
 *     from there on. Without undo support here: Worksheet.delete (the docs' table), custom XML part
 *     writes (office-js#6415 "CustomXml Parts are not included in Undo/Redo", #4484 undo lost after
 *     adding a part — reported, not in the docs' table: an assumption), and what a test lists in
 *     `undoUnsupported`.
 * It does not model calculation, styles, fonts, or any API the host does not call.
 */
import type { CellRange } from '../../../src/core/sheet';
import { a1, columnLetters, parseA1 } from '../../../src/core/sheet';
import type { ExcelEnv, RunOptions, SettingsBag } from '../../../src/hosts/excel/env';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const PAYLOAD_LIMIT = 5_000_000;
const CELL_READ_LIMIT = 5_000_000;
const GET_RANGES_MAX_CHARS = 8_192;
/** An assumption, like the length: office-js#5198 saw a 513-area address fail (and another work). */
const GET_RANGES_MAX_AREAS = 512;

export class OfficeError extends Error {
  /**
   * `debugInfo.errorLocation` names the failed operation only "if available" (OfficeExtension.Error reference):
   * set here for some errors, left out for others; the host never decides anything by it.
   */
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

// ───────────────────────────── the document ─────────────────────────────

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string | null;
  /** A theme colour's lighter/darker shade (-1..1); absent for 0. */
  tintAndShade?: number;
  /** The same for the pattern's colour (ExcelApi 1.9); absent for 0. */
  patternTintAndShade?: number;
}

/**
 * How a fill reads back. 'reference': as the Excel.RangeFill reference describes it — `pattern` is an
 * Excel.FillPattern ('None' for no fill, 'Solid' …), `tintAndShade` a number (the reference does not say
 * it is null for no fill: 0 here). 'office-js#4900': as reported in that issue — `pattern` null for no
 * fill and for solid fills alike, `tintAndShade` null only for no fill. Both read `color` '#FFFFFF' for
 * no fill. The host must tell no fill from white under both.
 */
export type FillReport = 'reference' | 'office-js#4900';

export interface FakeCell {
  value?: number | string | boolean;
  formula?: string;
  error?: string;
  format?: string;
  fill?: FakeFill;
}

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  readonly cells = new Map<number, FakeCell>();
  readonly merges: CellRange[] = [];
  readonly notes = new Map<string, { content: string; author: string }>();
  /** Defined names scoped to this sheet (`worksheet.names`, ExcelApi 1.4): they go with the sheet. */
  readonly names = new Map<string, FakeName>();

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  private key(ref: string): number {
    const { row, col } = parseA1(ref);
    return row * MAX_COLS + col;
  }

  cellAt(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row * MAX_COLS + col);
  }

  edit(row: number, col: number): FakeCell {
    const k = row * MAX_COLS + col;
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = {}));
    return c;
  }

  /** Test helpers, A1 addresses. */
  put(ref: string, value: number | string | boolean, format?: string): this {
    const c = this.edit(parseA1(ref).row, parseA1(ref).col);
    c.value = value;
    delete c.formula;
    delete c.error;
    if (format) c.format = format;
    return this;
  }

  putFormula(ref: string, formula: string, cached: number | string, format?: string): this {
    const c = this.edit(parseA1(ref).row, parseA1(ref).col);
    c.formula = formula;
    c.value = cached;
    if (format) c.format = format;
    return this;
  }

  putError(ref: string, error: string, formula?: string): this {
    const c = this.edit(parseA1(ref).row, parseA1(ref).col);
    c.error = error;
    delete c.value;
    if (formula) c.formula = formula;
    return this;
  }

  paint(ref: string, color: string, pattern = 'Solid', patternColor: string | null = null, tintAndShade = 0, patternTintAndShade = 0): this {
    const fill: FakeFill = { color: normalColor(color), pattern, patternColor };
    if (tintAndShade) fill.tintAndShade = tintAndShade;
    if (patternTintAndShade) fill.patternTintAndShade = patternTintAndShade;
    this.edit(parseA1(ref).row, parseA1(ref).col).fill = fill;
    return this;
  }

  merge(ref: string): this {
    const [s, e] = ref.split(':');
    const a = parseA1(s);
    const b = parseA1(e);
    this.merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
    return this;
  }

  note(ref: string, content: string, author = '张三'): this {
    this.notes.set(ref, { content, author });
    return this;
  }

  value(ref: string): number | string | boolean | undefined {
    return this.cells.get(this.key(ref))?.value;
  }

  cell(ref: string): FakeCell | undefined {
    return this.cells.get(this.key(ref));
  }

  fill(ref: string): FakeFill | undefined {
    return this.cells.get(this.key(ref))?.fill;
  }

  /** Everything the user could see, for "nothing changed" assertions. */
  snapshot(): string {
    const cells = [...this.cells.entries()]
      .filter(([, c]) => c.value !== undefined || c.formula || c.error || c.fill || c.format)
      .sort((x, y) => x[0] - y[0])
      .map(([k, c]) => [k, c.value ?? null, c.formula ?? null, c.error ?? null, c.format ?? null, c.fill ?? null]);
    const notes = [...this.notes.entries()].sort();
    return JSON.stringify({ name: this.name, cells, notes, merges: this.merges });
  }
}

export interface SyncRecord {
  loads: number;
  writes: number;
  /** Writes by what they write to: RangeFill, Range, Note, NamedItem, … */
  writesTo: Record<string, number>;
  /** Range objects the batch asked for (getRange, getRanges, getRangeByIndexes, …). */
  ranges: number;
  requestBytes: number;
  responseBytes: number;
  undoGroup: boolean;
  failed?: string;
}

/** A custom XML part as the workbook holds it. */
export interface FakeXmlPart {
  /** `CustomXmlPart.id`: a GUID Excel assigns on `add`. */
  id: string;
  /** The root element's namespace, fixed when the part is added. */
  namespaceUri: string;
  xml: string;
}

/** A defined name: a cell of a sheet, or `#REF!` once that cell (or its sheet) was deleted. */
export interface FakeName {
  sheet: FakeSheet;
  /** null: the cell it referred to was deleted (`=表1!#REF!`). */
  at: { row: number; col: number } | null;
  visible: boolean;
  /** A workbook-scoped name whose sheet was deleted: `=#REF!$H$7` (office-js#4772). */
  sheetDeleted?: boolean;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  /** Defined names (workbook scope), by name as created; sheet-scoped ones are on their FakeSheet. */
  readonly names = new Map<string, FakeName>();
  /** Custom XML parts (`workbook.customXmlParts`, ExcelApi 1.5), saved in the file. */
  readonly xmlParts: FakeXmlPart[] = [];
  /** Fail the next custom XML part write (add, setXml, delete): a part that cannot be saved. */
  failXmlWrite = false;
  activeName = '';
  /** The selected range (`Range.select()`), A1 on its sheet. */
  selection: { sheet: string; address: string } | null = null;
  /** Office settings as saved in the file. */
  persistedSettings: Record<string, unknown> = {};
  readonly syncs: SyncRecord[] = [];
  /** Fail the next sync that writes, after this many write operations of it were applied. */
  failWritesAfter: number | undefined;
  fillReport: FillReport = 'reference';
  /** Cells one range read may hold (documented: 5,000,000; performance.md). */
  cellReadLimit = CELL_READ_LIMIT;
  /**
   * Over the limit, `Range.values` (and the other data arrays) come back null instead of an error:
   * "the API doesn't always throw an error. In some cases, Range.values returns null instead"
   * (performance.md). Off: RangeExceedsLimit, the other documented answer.
   */
  nullOnLargeRead = false;
  /** Range reads answered null under `nullOnLargeRead` (the limit reached). */
  nullReads = 0;
  /**
   * Set when something emptied the user's undo history: deleting a worksheet cannot be undone, so Excel
   * clears the undo stack.
   */
  undoHistoryCleared = false;
  /** The user's undo stack: one step per writing sync, one per `mergeUndoGroup` run. */
  readonly undoStack: { syncs: number; restore: () => void }[] = [];
  /** Write targets (RangeFill, Note, NamedItem, …) that a test declares without undo support. */
  undoUnsupported: string[] = [];
  /** Keep undo steps (a copy of every sheet per step: only for the tests that press Ctrl+Z). */
  trackUndo = false;
  private nextId = 1;
  nextPartId = 1;

  constructor(
    public platform: 'web' | 'desktop' = 'desktop',
    public apiVersion = '1.20',
  ) {}

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, `{${String(this.nextId++).padStart(8, '0')}-0000-4000-8000-000000000000}`);
    this.sheets.push(s);
    if (!this.activeName) this.activeName = name;
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  find(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === key || s.id === key);
  }

  /** The user's Ctrl+Z: the last step of the undo stack is taken back. False when there is none. */
  undo(): boolean {
    const step = this.undoStack.pop();
    step?.restore();
    return !!step;
  }

  /** What an undo step puts back: the sheets' cells, notes, merges and names, the workbook's names. */
  saveState(): () => void {
    const names = (m: Map<string, FakeName>) => [...m].map(([k, n]) => [k, { ...n, at: n.at && { ...n.at } }] as const);
    const book = names(this.names);
    const sheets = this.sheets.map((sh) => ({
      sh,
      cells: [...sh.cells].map(([k, c]) => [k, structuredClone(c)] as const),
      notes: [...sh.notes].map(([k, n]) => [k, { ...n }] as const),
      merges: sh.merges.map((m) => ({ ...m })),
      names: names(sh.names),
    }));
    return () => {
      this.names.clear();
      for (const [k, n] of book) this.names.set(k, n);
      for (const x of sheets) {
        x.sh.cells.clear();
        for (const [k, c] of x.cells) x.sh.cells.set(k, c);
        x.sh.notes.clear();
        for (const [k, n] of x.notes) x.sh.notes.set(k, n);
        x.sh.merges.splice(0, x.sh.merges.length, ...x.merges);
        x.sh.names.clear();
        for (const [k, n] of x.names) x.sh.names.set(k, n);
      }
    };
  }

  /** Every defined name of the workbook, workbook-scoped and sheet-scoped. */
  allNames(): string[] {
    return [...this.names.keys(), ...this.sheets.flatMap((s) => [...s.names.keys()])];
  }

  /**
   * The user deletes a sheet (or `Worksheet.delete()`). Its sheet-scoped names go with it; a
   * workbook-scoped name that referred to it stays, as `=#REF!$H$7` — "by design… deleting the bound
   * sheet will not trigger the whole NamedItem to be deleted" (office-js#4772, Microsoft's answer). Its
   * custom XML parts stay too: they belong to the workbook. Excel cannot undo a sheet's deletion, so it
   * clears the undo stack (undo-capabilities.md: Worksheet.delete).
   */
  deleteSheet(s: FakeSheet): void {
    this.undoHistoryCleared = true;
    this.undoStack.length = 0;
    this.sheets.splice(this.sheets.indexOf(s), 1);
    for (const n of this.names.values()) if (n.sheet === s) n.sheetDeleted = true;
    if (this.activeName === s.name) this.activeName = this.sheets[0]?.name ?? '';
  }

  /** A session of the add-in on this document: the settings are loaded from the file, as Office does. */
  env(): ExcelEnv & { settings: FakeSettings } {
    const settings = new FakeSettings(this);
    return {
      run: <T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => this.run(options, batch),
      isSetSupported: (name, version) => name === 'ExcelApi' && compareVersion(this.apiVersion, version) >= 0,
      platform: this.platform,
      settings,
    };
  }

  async run<T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new Ctx(this, !!options.mergeUndoGroup);
    const out = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.ops.some((op) => op.write)) throw new Error('fake: writes were queued but never synced');
    return out;
  }

  /** Syncs recorded since `from`. */
  since(from: number): SyncRecord[] {
    return this.syncs.slice(from);
  }

  // ── what the user does between two runs ──
  // Inserting or deleting rows or columns moves every cell below / right of them with its value, fill
  // and note; merged areas and defined names that refer to moved cells follow them, a name whose cell
  // was deleted becomes `=Sheet!#REF!` (Excel's behaviour for defined names; NamedItem.formula, ExcelApi
  // 1.7). Sorting moves the rows' contents, fills and notes, while defined names keep their addresses.

  /** Inserts `count` empty rows before 1-based row `before`. */
  insertRows(sheet: FakeSheet, before: number, count = 1): void {
    const at = before - 1;
    this.remap(sheet, (row, col) => ({ row: row >= at ? row + count : row, col }), true);
  }

  /** Deletes `count` rows from 1-based row `from`. */
  deleteRows(sheet: FakeSheet, from: number, count = 1): void {
    const at = from - 1;
    this.remap(sheet, (row, col) => (row < at ? { row, col } : row < at + count ? null : { row: row - count, col }), true);
  }

  /** Inserts `count` empty columns before column `before` ('C'). */
  insertColumns(sheet: FakeSheet, before: string, count = 1): void {
    const at = parseA1(`${before}1`).col;
    this.remap(sheet, (row, col) => ({ row, col: col >= at ? col + count : col }), true);
  }

  /** Deletes `count` columns from column `from` ('C'). */
  deleteColumns(sheet: FakeSheet, from: string, count = 1): void {
    const at = parseA1(`${from}1`).col;
    this.remap(sheet, (row, col) => (col < at ? { row, col } : col < at + count ? null : { row, col: col - count }), true);
  }

  /** Sorts rows top..bottom (1-based) into `order` (their old 1-based numbers, in the new order). */
  sortRows(sheet: FakeSheet, top: number, bottom: number, order: number[]): void {
    if (order.length !== bottom - top + 1) throw new Error('fake: order must list every row once');
    const to = new Map(order.map((old, i) => [old - 1, top - 1 + i]));
    this.remap(sheet, (row, col) => ({ row: to.get(row) ?? row, col }), false);
  }

  private remap(sheet: FakeSheet, f: (row: number, col: number) => { row: number; col: number } | null, names: boolean): void {
    const cells = [...sheet.cells.entries()];
    sheet.cells.clear();
    for (const [k, c] of cells) {
      const to = f(Math.floor(k / MAX_COLS), k % MAX_COLS);
      if (to) sheet.cells.set(to.row * MAX_COLS + to.col, c);
    }
    const notes = [...sheet.notes.entries()];
    sheet.notes.clear();
    for (const [ref, n] of notes) {
      const p = parseA1(ref);
      const to = f(p.row, p.col);
      if (to) sheet.notes.set(a1(to.row, to.col), n);
    }
    const merges = sheet.merges.splice(0);
    for (const m of merges) {
      const a = f(m.top, m.left);
      const b = f(m.bottom, m.right);
      if (a && b) sheet.merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
    }
    if (!names) return;
    for (const n of [...this.names.values(), ...sheet.names.values()]) {
      if (n.sheet === sheet && n.at) n.at = f(n.at.row, n.at.col);
    }
  }
}

/**
 * `Office.context.document.settings`. Saving fails when the settings, as JSON, exceed `limitBytes`: Office
 * documents that settings have a size limit without giving the number (Microsoft Q&A 340861, "the size
 * limits of the document Settings"); 2 MB here, an assumption — the host must report any failed save.
 */
export class FakeSettings implements SettingsBag {
  private readonly bag: Map<string, unknown>;
  saves = 0;
  failSave = false;
  limitBytes = 2_000_000;

  constructor(private readonly wb: FakeWorkbook) {
    this.bag = new Map(Object.entries(structuredClone(wb.persistedSettings)));
  }

  get(name: string): unknown {
    return this.bag.has(name) ? this.bag.get(name) : null;
  }

  set(name: string, value: unknown): void {
    this.bag.set(name, structuredClone(value));
  }

  remove(name: string): void {
    this.bag.delete(name);
  }

  saveAsync(callback?: (r: { status: string; error?: { message: string } }) => void): void {
    this.saves++;
    queueMicrotask(() => {
      if (this.failSave) return callback?.({ status: 'failed', error: { message: 'save failed' } });
      const size = utf8(JSON.stringify(Object.fromEntries(this.bag)));
      if (size > this.limitBytes) return callback?.({ status: 'failed', error: { message: 'The settings exceed the size limit.' } });
      this.wb.persistedSettings = Object.fromEntries(structuredClone([...this.bag.entries()]));
      callback?.({ status: 'succeeded' });
    });
  }
}

// ───────────────────────────── the request context ─────────────────────────────

interface Op {
  write: boolean;
  /** What a write writes to (for counting). */
  to?: string;
  /** False: the write has no undo support (undo-capabilities.md). */
  undo?: boolean;
  bytes: number;
  run(): void | (() => void);
}

class Ctx {
  ops: Op[] = [];
  /** The undo step of a `mergeUndoGroup` run, once it wrote something. */
  private groupStep: { syncs: number; restore: () => void } | undefined;
  ranges = 0;
  readonly proxies: Base[] = [];
  readonly workbook: WorkbookProxy;

  constructor(
    readonly wb: FakeWorkbook,
    private readonly undoGroup: boolean,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.ops;
    this.ops = [];
    const ranges = this.ranges;
    this.ranges = 0;
    const writesTo: Record<string, number> = {};
    for (const o of ops) if (o.write) writesTo[o.to ?? 'other'] = (writesTo[o.to ?? 'other'] ?? 0) + 1;
    const rec: SyncRecord = {
      loads: ops.filter((o) => !o.write).length,
      writes: ops.filter((o) => o.write).length,
      writesTo,
      ranges,
      requestBytes: ops.reduce((n, o) => n + o.bytes, 0),
      responseBytes: 0,
      undoGroup: this.undoGroup,
    };
    this.wb.syncs.push(rec);
    const fail = (e: unknown): never => {
      // Loads of a failed sync are never delivered; writes already applied stay applied.
      for (const p of this.proxies) p.pending.clear();
      rec.failed = e instanceof OfficeError ? e.code : String(e);
      throw e;
    };
    if (this.wb.platform === 'web' && rec.requestBytes > PAYLOAD_LIMIT) {
      fail(new OfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'));
    }
    const commits: (() => void)[] = [];
    let writes = 0;
    const undoable = (op: Op) => op.undo !== false && !this.wb.undoUnsupported.includes(op.to ?? '');
    if (this.undoGroup) {
      // "If an API within the group doesn't offer undo support, the UndoNotSupported error is thrown."
      const bad = ops.find((op) => op.write && !undoable(op));
      if (bad) fail(new OfficeError('UndoNotSupported', `${bad.to} does not support undo and cannot be grouped.`));
    }
    if (this.wb.trackUndo && ops.some((o) => o.write)) {
      // One undo step per writing sync; a group's syncs are one step.
      if (this.undoGroup && this.groupStep) this.groupStep.syncs++;
      else {
        const step = { syncs: 1, restore: this.wb.saveState() };
        this.wb.undoStack.push(step);
        if (this.undoGroup) this.groupStep = step;
      }
    }
    for (const op of ops) {
      if (op.write && this.wb.failWritesAfter !== undefined && writes === this.wb.failWritesAfter) {
        this.wb.failWritesAfter = undefined;
        fail(new OfficeError('GeneralException', 'An internal error has occurred.'));
      }
      // Outside a group, an API without undo support clears the stack from there on.
      if (op.write && !undoable(op)) this.wb.undoStack.length = 0;
      try {
        const commit = op.run();
        if (commit) commits.push(commit);
      } catch (e) {
        fail(e);
      }
      if (op.write) writes++;
    }
    for (const p of this.proxies) p.settleNull();
    const pending = this.proxies.filter((p) => p.pending.size);
    rec.responseBytes = pending.reduce((n, p) => n + p.pendingBytes(), 0);
    if (this.wb.platform === 'web' && rec.responseBytes > PAYLOAD_LIMIT) {
      for (const p of pending) p.pending.clear();
      fail(new OfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.'));
    }
    for (const p of pending) p.commit();
    for (const c of commits) c();
  }
}

function notLoaded(prop: string): Error {
  return new OfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Every proxy: lazily resolved target, loaded properties, null-object flag. */
abstract class Base {
  readonly loaded = new Map<string, unknown>();
  readonly pending = new Map<string, unknown>();
  private nullFlag: boolean | undefined;

  constructor(
    readonly ctx: Ctx,
    readonly nullable = false,
  ) {
    ctx.proxies.push(this);
  }

  /** The target in the document now, or null for a null object. Throws ItemNotFound when not nullable. */
  abstract resolve(): unknown;
  /** A loadable scalar property of the resolved target. */
  protected abstract read(prop: string, target: unknown): unknown;

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw notLoaded('isNullObject');
    return this.nullFlag;
  }

  settleNull(): void {
    if (!this.nullable) return;
    try {
      this.nullFlag = this.resolve() === null;
    } catch {
      this.nullFlag = true;
    }
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propList(props);
    this.ctx.queue({
      write: false,
      bytes: 60 + list.join(',').length,
      run: () => {
        const t = this.resolve();
        if (t === null) return;
        for (const p of list) this.pending.set(p, this.read(p, t));
      },
    });
    return this;
  }

  pendingBytes(): number {
    let n = 0;
    for (const v of this.pending.values()) n += utf8(JSON.stringify(v ?? null)) + 10;
    return n;
  }

  commit(): void {
    for (const [k, v] of this.pending) this.loaded.set(k, v);
    this.pending.clear();
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** A write: runs at sync on the resolved target; a no-op on a null object. */
  protected write(bytes: number, fn: (target: never) => void, undo = true): void {
    this.ctx.queue({
      write: true,
      to: this.constructor.name.replace(/Proxy$/, ''),
      undo,
      bytes: 100 + bytes,
      run: () => {
        const t = this.resolve();
        if (t !== null) fn(t as never);
      },
    });
  }
}

/** A collection proxy: `items` is there once a sync delivered them. */
abstract class CollectionProxy<T> extends Base {
  protected itemsValue: T[] | undefined;

  get items(): T[] {
    if (!this.itemsValue) throw notLoaded('items');
    return this.itemsValue;
  }
}

/** Queues a collection's `load('items/…')`: `build` makes the loaded children at the sync. */
function loadItems<T>(ctx: Ctx, props: string | string[] | { select?: string } | undefined, build: (list: string[]) => T[], set: (items: T[]) => void): void {
  const list = propList(props).map((p) => p.replace(/^items\//, ''));
  ctx.queue({
    write: false,
    bytes: 80,
    run: () => {
      const items = build(list);
      return () => set(items);
    },
  });
}

function propList(props?: string | string[] | { select?: string }): string[] {
  const s = typeof props === 'string' ? props : Array.isArray(props) ? props.join(',') : (props?.select ?? '');
  return s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** `OfficeExtension.ClientResult`: `value` is there once a sync delivered it. */
class ClientResultProxy<T> extends Base {
  constructor(
    ctx: Ctx,
    bytes: number,
    compute: () => { value: T } | null,
  ) {
    super(ctx);
    ctx.queue({
      write: false,
      bytes,
      run: () => {
        const r = compute();
        if (r) this.pending.set('value', r.value);
      },
    });
  }

  resolve(): unknown {
    return null;
  }

  protected read(): unknown {
    return undefined;
  }

  get value(): T {
    return this.get('value');
  }
}

// ───────────────────────────── workbook, sheets ─────────────────────────────

class WorkbookProxy extends Base {
  readonly worksheets: WorksheetCollectionProxy;
  readonly notes: NoteCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly customXmlParts: CustomXmlPartCollectionProxy;

  constructor(ctx: Ctx) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.notes = new NoteCollectionProxy(ctx, null);
    this.names = new NamedItemCollectionProxy(ctx, null);
    this.customXmlParts = new CustomXmlPartCollectionProxy(ctx, null);
  }

  resolve(): unknown {
    return this.ctx.wb;
  }

  protected read(): unknown {
    return undefined;
  }
}

class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  resolve(): unknown {
    return this.ctx.wb;
  }

  protected read(): unknown {
    return undefined;
  }

  override load(props?: string | string[] | { select?: string }): this {
    loadItems(
      this.ctx,
      props,
      (list) =>
        this.ctx.wb.sheets.map((s) => {
          const p = new WorksheetProxy(this.ctx, () => s);
          for (const prop of list) p.pending.set(prop, p.readProp(prop, s));
          return p;
        }),
      (items) => (this.itemsValue = items),
    );
    return this;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.wb.find(key);
      if (!s) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist. (${key})`);
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.find(key) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.find(this.ctx.wb.activeName)!);
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.ctx.queue({
      write: true,
      bytes: 100,
      run: () => {
        if (this.ctx.wb.find(name)) throw new OfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
        created = this.ctx.wb.addSheet(name);
      },
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw new OfficeError('ItemNotFound', 'sheet not created yet');
      return created;
    });
  }
}

class WorksheetProxy extends Base {
  readonly protection: ProtectionProxy;
  readonly notes: NoteCollectionProxy;
  readonly names: NamedItemCollectionProxy;

  constructor(
    ctx: Ctx,
    private readonly target: () => FakeSheet | null,
    nullable = false,
  ) {
    super(ctx, nullable);
    this.protection = new ProtectionProxy(ctx, this);
    this.notes = new NoteCollectionProxy(ctx, this);
    this.names = new NamedItemCollectionProxy(ctx, this);
  }

  resolve(): FakeSheet | null {
    return this.target();
  }

  readProp(prop: string, s: FakeSheet): unknown {
    return this.read(prop, s);
  }

  protected read(prop: string, t: unknown): unknown {
    const s = t as FakeSheet;
    if (prop === 'name') return s.name;
    if (prop === 'id') return s.id;
    if (prop === 'visibility') return s.visibility;
    throw new Error(`fake: Worksheet.${prop} not modelled`);
  }

  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    this.write(20, (s: FakeSheet) => (s.visibility = v as FakeSheet['visibility']));
  }

  activate(): void {
    this.write(0, (s: FakeSheet) => (this.ctx.wb.activeName = s.name));
  }

  delete(): void {
    this.write(0, (s: FakeSheet) => this.ctx.wb.deleteSheet(s), false);
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      return { sheet: s, ...parseAddress(address ?? 'A:XFD') };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      if (rows < 1 || cols < 1) throw new OfficeError('InvalidArgument', 'The argument is invalid or missing.');
      return { sheet: s, top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    });
  }

  /**
   * ExcelApi 1.9. Writes to its `format.fill` reach every area. A long address fails with InvalidArgument
   * (office-js#5198: failures from about 8,200 characters, and at 513 areas; the limit is undocumented):
   * over GET_RANGES_MAX_CHARS characters or GET_RANGES_MAX_AREAS areas here — an assumption.
   */
  getRanges(address: string): RangeAreasWriteProxy {
    return new RangeAreasWriteProxy(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      if (address.length > GET_RANGES_MAX_CHARS || address.split(',').length > GET_RANGES_MAX_AREAS) {
        throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      return address.split(',').map((a) => ({ sheet: s, ...parseAddress(a.trim()) }));
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      return usedRange(s, !!valuesOnly) ?? { sheet: s, top: 0, left: 0, bottom: 0, right: 0 };
    });
  }
}

class ProtectionProxy extends Base {
  constructor(
    ctx: Ctx,
    private readonly ws: WorksheetProxy,
  ) {
    super(ctx);
  }
  resolve(): unknown {
    return this.ws.resolve();
  }
  protected read(prop: string, t: unknown): unknown {
    if (prop === 'protected') return (t as FakeSheet).protected;
    throw new Error(`fake: WorksheetProtection.${prop} not modelled`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

// ───────────────────────────── ranges ─────────────────────────────

interface Target {
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

class RangeProxy extends Base {
  readonly format: RangeFormatProxy;

  constructor(
    ctx: Ctx,
    private readonly target: () => Target | null,
    nullable = false,
  ) {
    super(ctx, nullable);
    ctx.ranges++;
    this.format = new RangeFormatProxy(ctx, this);
  }

  resolve(): Target | null {
    return this.target();
  }

  protected read(prop: string, t: unknown): unknown {
    const r = t as Target;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    switch (prop) {
      case 'address':
        return `${sheetRef(r.sheet.name)}!${a1(r.top, r.left)}${rows * cols > 1 ? ':' + a1(r.bottom, r.right) : ''}`;
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'cellCount':
        return rows * cols;
    }
    if (rows * cols > this.ctx.wb.cellReadLimit) {
      if (this.ctx.wb.nullOnLargeRead) {
        this.ctx.wb.nullReads++;
        return null;
      }
      throw new OfficeError('RangeExceedsLimit', 'The number of cells in the range has exceeded the maximum supported number.');
    }
    const grid = (f: (c: FakeCell | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let y = r.top; y <= r.bottom; y++) {
        const row: unknown[] = [];
        for (let x = r.left; x <= r.right; x++) row.push(f(r.sheet.cellAt(y, x)));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case 'values':
        return grid((c) => (c?.error ? c.error : (c?.value ?? '')));
      case 'formulas':
        return grid((c) => c?.formula ?? (c?.error ? c.error : (c?.value ?? '')));
      case 'text':
        return grid(displayText);
      case 'numberFormat':
        return grid((c) => c?.format ?? 'General');
      case 'valueTypes':
        return grid(valueType);
    }
    throw new Error(`fake: Range.${prop} not modelled`);
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.write(utf8(JSON.stringify(v)), (r: Target) => {
      checkShape(r, v);
      eachCell(r, (c, i, j) => {
        const x = v[i][j];
        delete c.formula;
        delete c.error;
        if (x === '' || x === null || x === undefined) delete c.value;
        else if (typeof x === 'string' && x.startsWith('=')) c.formula = x;
        else c.value = x as number | string | boolean;
      });
    });
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  /** A formula is stored without its result: the fake does not calculate. */
  set formulas(v: unknown[][]) {
    this.write(utf8(JSON.stringify(v)), (r: Target) => {
      checkShape(r, v);
      eachCell(r, (c, i, j) => {
        const x = v[i][j];
        delete c.error;
        delete c.formula;
        delete c.value;
        if (typeof x === 'string' && x.startsWith('=')) c.formula = x;
        else if (x !== '' && x !== null && x !== undefined) c.value = x as number | string | boolean;
      });
    });
  }
  get text(): string[][] {
    return this.get('text');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write(utf8(JSON.stringify(v)), (r: Target) => {
      checkShape(r, v);
      eachCell(r, (c, i, j) => {
        // 'General' is Excel's default format: storing it is the same as storing nothing.
        if (v[i][j] === 'General') delete c.format;
        else c.format = String(v[i][j]);
      });
    });
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  clear(applyTo: string = 'All'): void {
    this.write(20, (r: Target) =>
      eachCell(r, (c) => {
        if (applyTo === 'All' || applyTo === 'Contents') {
          delete c.value;
          delete c.formula;
          delete c.error;
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          delete c.format;
          delete c.fill;
        }
      }),
    );
  }

  select(): void {
    this.write(0, (r: Target) => {
      this.ctx.wb.activeName = r.sheet.name;
      this.ctx.wb.selection = { sheet: r.sheet.name, address: a1(r.top, r.left) + (r.bottom > r.top || r.right > r.left ? `:${a1(r.bottom, r.right)}` : '') };
    });
  }

  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const a = this.resolve();
        if (!a) return null;
        const b = typeof other === 'string' ? { sheet: a.sheet, ...parseAddress(other) } : other.resolve();
        if (!b || b.sheet !== a.sheet) return null;
        const t = { sheet: a.sheet, top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
        return t.top > t.bottom || t.left > t.right ? null : t;
      },
      true,
    );
  }

  /** ExcelApi 1.2. Out of the grid: InvalidArgument, as Office. */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const a = this.resolve();
      if (!a) return null;
      return inGrid({ ...a, bottom: a.bottom + deltaRows, right: a.right + deltaColumns });
    });
  }

  /** ExcelApi 1.2: the `count` columns right of the range, same rows. */
  getColumnsAfter(count = 1): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const a = this.resolve();
      if (!a) return null;
      return inGrid({ ...a, left: a.right + 1, right: a.right + count });
    });
  }

  /**
   * ExcelApi 1.9. Only `address` and `format.fill.{color, pattern, patternColor, tintAndShade}` are
   * modelled; each cell's object holds exactly the properties asked for. On a null object: nothing.
   */
  getCellProperties(options: Excel.CellPropertiesLoadOptions): ClientResultProxy<Record<string, unknown>[][]> {
    const { format, ...rest } = options;
    const { fill, ...otherFormat } = format ?? {};
    const restKeys = Object.keys(rest).filter((k) => (rest as Record<string, unknown>)[k]);
    if (restKeys.some((k) => k !== 'address') || Object.values(otherFormat).some(Boolean)) {
      throw new Error(`fake: getCellProperties ${JSON.stringify(options)} not modelled`);
    }
    const fillKeys = Object.entries(fill ?? {})
      .filter(([, v]) => v)
      .map(([k]) => k);
    for (const k of fillKeys) {
      if (!['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'].includes(k)) throw new Error(`fake: fill.${k} not modelled`);
    }
    return new ClientResultProxy(this.ctx, 60 + JSON.stringify(options).length, () => {
      const r = this.resolve();
      if (!r) return null;
      if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > this.ctx.wb.cellReadLimit) {
        throw new OfficeError('RangeExceedsLimit', 'The number of cells in the range has exceeded the maximum supported number.');
      }
      const out: Record<string, unknown>[][] = [];
      for (let y = r.top; y <= r.bottom; y++) {
        const row: Record<string, unknown>[] = [];
        for (let x = r.left; x <= r.right; x++) {
          const cell: Record<string, unknown> = {};
          if (restKeys.includes('address')) cell.address = `${sheetRef(r.sheet.name)}!${a1(y, x)}`;
          if (fillKeys.length) {
            const f = r.sheet.cellAt(y, x)?.fill;
            const props: Record<string, unknown> = {};
            for (const k of fillKeys) props[k] = fillProp(f, k, this.ctx.wb.fillReport);
            cell.format = { fill: props };
          }
          row.push(cell);
        }
        out.push(row);
      }
      return { value: out };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const r = this.resolve();
      if (!r) return null;
      const inside = r.sheet.merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
      if (inside.length > 512) throw new OfficeError('GeneralException', 'More than 512 merged areas.');
      return inside.length ? inside.map((m) => ({ sheet: r.sheet, ...m })) : null;
    });
  }
}

/** `Worksheet.getRanges(…)`, for writing formats to all its areas at once. */
class RangeAreasWriteProxy extends Base {
  readonly format: RangeFormatProxy;

  constructor(
    ctx: Ctx,
    private readonly target: () => Target[] | null,
  ) {
    super(ctx);
    ctx.ranges++;
    this.format = new RangeFormatProxy(ctx, this);
  }

  resolve(): Target[] | null {
    return this.target();
  }

  protected read(): unknown {
    throw new Error('fake: RangeAreas properties not modelled');
  }
}

class RangeAreasProxy extends Base {
  readonly areas: RangeCollectionProxy;

  constructor(
    ctx: Ctx,
    private readonly target: () => Target[] | null,
  ) {
    super(ctx, true);
    this.areas = new RangeCollectionProxy(ctx, this);
  }

  resolve(): Target[] | null {
    return this.target();
  }

  protected read(prop: string, t: unknown): unknown {
    const list = t as Target[];
    if (prop === 'address') return list.map((r) => `${sheetRef(r.sheet.name)}!${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`).join(', ');
    if (prop === 'areaCount') return list.length;
    throw new Error(`fake: RangeAreas.${prop} not modelled`);
  }
}

class RangeCollectionProxy extends Base {
  private itemsValue: { address: string }[] | undefined;

  constructor(
    ctx: Ctx,
    private readonly owner: RangeAreasProxy,
  ) {
    super(ctx);
  }

  resolve(): unknown {
    return this.owner.resolve();
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): { address: string }[] {
    if (!this.itemsValue) throw notLoaded('items');
    return this.itemsValue;
  }

  override load(props?: string | string[] | { select?: string }): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ''));
    if (list.some((p) => p !== 'address')) throw new Error('fake: only RangeCollection address is modelled');
    this.ctx.queue({
      write: false,
      bytes: 80,
      run: () => {
        const areas = this.owner.resolve();
        if (!areas) return;
        const items = areas.map((r) => ({ address: `${sheetRef(r.sheet.name)}!${a1(r.top, r.left)}:${a1(r.bottom, r.right)}` }));
        this.pending.set('items', items);
        return () => (this.itemsValue = items);
      },
    });
    return this;
  }
}

class RangeFormatProxy extends Base {
  readonly fill: RangeFillProxy;
  readonly font: { bold: boolean };

  constructor(
    ctx: Ctx,
    private readonly range: Resolvable,
  ) {
    super(ctx);
    this.fill = new RangeFillProxy(ctx, range);
    const self = this;
    this.font = {
      set bold(_v: boolean) {
        self.write(10, () => undefined);
      },
      get bold(): boolean {
        throw notLoaded('bold');
      },
    };
  }

  resolve(): unknown {
    return this.range.resolve();
  }

  protected read(): unknown {
    throw new Error('fake: RangeFormat properties not modelled');
  }

  autofitColumns(): void {
    this.write(0, () => undefined);
  }
}

class RangeFillProxy extends Base {
  constructor(
    ctx: Ctx,
    private readonly range: Resolvable,
  ) {
    super(ctx);
  }

  resolve(): Target | Target[] | null {
    return this.range.resolve();
  }

  protected read(prop: string, t: unknown): unknown {
    if (Array.isArray(t)) throw new Error('fake: reading the fill of RangeAreas not modelled');
    const r = t as Target;
    const fills: (FakeFill | undefined)[] = [];
    eachCellRead(r, (c) => fills.push(c?.fill));
    const first = fills[0];
    const uniform = fills.every((f) => JSON.stringify(f) === JSON.stringify(first));
    if (!uniform) return null;
    return fillProp(first, prop, this.ctx.wb.fillReport);
  }

  get color(): string {
    return this.get('color');
  }
  /**
   * The reference (Excel.RangeFill.color) does not say that setting the colour resets the pattern or the
   * shades: here it does not (an assumption, the one that punishes a paint that does not clear first).
   */
  set color(v: string) {
    this.write(20, (r: Target | Target[]) =>
      eachCellIn(r, (c) => (c.fill = c.fill ? { ...c.fill, color: normalColor(v) } : { color: normalColor(v), pattern: 'Solid', patternColor: null })),
    );
  }
  get pattern(): string {
    return this.get('pattern');
  }
  set pattern(v: string) {
    this.write(20, (r: Target | Target[]) =>
      eachCellIn(r, (c) => {
        if (v === 'None') delete c.fill;
        else c.fill = { ...c.fill, color: c.fill?.color ?? '#FFFFFF', pattern: v, patternColor: c.fill?.patternColor ?? null };
      }),
    );
  }
  get patternColor(): string {
    return this.get('patternColor');
  }
  set patternColor(v: string) {
    this.write(20, (r: Target | Target[]) =>
      eachCellIn(r, (c) => {
        if (c.fill) c.fill.patternColor = normalColor(v);
      }),
    );
  }
  get tintAndShade(): number | null {
    return this.get('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.write(20, (r: Target | Target[]) =>
      eachCellIn(r, (c) => {
        if (!c.fill) c.fill = { color: '#FFFFFF', pattern: 'Solid', patternColor: null };
        if (v) c.fill.tintAndShade = v;
        else delete c.fill.tintAndShade;
      }),
    );
  }

  get patternTintAndShade(): number | null {
    return this.get('patternTintAndShade');
  }
  set patternTintAndShade(v: number) {
    this.write(20, (r: Target | Target[]) =>
      eachCellIn(r, (c) => {
        if (!c.fill) return;
        if (v) c.fill.patternTintAndShade = v;
        else delete c.fill.patternTintAndShade;
      }),
    );
  }

  clear(): void {
    this.write(0, (r: Target | Target[]) => eachCellIn(r, (c) => delete c.fill));
  }
}

// ───────────────────────────── defined names ─────────────────────────────

/**
 * `workbook.names` (ExcelApi 1.1; `formula` 1.7): the workbook-scoped names; `worksheet.names` (ExcelApi
 * 1.4): "Collection of names scoped to the current worksheet" (excel.worksheet.yml). A name is valid when
 * it starts with a letter or underscore, holds letters, digits, `_` and `.`, and is not a cell reference;
 * names are unique within their scope without regard to case (Excel's rules for defined names). Only
 * names that refer to one cell are modelled.
 */
class NamedItemCollectionProxy extends Base {
  private itemsValue: { name: string; formula: string; visible: boolean }[] | undefined;

  constructor(
    ctx: Ctx,
    /** The sheet whose names these are, or null: the workbook's. */
    private readonly ws: WorksheetProxy | null,
  ) {
    super(ctx);
  }

  resolve(): unknown {
    return this.ws ? this.ws.resolve() : this.ctx.wb;
  }

  protected read(): unknown {
    return undefined;
  }

  /** The map this collection stands for, now. */
  private map(): Map<string, FakeName> {
    if (!this.ws) return this.ctx.wb.names;
    const s = this.ws.resolve();
    if (!s) throw new OfficeError('ItemNotFound', 'The worksheet does not exist.');
    return s.names;
  }

  get items(): { name: string; formula: string; visible: boolean }[] {
    if (!this.itemsValue) throw notLoaded('items');
    return this.itemsValue;
  }

  override load(props?: string | string[] | { select?: string }): this {
    const list = propList(props).map((p) => p.replace(/^items\//, ''));
    if (list.some((p) => !['name', 'formula', 'visible'].includes(p))) throw new Error(`fake: NamedItem ${list} not modelled`);
    this.ctx.queue({
      write: false,
      bytes: 80,
      run: () => {
        const items = [...this.map().entries()].map(([name, n]) => ({ name, formula: nameFormula(n), visible: n.visible }));
        this.pending.set('items', items);
        return () => (this.itemsValue = items);
      },
    });
    return this;
  }

  add(name: string, reference: RangeProxy | string, _comment?: string): NamedItemProxy {
    this.ctx.queue({
      write: true,
      to: 'NamedItem',
      bytes: 120 + name.length,
      run: () => {
        const names = this.map();
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || name.length > 255) {
          throw new OfficeError('InvalidArgument', `The name ${name} is not valid.`);
        }
        if ([...names.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) {
          throw new OfficeError('ItemAlreadyExists', `The name ${name} already exists.`);
        }
        let r: Target | null;
        if (typeof reference === 'string') {
          // `=Sheet1!$H$7`, `='表 1'!$H$7`; a sheet that does not exist is an invalid reference.
          const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?([0-9]+)$/.exec(reference);
          if (!m) throw new Error(`fake: names.add(${reference}) not modelled`);
          const sheet = this.ctx.wb.find(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
          if (!sheet) throw new OfficeError('InvalidArgument', `Invalid reference ${reference}.`);
          const at = parseA1(`${m[3]}${m[4]}`);
          r = { sheet, top: at.row, left: at.col, bottom: at.row, right: at.col };
        } else r = reference.resolve();
        if (!r || r.top !== r.bottom || r.left !== r.right) throw new Error('fake: only one-cell names are modelled');
        names.set(name, { sheet: r.sheet, at: { row: r.top, col: r.left }, visible: true });
      },
    });
    return this.getItem(name);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => {
      const names = this.map();
      if (!names.has(name)) throw new OfficeError('ItemNotFound', `No name ${name}.`);
      return { names, name };
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.ctx,
      () => {
        let names: Map<string, FakeName>;
        try {
          names = this.map();
        } catch {
          return null;
        }
        return names.has(name) ? { names, name } : null;
      },
      true,
    );
  }
}

class NamedItemProxy extends Base {
  constructor(
    ctx: Ctx,
    private readonly target: () => { names: Map<string, FakeName>; name: string } | null,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  resolve(): { names: Map<string, FakeName>; name: string } | null {
    return this.target();
  }

  protected read(prop: string, t: unknown): unknown {
    const { names, name } = t as { names: Map<string, FakeName>; name: string };
    const n = names.get(name)!;
    if (prop === 'name') return name;
    if (prop === 'formula') return nameFormula(n);
    if (prop === 'visible') return n.visible;
    throw new Error(`fake: NamedItem.${prop} not modelled`);
  }

  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.write(10, (t: { names: Map<string, FakeName>; name: string }) => (t.names.get(t.name)!.visible = v));
  }

  delete(): void {
    this.write(0, (t: { names: Map<string, FakeName>; name: string }) => t.names.delete(t.name));
  }
}

function nameFormula(n: FakeName): string {
  const where = n.at ? `$${columnLetters(n.at.col)}$${n.at.row + 1}` : '#REF!';
  if (n.sheetDeleted) return `=#REF!${n.at ? where : ''}`;
  return `=${sheetRef(n.sheet.name)}!${where}`;
}

// ───────────────────────────── custom XML parts ─────────────────────────────

/**
 * `workbook.customXmlParts` (ExcelApi 1.5; reference: Excel.CustomXmlPartCollection,
 * Excel.CustomXmlPartScopedCollection, Excel.CustomXmlPart). As documented there and in "Work with
 * workbooks — Custom XML data" (office-js-docs-pr #619):
 *   - `add(xml)` adds a part to the WORKBOOK (parts belong to the file, not to a sheet) and gives it an id;
 *     its namespace is the root element's `xmlns`; XML that is not well formed fails with InvalidArgument;
 *   - `getByNamespace(ns)` is a scoped collection of the parts whose namespace is exactly `ns` (no prefix
 *     match; an empty namespace is InvalidArgument, office-js #2580); `getOnlyItemOrNullObject()` is the
 *     one part when there is exactly one, a null object otherwise;
 *   - `id` and `namespaceUri` are read after `load` and a sync; `getXml()` returns a ClientResult whose
 *     `value` is there only after the sync (on a null object it fails: an assumption, see getXml);
 *   - `setXml(xml)` replaces the whole content, `delete()` removes the part; a part deleted meanwhile (by a
 *     co-author) fails `getItem` with ItemNotFound.
 * Office batches are not transactions: a failing part write fails its sync, the operations queued before
 * it stay applied, those after it do not run.
 */
class CustomXmlPartCollectionProxy extends CollectionProxy<CustomXmlPartProxy> {
  constructor(
    ctx: Ctx,
    /** Scoped to one namespace (`getByNamespace`), or the whole workbook (null). */
    private readonly ns: string | null,
  ) {
    super(ctx);
    if (ns === '') throw new OfficeError('InvalidArgument', 'InvalidArgument');
  }

  resolve(): unknown {
    return this.ctx.wb;
  }

  protected read(): unknown {
    return undefined;
  }

  private parts(): FakeXmlPart[] {
    return this.ctx.wb.xmlParts.filter((p) => this.ns === null || p.namespaceUri === this.ns);
  }

  override load(props?: string | string[] | { select?: string }): this {
    loadItems(
      this.ctx,
      props,
      (list) =>
        this.parts().map((p) => {
          const proxy = new CustomXmlPartProxy(this.ctx, () => p);
          for (const k of list) proxy.loaded.set(k, proxy.readOf(k, p));
          return proxy;
        }),
      (items) => (this.itemsValue = items),
    );
    return this;
  }

  getCount(): ClientResultProxy<number> {
    return new ClientResultProxy(this.ctx, 60, () => ({ value: this.parts().length }));
  }

  add(xml: string): CustomXmlPartProxy {
    let added: FakeXmlPart | null = null;
    this.ctx.queue({
      write: true,
      to: 'CustomXmlPart',
      undo: false,
      bytes: utf8(xml),
      run: () => {
        const wb = this.ctx.wb;
        if (wb.failXmlWrite) {
          wb.failXmlWrite = false;
          throw new OfficeError('GeneralException', 'An internal error has occurred.', 'CustomXmlPartCollection.add');
        }
        added = { id: `{${String(wb.nextPartId++).padStart(8, '0')}-0000-4000-9000-00000000c0de}`, namespaceUri: xmlNamespace(xml), xml };
        wb.xmlParts.push(added);
      },
    });
    return new CustomXmlPartProxy(this.ctx, () => {
      if (!added) throw new OfficeError('ItemNotFound', 'The custom XML part was not added.');
      return this.ctx.wb.xmlParts.includes(added) ? added : null;
    });
  }

  getByNamespace(ns: string): CustomXmlPartCollectionProxy {
    return new CustomXmlPartCollectionProxy(this.ctx, ns);
  }

  getItem(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.ctx, () => {
      const p = this.parts().find((x) => x.id === id);
      if (!p) throw new OfficeError('ItemNotFound', `No custom XML part ${id}.`, 'CustomXmlPartCollection.getItem');
      return p;
    });
  }

  getItemOrNullObject(id: string): CustomXmlPartProxy {
    return new CustomXmlPartProxy(this.ctx, () => this.parts().find((x) => x.id === id) ?? null, true);
  }

  /** CustomXmlPartScopedCollection: the part when the collection holds exactly one. */
  getOnlyItemOrNullObject(): CustomXmlPartProxy {
    return new CustomXmlPartProxy(
      this.ctx,
      () => {
        const ps = this.parts();
        return ps.length === 1 ? ps[0] : null;
      },
      true,
    );
  }
}

class CustomXmlPartProxy extends Base {
  constructor(
    ctx: Ctx,
    private readonly target: () => FakeXmlPart | null,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  resolve(): FakeXmlPart | null {
    return this.target();
  }

  readOf(prop: string, p: FakeXmlPart): unknown {
    if (prop === 'id') return p.id;
    if (prop === 'namespaceUri') return p.namespaceUri;
    throw new Error(`fake: CustomXmlPart.${prop} not modelled (the XML is read with getXml())`);
  }

  protected read(prop: string, t: unknown): unknown {
    return this.readOf(prop, t as FakeXmlPart);
  }

  get id(): string {
    return this.get('id');
  }

  get namespaceUri(): string {
    return this.get('namespaceUri');
  }

  /**
   * On a null object (`getOnlyItemOrNullObject()` of a scope that has no part, or several) the reference
   * does not say what `getXml()` does. Here it fails the sync — an assumption, the one that punishes
   * relying on it; Microsoft's sample lists the parts first and calls `getOnlyItem()` / `getItem(id)` in a
   * later sync (excel.customxmlpartscopedcollection.yml), which is what the host does.
   */
  getXml(): ClientResultProxy<string | null> {
    return new ClientResultProxy(this.ctx, 60, () => {
      const p = this.resolve();
      if (!p) throw new OfficeError('InvalidObjectPath', 'The object path is not valid: getXml() on a null object.', 'CustomXmlPart.getXml');
      return { value: p.xml };
    });
  }

  setXml(xml: string): void {
    this.partWrite(utf8(xml), (p) => {
      if (xmlNamespace(xml) !== p.namespaceUri) throw new OfficeError('InvalidArgument', 'The namespace of a custom XML part cannot change.');
      p.xml = xml;
    }, 'setXml');
  }

  delete(): void {
    this.partWrite(0, (p) => {
      const parts = this.ctx.wb.xmlParts;
      parts.splice(parts.indexOf(p), 1);
    }, 'delete');
  }

  private partWrite(bytes: number, fn: (p: FakeXmlPart) => void, op: string): void {
    this.write(bytes, (p: FakeXmlPart) => {
      const wb = this.ctx.wb;
      if (wb.failXmlWrite) {
        wb.failXmlWrite = false;
        throw new OfficeError('GeneralException', 'An internal error has occurred.', `CustomXmlPart.${op}`);
      }
      fn(p);
    }, false);
  }
}

/** The root element's default namespace; XML that is not well formed (here: no matching root end tag) is refused. */
function xmlNamespace(xml: string): string {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*>[\s\S]*<\/\1>\s*$/.exec(xml);
  if (!m) throw new OfficeError('InvalidArgument', 'The XML is not well formed.');
  return /\sxmlns="([^"]*)"/.exec(m[2])?.[1] ?? '';
}

// ───────────────────────────── notes ─────────────────────────────

class NoteCollectionProxy extends CollectionProxy<NoteProxy> {
  constructor(
    ctx: Ctx,
    private readonly ws: WorksheetProxy | null,
  ) {
    super(ctx);
  }

  resolve(): unknown {
    return this.ws ? this.ws.resolve() : this.ctx.wb;
  }

  protected read(): unknown {
    throw new Error('fake: NoteCollection properties not modelled');
  }

  /** ExcelApi 1.18: the sheet's notes (items/content, items/authorName); a note has no address property. */
  override load(props?: string | string[] | { select?: string }): this {
    loadItems(
      this.ctx,
      props,
      (list) => {
        const s = this.sheetOf();
        return [...s.notes.keys()].map((cell) => {
          const p = new NoteProxy(this.ctx, () => (s.notes.has(cell) ? { sheet: s, cell } : null));
          for (const prop of list) p.pending.set(prop, p.readProp(prop, { sheet: s, cell }));
          return p;
        });
      },
      (items) => (this.itemsValue = items),
    );
    return this;
  }

  /** ExcelApi 1.18. */
  getCount(): ClientResultProxy<number> {
    return new ClientResultProxy(this.ctx, 60, () => {
      const t = this.resolve();
      if (!t) return null;
      if (this.ws) return { value: (t as FakeSheet).notes.size };
      return { value: this.ctx.wb.sheets.reduce((n, x) => n + x.notes.size, 0) };
    });
  }

  private sheetOf(): FakeSheet {
    if (!this.ws) throw new Error('fake: workbook-level getItem not modelled; use worksheet.notes');
    const s = this.ws.resolve();
    if (!s) throw new OfficeError('ItemNotFound', 'sheet');
    return s;
  }

  getItem(cell: string): NoteProxy {
    return new NoteProxy(this.ctx, () => {
      const s = this.sheetOf();
      if (!s.notes.has(cell)) throw new OfficeError('ItemNotFound', `No note at ${cell}.`);
      return { sheet: s, cell };
    });
  }

  getItemOrNullObject(cell: string): NoteProxy {
    return new NoteProxy(
      this.ctx,
      () => {
        const s = this.sheetOf();
        return s.notes.has(cell) ? { sheet: s, cell } : null;
      },
      true,
    );
  }

  add(where: RangeProxy | string, content: string): NoteProxy {
    const locate = (): { sheet: FakeSheet; cell: string } => {
      if (typeof where === 'string') {
        const [sheetName, cell] = where.includes('!') ? where.split('!') : [undefined, where];
        const s = sheetName ? this.ctx.wb.find(sheetName.replace(/^'|'$/g, '')) : this.sheetOf();
        if (!s) throw new OfficeError('InvalidCellAddress', where);
        return { sheet: s, cell };
      }
      const r = where.resolve();
      if (!r || r.top !== r.bottom || r.left !== r.right) throw new OfficeError('InvalidArgument', 'A note needs one cell.');
      return { sheet: r.sheet, cell: a1(r.top, r.left) };
    };
    this.ctx.queue({
      write: true,
      to: 'Note',
      bytes: 120 + utf8(content),
      run: () => {
        const { sheet, cell } = locate();
        if (sheet.protected) throw new OfficeError('AccessDenied', 'The sheet is protected.');
        if (sheet.notes.has(cell)) throw new OfficeError('InvalidArgument', `Cell ${cell} already has a note.`);
        sheet.notes.set(cell, { content, author: '绩效自评加载项' });
      },
    });
    return new NoteProxy(this.ctx, () => locate());
  }
}

class NoteProxy extends Base {
  constructor(
    ctx: Ctx,
    private readonly target: () => { sheet: FakeSheet; cell: string } | null,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  resolve(): { sheet: FakeSheet; cell: string } | null {
    return this.target();
  }

  protected read(prop: string, t: unknown): unknown {
    const { sheet, cell } = t as { sheet: FakeSheet; cell: string };
    const n = sheet.notes.get(cell)!;
    if (prop === 'content') return n.content;
    if (prop === 'authorName') return n.author;
    throw new Error(`fake: Note.${prop} not modelled`);
  }

  readProp(prop: string, t: { sheet: FakeSheet; cell: string }): unknown {
    return this.read(prop, t);
  }

  /** ExcelApi 1.18: the cell the note is on. */
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      if (!t) throw new OfficeError('ItemNotFound', 'The note no longer exists.');
      const { row, col } = parseA1(t.cell);
      return { sheet: t.sheet, top: row, left: col, bottom: row, right: col };
    });
  }

  get content(): string {
    return this.get('content');
  }
  set content(v: string) {
    this.write(utf8(v), (t: { sheet: FakeSheet; cell: string }) => {
      if (t.sheet.protected) throw new OfficeError('AccessDenied', 'The sheet is protected.');
      t.sheet.notes.get(t.cell)!.content = v;
    });
  }

  delete(): void {
    this.write(0, (t: { sheet: FakeSheet; cell: string }) => {
      if (t.sheet.protected) throw new OfficeError('AccessDenied', 'The sheet is protected.');
      t.sheet.notes.delete(t.cell);
    });
  }
}

// ───────────────────────────── helpers ─────────────────────────────

function eachCell(r: Target, f: (c: FakeCell, i: number, j: number) => void): void {
  if (r.sheet.protected) throw new OfficeError('AccessDenied', 'The cell or chart you are trying to change is protected.');
  for (let y = r.top; y <= r.bottom; y++) for (let x = r.left; x <= r.right; x++) f(r.sheet.edit(y, x), y - r.top, x - r.left);
}

/** Writes to a range or to every area of a RangeAreas. */
function eachCellIn(t: Target | Target[], f: (c: FakeCell, i: number, j: number) => void): void {
  for (const r of Array.isArray(t) ? t : [t]) eachCell(r, f);
}

/** What a format proxy writes through: a range, or the areas of a RangeAreas. */
interface Resolvable {
  resolve(): Target | Target[] | null;
}

function eachCellRead(r: Target, f: (c: FakeCell | undefined) => void): void {
  for (let y = r.top; y <= r.bottom; y++) for (let x = r.left; x <= r.right; x++) f(r.sheet.cellAt(y, x));
}

/** One fill property as Office reports it (see FillReport). */
function fillProp(f: FakeFill | undefined, prop: string, report: FillReport): unknown {
  const ref = report === 'reference';
  switch (prop) {
    case 'color':
      return f ? f.color : '#FFFFFF';
    case 'pattern':
      if (ref) return f ? f.pattern : 'None';
      return f && f.pattern !== 'Solid' ? f.pattern : null;
    case 'patternColor':
      return f?.patternColor ?? null;
    case 'tintAndShade':
      if (!f) return ref ? 0 : null;
      return f.tintAndShade ?? 0;
    case 'patternTintAndShade':
      if (!f) return ref ? 0 : null;
      return f.patternTintAndShade ?? 0;
  }
  throw new Error(`fake: RangeFill.${prop} not modelled`);
}

function inGrid(t: Target): Target {
  if (t.top < 0 || t.left < 0 || t.bottom >= MAX_ROWS || t.right >= MAX_COLS || t.bottom < t.top || t.right < t.left) {
    throw new OfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
  }
  return t;
}

function checkShape(r: Target, v: unknown[][]): void {
  if (v.length !== r.bottom - r.top + 1 || v.some((row) => row.length !== r.right - r.left + 1)) {
    throw new OfficeError('InvalidArgument', 'The number of rows or columns in the input array does not match the size of the range.');
  }
}

function parseAddress(address: string): Omit<Target, 'sheet'> {
  const a = address.replace(/\$/g, '').toUpperCase();
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLS - 1 };
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (cols) return { top: 0, bottom: MAX_ROWS - 1, left: parseA1(`${cols[1]}1`).col, right: parseA1(`${cols[2]}1`).col };
  const [s, e] = a.split(':');
  const p = parseA1(s);
  const q = e ? parseA1(e) : p;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function usedRange(s: FakeSheet, valuesOnly: boolean): Target | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of s.cells) {
    const has = c.value !== undefined || !!c.formula || !!c.error || (!valuesOnly && (!!c.fill || !!c.format));
    if (!has) continue;
    const y = Math.floor(k / MAX_COLS);
    const x = k % MAX_COLS;
    top = Math.min(top, y);
    left = Math.min(left, x);
    bottom = Math.max(bottom, y);
    right = Math.max(right, x);
  }
  return bottom < 0 ? null : { sheet: s, top, left, bottom, right };
}

function valueType(c: FakeCell | undefined): string {
  if (!c) return 'Empty';
  if (c.error) return 'Error';
  if (c.value === undefined) return 'Empty';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return c.value === '' ? 'Empty' : 'String';
}

function displayText(c: FakeCell | undefined): string {
  if (!c) return '';
  if (c.error) return c.error;
  const v = c.value;
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const f = c.format ?? 'General';
  const d = /0\.(0+)/.exec(f)?.[1].length ?? 0;
  if (f.includes('%')) return `${(v * 100).toFixed(d)}%`;
  if (/0\.0/.test(f) || f === '0') return v.toFixed(d);
  return String(v);
}

function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function normalColor(c: string): string {
  const hex = c.startsWith('#') ? c.slice(1) : c;
  return /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toUpperCase()}` : c;
}

/** Bytes on the wire: Office's JSON is UTF-8, three bytes per Chinese character. */
function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function compareVersion(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export { columnLetters };
