/**
 * The parts (files) of an .xlsx package, by name, with their text on demand — what the workbook holds
 * before the reader turns it into the sheet model.
 */
import { zipEntries, zipEntryContains, zipEntryText, type ZipEntry } from './zip';

export interface PackageParts {
  /** Part names without a leading slash: `xl/worksheets/sheet1.xml`. */
  names: string[];
  /** The zip's directory entries, folders included. */
  entries: ZipEntry[];
  /** The part's text, or null when it is absent or cannot be read. */
  text(name: string): Promise<string | null>;
  /** Whether the part's uncompressed bytes contain an ASCII string (cheaper than its text for big parts). */
  contains(name: string, ascii: string): Promise<boolean>;
}

/** The parts of a zip package, or null when its directory cannot be read. */
export function packagePartsOf(bytes: Uint8Array): PackageParts | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!e.name.endsWith('/')) byName.set(e.name, e);
  const texts = new Map<string, Promise<string | null>>();
  return {
    names: [...byName.keys()],
    entries,
    text: (name) => {
      const key = name.replace(/^\//, '');
      let t = texts.get(key);
      if (!t) {
        const e = byName.get(key);
        t = Promise.resolve(e ? zipEntryText(bytes, e) : null);
        texts.set(key, t);
      }
      return t;
    },
    contains: async (name, ascii) => {
      const e = byName.get(name.replace(/^\//, ''));
      return e ? zipEntryContains(bytes, e, ascii) : false;
    },
  };
}

/** `<Relationship>`s of a .rels part: Id → { type, target resolved to a part name }. */
export async function relationshipsOf(parts: PackageParts, partName: string): Promise<Map<string, { type: string; target: string }>> {
  const slash = partName.lastIndexOf('/');
  const dir = partName.slice(0, slash + 1);
  const relsName = `${dir}_rels/${partName.slice(slash + 1)}.rels`;
  const xml = await parts.text(relsName);
  const out = new Map<string, { type: string; target: string }>();
  if (!xml) return out;
  for (const tag of xml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const a = attributesOf(tag);
    if (!a.Id || !a.Target) continue;
    if (a.TargetMode === 'External') continue;
    out.set(a.Id, { type: a.Type ?? '', target: resolvePartName(dir, a.Target) });
  }
  return out;
}

/** A relationship target relative to `dir` (`xl/worksheets/`) → a part name. */
export function resolvePartName(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The attributes of one start tag, names as written (`r:id`), values unescaped. */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      switch (e) {
        case 'lt':
          return '<';
        case 'gt':
          return '>';
        case 'amp':
          return '&';
        case 'quot':
          return '"';
        case 'apos':
          return "'";
        default:
          return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      }
    });
}

/** Text of a spreadsheet string (ST_Xstring): entities, then `_x000D_`-style escapes. */
export function unescapeXstring(s: string): string {
  return unescapeXml(s).replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Worksheet name → its part name (`xl/worksheets/sheet1.xml`), in workbook order. Chart sheets left out. */
export async function worksheetParts(parts: PackageParts): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const xml = await parts.text('xl/workbook.xml');
  if (!xml) return out;
  const rels = await relationshipsOf(parts, 'xl/workbook.xml');
  for (const tag of xml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const a = attributesOf(tag);
    const idKey = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id'));
    const rel = idKey ? rels.get(a[idKey]) : undefined;
    if (a.name && rel && rel.type.endsWith('/worksheet')) out.set(a.name, rel.target);
  }
  return out;
}
