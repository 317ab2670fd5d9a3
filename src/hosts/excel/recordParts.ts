/**
 * Where the mark record lives: one Custom XML Part per worksheet (`workbook.customXmlParts`, ExcelApi 1.5),
 * saved in the file with the workbook.
 *
 * Why a part per sheet and not the document settings (where it was): settings are one JSON value per
 * add-in and document, loaded when the add-in starts and written whole by `saveAsync`, so two co-authors
 * marking two sheets overwrite each other's record (the last save wins), and a large workbook's record is
 * one large value with an undocumented size limit. A part is a file part of its own: checking sheet A
 * writes only A's part, so a co-author checking sheet B never touches it.
 *
 * A part is found by its namespace, which names the sheet by its `Worksheet.id` (stable when the sheet is
 * renamed; a name would not be). Reading it follows Microsoft's sample for CustomXmlPartScopedCollection
 * (excel.customxmlpartscopedcollection.yml, test-xml-for-unique-namespace): first learn which parts there
 * are — `getByNamespace(ns)` loaded with `items/id`, in a sync that happens anyway — then, in a later
 * sync, `getItem(id).getXml()`. What `getXml()` does on the null object of `getOnlyItemOrNullObject()`
 * is not documented, so it is not used. Two co-authors marking the same sheet for the first time at the
 * same moment may each add a part; a read then finds several, reads them all in that same later sync, and
 * the next save keeps one.
 *
 * The part's text is the record's JSON (record.ts) in one element: `<marks xmlns="…">{"v":1,…}</marks>`.
 */
import { recordText, parseRecordText, type MarkEntry } from '../sheetHost/record';

const NAMESPACE_PREFIX = 'urn:selfeval:marks:sheet:';

/** The namespace of a sheet's part: its `Worksheet.id`, URI-escaped (Excel's ids are `{GUID}`). */
export function namespaceOf(sheetId: string): string {
  return NAMESPACE_PREFIX + encodeURIComponent(sheetId);
}

/** The sheet a namespace names, or undefined when the part is not one of our records. */
export function sheetIdOf(namespaceUri: string): string | undefined {
  if (!namespaceUri.startsWith(NAMESPACE_PREFIX)) return undefined;
  try {
    return decodeURIComponent(namespaceUri.slice(NAMESPACE_PREFIX.length));
  } catch {
    return undefined;
  }
}

/**
 * Queues the list of every custom XML part of the workbook (ids and namespaces: a few bytes each, no
 * XML). After the sync: our record parts, by sheet id.
 */
export function queuePartIndex(context: Excel.RequestContext): () => Map<string, string[]> {
  const all = context.workbook.customXmlParts;
  all.load('items/id,items/namespaceUri');
  return () => {
    const out = new Map<string, string[]>();
    for (const p of all.items) {
      const id = sheetIdOf(p.namespaceUri);
      if (id !== undefined) out.set(id, [...(out.get(id) ?? []), p.id]);
    }
    return out;
  };
}

export function partXml(sheetId: string, entries: readonly MarkEntry[]): string {
  return `<marks xmlns="${escapeXml(namespaceOf(sheetId), true)}">${escapeXml(recordText(entries))}</marks>`;
}

/** The entries of a part's XML (as `getXml()` gives it, with or without an XML declaration). */
export function entriesOfXml(xml: string | null | undefined): MarkEntry[] {
  if (!xml) return [];
  const m = /<marks\b[^>]*>([\s\S]*)<\/marks>/.exec(xml) ?? /<marks\b[^>]*\/>/.exec(xml);
  if (!m || m[1] === undefined) return [];
  const body = m[1].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => escapeXml(t));
  return parseRecordText(unescapeXml(body.trim()));
}

/** One sheet's record as read: its entries and the ids of the parts it came from (none: no record yet). */
export interface PartRead {
  entries: MarkEntry[];
  partIds: string[];
}

/** Queues the list of a sheet's record parts (their ids, no XML). After the sync: the ids. */
export function queuePartIds(context: Excel.RequestContext, sheetId: string): () => string[] {
  const scoped = context.workbook.customXmlParts.getByNamespace(namespaceOf(sheetId));
  scoped.load('items/id');
  return () => scoped.items.map((p) => p.id);
}

/**
 * Queues the read of a sheet's parts by id (one, or several left by co-authors); after the sync, their
 * entries merged (one per cell). A part deleted since its id was listed fails the sync (ItemNotFound).
 */
export function queuePartsRead(context: Excel.RequestContext, partIds: readonly string[]): () => PartRead {
  const xmls = partIds.map((id) => context.workbook.customXmlParts.getItem(id).getXml());
  return () => {
    const byCell = new Map<string, MarkEntry>();
    for (const x of xmls) for (const e of entriesOfXml(x.value)) if (!byCell.has(e.cell)) byCell.set(e.cell, e);
    return { entries: [...byCell.values()], partIds: [...partIds] };
  };
}

/**
 * Queues the write of a sheet's record: the first of its parts gets the new XML, the others (co-authors'
 * duplicates) are deleted; a sheet with no part gets one; an empty record deletes the parts. After the
 * sync: the ids of the sheet's part now.
 */
export function queueRecordWrite(
  context: Excel.RequestContext,
  sheetId: string,
  entries: readonly MarkEntry[],
  partIds: readonly string[],
): () => string[] {
  const parts = context.workbook.customXmlParts;
  if (!entries.length) {
    for (const id of partIds) parts.getItem(id).delete();
    return () => [];
  }
  const xml = partXml(sheetId, entries);
  if (!partIds.length) {
    const added = parts.add(xml);
    added.load('id');
    return () => [added.id];
  }
  parts.getItem(partIds[0]).setXml(xml);
  for (const id of partIds.slice(1)) parts.getItem(id).delete();
  return () => [partIds[0]];
}

/** Text content needs `&`, `<` and `>` escaped; an attribute value `"` too (JSON's quotes stay as they are). */
function escapeXml(s: string, attribute = false): string {
  const t = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? t.replace(/"/g, '&quot;') : t;
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|quot|apos|amp);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[e]!;
  });
}
