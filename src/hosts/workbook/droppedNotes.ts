/**
 * ExcelJS drops a note (批注) whose cell has no entry in the sheet data — what Excel writes for a note on
 * an empty, unformatted cell. This puts such notes back from the package's comments parts, so the
 * annotated copy keeps every note the user wrote.
 */
import type { Workbook } from 'exceljs';
import { attributesOf, relationshipsOf, unescapeXstring, worksheetParts, type PackageParts } from './packageParts';

export interface NoteRun {
  text: string;
  font?: { bold?: boolean; size?: number; name?: string };
}

/** The notes in a comments part: cell reference → rich-text runs. */
export function notesInCommentsXml(xml: string): Map<string, NoteRun[]> {
  const out = new Map<string, NoteRun[]>();
  for (const m of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
    const ref = attributesOf(`<c ${m[1]}>`).ref;
    if (!ref) continue;
    const body = m[2].replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
    const runs: NoteRun[] = [];
    const runMatches = [...body.matchAll(/<(?:\w+:)?r>([\s\S]*?)<\/(?:\w+:)?r>/g)];
    if (runMatches.length === 0) {
      const t = textOf(body);
      if (t) runs.push({ text: t });
    }
    for (const r of runMatches) {
      const text = textOf(r[1]);
      if (!text) continue;
      const rPr = /<(?:\w+:)?rPr>([\s\S]*?)<\/(?:\w+:)?rPr>/.exec(r[1])?.[1] ?? '';
      const font: NonNullable<NoteRun['font']> = {};
      if (/<(?:\w+:)?b(?:\s+val="(?:1|true)")?\s*\/>/.test(rPr)) font.bold = true;
      const sz = /<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(rPr);
      if (sz) font.size = Number(sz[1]);
      const name = /<(?:\w+:)?rFont\s+val="([^"]*)"/.exec(rPr);
      if (name) font.name = unescapeXstring(name[1]);
      runs.push(Object.keys(font).length ? { text, font } : { text });
    }
    if (runs.length) out.set(ref.replace(/\$/g, ''), runs);
  }
  return out;
}

function textOf(xml: string): string {
  let s = '';
  for (const t of xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) s += unescapeXstring(t[1]);
  return s;
}

/** All notes of the package: sheet name → cell → runs. */
export async function notesInPackage(parts: PackageParts): Promise<Map<string, Map<string, NoteRun[]>>> {
  const out = new Map<string, Map<string, NoteRun[]>>();
  if (!parts.names.some((n) => /^xl\/.*comments[^/]*\.xml$/i.test(n))) return out;
  for (const [sheet, part] of await worksheetParts(parts)) {
    const rels = await relationshipsOf(parts, part);
    for (const rel of rels.values()) {
      if (!rel.type.endsWith('/comments')) continue;
      const xml = await parts.text(rel.target);
      if (xml) out.set(sheet, notesInCommentsXml(xml));
    }
  }
  return out;
}

/**
 * Puts back the notes ExcelJS did not load. Returns how many notes the package holds and how many are on
 * the workbook now, so the caller can tell whether any is still missing.
 */
export async function restoreDroppedNotes(parts: PackageParts, workbook: Workbook): Promise<{ inPackage: number; kept: number }> {
  const notes = await notesInPackage(parts);
  let inPackage = 0;
  let kept = 0;
  for (const [sheet, cells] of notes) {
    const ws = workbook.getWorksheet(sheet);
    for (const [ref, runs] of cells) {
      inPackage++;
      if (!ws) continue;
      const cell = ws.getCell(ref);
      if (!cell.note) cell.note = runs.length === 1 && !runs[0].font ? runs[0].text : { texts: runs };
      kept++;
    }
  }
  return { inPackage, kept };
}
