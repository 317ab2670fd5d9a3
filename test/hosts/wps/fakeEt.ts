/**
 * A small, honest fake of the WPS 表格 (ET) object model the WPS host uses, typed by `et-jsapi-declare`
 * through the host's own slice (src/hosts/wps/et.ts): every class here `implements` that slice, whose
 * members carry the package's declared types.
 *
 * Honest means it behaves like the VBA-shaped model WPS documents and the wpsjs samples use, where it
 * matters to the host:
 *   - synchronous: every read and write takes effect at once (no batch, no sync); a failing call throws
 *     and the calls before it STAY applied;
 *   - `Value2` / `Formula` of one cell is a scalar, of a larger range an array of rows (VBA's Variant);
 *     empty cells read `undefined`; an error cell's `Value2` is the HRESULT number a COM VT_ERROR carries
 *     (e.g. -2146826281 for #DIV/0!: an assumption — WPS documents no JS form; `Text` shows `#DIV/0!`);
 *   - `Address` is a method in one build (the typings: `Address(RowAbsolute, ColumnAbsolute)`) and a
 *     property in another (`build: 'property'`), as reported for `Value()` / `Address()`;
 *   - `MergeCells` is true / false / null (mixed), `MergeArea` of a cell outside any merge is the cell
 *     itself (VBA reference, Range.MergeArea: "If the specified range isn't in a merged range, this
 *     property returns the specified range");
 *   - `UsedRange` covers formatted cells too (fills, number formats, comments), as VBA's does, and does not
 *     shrink when they are cleared;
 *   - no fill reads `Interior.Pattern` xlNone (-4142) and `Interior.Color` 16777215 (white), like a white
 *     fill: only the pattern tells them apart; setting `Color` on a cell with no fill makes it solid;
 *   - `Range.Comment` is null without a comment; `AddComment` on a cell that has one throws (VBA: run-time
 *     error 1004); `Comment.Text(t)` replaces the whole text;
 *   - a protected sheet (`ProtectContents`) refuses every write;
 *   - `CustomDocumentProperties.Add` refuses a string over 255 characters (Office's DocumentProperties.Add:
 *     "limited to 255 characters") and a name that exists; `Item` of a missing name throws;
 *   - defined names follow their cell when rows are inserted or deleted, read `#REF!` once it is deleted,
 *     and follow a renamed sheet (they hold the sheet, not its name).
 * It does not model calculation, styles other than fills and bold, or any call the host does not make.
 */
import type { CellRange } from '../../../src/core/sheet';
import { a1, columnLetters, parseA1 } from '../../../src/core/sheet';
import type {
  EtApplication,
  EtComment,
  EtDocumentProperties,
  EtDocumentProperty,
  EtInterior,
  EtName,
  EtNames,
  EtRange,
  EtSheets,
  EtWorkbook,
  EtWorksheet,
} from '../../../src/hosts/wps/et';

const XL_NONE = -4142;
const XL_SOLID = 1;
const WHITE = 0xffffff;
const MAX_COLS = 16_384;
/** HRESULTs of VT_ERROR values (xlErrDiv0 2007 → 0x800A07D7, …). */
const ERROR_CODES: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtError';
  }
}

export interface EtFill {
  pattern: number;
  /** VBA RGB long (red in the low byte). */
  color: number;
  patternColor?: number;
  tint?: number;
}

export interface EtCell {
  value?: number | string | boolean;
  formula?: string;
  error?: string;
  format?: string;
  fill?: EtFill;
  comment?: string;
  bold?: boolean;
}

export type Build = 'method' | 'property';

// ───────────────────────────── the document ─────────────────────────────

export class EtSheet {
  readonly cells = new Map<number, EtCell>();
  merges: CellRange[] = [];
  visible: number = -1;
  protect = false;

  constructor(
    readonly book: EtBook,
    public name: string,
    readonly codeName: string,
  ) {}

  cellAt(row: number, col: number): EtCell | undefined {
    return this.cells.get(row * MAX_COLS + col);
  }

  edit(row: number, col: number): EtCell {
    const k = row * MAX_COLS + col;
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = {}));
    return c;
  }

  cell(ref: string): EtCell | undefined {
    const { row, col } = parseA1(ref);
    return this.cellAt(row, col);
  }

  put(ref: string, value: number | string | boolean, format?: string): this {
    const { row, col } = parseA1(ref);
    const c = this.edit(row, col);
    c.value = value;
    delete c.formula;
    delete c.error;
    if (format) c.format = format;
    return this;
  }

  putFormula(ref: string, formula: string, cached: number | string, format?: string): this {
    const { row, col } = parseA1(ref);
    const c = this.edit(row, col);
    c.formula = formula;
    c.value = cached;
    if (format) c.format = format;
    return this;
  }

  paint(ref: string, hex: string, pattern = XL_SOLID, tint = 0): this {
    const { row, col } = parseA1(ref);
    this.edit(row, col).fill = { pattern, color: bgr(hex), ...(tint ? { tint } : {}) };
    return this;
  }

  comment(ref: string, text: string): this {
    const { row, col } = parseA1(ref);
    this.edit(row, col).comment = text;
    return this;
  }

  merge(ref: string): this {
    const [s, e] = ref.split(':');
    const a = parseA1(s);
    const b = parseA1(e);
    this.merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
    return this;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** Inserts `n` empty rows before 0-based `at`, as the user would: cells, merges and names move. */
  insertRows(at: number, n: number): void {
    this.shiftRows(at, n);
  }

  /** Deletes `n` rows from 0-based `at`: names on them turn #REF!. */
  deleteRows(at: number, n: number): void {
    for (const k of [...this.cells.keys()]) {
      const row = Math.floor(k / MAX_COLS);
      if (row >= at && row < at + n) this.cells.delete(k);
    }
    this.merges = this.merges.filter((m) => m.bottom < at || m.top >= at + n);
    for (const nm of this.book.names) if (nm.sheet === this && nm.row !== null && nm.row >= at && nm.row < at + n) nm.row = null;
    this.shiftRows(at + n, -n);
  }

  private shiftRows(from: number, by: number): void {
    const moved = [...this.cells.entries()].filter(([k]) => Math.floor(k / MAX_COLS) >= from);
    for (const [k] of moved) this.cells.delete(k);
    for (const [k, c] of moved) this.cells.set(k + by * MAX_COLS, c);
    this.merges = this.merges.map((m) => (m.top >= from ? { ...m, top: m.top + by, bottom: m.bottom + by } : m));
    for (const nm of this.book.names) if (nm.sheet === this && nm.row !== null && nm.row >= from) nm.row += by;
  }

  /** Everything the user could see, for "nothing changed" assertions. */
  snapshot(): string {
    const cells = [...this.cells.entries()]
      .filter(([, c]) => c.value !== undefined || c.formula || c.error || c.fill || c.format || c.comment)
      .sort((x, y) => x[0] - y[0])
      .map(([k, c]) => [a1(Math.floor(k / MAX_COLS), k % MAX_COLS), c.value ?? null, c.formula ?? null, c.error ?? null, c.format ?? null, c.fill ?? null, c.comment ?? null]);
    return JSON.stringify({ name: this.name, cells, merges: this.merges });
  }
}

export interface FakeEtName {
  name: string;
  sheet: EtSheet;
  /** null once the cell was deleted (#REF!). */
  row: number | null;
  col: number;
  visible: boolean;
}

export class EtBook {
  readonly sheets: EtSheet[] = [];
  readonly names: FakeEtName[] = [];
  readonly props = new Map<string, string | number | boolean>();
  active: EtSheet | undefined;
  selection: string | undefined;
  /** ET calls made (property reads and writes, method calls). */
  calls = 0;
  /** Throws on the nth write from now (1 = the next), to test failures part-way. */
  failWriteAt: number | undefined;
  private sheetSeq = 0;

  constructor(readonly build: Build = 'method') {}

  addSheet(name: string): EtSheet {
    const s = new EtSheet(this, name, `Sheet${++this.sheetSeq}`);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }

  sheet(name: string): EtSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  app(): FakeApplication {
    return new FakeApplication(this);
  }

  /** One call into WPS. Writes count down to an injected failure. */
  call(write = false): void {
    this.calls++;
    if (write && this.failWriteAt !== undefined && --this.failWriteAt <= 0) {
      this.failWriteAt = undefined;
      throw new EtError('WPS 拒绝了写入（测试注入的失败）');
    }
  }
}

// ───────────────────────────── the object model ─────────────────────────────

export class FakeApplication implements EtApplication {
  ScreenUpdating = true;
  constructor(private readonly book: EtBook) {}
  get ActiveWorkbook(): EtWorkbook | null {
    this.book.call();
    return this.book.sheets.length ? new FakeWorkbook(this.book) : null;
  }
}

class FakeWorkbook implements EtWorkbook {
  constructor(private readonly book: EtBook) {}
  get Worksheets(): EtSheets {
    this.book.call();
    return new FakeSheets(this.book);
  }
  get ActiveSheet(): EtWorksheet {
    this.book.call();
    return new FakeWorksheet(this.book.active!);
  }
  get Names(): EtNames {
    this.book.call();
    return new FakeNames(this.book);
  }
  get CustomDocumentProperties(): EtDocumentProperties {
    this.book.call();
    return new FakeProperties(this.book);
  }
}

class FakeSheets implements EtSheets {
  constructor(private readonly book: EtBook) {}
  get Count(): number {
    this.book.call();
    return this.book.sheets.length;
  }
  Item(index: number | string): EtWorksheet {
    this.book.call();
    const s = typeof index === 'number' ? this.book.sheets[index - 1] : this.book.sheets.find((x) => x.name === index);
    if (!s) throw new EtError('下标越界');
    return new FakeWorksheet(s);
  }
  Add(_before?: unknown, after?: EtWorksheet): EtWorksheet {
    this.book.call(true);
    const s = this.book.addSheet(`Sheet${this.book.sheets.length + 1}`);
    if (after) {
      this.book.sheets.splice(this.book.sheets.indexOf(s), 1);
      const i = this.book.sheets.findIndex((x) => x.name === after.Name);
      this.book.sheets.splice(i + 1, 0, s);
    }
    this.book.active = s;
    return new FakeWorksheet(s);
  }
}

class FakeWorksheet implements EtWorksheet {
  constructor(readonly sheet: EtSheet) {}
  private get book(): EtBook {
    return this.sheet.book;
  }
  get Name(): string {
    this.book.call();
    return this.sheet.name;
  }
  set Name(v: string) {
    this.book.call(true);
    this.sheet.name = v;
  }
  get CodeName(): string {
    this.book.call();
    return this.sheet.codeName;
  }
  get Visible(): number {
    this.book.call();
    return this.sheet.visible;
  }
  set Visible(v: number) {
    this.book.call(true);
    this.sheet.visible = v;
  }
  get ProtectContents(): boolean {
    this.book.call();
    return this.sheet.protect;
  }
  get UsedRange(): EtRange {
    this.book.call();
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const see = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const [k, c] of this.sheet.cells) {
      if (c.value !== undefined || c.formula || c.error || c.fill || c.format || c.comment) see(Math.floor(k / MAX_COLS), k % MAX_COLS);
    }
    for (const m of this.sheet.merges) {
      see(m.top, m.left);
      see(m.bottom, m.right);
    }
    if (bottom < 0) return new FakeRange(this.sheet, { top: 0, left: 0, bottom: 0, right: 0 });
    return new FakeRange(this.sheet, { top, left, bottom, right });
  }
  Range(ref: string): EtRange {
    this.book.call();
    const [s, e] = ref.replace(/\$/g, '').split(':');
    const a = parseA1(s);
    const b = e ? parseA1(e) : a;
    return new FakeRange(this.sheet, { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  Activate(): void {
    this.book.call();
    this.book.active = this.sheet;
  }
}

class FakeRange implements EtRange {
  constructor(
    private readonly sheet: EtSheet,
    private readonly r: CellRange,
  ) {}
  private get book(): EtBook {
    return this.sheet.book;
  }
  private get single(): boolean {
    return this.r.top === this.r.bottom && this.r.left === this.r.right;
  }
  private each(f: (row: number, col: number) => void): void {
    for (let y = this.r.top; y <= this.r.bottom; y++) for (let x = this.r.left; x <= this.r.right; x++) f(y, x);
  }
  private grid<T>(f: (c: EtCell | undefined, row: number, col: number) => T): T | T[][] {
    if (this.single) return f(this.sheet.cellAt(this.r.top, this.r.left), this.r.top, this.r.left);
    const out: T[][] = [];
    for (let y = this.r.top; y <= this.r.bottom; y++) {
      const row: T[] = [];
      for (let x = this.r.left; x <= this.r.right; x++) row.push(f(this.sheet.cellAt(y, x), y, x));
      out.push(row);
    }
    return out;
  }
  private write(f: (c: EtCell, row: number, col: number) => void): void {
    this.book.call(true);
    if (this.sheet.protect) throw new EtError(`工作表“${this.sheet.name}”受保护，不能修改`);
    this.each((y, x) => f(this.sheet.edit(y, x), y, x));
  }

  get Row(): number {
    this.book.call();
    return this.r.top + 1;
  }
  get Column(): number {
    this.book.call();
    return this.r.left + 1;
  }
  get Rows(): { Count: number } {
    this.book.call();
    return { Count: this.r.bottom - this.r.top + 1 };
  }
  get Columns(): { Count: number } {
    this.book.call();
    return { Count: this.r.right - this.r.left + 1 };
  }
  get Value2(): unknown {
    this.book.call();
    return this.grid((c) => (c?.error ? ERROR_CODES[c.error] ?? ERROR_CODES['#VALUE!'] : c?.value));
  }
  set Value2(v: unknown) {
    const rows = Array.isArray(v) ? (v as unknown[][]) : null;
    this.write((c, y, x) => {
      const value = rows ? rows[y - this.r.top]?.[x - this.r.left] : v;
      delete c.formula;
      delete c.error;
      if (value === undefined || value === null || value === '') delete c.value;
      else c.value = value as string | number | boolean;
    });
  }
  get Formula(): unknown {
    this.book.call();
    return this.grid((c) => c?.formula ?? (c?.value === undefined ? '' : String(c.value)));
  }
  set Formula(v: unknown) {
    this.write((c) => {
      const f = String(v);
      if (f.startsWith('=')) {
        c.formula = f;
        delete c.value; // no calculation here
      } else {
        delete c.formula;
        c.value = f;
      }
    });
  }
  get NumberFormat(): string | null {
    this.book.call();
    const formats = new Set<string>();
    this.each((y, x) => formats.add(this.sheet.cellAt(y, x)?.format ?? 'General'));
    return formats.size === 1 ? [...formats][0] : null;
  }
  set NumberFormat(v: string | null) {
    this.write((c) => {
      if (!v || v === 'General') delete c.format;
      else c.format = v;
    });
  }
  get Text(): string | null {
    this.book.call();
    const texts = new Set<string>();
    this.each((y, x) => texts.add(displayText(this.sheet.cellAt(y, x))));
    return texts.size === 1 ? [...texts][0] : null;
  }
  get MergeCells(): boolean | null {
    this.book.call();
    let merged = 0;
    let all = 0;
    this.each((y, x) => {
      all++;
      if (this.sheet.mergeAt(y, x)) merged++;
    });
    return merged === 0 ? false : merged === all ? true : null;
  }
  get MergeArea(): EtRange {
    this.book.call();
    const m = this.sheet.mergeAt(this.r.top, this.r.left);
    return new FakeRange(this.sheet, m ?? { top: this.r.top, left: this.r.left, bottom: this.r.top, right: this.r.left });
  }
  get Interior(): EtInterior {
    this.book.call();
    return new FakeInterior(this.sheet, this.r);
  }
  get Comment(): EtComment | null {
    this.book.call();
    const c = this.sheet.cellAt(this.r.top, this.r.left);
    return c?.comment !== undefined ? new FakeComment(this.sheet, this.r.top, this.r.left) : null;
  }
  get Font(): { Bold: boolean } {
    this.book.call();
    const self = this;
    return {
      get Bold() {
        self.book.call();
        return !!self.sheet.cellAt(self.r.top, self.r.left)?.bold;
      },
      set Bold(v: boolean) {
        self.write((c) => (c.bold = v));
      },
    };
  }
  AddComment(text?: string): EtComment {
    this.write((c, y, x) => {
      if (y !== this.r.top || x !== this.r.left) return;
      if (c.comment !== undefined) throw new EtError('不能在已有批注的单元格上添加批注');
      c.comment = text ?? '';
    });
    return new FakeComment(this.sheet, this.r.top, this.r.left);
  }
  ClearComments(): void {
    this.write((c) => delete c.comment);
  }
  ClearContents(): boolean {
    this.write((c) => {
      delete c.value;
      delete c.formula;
      delete c.error;
    });
    return true;
  }
  Select(): boolean {
    this.book.call();
    if (this.book.active !== this.sheet) throw new EtError('Range 类的 Select 方法无效：工作表未激活');
    this.book.selection = this.address();
    return true;
  }
  Resize(rows?: number, cols?: number): EtRange {
    this.book.call();
    const h = rows ?? this.r.bottom - this.r.top + 1;
    const w = cols ?? this.r.right - this.r.left + 1;
    return new FakeRange(this.sheet, { top: this.r.top, left: this.r.left, bottom: this.r.top + h - 1, right: this.r.left + w - 1 });
  }
  get Address(): EtRange['Address'] {
    this.book.call();
    const text = this.address(true);
    if (this.book.build === 'property') return text;
    return ((rowAbs = true, colAbs = true) => this.address(rowAbs && colAbs)) as EtRange['Address'];
  }
  private address(absolute = false): string {
    const d = absolute ? '$' : '';
    const s = `${d}${columnLetters(this.r.left)}${d}${this.r.top + 1}`;
    return this.single ? s : `${s}:${d}${columnLetters(this.r.right)}${d}${this.r.bottom + 1}`;
  }
}

class FakeInterior implements EtInterior {
  constructor(
    private readonly sheet: EtSheet,
    private readonly r: CellRange,
  ) {}
  private first(): EtFill | undefined {
    this.sheet.book.call();
    return this.sheet.cellAt(this.r.top, this.r.left)?.fill;
  }
  private set(f: (c: EtCell) => void): void {
    this.sheet.book.call(true);
    if (this.sheet.protect) throw new EtError(`工作表“${this.sheet.name}”受保护，不能修改`);
    for (let y = this.r.top; y <= this.r.bottom; y++) for (let x = this.r.left; x <= this.r.right; x++) f(this.sheet.edit(y, x));
  }
  get Pattern(): number {
    return this.first()?.pattern ?? XL_NONE;
  }
  set Pattern(v: number) {
    this.set((c) => {
      if (v === XL_NONE) delete c.fill;
      else c.fill = { ...(c.fill ?? { color: WHITE }), pattern: v };
    });
  }
  get Color(): number {
    return this.first()?.color ?? WHITE;
  }
  set Color(v: number) {
    this.set((c) => (c.fill = { ...(c.fill ?? { pattern: XL_SOLID }), color: v }));
  }
  get PatternColor(): number {
    return this.first()?.patternColor ?? 0;
  }
  set PatternColor(v: number) {
    this.set((c) => {
      if (c.fill) c.fill = { ...c.fill, patternColor: v };
    });
  }
  get TintAndShade(): number {
    return this.first()?.tint ?? 0;
  }
  set TintAndShade(v: number) {
    this.set((c) => {
      if (!c.fill) return;
      const { tint: _t, ...rest } = c.fill;
      c.fill = v ? { ...rest, tint: v } : rest;
    });
  }
}

class FakeComment implements EtComment {
  constructor(
    private readonly sheet: EtSheet,
    private readonly row: number,
    private readonly col: number,
  ) {}
  Text(text?: string): string {
    const c = this.sheet.cellAt(this.row, this.col);
    if (c?.comment === undefined) throw new EtError('批注已被删除');
    this.sheet.book.call(text !== undefined);
    if (text !== undefined) {
      if (this.sheet.protect) throw new EtError(`工作表“${this.sheet.name}”受保护，不能修改`);
      c.comment = text;
    }
    return c.comment;
  }
  Delete(): void {
    this.sheet.book.call(true);
    if (this.sheet.protect) throw new EtError(`工作表“${this.sheet.name}”受保护，不能修改`);
    const c = this.sheet.cellAt(this.row, this.col);
    if (c) delete c.comment;
  }
}

class FakeNames implements EtNames {
  constructor(private readonly book: EtBook) {}
  get Count(): number {
    this.book.call();
    return this.book.names.length;
  }
  Item(index: number | string): EtName {
    this.book.call();
    const n = typeof index === 'number' ? this.book.names[index - 1] : this.book.names.find((x) => x.name === index);
    if (!n) throw new EtError(`名称“${index}”不存在`);
    return new FakeNameItem(this.book, n);
  }
  Add(name: string, refersTo: string, visible = true): EtName {
    this.book.call(true);
    const m = /^='?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(refersTo);
    if (!m) throw new EtError(`引用无效：${refersTo}`);
    const sheet = this.book.sheet(m[1].replace(/''/g, "'"));
    const { row, col } = parseA1(`${m[2]}${m[3]}`);
    const existing = this.book.names.findIndex((x) => x.name === name);
    const n: FakeEtName = { name, sheet, row, col, visible };
    if (existing >= 0) this.book.names[existing] = n;
    else this.book.names.push(n);
    return new FakeNameItem(this.book, n);
  }
}

class FakeNameItem implements EtName {
  constructor(
    private readonly book: EtBook,
    private readonly n: FakeEtName,
  ) {}
  get Name(): string {
    this.book.call();
    return this.n.name;
  }
  set Name(v: string) {
    this.book.call(true);
    this.n.name = v;
  }
  get RefersTo(): string {
    this.book.call();
    const sheet = /^[\p{L}\p{N}_]+$/u.test(this.n.sheet.name) ? this.n.sheet.name : `'${this.n.sheet.name.replace(/'/g, "''")}'`;
    if (this.n.row === null || !this.book.sheets.includes(this.n.sheet)) return `=${sheet}!#REF!`;
    return `=${sheet}!$${columnLetters(this.n.col)}$${this.n.row + 1}`;
  }
  set RefersTo(_v: string | boolean) {
    throw new EtError('not modelled');
  }
  get Visible(): boolean {
    this.book.call();
    return this.n.visible;
  }
  set Visible(v: boolean) {
    this.book.call(true);
    this.n.visible = v;
  }
  Delete(): void {
    this.book.call(true);
    const i = this.book.names.indexOf(this.n);
    if (i >= 0) this.book.names.splice(i, 1);
  }
}

class FakeProperties implements EtDocumentProperties {
  constructor(private readonly book: EtBook) {}
  get Count(): number {
    this.book.call();
    return this.book.props.size;
  }
  Item(index: string | number): EtDocumentProperty {
    this.book.call();
    const name = typeof index === 'number' ? [...this.book.props.keys()][index - 1] : index;
    if (name === undefined || !this.book.props.has(name)) throw new EtError(`文档属性“${index}”不存在`);
    return new FakeProperty(this.book, name);
  }
  Add(name: string, _link: boolean, _type?: number, value?: string | number | boolean): EtDocumentProperty {
    this.book.call(true);
    if (this.book.props.has(name)) throw new EtError(`文档属性“${name}”已存在`);
    if (typeof value === 'string' && value.length > 255) throw new EtError('字符串属性的值不能超过 255 个字符');
    this.book.props.set(name, value ?? '');
    return new FakeProperty(this.book, name);
  }
}

class FakeProperty implements EtDocumentProperty {
  constructor(
    private readonly book: EtBook,
    readonly Name: string,
  ) {}
  get Value(): string | number | boolean {
    this.book.call();
    return this.book.props.get(this.Name) ?? '';
  }
  set Value(v: string | number | boolean) {
    this.book.call(true);
    this.book.props.set(this.Name, v);
  }
  Delete(): void {
    this.book.call(true);
    this.book.props.delete(this.Name);
  }
}

// ───────────────────────────── helpers ─────────────────────────────

export function bgr(hex: string): number {
  const h = hex.replace(/^#/, '');
  return parseInt(h.slice(0, 2), 16) + parseInt(h.slice(2, 4), 16) * 256 + parseInt(h.slice(4, 6), 16) * 65536;
}

export function hexOf(n: number): string {
  return `#${[n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** The display text, as the Excel fake renders it (test/hosts/excel/fakeExcel.ts), so both hosts see the same. */
export function displayText(c: EtCell | undefined): string {
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

/** Puts a SheetModel (a fixture read by the workbook adapter) on a new fake sheet, as WPS would hold it. */
export function etSheetOf(book: EtBook, model: import('../../../src/core/sheet').SheetModel, name = model.name): EtSheet {
  const ws = book.addSheet(name);
  model.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const formula = model.formulas?.[i]?.[j] ?? null;
      const format = model.formats?.[i]?.[j] ?? null;
      const hasFormat = !!format && format !== 'General';
      if (v === null && !formula && !hasFormat) return;
      const cell = ws.edit(model.top + i, model.left + j);
      if (formula) cell.formula = formula;
      if (typeof v === 'object' && v !== null) cell.error = v.error;
      else if (v !== null) cell.value = v;
      if (hasFormat) cell.format = format;
    }),
  );
  for (const m of model.merges) ws.merges.push({ ...m });
  return ws;
}
