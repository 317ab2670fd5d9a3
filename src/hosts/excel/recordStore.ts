/**
 * The mark record as ExcelHost uses it: each sheet's entries, read from its part (recordParts.ts) in a
 * sync that happens anyway where possible, kept in memory between a read and the write that follows, and
 * saved back part by part. A record of the previous version (one settings value, record.ts loadRecord) is
 * read too: a sheet with no part yet takes its entries from there, and they leave the settings value once
 * the sheet's part is saved.
 */
import type { ExcelEnv } from './env';
import { SNAPSHOT_MAX_AGE_MS } from './limits';
import { loadRecord, recordText, storeRecord, type MarkEntry } from '../sheetHost/record';
import { officeCode } from './errors';
import { entriesOfXml, namespaceOf, partXml, queuePartIds, queuePartIndex, queuePartsRead, queueRecordWrite, type PartRead } from './recordParts';
import { persistSettings } from './settings';

interface Known extends PartRead {
  /** When it was read (Date.now()). */
  at: number;
}

export class RecordStore {
  private readonly parts = new Map<string, Known>();
  /** Part ids listed by the last queue/queueIndex, for the fetch that reads their XML. */
  private readonly listed = new Map<string, string[]>();

  constructor(private readonly env: ExcelEnv) {}

  /** Read within SNAPSHOT_MAX_AGE_MS: good enough to write from (the read just before a write). */
  fresh(sheetId: string): boolean {
    const k = this.parts.get(sheetId);
    return !!k && Date.now() - k.at <= SNAPSHOT_MAX_AGE_MS;
  }

  /**
   * Queues the list of these sheets' parts into a sync the caller makes anyway. After it: the function
   * notes the sheets that have none (their record is empty, or the previous version's) and returns those
   * that have one, whose XML `fetch` reads in a later sync (recordParts.ts: never `getXml()` on a possibly
   * null part).
   */
  queue(context: Excel.RequestContext, sheetIds: readonly string[]): () => string[] {
    const lists = sheetIds.map((id) => [id, queuePartIds(context, id)] as const);
    return () => this.take(lists.map(([id, ids]) => [id, ids()]));
  }

  /**
   * Queues the list of all our parts (ids and namespaces, no XML) into a sync the caller makes anyway.
   * After it: the same as `queue`, for the sheets of `sheetIds`.
   */
  queueIndex(context: Excel.RequestContext): (sheetIds: readonly string[]) => string[] {
    const index = queuePartIndex(context);
    return (sheetIds) => {
      const parts = index();
      return this.take(sheetIds.map((id) => [id, parts.get(id) ?? []]));
    };
  }

  /** Ids of the parts of sheets that are no current sheet's (the sheet was deleted), from the last index. */
  queueOrphans(context: Excel.RequestContext): (currentIds: ReadonlySet<string>) => string[] {
    const index = queuePartIndex(context);
    return (currentIds) => [...index()].filter(([id]) => !currentIds.has(id)).flatMap(([, ids]) => ids);
  }

  private take(found: [string, string[]][]): string[] {
    const left: string[] = [];
    for (const [id, ids] of found) {
      if (ids.length) {
        this.listed.set(id, ids);
        left.push(id);
      } else {
        this.listed.delete(id);
        this.parts.set(id, { entries: [], partIds: [], at: Date.now() });
      }
    }
    return left;
  }

  /**
   * Reads these sheets' parts: one sync when their ids were just listed (queue, queueIndex), else one to
   * list them first. A part deleted meanwhile (a co-author's save) makes it list again, once.
   */
  async fetch(sheetIds: readonly string[]): Promise<void>;
  /** The same, with more loads queued into its first sync (a sync of its own when there is nothing to read). */
  async fetch<T>(sheetIds: readonly string[], alongside: (context: Excel.RequestContext) => () => T): Promise<T>;
  async fetch<T>(sheetIds: readonly string[], alongside?: (context: Excel.RequestContext) => () => T): Promise<T | undefined> {
    if (!sheetIds.length && !alongside) return undefined;
    return this.env.run({}, async (context) => {
      let extra: (() => T) | undefined;
      let result: T | undefined;
      let got = false;
      const first = () => {
        if (!alongside || extra) return;
        extra = alongside(context);
      };
      const delivered = () => {
        if (extra && !got) {
          result = extra();
          got = true;
        }
      };
      if (!sheetIds.length) {
        first();
        await context.sync();
        delivered();
        return result;
      }
      for (let attempt = 0; ; attempt++) {
        const unlisted = sheetIds.filter((id) => !this.listed.has(id));
        if (unlisted.length) {
          first();
          const lists = unlisted.map((id) => [id, queuePartIds(context, id)] as const);
          await context.sync();
          delivered();
          this.take(lists.map(([id, ids]) => [id, ids()]));
        }
        first();
        const reads = sheetIds.filter((id) => this.listed.has(id)).map((id) => [id, queuePartsRead(context, this.listed.get(id)!)] as const);
        if (!reads.length && !(extra && !got)) return result;
        try {
          await context.sync();
        } catch (e) {
          if (attempt > 0 || officeCode(e) !== 'ItemNotFound') throw e;
          for (const id of sheetIds) this.listed.delete(id);
          extra = undefined; // its loads were not delivered: queued again
          continue;
        }
        delivered();
        for (const [id, read] of reads) {
          this.parts.set(id, { ...read(), at: Date.now() });
          this.listed.delete(id);
        }
        return result;
      }
    });
  }

  /**
   * The sheet's entries (`sheet` set to its current name): its part's, or, when it has none, the
   * previous version's entries for it (by id, or by name when the id is no current sheet's).
   */
  entriesOf(sheetId: string, name: string, currentIds: ReadonlySet<string>): MarkEntry[] {
    const k = this.parts.get(sheetId);
    const entries = k?.partIds.length ? k.entries : this.legacy().filter((e) => legacyOwner(e, sheetId, name, currentIds));
    return entries.map((e) => (e.sheet === name ? e : { ...e, sheet: name }));
  }

  /** Cells of the record known in memory (for the note queries of a read): this sheet's, or all. */
  cells(sheetId: string | undefined): string[] {
    const known = sheetId !== undefined ? [this.parts.get(sheetId)] : [...this.parts.values()];
    const legacy = this.legacy().filter((e) => sheetId === undefined || e.sheetId === sheetId);
    return [...known.flatMap((k) => k?.entries ?? []), ...legacy].map((e) => e.cell);
  }

  /** Replaces a sheet's entries in memory (saved with its next save). */
  update(sheetId: string, entries: MarkEntry[]): void {
    const k = this.parts.get(sheetId);
    if (k?.partIds.length) k.entries = entries;
  }

  /**
   * Queues the save of these sheets' records, one part each, into the caller's next sync (the write of
   * the marks queues it first: a part that cannot be saved fails that sync before any mark). Once that
   * sync succeeded, `synced` takes the new parts in; then `trimLegacy` moves the previous version's
   * entries of these sheets out of the settings.
   */
  queueSave(
    context: Excel.RequestContext,
    records: ReadonlyMap<string, { name: string; entries: MarkEntry[] }>,
    currentIds: ReadonlySet<string>,
  ): { synced: () => void; trimLegacy: () => Promise<void>; wrote: Map<string, string> } {
    const done = [...records].map(([id, r]) => [id, r, queueRecordWrite(context, id, r.entries, this.parts.get(id)?.partIds ?? [])] as const);
    return {
      wrote: new Map([...records].filter(([, r]) => r.entries.length).map(([id, r]) => [id, partXml(id, r.entries)])),
      synced: () => {
        for (const [id, r, ids] of done) this.parts.set(id, { entries: r.entries, partIds: ids(), at: Date.now() });
      },
      trimLegacy: () => this.trimLegacy((e) => [...records].some(([id, r]) => legacyOwner(e, id, r.name, currentIds))),
    };
  }

  /** Bytes the parts of these records take in a request (UTF-8). */
  bytesOf(records: ReadonlyMap<string, { entries: MarkEntry[] }>): number {
    let n = 0;
    for (const [id, r] of records) if (r.entries.length) n += new TextEncoder().encode(partXml(id, r.entries)).length;
    return n;
  }

  /**
   * Puts these records back after a write that failed, whose sync applied the record saves queued before
   * the failure (`wrote`: the XML queued per sheet). A sheet that had a part gets its old XML back; on a
   * sheet that had none, the part we added is deleted — found by its XML, since its id was not delivered,
   * and never a co-author's part added meanwhile.
   */
  async restore(
    records: ReadonlyMap<string, { name: string; entries: MarkEntry[] }>,
    wrote: ReadonlyMap<string, string>,
    currentIds: ReadonlySet<string>,
  ): Promise<void> {
    const had = new Map([...records].filter(([id]) => this.parts.get(id)?.partIds.length));
    await this.save(had, currentIds);
    const added = [...wrote.keys()].filter((id) => !had.has(id));
    if (!added.length) return;
    await this.env.run({}, async (context) => {
      const lists = added.map((id) => {
        const scoped = context.workbook.customXmlParts.getByNamespace(namespaceOf(id));
        scoped.load('items/id');
        return [id, scoped] as const;
      });
      await context.sync();
      const xmls = lists.flatMap(([id, scoped]) => scoped.items.map((p) => [id, p, p.getXml()] as const));
      await context.sync();
      const same = (a: string | null, b: string | undefined) => recordText(entriesOfXml(a)) === recordText(entriesOfXml(b));
      for (const [id, p, xml] of xmls) if (same(xml.value, wrote.get(id))) p.delete();
      await context.sync();
    });
  }

  /** The sheet's record is the previous version's (it has entries there and no part yet). */
  inSettingsOnly(sheetId: string, name: string, currentIds: ReadonlySet<string>): boolean {
    return !this.parts.get(sheetId)?.partIds.length && this.legacy().some((e) => legacyOwner(e, sheetId, name, currentIds));
  }

  /** Saves these sheets' records in a sync of their own. */
  async save(records: ReadonlyMap<string, { name: string; entries: MarkEntry[] }>, currentIds: ReadonlySet<string>): Promise<void> {
    if (!records.size) return;
    const q = await this.env.run({}, async (context) => {
      const q = this.queueSave(context, records, currentIds);
      await context.sync();
      q.synced();
      return q;
    });
    await q.trimLegacy();
  }

  /** Drops the previous version's entries that `gone` selects (best effort: a part always wins over them). */
  async trimLegacy(gone: (e: MarkEntry) => boolean): Promise<void> {
    const legacy = this.legacy();
    const kept = legacy.filter((e) => !gone(e));
    if (kept.length === legacy.length) return;
    storeRecord(this.env.settings, kept);
    await persistSettings(this.env.settings).catch(() => undefined);
  }

  /** Whether the previous version left entries in the settings. */
  hasLegacy(): boolean {
    return this.legacy().length > 0;
  }

  private legacy(): MarkEntry[] {
    return loadRecord(this.env.settings);
  }
}

/** A previous-version entry belongs to a sheet by id, or by name when its id is no current sheet's. */
function legacyOwner(e: MarkEntry, sheetId: string, name: string, currentIds: ReadonlySet<string>): boolean {
  return e.sheetId === sheetId || (e.sheet === name && !currentIds.has(e.sheetId));
}
