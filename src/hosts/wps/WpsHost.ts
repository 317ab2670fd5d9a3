/**
 * The Host for WPS 表格 (WPS加载项, the ET object model). Moves cells in and out; decides nothing about
 * forms. What it decides about cells is shared with the Excel host (../sheetHost): which cells to mark
 * (targets.ts), what to do to each given what it holds and what we recorded (cellPlan.ts), the record's
 * entries (record.ts), our values read as empty (ourValues.ts), where marks moved (locate.ts).
 *
 * ET is synchronous: each property read or method call is one call into WPS, and nothing can change the
 * sheet between two calls of one run (the add-in's page runs them one after another; the user's typing
 * waits). So the state of every cell to write is read just before its plan is made, inside the run; there
 * is no snapshot and no "typed meanwhile".
 *
 *   readSheet   Value2 and Formula of the used range (two calls), the format and text of each number
 *               cell, merged areas by halving (readSheet.ts); the record and our defined names.
 *   applyMarks  per marked cell: its fill, value, formula, format and comment read, then written; the
 *               record is saved FIRST (docProps.ts) — a record that cannot be saved stops the run before
 *               any mark — and a write that fails part-way is undone cell by cell (planRollback) and the
 *               old record put back.
 *   clearMarks  per recorded cell: read, then restored; the record saved last.
 *
 * Undo: nothing says WPS can undo what an add-in writes (the issue; the API has no undo group), so the
 * record in the document is what 清除标记 goes by — never Ctrl+Z.
 */
import { HostError, REPORT_SHEET, type ApplySummary, type Host, type Mode, type ReportRow } from '../host';
import type { SheetModel } from '../../core/sheet';
import { columnLetters, parseA1 } from '../../core/sheet';
import type { SheetCheck } from '../../core/result';
import { SEVERITY_LABEL } from '../../core/marks';
import type { Severity } from '../../core/result';
import { planCell, planRollback, type CellPlan, type CellState } from '../sheetHost/cellPlan';
import { withoutOurValues } from '../sheetHost/ourValues';
import { parseRecordText, RECORD_KEY, recordText, type MarkEntry } from '../sheetHost/record';
import { NAME_PREFIX, nameAllocator, relocate, whereOf, type NameMap } from '../sheetHost/locate';
import { normalCell, targetsOf, type CellTarget } from '../sheetHost/targets';
import { XL_SHEET_VISIBLE, type EtApplication, type EtWorkbook, type EtWorksheet } from './et';
import { DocProps } from './docProps';
import { readWorksheet } from './readSheet';
import { applyPlan, cellStateOf, noteOf, valueStateOf } from './cellState';
import { lostError } from '../sheetHost/lostMarks';

/** The custom document property that holds the mark record (docProps.ts: chunked). */
/** The record is kept under the same key as Excel's (sheetHost/record.ts). */
export const WPS_RECORD_KEY = RECORD_KEY;
const SETTING_PREFIX = 'selfeval.setting.';
const REPORT_HEADER = ['工作表', '表单', '单元格', '级别', '代码', '说明'];

export class WpsHost implements Host {
  readonly kind = 'wps' as const;
  readonly notesSupported = true;
  private readonly props: DocProps;

  constructor(private readonly app: EtApplication) {
    this.props = new DocProps(() => this.workbook().CustomDocumentProperties);
  }

  async sheetNames(): Promise<string[]> {
    return this.reading(undefined, () => this.sheets().filter((ws) => visible(ws)).map((ws) => ws.Name));
  }

  async activeSheetName(): Promise<string> {
    return this.reading(undefined, () => this.workbook().ActiveSheet.Name);
  }

  async readSheet(name?: string): Promise<SheetModel> {
    return this.reading(name, () => {
      const ws = name === undefined ? this.workbook().ActiveSheet : this.sheet(name);
      const { model } = readWorksheet(ws);
      const record = this.record();
      return withoutOurValues(model, record.filter((e) => !e.lost && e.sheet === model.name));
    });
  }

  async applyMarks(checks: SheetCheck[], mode: Mode): Promise<ApplySummary> {
    const targets = targetsOf(checks, mode);
    const sheets = unique([...checks.map((c) => c.sheet), ...targets.map((t) => t.sheet)]);
    const record = this.reading(sheets.length === 1 ? sheets[0] : undefined, () => this.record());
    const inScope = record.filter((e) => !e.lost && sheets.includes(e.sheet));
    const kept = record.filter((e) => !inScope.includes(e));
    if (!targets.length && !inScope.length) return { marked: 0, filled: 0, notesSupported: true };

    const worksheets = new Map(sheets.map((n) => [n, this.reading(n, () => this.sheet(n))]));
    for (const [n, ws] of worksheets) if (ws.ProtectContents) throw protectedError(n);

    const slots = this.slots(inScope, targets, worksheets);
    const newName = nameAllocator();
    for (const s of slots) s.plan = planCell({ sheetId: s.sheetId, sheet: s.sheet, cell: s.cell, notes: true, newName }, s.state, s.old, s.target);
    const entries = slots.flatMap((s) => (s.plan!.entry ? [s.plan!.entry] : []));
    const changes = slots.filter((s) => hasOps(s.plan!));
    if (!changes.length && recordKey(entries) === recordKey(inScope)) return summaryOf(slots);

    // The record first: one that cannot be saved stops the run before any mark is written.
    try {
      this.saveRecord([...kept, ...entries]);
    } catch (e) {
      throw new HostError(
        `标记记录没能保存进工作簿（${errorText(e)}），所以没有写入任何标记，工作表未作改动。可改为逐个工作表校验，或先点击“清除标记”。`,
        'write-failed',
      );
    }
    this.write(sheets, changes, record);
    return summaryOf(slots);
  }

  async clearMarks(sheets?: string[]): Promise<number> {
    const record = this.reading(undefined, () => this.record());
    const scope = record.filter((e) => !sheets || sheets.includes(e.sheet));
    if (!scope.length) return 0;
    const lost = scope.filter((e) => e.lost);
    const live = scope.filter((e) => !e.lost);
    const names = unique(live.map((e) => e.sheet));
    const existing = new Set(this.sheets().map((ws) => ws.Name));
    // Entries of sheets deleted since: nothing left to restore.
    const gone = live.filter((e) => !existing.has(e.sheet));
    const present = live.filter((e) => existing.has(e.sheet));
    const worksheets = new Map(names.filter((n) => existing.has(n)).map((n) => [n, this.sheet(n)]));
    for (const [n, ws] of worksheets) if (ws.ProtectContents) throw protectedError(n);

    const slots = this.slots(present, [], worksheets);
    for (const s of slots) s.plan = planCell({ sheetId: s.sheetId, sheet: s.sheet, cell: s.cell, notes: true }, s.state, s.old, undefined);
    // Names of marks whose cell or sheet was deleted go too: a clear leaves none of ours behind.
    for (const e of [...lost, ...gone]) this.deleteName(e.name);
    const left = record.filter((e) => !scope.includes(e));
    this.write([...worksheets.keys()], slots.filter((s) => hasOps(s.plan!)), record, () => this.saveRecord(left));
    const cleared = slots.filter((s) => s.old).length;
    if (lost.length) throw lostError(cleared, lost);
    return cleared;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.reading(sheet, () => {
      const ws = this.sheet(sheet);
      ws.Activate();
      ws.Range(normalCell(cell)).Select();
    });
  }

  async applyFix(sheet: string, cell: string, value: number | string, numberFormat?: string): Promise<void> {
    const address = normalCell(cell);
    const ws = this.reading(sheet, () => this.sheet(sheet));
    const r = ws.Range(address);
    const f = valueStateOf(r).formula;
    if (f) throw new HostError(`单元格 ${quoted(sheet)}!${address} 含有公式 ${f}，不会被覆盖。请检查公式引用的单元格。`, 'formula');
    if (ws.ProtectContents) throw new HostError(`工作表${quoted(sheet)}受保护，无法写入 ${address}。请先撤销工作表保护。`, 'protected');
    try {
      if (numberFormat) r.NumberFormat = numberFormat;
      r.Value2 = value;
    } catch (e) {
      throw new HostError(`写入工作表${quoted(sheet)}时出错：${errorText(e)}`, 'write-failed');
    }
  }

  async exportReport(rows: ReportRow[]): Promise<void> {
    try {
      const wb = this.workbook();
      let ws = this.sheets().find((s) => s.Name === REPORT_SHEET);
      if (!ws) {
        const all = this.sheets();
        ws = wb.Worksheets.Add(undefined, all[all.length - 1]);
        ws.Name = REPORT_SHEET;
      } else {
        ws.UsedRange.ClearContents();
      }
      const values = [REPORT_HEADER, ...rows.map((r) => [r.sheet, r.form, r.cell, SEVERITY_LABEL[r.severity as Severity] ?? r.severity, r.code, r.message])];
      const range = ws.Range('A1').Resize(values.length, REPORT_HEADER.length);
      // Text format first, so that sheet names such as 2022 and codes stay text.
      range.NumberFormat = '@';
      range.Value2 = values;
      ws.Range('A1').Resize(1, REPORT_HEADER.length).Font.Bold = true;
      ws.Activate();
    } catch (e) {
      throw new HostError(`写入工作表“校验报告”时出错：${errorText(e)}（工作簿结构可能受保护）。`, 'write-failed');
    }
  }

  async loadSetting(key: string): Promise<string | null> {
    return this.reading(undefined, () => this.props.read(SETTING_PREFIX + key));
  }

  async saveSetting(key: string, value: string): Promise<void> {
    try {
      this.props.write(SETTING_PREFIX + key, value);
    } catch (e) {
      throw new HostError(`无法把设置保存到工作簿中：${errorText(e)}`, 'write-failed');
    }
  }

  /** The record as saved in the document, each entry moved to where its defined name is now. */
  private record(): MarkEntry[] {
    const text = this.props.read(WPS_RECORD_KEY);
    const entries = text ? parseRecordText(text) : [];
    if (!entries.some((e) => e.name)) return entries;
    return relocate(entries, this.names()).entries;
  }

  private saveRecord(entries: MarkEntry[]): void {
    this.props.write(WPS_RECORD_KEY, entries.length ? recordText(entries) : null);
  }

  /** Our defined names and where they point now (`=表1!$H$7`; `#REF!` once the cell was deleted). */
  private names(): NameMap {
    const out: NameMap = new Map();
    const names = this.workbook().Names;
    for (let i = 1; i <= names.Count; i++) {
      const n = names.Item(i);
      const name = n.Name;
      if (!name.startsWith(NAME_PREFIX)) continue;
      const to = n.RefersTo;
      out.set(name, typeof to === 'string' ? whereOf(to) : null);
    }
    return out;
  }

  private deleteName(name: string | undefined): void {
    if (!name) return;
    try {
      this.workbook().Names.Item(name).Delete();
    } catch {
      // gone already
    }
  }

  /** One slot per cell that holds an old mark or gets a new one, with its state read now. */
  private slots(old: MarkEntry[], targets: CellTarget[], worksheets: Map<string, EtWorksheet>): Slot[] {
    const slots = new Map<string, Slot>();
    const slot = (sheet: string, cell: string) => {
      const k = `${sheet}\u0000${cell}`;
      let s = slots.get(k);
      if (!s) {
        const ws = worksheets.get(sheet);
        if (!ws) throw new HostError(`找不到工作表${quoted(sheet)}，它可能已被删除或改名。`, 'read-failed');
        slots.set(k, (s = { sheet, cell, sheetId: ws.CodeName || sheet, ws, state: undefined as unknown as CellState }));
      }
      return s;
    };
    for (const e of old) slot(e.sheet, e.cell).old = e;
    for (const t of targets) slot(t.sheet, t.cell).target = t;
    const all = [...slots.values()];
    for (const s of all) {
      try {
        s.state = cellStateOf(s.ws.Range(s.cell), true);
      } catch (e) {
        throw new HostError(`读取工作表${quoted(s.sheet)}的单元格 ${s.cell} 时出错：${errorText(e)}`, 'read-failed');
      }
    }
    return all;
  }

  /**
   * Carries out the plans; `after` runs once every cell is done (the record save of a clear). On a
   * failure the cells done are put back as they were and the record as it was.
   */
  private write(sheets: string[], changes: Slot[], before: MarkEntry[], after?: () => void): void {
    const done: Slot[] = [];
    const screen = this.app.ScreenUpdating;
    this.app.ScreenUpdating = false;
    try {
      for (const s of changes) {
        done.push(s);
        const r = s.ws.Range(s.cell);
        applyPlan(r, s.plan!);
        this.applyName(s);
      }
      after?.();
    } catch (e) {
      let restored = true;
      for (const s of done.reverse()) {
        try {
          const r = s.ws.Range(s.cell);
          applyPlan(r, planRollback(s.state, s.plan!, noteOf(r), valueStateOf(r)));
          if (s.plan!.name?.op === 'add') this.deleteName(s.plan!.name.name);
        } catch {
          restored = false;
        }
      }
      try {
        this.saveRecord(before);
      } catch {
        restored = false;
      }
      const where = sheets.length ? `工作表${sheets.map(quoted).join('、')}` : '工作簿';
      const then = restored
        ? '已撤回本次写入的内容，工作表保持运行前的样子。'
        : '撤回本次写入时也出错，部分标记可能已写入，请点击“清除标记”。';
      throw new HostError(`写入${where}时出错：${errorText(e)}。${then}`, 'write-failed');
    } finally {
      this.app.ScreenUpdating = screen;
    }
  }

  private applyName(s: Slot): void {
    const op = s.plan!.name;
    if (!op) return;
    if (op.op === 'delete') return this.deleteName(op.name);
    const { row, col } = parseA1(s.cell);
    // Hidden (Visible false), like the Excel host's: not in the name box or the name manager.
    this.workbook().Names.Add(op.name, `='${s.sheet.replace(/'/g, "''")}'!$${columnLetters(col)}$${row + 1}`, false);
  }

  private workbook(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new HostError('没有打开的工作簿。请先打开要校验的表格。', 'read-failed');
    return wb;
  }

  private sheets(): EtWorksheet[] {
    const all = this.workbook().Worksheets;
    const out: EtWorksheet[] = [];
    for (let i = 1; i <= all.Count; i++) out.push(all.Item(i));
    return out;
  }

  private sheet(name: string): EtWorksheet {
    const ws = this.sheets().find((s) => s.Name === name);
    if (!ws) throw new HostError(`找不到工作表${quoted(name)}，它可能已被删除或改名。`, 'read-failed');
    return ws;
  }

  /** Runs a read; anything ET throws becomes a plain message naming the sheet. */
  private reading<T>(sheet: string | undefined, read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(`读取${sheet ? `工作表${quoted(sheet)}` : '当前工作表'}时出错：${errorText(e)}`, 'read-failed');
    }
  }
}

interface Slot {
  sheet: string;
  cell: string;
  sheetId: string;
  ws: EtWorksheet;
  old?: MarkEntry;
  target?: CellTarget;
  state: CellState;
  plan?: CellPlan;
}

function hasOps(p: CellPlan): boolean {
  return !!(p.fill || p.note || p.value || p.name);
}

function summaryOf(slots: Slot[]): ApplySummary {
  return {
    marked: slots.filter((s) => s.target?.findings.length).length,
    filled: slots.filter((s) => s.plan?.filled).length,
    notesSupported: true,
  };
}

function visible(ws: EtWorksheet): boolean {
  const v = ws.Visible as unknown;
  return v === XL_SHEET_VISIBLE || v === true;
}

function quoted(sheet: string): string {
  return `“${sheet}”`;
}

function protectedError(sheet: string): HostError {
  return new HostError(
    `工作表${quoted(sheet)}受保护，无法写入标记或数值。请先在“审阅 → 撤销工作表保护”中取消保护，再运行校验。工作表未作任何改动。`,
    'protected',
  );
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Entries compared regardless of order and of their defined names' run ids. */
function recordKey(entries: readonly MarkEntry[]): string {
  return recordText([...entries].sort((a, b) => (a.sheet + a.cell).localeCompare(b.sheet + b.cell)));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
