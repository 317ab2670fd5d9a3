/**
 * The Host for Excel (Office.js). Moves cells in and out; decides nothing about forms.
 *
 * Sync counts (measured in test/hosts/excel):
 *   readSheet   1 sync on Windows/Mac up to DESKTOP_ROW_HORIZON (65,536) rows, 1,000 stacked forms
 *               included; on the web 1 sync up to row ~1,100, then one per ~4 MB (limits.ts). The same
 *               syncs bring what the write will need (snapshot.ts): every cell's fill, the sheet's
 *               protection, where its notes are; and the sheet's mark record part (recordParts.ts) when
 *               this host knows the sheet's id (the active sheet: the one read last), else the list of
 *               parts. One more sync only the first time a sheet that has a record is read in a session
 *               (its part). Cells holding a computed value we wrote read as empty, so a second run needs no
 *               清除标记 first.
 *   applyMarks  right after a read of the sheet: 1 write sync (the record's part first, then fills,
 *               notes, values; one undo group where ExcelApi 1.20 allows), none when a re-run finds
 *               everything in place. Without a fresh read (applyMarks on its own, a read older than
 *               SNAPSHOT_MAX_AGE_MS): 1 sync for the sheet's id and the list of parts (+1 for the part, if
 *               any), and 1 load sync, before the write; marks outside what the read covered or the user's
 *               own notes elsewhere on the sheet: the load sync alone. One more sync only when something
 *               went wrong: a value typed between the read and the write (put back, the record with it),
 *               or a failed write (rolled back; then the record put back: 1 sync, 2 more if its part was new).
 *   a run       readSheet + applyMarks, no clearMarks first: 2 syncs (the ribbon command, and the pane,
 *               which reads the active sheet without asking its name first), 1 when a re-run finds
 *               everything in place; the first run of a session on a sheet marked before: +1 (its part) and +1
 *               (a load of the marked cells: their notes were not asked in the read).
 *   clearMarks  1 sync to list the sheets, our names and the parts + 1 for the parts in scope + 1 load +
 *               1 write (the emptied parts deleted last in it); 1 sync when nothing is marked.
 */
import { HostError, type ApplySummary, type Host, type Mode, type ReportRow } from '../host';
import type { SheetModel } from '../../core/sheet';
import type { SheetCheck } from '../../core/result';
import { officeEnv, type ExcelEnv } from './env';
import { errorText, officeCode, quoted, readError, writeError } from './errors';
import { readSheet } from './readSheet';
import { SNAPSHOT_MAX_AGE_MS, payloadBudget } from './limits';
import type { SheetSnapshot } from './snapshot';
import { reconcile, UndoGroupRefused, type ReconcileInput, type ReconcileResult } from './reconcile';
import { withoutOurValues } from '../sheetHost/ourValues';
import { recordText, type MarkEntry } from '../sheetHost/record';
import { RecordStore } from './recordStore';
import { relocate, type NameMap } from '../sheetHost/locate';
import { queueNames } from './names';
import { REPORT_SHEET, queueReport, queueReportSheet } from './report';
import { persistSettings, readSetting } from './settings';
import { normalCell, targetsOf } from '../sheetHost/targets';
import { lostError } from '../sheetHost/lostMarks';

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
  /** The mark record, one Custom XML Part per sheet (recordParts.ts, recordStore.ts). */
  private readonly records: RecordStore;
  /** The id of the sheet read last (the active sheet's, most likely, at the next run). */
  private lastRead: string | undefined;
  /** A write in one undo group was refused (UndoNotSupported) once: write without it from then on. */
  private noUndoGroup = false;

  constructor(env?: ExcelEnv) {
    this.env = env ?? officeEnv();
    this.records = new RecordStore(this.env);
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
   * for the user's (ourValues.ts). The sheet's record part is read in the read's first sync when the
   * sheet's id is known (it is after any earlier call of this host); else in one sync after it.
   */
  async readSheet(name?: string): Promise<SheetModel> {
    if (name !== undefined) this.snapshots.delete(name);
    // The active sheet is most likely the one read last.
    const known = name !== undefined ? this.ids.get(name) : this.lastRead;
    // The sheet's part when its id is known; else (or if the guess was wrong) the list of parts tells
    // whether it has one to read.
    let take: () => string[] = () => [];
    const read = await readSheet(this.env, name, {
      notes: this.notesSupported,
      noteCells: this.noteCells(known),
      names: true,
      alongside: (context) => {
        const part = known ? this.records.queue(context, [known]) : undefined;
        const index = name === undefined || !known ? this.records.queueIndex(context) : undefined;
        take = () => {
          const left = part ? part() : [];
          if (known === read.id) return left;
          return index ? index([read.id]) : [read.id];
        };
      },
    });
    const sheet = read.model.name;
    this.ids.set(sheet, read.id);
    this.lastRead = read.id;
    this.snapshots.set(sheet, read.snapshot);
    try {
      await this.records.fetch(take());
    } catch (e) {
      throw readError(sheet, e);
    }
    let record = this.records.entriesOf(read.id, sheet, this.currentIds());
    if (read.names) {
      const moved = relocate(record, read.names);
      if (moved.changed) this.records.update(read.id, moved.entries);
      record = moved.entries;
    }
    return withoutOurValues(read.model, record.filter((e) => !e.lost && e.sheet === sheet));
  }

  async applyMarks(checks: SheetCheck[], mode: Mode): Promise<ApplySummary> {
    const notesSupported = this.notesSupported;
    const targets = targetsOf(checks, mode);
    const sheets = unique([...checks.map((c) => c.sheet), ...targets.map((t) => t.sheet)]);
    // The reads just before brought the records; without them (or long ago) they are read now.
    const ids = await this.withReadError(sheets.length === 1 ? sheets[0] : undefined, () => this.recordsFor(sheets));
    const current = this.currentIds();
    const before = new Map(sheets.map((name, i) => [ids[i], { name, entries: this.records.entriesOf(ids[i], name, current) }]));
    const inScope = [...before.values()].flatMap((r) => r.entries.filter((e) => !e.lost));
    if (!targets.length && !inScope.length) return { marked: 0, filled: 0, notesSupported };
    /** The records of these sheets once `entries` are on them (marks whose cells were deleted stay). */
    const recordsOf = (entries: MarkEntry[]) => {
      const idOf = new Map(sheets.map((name, i) => [name, ids[i]]));
      return new Map(
        [...before].map(([id, r]) => [
          id,
          { name: r.name, entries: [...r.entries.filter((e) => e.lost), ...entries.filter((e) => (idOf.get(e.sheet) ?? e.sheetId) === id)] },
        ]),
      );
    };

    // The reads just before (the ribbon command, the pane) saw everything the write needs.
    const snapshots = new Map<string, SheetSnapshot>();
    for (const name of sheets) {
      const snap = this.snapshots.get(name);
      if (snap && snap.fresh(SNAPSHOT_MAX_AGE_MS) && (this.ids.get(name) ?? snap.id) === snap.id) snapshots.set(name, snap);
    }
    for (const name of sheets) this.snapshots.delete(name); // the sheet is about to change
    // The record as it will be after the write is saved just before it, in a sync of its own
    // (reconcile.ts): if it cannot be saved, nothing is written — known from that sync alone, not from
    // which operation an error names (`debugInfo.errorLocation` is documented only "if available").
    let saved: { text: string; trimLegacy: () => Promise<void> } | undefined;
    let queuedRecord: Map<string, string> | undefined;
    const refuse = (detail: string, bytes: number) =>
      new HostError(
        `标记记录没能保存进工作簿（${detail}），所以没有写入任何标记，工作表未作改动。记录约 ${(bytes / 1e6).toFixed(1)} MB；可改为逐个工作表校验，或先点击“清除标记”。`,
        'write-failed',
      );
    const save = async (entries: MarkEntry[]) => {
      const records = recordsOf(entries);
      const bytes = this.records.bytesOf(records);
      // Excel on the web refuses a request over 5 MB: a part that large cannot be saved.
      if (bytes > payloadBudget(this.env.platform)) throw refuse('超过 Excel 网页版单次请求 5 MB 的上限', bytes);
      try {
        await this.env.run({}, async (context) => {
          const q = this.records.queueSave(context, records, current);
          queuedRecord = q.wrote;
          await context.sync();
          q.synced();
          saved = { text: recordKey(entries), trimLegacy: q.trimLegacy };
        });
      } catch (e) {
        // Several sheets' parts: those before the failing one may have been saved. Put them back.
        if (queuedRecord) await this.records.restore(before, queuedRecord, current).catch(() => undefined);
        queuedRecord = undefined;
        throw refuse(errorText(e), bytes);
      }
    };
    let result: Awaited<ReturnType<ExcelHost['reconcile']>>;
    try {
      result = await this.reconcile(sheets, inScope, targets, notesSupported, snapshots, { save });
    } catch (e) {
      // The write failed and was rolled back: the record saved before it describes marks that are not
      // there. Put the old one back (best effort: clearing checks every cell before touching it anyway).
      if (queuedRecord && saved) await this.records.restore(before, queuedRecord, current).catch(() => undefined);
      throw e;
    }
    await saved?.trimLegacy();
    // Saved again only when the write came out otherwise than planned (a value typed meanwhile), or
    // when nothing needed writing but the record did.
    // A record still in the previous version's settings value moves to the sheet's part now.
    const migrate = [...before].some(([id, r]) => this.records.inSettingsOnly(id, r.name, current));
    if (migrate || recordKey(result.entries) !== (saved?.text ?? recordKey(inScope))) await this.saveRecord(recordsOf(result.entries), current);
    if (result.failure) throw result.failure;
    return { marked: result.marked, filled: result.filled, notesSupported };
  }

  async clearMarks(sheets?: string[]): Promise<number> {
    // Which sheets exist, under which names, the workbook-scoped names (the previous version's), and
    // which sheets have a record part: one sync.
    let withPart: ((sheetIds: readonly string[]) => string[]) | undefined;
    let orphanParts: ((currentIds: ReadonlySet<string>) => string[]) | undefined;
    const { current, bookNames } = await this.withReadError(undefined, async (context) => {
      const all = context.workbook.worksheets;
      all.load('items/name,items/id');
      const bookNames = queueNames(context);
      withPart = this.records.queueIndex(context);
      if (!sheets) orphanParts = this.records.queueOrphans(context);
      await context.sync();
      return { current: all.items.map((ws) => ({ name: ws.name, id: ws.id })), bookNames: bookNames() };
    });
    for (const ws of current) this.ids.set(ws.name, ws.id);
    const currentIds = this.currentIds(current);
    const scope = sheets ? current.filter((ws) => sheets.includes(ws.name)) : current;
    // The records of those sheets and the names scoped to each: one more sync (two when a part went
    // away meanwhile).
    const toRead = withPart!(scope.map((ws) => ws.id));
    const sheetNames = await this.withReadError(undefined, () =>
      this.records.fetch(toRead, (context) => {
        const lists = scope.map((ws) => [ws.name, queueNames(context, [context.workbook.worksheets.getItem(ws.id)])] as const);
        return () => lists.map(([sheet, names]) => [sheet, names()] as const);
      }),
    );
    // Entries the previous version kept for sheets deleted since: nothing left to restore.
    if (!sheets) await this.records.trimLegacy((e) => !currentIds.has(e.sheetId) && !current.some((ws) => ws.name === e.sheet));
    const marks: NameMap = new Map(bookNames);
    for (const [, names] of sheetNames) for (const [n, at] of names) marks.set(n, at);

    const records = new Map(scope.map((ws) => [ws.id, { name: ws.name, entries: relocate(this.records.entriesOf(ws.id, ws.name, currentIds), marks).entries }]));
    const live = [...records.values()].flatMap((r) => r.entries);
    const inScope = live.filter((e) => !e.lost);
    const lost = live.filter((e) => e.lost);
    // Every name of ours that the cells' clear below does not take away goes too, whatever became of its
    // cell or sheet (locate.ts): names of deleted cells (#REF!), of deleted sheets (workbook scope,
    // `=#REF!$H$7`), names left without a record (a copied sheet carries its names). A clear of some
    // sheets takes only what is theirs. Record parts of deleted sheets go with a clear of everything.
    const handled = new Set(inScope.flatMap((e) => (e.name ? [e.name] : [])));
    const lostNames = new Set(lost.flatMap((e) => (e.name ? [e.name] : [])));
    const inScopeSheet = (at: { sheet: string } | null) => !sheets || (at !== null && sheets.includes(at.sheet));
    const leftover: { sheet?: string; name: string }[] = [
      ...[...bookNames].filter(([n, at]) => !handled.has(n) && (inScopeSheet(at) || lostNames.has(n))).map(([name]) => ({ name })),
      ...sheetNames.flatMap(([sheet, names]) => [...names.keys()].filter((n) => !handled.has(n)).map((name) => ({ sheet, name }))),
    ];
    const orphans = orphanParts ? orphanParts(currentIds) : [];
    if (!live.length) {
      await this.dropLeftovers(leftover, orphans);
      return 0;
    }
    // What is left of each sheet's record (marks whose cells were deleted are named to the user now,
    // then forgotten), saved at the end of the write sync.
    const idOf = new Map(scope.map((ws) => [ws.name, ws.id]));
    const marked = [...records].filter(([, r]) => r.entries.length);
    const recordsOf = (entries: MarkEntry[]) =>
      new Map(marked.map(([id, r]) => [id, { name: r.name, entries: entries.filter((e) => idOf.get(e.sheet) === id) }]));
    let cleared = 0;
    if (inScope.length) {
      const touched = unique(inScope.map((e) => e.sheet));
      for (const name of touched) this.snapshots.delete(name);
      const result = await this.reconcile(touched, inScope, [], this.notesSupported);
      cleared = result.cleared;
      // Saved after the cells' write, in a sync of its own (outside the undo group, reconcile.ts).
      await this.saveRecord(recordsOf(result.entries), currentIds);
    } else {
      await this.saveRecord(recordsOf([]), currentIds);
    }
    await this.dropLeftovers(leftover, orphans);
    if (lost.length) throw lostError(cleared, lost);
    return cleared;
  }

  /** Deletes names of ours no mark needs any more and the record parts of deleted sheets: one sync, if any. */
  private async dropLeftovers(names: readonly { sheet?: string; name: string }[], parts: readonly string[]): Promise<void> {
    if (!names.length && !parts.length) return;
    try {
      await this.env.run({}, async (context) => {
        for (const n of names) {
          const scope = n.sheet !== undefined ? context.workbook.worksheets.getItem(n.sheet).names : context.workbook.names;
          scope.getItemOrNullObject(n.name).delete();
        }
        for (const id of parts) context.workbook.customXmlParts.getItemOrNullObject(id).delete();
        await context.sync();
      });
    } catch (e) {
      throw new HostError(`标记已清除，但加载项留下的隐藏名称或记录未能删除（${errorText(e)}）。可稍后再点击一次“清除标记”。`, 'write-failed');
    }
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
   * The cells whose note a read asks for: those of the sheet's record in memory (our earlier notes), so
   * that the read can tell where all the sheet's notes are (snapshot.ts). Capped. A sheet whose record
   * this host has not read yet asks for none: applyMarks then loads the notes of the cells it writes.
   */
  private noteCells(sheetId: string | undefined): string[] {
    if (!this.notesSupported) return [];
    const cells = unique(this.records.cells(sheetId));
    return cells.length <= MAX_NOTE_QUERIES ? cells : [];
  }

  /** Ids of the worksheets known to this host (every listing and read teaches them), or of `current`. */
  private currentIds(current?: { id: string }[]): Set<string> {
    return new Set(current ? current.map((ws) => ws.id) : this.ids.values());
  }

  /**
   * The sheets' ids, with their records read within SNAPSHOT_MAX_AGE_MS: nothing to do after a read of
   * each; else one sync for the ids not known and the list of parts, and one to read the parts there are.
   */
  private async recordsFor(names: string[]): Promise<string[]> {
    const stale = names.filter((n) => !this.ids.has(n) || !this.records.fresh(this.ids.get(n)!));
    if (stale.length) {
      const withPart = await this.env.run({}, async (context) => {
        const ws = stale.filter((n) => !this.ids.has(n)).map((n) => [n, context.workbook.worksheets.getItem(n).load('id')] as const);
        const index = this.records.queueIndex(context);
        await context.sync();
        for (const [n, w] of ws) this.ids.set(n, w.id);
        return index(stale.map((n) => this.ids.get(n)!));
      });
      await this.records.fetch(withPart);
    }
    return names.map((n) => this.ids.get(n)!);
  }

  private async reconcile(
    sheets: string[],
    old: MarkEntry[],
    targets: ReturnType<typeof targetsOf>,
    notes: boolean,
    snapshots?: ReadonlyMap<string, SheetSnapshot>,
    record?: ReconcileInput['record'],
  ): Promise<ReconcileResult> {
    const undoGroup = this.env.isSetSupported('ExcelApi', '1.20') && !this.noUndoGroup;
    try {
      return await reconcile(this.env, { sheets, old, targets, notes, undoGroup, snapshots, record });
    } catch (e) {
      if (e instanceof UndoGroupRefused) {
        // Written again, each sync its own undo step; and so from now on in this session.
        this.noUndoGroup = true;
        return this.reconcile(sheets, old, targets, notes, snapshots, record);
      }
      if (e instanceof HostError) throw e;
      // A failure before any write (a sheet gone since the check, …).
      throw readError(sheets.length === 1 ? sheets[0] : undefined, e);
    }
  }

  private async saveRecord(records: Map<string, { name: string; entries: MarkEntry[] }>, current: Set<string>): Promise<void> {
    try {
      await this.records.save(records, current);
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

/** Note queries a read carries at most (about 8 MB of request and response on Windows/Mac). */
const MAX_NOTE_QUERIES = 20_000;

/** Entries compared regardless of order (the record a run read vs the one it leaves). */
function recordKey(entries: readonly MarkEntry[]): string {
  return recordText([...entries].sort((a, b) => (a.sheetId + a.cell).localeCompare(b.sheetId + b.cell)));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
