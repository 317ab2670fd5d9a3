/**
 * What clearing needs to know about every cell we marked, kept IN THE DOCUMENT so 清除标记 works after
 * save, close and reopen: one Custom XML Part per sheet (recordParts.ts), whose text is `recordText`.
 *
 * The previous version kept the whole record as one value of the document settings
 * (`Office.context.document.settings`, key RECORD_KEY); `loadRecord`/`storeRecord` still read and trim
 * that value, so workbooks marked by it are cleared, and each sheet's entries move to its part at its
 * next save (ExcelHost).
 *
 * Ctrl+Z undoes our marks but not this record, so everything that reads it checks the cell first (fill
 * still our colour, note still ours, value still the one we wrote).
 */
import { normalColor, type FillState } from './fills';

export const RECORD_KEY = 'selfeval.marks';

/** The part of Office's document settings the previous version kept the record in. */
interface SettingsBag {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
}

export interface MarkEntry {
  /** `Worksheet.id` at marking time (stable across renames) and the name then. */
  sheetId: string;
  sheet: string;
  /** A1, no sheet. */
  cell: string;
  /** The fill before we painted. */
  orig: FillState;
  /** The colour we painted, `#RRGGBB`. */
  painted: string;
  /** Whether we added the cell's note (ours start with 【绩效自评校验】). */
  note: boolean;
  /** The computed value we wrote into the empty cell, if any. */
  value?: number | string;
  /** The cell's number format before we wrote the value. */
  origFormat?: string;
  /**
   * The defined name (workbook scope, `SelfEval_…`) we put on the cell: it moves with the cell when rows
   * or columns are inserted or deleted, so `cell` is brought up to date from it before every use
   * (locate.ts). Absent in records written before names were used.
   */
  name?: string;
  /** Hash of the note text we wrote (locate.ts noteHash): tells our text from what the user added to it. */
  noteHash?: string;
  /** The cell was deleted (its name reads #REF!): nothing to restore; 清除标记 names it to the user. */
  lost?: boolean;
}

type Row = [
  string,
  string,
  string,
  string,
  string,
  0 | 1,
  number | string | null,
  string | null,
  (string | null)?,
  (string | null)?,
  (0 | 1)?,
];

/** The record of the previous version, in the document settings. */
export function loadRecord(bag: SettingsBag): MarkEntry[] {
  const raw = bag.get(RECORD_KEY);
  return entriesOf(typeof raw === 'string' ? safeParse(raw) : raw);
}

/** The entries of a record's text (`recordText`). */
export function parseRecordText(text: string): MarkEntry[] {
  return entriesOf(safeParse(text));
}

function entriesOf(obj: unknown): MarkEntry[] {
  if (!obj || typeof obj !== 'object' || !Array.isArray((obj as { marks?: unknown }).marks)) return [];
  const out: MarkEntry[] = [];
  for (const r of (obj as { marks: unknown[] }).marks) {
    if (!Array.isArray(r) || r.length < 6) continue;
    const [sheetId, sheet, cell, orig, painted, note, value, origFormat, name, noteHash, lost] = r as Row;
    const e: MarkEntry = { sheetId, sheet, cell, orig: decodeFill(orig), painted, note: note === 1 };
    if (value !== null && value !== undefined) e.value = value;
    if (origFormat !== null && origFormat !== undefined) e.origFormat = origFormat;
    if (name) e.name = name;
    if (noteHash) e.noteHash = noteHash;
    if (lost === 1) e.lost = true;
    out.push(e);
  }
  return out;
}

/** Replaces the settings record in memory; `persistSettings` writes it into the document. */
export function storeRecord(bag: SettingsBag, entries: readonly MarkEntry[]): void {
  if (!entries.length) bag.remove(RECORD_KEY);
  else bag.set(RECORD_KEY, recordText(entries));
}

/** The record as stored (JSON text). */
export function recordText(entries: readonly MarkEntry[]): string {
  if (!entries.length) return '';
  const marks: Row[] = entries.map((e) => [
    e.sheetId,
    e.sheet,
    e.cell,
    encodeFill(e.orig),
    e.painted,
    e.note ? 1 : 0,
    e.value ?? null,
    e.origFormat ?? null,
    e.name ?? null,
    e.noteHash ?? null,
    e.lost ? 1 : 0,
  ]);
  return JSON.stringify({ v: 1, marks });
}

/**
 * '' = no fill; '#RRGGBB'; '#RRGGBB|Pattern|#RRGGBB|tintAndShade[|patternTintAndShade]' for a patterned or
 * tinted fill (records written before patternTintAndShade was kept have four fields).
 */
function encodeFill(f: FillState): string {
  if (f.none) return '';
  if (!f.pattern && !f.tintAndShade) return f.color;
  const base = `${f.color}|${f.pattern ?? ''}|${f.patternColor ?? ''}|${f.tintAndShade ?? ''}`;
  return f.patternTintAndShade ? `${base}|${f.patternTintAndShade}` : base;
}

function decodeFill(s: string): FillState {
  if (!s) return { none: true };
  const [color, pattern, patternColor, tint, patternTint] = s.split('|');
  const f: FillState = { color: normalColor(color) };
  if (pattern) {
    f.pattern = pattern;
    f.patternColor = patternColor || null;
    if (patternTint && Number(patternTint)) f.patternTintAndShade = Number(patternTint);
  }
  if (tint && Number(tint)) f.tintAndShade = Number(tint);
  return f;
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
