/**
 * Where our marks are NOW. A mark record entry names a cell by its A1 address at marking time, which is
 * wrong as soon as the user inserts or deletes a row or column above or left of it. So every marked cell
 * also gets a defined name (hidden), which Excel moves with the cell, and which reads `=Sheet!#REF!` once
 * the cell itself was deleted (`NamedItem.formula`, ExcelApi 1.7). One load of the names tells where
 * every mark is; it rides along in a sync that happens anyway (the read of a sheet, the list of sheets
 * before 清除标记).
 *
 * The names are scoped to their worksheet (`worksheet.names.add`, ExcelApi 1.4), so they go when the user
 * deletes the sheet. Workbook-scoped names, which the previous version added (`SelfEval_<run>_<n>`), do
 * not: they stay as `=#REF!$H$7` (office-js#4772: "by design… deleting the bound sheet will not trigger
 * the whole NamedItem to be deleted"), and a hidden name (`visible = false`, nameditem.yml) never shows
 * in Name Manager, where the user could delete it. So 清除标记 deletes every name of ours it finds, also
 * those whose cell or sheet is gone (ExcelHost.clearMarks); sheet-scoped names carry SHEET_TAG so that
 * a delete goes to the right collection.
 *
 * An entry whose name is gone (an undo of our write removes the names with the marks) keeps its
 * recorded address and is verified there as before (the fill still our colour, the note still ours).
 *
 * Sorting moves a cell's contents, fill and note but not the names on it; the note hash (noteHash) is
 * what then stops us from taking another cell's note for ours.
 */
import type { MarkEntry } from './record';

export const NAME_PREFIX = 'SelfEval_';
/** After NAME_PREFIX: a sheet-scoped name (`SelfEval_ws_…`); the previous version's have none. */
const SHEET_TAG = 'ws_';

/** Our names → `{ sheet, cell }` now, or null when the cell (or its sheet) was deleted. */
export type NameMap = Map<string, { sheet: string; cell: string } | null>;

/** Whether one of our names is scoped to its worksheet (else: the workbook, previous version). */
export function isSheetScoped(name: string): boolean {
  return name.startsWith(NAME_PREFIX + SHEET_TAG);
}

/** `=表1!$H$7`, `='表 1'!$H$7` → { sheet, cell }; `=表1!#REF!`, `=#REF!$H$7` (sheet deleted) → null. */
export function whereOf(formula: string): { sheet: string; cell: string } | null {
  const f = formula.replace(/^=/, '');
  if (f.includes('#REF!')) return null;
  const i = f.lastIndexOf('!');
  if (i < 0) return null;
  let sheet = f.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const cell = f.slice(i + 1).replace(/\$/g, '');
  return /^[A-Z]+[0-9]+$/.test(cell) ? { sheet, cell } : null;
}

/**
 * The entries brought to where their names are now. `changed` is false when nothing moved (the record
 * in memory can stay as it is).
 */
export function relocate(entries: readonly MarkEntry[], names: NameMap): { entries: MarkEntry[]; changed: boolean } {
  let changed = false;
  const out = entries.map((e) => {
    if (!e.name || e.lost) return e;
    if (!names.has(e.name)) {
      // The name is gone (undone): the address is all we have; a fresh name is added at the next write.
      changed = true;
      const { name: _gone, ...rest } = e;
      return rest;
    }
    const at = names.get(e.name);
    if (at === null || at === undefined) {
      changed = true;
      return { ...e, lost: true };
    }
    if (at.sheet === e.sheet && at.cell === e.cell) return e;
    changed = true;
    return { ...e, sheet: at.sheet, cell: at.cell };
  });
  return { entries: out, changed };
}

/** Fresh names for one run: unique across runs without knowing the names already in the workbook. */
export function nameAllocator(seed = Date.now()): () => string {
  const run = `${seed.toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
  let n = 0;
  return () => `${NAME_PREFIX}${SHEET_TAG}${run}_${(n++).toString(36)}`;
}

/** FNV-1a, 32 bits, hex: enough to recognise a note text we wrote. */
export function noteHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * What the user added to a note we wrote: the lines after our text ('' when none), or null when our
 * text itself was changed (the note is the user's now). Without a hash (older records): ''.
 */
export function userTextIn(note: string, hash: string | undefined): string | null {
  if (!hash) return '';
  if (noteHash(note) === hash) return '';
  const lines = note.split('\n');
  for (let k = lines.length - 1; k >= 1; k--) {
    if (noteHash(lines.slice(0, k).join('\n')) === hash) return lines.slice(k).join('\n').replace(/^\n+/, '');
  }
  return null;
}
