/**
 * The Host for Excel (Office.js). Moves cells in and out; decides nothing about forms.
 *
 * Sync counts (measured in test/hosts/excel):
 *   readSheet   1 sync on Windows/Mac up to DESKTOP_ROW_HORIZON (65,536) rows, 1,000 stacked forms
 *               included; on the web 1 sync up to row ~1,100, then one per ~4 MB (limits.ts). The same
 *               syncs bring what the write will need (snapshot.ts): every cell's fill, the sheet's
 *               protection, where its notes are. Cells holding a computed value we wrote read as empty
 *               (from the record in memory, no sync), so a second run needs no 清除标记 first.
 *   applyMarks  right after a read of the sheet: 1 write sync (fills, notes, values; one undo group where
 *               ExcelApi 1.20 allows), none when a re-run finds everything in place; then the mark record
 *               is saved with the settings. Without a fresh read (applyMarks on its own, a read older than
 *               SNAPSHOT_MAX_AGE_MS, marks outside what the read covered, the user's own notes elsewhere on
 *               the sheet): 1 load sync first, as before. One more sync only when something went wrong: a
 *               value typed between the read and the write (put back), or a failed write (rolled back).
 *   a run       readSheet + applyMarks, no clearMarks first: 2 syncs (the ribbon command, and the pane,
 *               which reads the active sheet without asking its name first), 1 when a re-run finds
 *               everything in place.
 *   clearMarks  1 sync to list the sheets + 1 load + 1 write (no sync at all when nothing is marked).
 */
import { HostError, type ApplySummary, type Host, type Mode, type ReportRow } from '../host';
import type { SheetModel } from '../../core/sheet';
import type { SheetCheck } from '../../core/result';
import { officeEnv, type ExcelEnv } from './env';
import { errorText, officeCode, quoted, readError, writeError } from './errors';
import { readSheet } from './readSheet';
import { SNAPSHOT_MAX_AGE_MS } from './limits';
import type { SheetSnapshot } from './snapshot';
import { reconcile } from './reconcile';
import { withoutOurValues } from './ourValues';
import { RECORD_KEY, loadRecord, recordText, storeRecord, type MarkEntry } from './record';
import { queueNames, relocate, type NameMap } from './locate';
import { REPORT_SHEET, queueReport, queueReportSheet } from './report';
import { persistSettings, readSetting } from './settings';
import { normalCell, targetsOf } from './targets';

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  private readonly env: ExcelEnv;
  /** Sheet name → Worksheet.id, learned on every read (to match record entries after a rename). */
  private readonly ids = new Map<string, string>();
  /**
   * Sheet name → what its last read saw (fills, protection, notes), for the applyMarks that follows.
   * Used once: any write to the sheet (marks, clear, a fix) drops it.
   */
  private readonly snapshots = new Map<string, SheetSnapshot>();

  constructor(env?: ExcelEnv) {
    this.env = env ?? officeEnv();
  }

  /** ExcelApi 1.18: notes. Without it the pane alone shows the messages. */
  get notesSupported(): boolean {
    return this.env.isSetSupported('ExcelApi', '1.18');
  }

  async sheetNames(): Promise<string[]> {
    return this.withReadError(undefined, (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id,items/visibility');
      return context.sync().then(() => {
        for (const ws of sheets.items) this.ids.set(ws.name, ws.id);
        return sheets.items.filter((ws) => ws.visibility === 'Visible').map((ws) => ws.name);
      });
    });
  }

  async activeSheetName(): Promise<string> {
    return this.withReadError(undefined, async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await context.sync();
      return ws.name;
    });
  }

  /**
   * The cells as the user left them: a computed value we wrote (and the record remembers) reads as an
   * empty cell while it is still exactly that value, so a second run fills it again instead of taking it
   * for the user's (ourValues.ts). The record is in memory: no extra sync.
   */
  async readSheet(name?: string): Promise<SheetModel> {
    let record = loadRecord(this.env.settings);
    if (name !== undefined) this.snapshots.delete(name);
    const names = record.some((e) => e.name);
    const read = await readSheet(this.env, name, { notes: this.notesSupported, noteCells: this.noteCells(record, name), names });
    this.ids.set(read.model.name, read.id);
    this.snapshots.set(read.model.name, read.snapshot);
    if (read.names) record = this.relocated(record, read.names);
    const { inScope } = this.split(record, [read.model.name]);
    return withoutOurValues(read.model, inScope);
  }

  async applyMarks(checks: SheetCheck[], mode: Mode): Promise<ApplySummary> {
    const notesSupported = this.notesSupported;
    const targets = targetsOf(checks, mode);
    const sheets = unique([...checks.map((c) => c.sheet), ...targets.map((t) => t.sheet)]);
    const record = loadRecord(this.env.settings);
    const { inScope, rest } = this.split(record, sheets);
    if (!targets.length && !inScope.length) return { marked: 0, filled: 0, notesSupported };

    // The reads just before (the ribbon command, the pane) saw everything the write needs.
    const snapshots = new Map<string, SheetSnapshot>();
    for (const name of sheets) {
      const snap = this.snapshots.get(name);
      if (snap && snap.fresh(SNAPSHOT_MAX_AGE_MS) && (this.ids.get(name) ?? snap.id) === snap.id) snapshots.set(name, snap);
    }
    for (const name of sheets) this.snapshots.delete(name); // the sheet is about to change
    let saved: string | undefined;
    const beforeWrite = async (entries: MarkEntry[]) => {
      saved = await this.saveRecordFirst([...rest, ...entries]);
    };
    let result: Awaited<ReturnType<ExcelHost['reconcile']>>;
    try {
      result = await this.reconcile(sheets, inScope, targets, notesSupported, snapshots, beforeWrite);
    } catch (e) {
      // The write failed and was rolled back: the record saved before it describes marks that are not
      // there. Put the old one back (best effort: clearing checks every cell before touching it anyway).
      if (saved !== undefined) {
        storeRecord(this.env.settings, record);
        await persistSettings(this.env.settings).catch(() => undefined);
      }
      throw e;
    }
    const after = [...rest, ...result.entries];
    if (recordText(after) !== saved) await this.saveRecord(after);
    if (result.failure) throw result.failure;
    return { marked: result.marked, filled: result.filled, notesSupported };
  }

  async clearMarks(sheets?: string[]): Promise<number> {
    let record = loadRecord(this.env.settings);
    if (!record.length) return 0;
    // Which sheets still exist, under which names (entries keep the id from marking time), and where
    // our marks are now (rows and columns inserted or deleted since).
    const { current, marks } = await this.withReadError(undefined, async (context) => {
      const all = context.workbook.worksheets;
      all.load('items/name,items/id');
      const marks = record.some((e) => e.name) ? queueNames(context) : undefined;
      await context.sync();
      return { current: all.items.map((ws) => ({ name: ws.name, id: ws.id })), marks: marks?.() };
    });
    if (marks) record = relocate(record, marks).entries;
    for (const ws of current) this.ids.set(ws.name, ws.id);
    const nameOf = new Map(current.map((ws) => [ws.id, ws.name]));
    const sheetNames = new Set(current.map((ws) => ws.name));
    const live: MarkEntry[] = [];
    for (const e of record) {
      const name = nameOf.get(e.sheetId) ?? (sheetNames.has(e.sheet) ? e.sheet : undefined);
      if (name !== undefined) live.push({ ...e, sheet: name });
      // Entries of deleted sheets are dropped: nothing left to restore.
    }
    const scope = sheets ? unique(sheets) : unique(live.map((e) => e.sheet));
    const inScope = live.filter((e) => scope.includes(e.sheet) && !e.lost);
    const lost = live.filter((e) => scope.includes(e.sheet) && e.lost);
    const rest = live.filter((e) => !scope.includes(e.sheet));
    let cleared = 0;
    if (inScope.length) {
      const touched = unique(inScope.map((e) => e.sheet));
      for (const name of touched) this.snapshots.delete(name);
      const result = await this.reconcile(touched, inScope, [], this.notesSupported);
      await this.saveRecord([...rest, ...result.entries]);
      cleared = result.cleared;
    } else if (live.length !== record.length || lost.length) {
      await this.saveRecord(rest);
    }
    if (lost.length) throw lostError(cleared, lost);
    return cleared;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.withReadError(sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(normalCell(cell)).select();
      await context.sync();
    });
  }

  async applyFix(sheet: string, cell: string, value: number | string, numberFormat?: string): Promise<void> {
    const address = normalCell(cell);
    this.snapshots.delete(sheet);
    await this.env.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.protection.load('protected');
      const r = ws.getRange(address);
      r.load('formulas');
      try {
        await context.sync();
      } catch (e) {
        throw readError(sheet, e);
      }
      const f = r.formulas[0][0];
      if (typeof f === 'string' && f.startsWith('=')) {
        throw new HostError(
          `单元格 ${quoted(sheet)}!${address} 含有公式 ${f}，不会被覆盖。请检查公式引用的单元格。`,
          'formula',
        );
      }
      if (ws.protection.protected) {
        throw new HostError(`工作表${quoted(sheet)}受保护，无法写入 ${address}。请先撤消工作表保护。`, 'protected');
      }
      if (numberFormat) r.numberFormat = [[numberFormat]];
      r.values = [[value]];
      try {
        await context.sync();
      } catch (e) {
        throw writeError([sheet], e, false);
      }
    });
  }

  async exportReport(rows: ReportRow[]): Promise<void> {
    this.snapshots.delete(REPORT_SHEET);
    await this.env.run({}, async (context) => {
      const existing = queueReportSheet(context);
      try {
        await context.sync();
      } catch (e) {
        throw readError(REPORT_SHEET, e);
      }
      queueReport(context, existing, rows);
      try {
        await context.sync();
      } catch (e) {
        if (officeCode(e) === 'InvalidOperation' || officeCode(e) === 'AccessDenied') {
          throw new HostError(`无法添加工作表“校验报告”：${errorText(e)}（工作簿结构可能受保护）。`, 'write-failed');
        }
        throw new HostError(`写入工作表“校验报告”时出错：${errorText(e)}`, 'write-failed');
      }
    });
  }

  async loadSetting(key: string): Promise<string | null> {
    return readSetting(this.env.settings, key);
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.env.settings.set(key, value);
    await persistSettings(this.env.settings);
  }

  /**
   * The record with every entry at its cell's current address (locate.ts), kept in memory for the
   * applyMarks or clearMarks that follows; saved into the document with the next record they save.
   */
  private relocated(record: MarkEntry[], names: NameMap): MarkEntry[] {
    const moved = relocate(record, names);
    if (moved.changed) storeRecord(this.env.settings, moved.entries);
    return moved.entries;
  }

  /** Old entries on these sheets (matched by id, or by name when the id is unknown) and the rest. */
  private split(record: MarkEntry[], sheets: string[]): { inScope: MarkEntry[]; rest: MarkEntry[] } {
    const byId = new Map<string, string>();
    for (const name of sheets) {
      const id = this.ids.get(name);
      if (id) byId.set(id, name);
    }
    const inScope: MarkEntry[] = [];
    const rest: MarkEntry[] = [];
    for (const e of record) {
      const name = byId.get(e.sheetId) ?? (sheets.includes(e.sheet) && !this.renamedAway(e) ? e.sheet : undefined);
      // A mark whose cell was deleted stays in the record (清除标记 names it) but is not on the sheet.
      if (name !== undefined && !e.lost) inScope.push({ ...e, sheet: name });
      else rest.push(e);
    }
    return { inScope, rest };
  }

  /** True when we know the entry's sheet now has another name (its old name now belongs to another sheet). */
  private renamedAway(e: MarkEntry): boolean {
    const id = this.ids.get(e.sheet);
    return id !== undefined && id !== e.sheetId && [...this.ids.values()].includes(e.sheetId);
  }

  /**
   * The cells whose note a read asks for: every cell of the mark record (our earlier notes), so that the
   * read can tell where all the sheet's notes are (snapshot.ts). Capped: beyond, only this sheet's.
   */
  private noteCells(record: MarkEntry[], name: string | undefined): string[] {
    if (!this.notesSupported || !record.length) return [];
    const all = unique(record.map((e) => e.cell));
    if (all.length <= MAX_NOTE_QUERIES) return all;
    if (name === undefined) return [];
    const id = this.ids.get(name);
    const mine = unique(record.filter((e) => e.sheet === name || e.sheetId === id).map((e) => e.cell));
    return mine.length <= MAX_NOTE_QUERIES ? mine : [];
  }

  private async reconcile(
    sheets: string[],
    old: MarkEntry[],
    targets: ReturnType<typeof targetsOf>,
    notes: boolean,
    snapshots?: ReadonlyMap<string, SheetSnapshot>,
    beforeWrite?: (entries: MarkEntry[]) => Promise<void>,
  ) {
    const undoGroup = this.env.isSetSupported('ExcelApi', '1.20');
    try {
      return await reconcile(this.env, { sheets, old, targets, notes, undoGroup, snapshots, beforeWrite });
    } catch (e) {
      if (e instanceof HostError) throw e;
      // A failure before any write (a sheet gone since the check, …).
      throw readError(sheets.length === 1 ? sheets[0] : undefined, e);
    }
  }

  /**
   * The record as it will be after the write, saved before it. Failing, nothing has been written yet:
   * the run stops with a message saying so. Returns what was saved.
   */
  private async saveRecordFirst(entries: MarkEntry[]): Promise<string> {
    const before = this.env.settings.get(RECORD_KEY);
    storeRecord(this.env.settings, entries);
    try {
      await persistSettings(this.env.settings);
    } catch (e) {
      if (before === null || before === undefined) this.env.settings.remove(RECORD_KEY);
      else this.env.settings.set(RECORD_KEY, before);
      throw new HostError(
        `标记记录没能保存进工作簿（${errorText(e)}），所以没有写入任何标记，工作表未作改动。记录约 ${(recordText(entries).length / 1e6).toFixed(1)} MB；可改为逐个工作表校验，或先点击“清除标记”。`,
        'write-failed',
      );
    }
    return recordText(entries);
  }

  private async saveRecord(entries: MarkEntry[]): Promise<void> {
    storeRecord(this.env.settings, entries);
    try {
      await persistSettings(this.env.settings);
    } catch (e) {
      throw new HostError(
        `标记已写入，但标记记录没能保存进工作簿（${errorText(e)}）。关闭工作簿前请先点击“清除标记”，否则重新打开后无法自动清除。`,
        'write-failed',
      );
    }
  }

  private async withReadError<T>(sheet: string | undefined, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.env.run({}, batch);
    } catch (e) {
      throw readError(sheet, e);
    }
  }
}

/** 清除标记 could not reach marks whose cells were deleted: the user is told which, after the rest was cleared. */
function lostError(cleared: number, lost: MarkEntry[]): HostError {
  const cells = lost.map((e) => `${quoted(e.sheet)}!${e.cell}`);
  const shown = cells.length > 10 ? `${cells.slice(0, 10).join('、')} 等 ${cells.length} 处` : cells.join('、');
  return new HostError(
    `已清除 ${cleared} 个单元格的标记。另有 ${lost.length} 处标记所在的单元格已被删除（整行或整列删除），无法再找到，未作任何改动：${shown}（标记时的位置）。`,
    'write-failed',
  );
}

/** Note queries a read carries at most (about 8 MB of request and response on Windows/Mac). */
const MAX_NOTE_QUERIES = 20_000;

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
