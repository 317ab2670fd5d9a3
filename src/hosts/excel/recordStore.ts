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
import { entriesOfXml, namespaceOf, partXml, queuePartIndex, queueRecordRead, queueRecordWrite, queueSeveral, type PartRead } from './recordParts';
import { persistSettings } from './settings';

interface Known extends PartRead {
  /** When it was read (Date.now()). */
  at: number;
}

export class RecordStore {
  private readonly parts = new Map<string, Known>();

  constructor(private readonly env: ExcelEnv) {}

  /** Read within SNAPSHOT_MAX_AGE_MS: good enough to write from (the read just before a write). */
  fresh(sheetId: string): boolean {
    const k = this.parts.get(sheetId);
    return !!k && Date.now() - k.at <= SNAPSHOT_MAX_AGE_MS;
  }

  /**
   * Queues the read of these sheets' parts into a sync the caller makes anyway. After it: the function
   * takes them in and returns the sheets still to `fetch` (several parts left by co-authors).
   */
  queue(context: Excel.RequestContext, sheetIds: readonly string[]): () => string[] {
    const readers = sheetIds.map((id) => [id, queueRecordRead(context, id)] as const);
    return () => {
      const left: string[] = [];
      for (const [id, take] of readers) {
        const r = take();
        if ('several' in r) left.push(id);
        else this.parts.set(id, { ...r, at: Date.now() });
      }
      return left;
    };
  }

  /**
   * Queues the list of all our parts (no XML) into a sync the caller makes anyway. After it: the function
   * notes the sheets of `sheetIds` that have no part (their record is empty, or the previous version's)
   * and returns those that have one, to `fetch`.
   */
  queueIndex(context: Excel.RequestContext): (sheetIds: readonly string[]) => string[] {
    const index = queuePartIndex(context);
    return (sheetIds) => {
      const parts = index();
      const left: string[] = [];
      for (const id of sheetIds) {
        if (parts.has(id)) left.push(id);
        else this.parts.set(id, { entries: [], partIds: [], at: Date.now() });
      }
      return left;
    };
  }

  /** Reads these sheets' parts in syncs of their own (none when the list is empty). */
  async fetch(sheetIds: readonly string[]): Promise<void> {
    if (!sheetIds.length) return;
    await this.env.run({}, async (context) => {
      const readers = sheetIds.map((id) => [id, queueRecordRead(context, id)] as const);
      await context.sync();
      const several: [string, () => PartRead][] = [];
      for (const [id, take] of readers) {
        const r = take();
        if ('several' in r) several.push([id, queueSeveral(context, r.several)]);
        else this.parts.set(id, { ...r, at: Date.now() });
      }
      if (!several.length) return;
      await context.sync();
      for (const [id, take] of several) this.parts.set(id, { ...take(), at: Date.now() });
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
