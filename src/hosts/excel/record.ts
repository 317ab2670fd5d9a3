/**
 * What clearing needs to know about every cell we marked, kept IN THE DOCUMENT so 清除标记 works after
 * save, close and reopen: the document settings of the add-in (`Office.context.document.settings`, saved
 * into the workbook by `saveAsync`).
 *
 * Why settings and not a very hidden sheet: settings are read without a sync (they are loaded with the
 * add-in), so marking stays one load sync + one write sync; and there is no sheet to create, whose
 * `visibility = 'VeryHidden'` is not undoable on Windows and Mac (it would break the undo group and wipe
 * the user's undo stack). The price: Ctrl+Z undoes our marks but not this record, so everything that reads
 * it checks the cell first (fill still our colour, note still ours, value still the one we wrote).
 */
import type { SettingsBag } from './env';
import { normalColor, type FillState } from './fills';

export const RECORD_KEY = 'selfeval.marks';

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

export function loadRecord(bag: SettingsBag): MarkEntry[] {
  const raw = bag.get(RECORD_KEY);
  const obj = typeof raw === 'string' ? safeParse(raw) : raw;
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

/** Replaces the record in memory; `persistSettings` writes it into the document. */
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

/** '' = no fill; '#RRGGBB'; '#RRGGBB|Pattern|#RRGGBB|tintAndShade' for a patterned or tinted fill. */
function encodeFill(f: FillState): string {
  if (f.none) return '';
  if (!f.pattern && !f.tintAndShade) return f.color;
  return `${f.color}|${f.pattern ?? ''}|${f.patternColor ?? ''}|${f.tintAndShade ?? ''}`;
}

function decodeFill(s: string): FillState {
  if (!s) return { none: true };
  const [color, pattern, patternColor, tint] = s.split('|');
  const f: FillState = { color: normalColor(color) };
  if (pattern) {
    f.pattern = pattern;
    f.patternColor = patternColor || null;
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
