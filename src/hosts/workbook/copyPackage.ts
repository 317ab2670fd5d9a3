/**
 * The last touches to the package ExcelJS wrote for an annotated copy, which ExcelJS cannot make itself:
 * our mark (copyMark), and the merges of a sheet whose file held overlapping or one-cell merges put
 * back exactly as the file had them (ExcelJS writes merges rebuilt from the merges it applied, see
 * linearMerges).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { addCopyMark, markFirst } from './copyMark';
import { attributesOf, resolvePartName } from './packageParts';

/** `mergeCells`: per sheet name, the file's own `<mergeCell ref>` list to write instead of ExcelJS's. */
export function finishCopy(bytes: Uint8Array, mergeCells: ReadonlyMap<string, readonly string[]>): Uint8Array {
  const files = unzipSync(bytes);
  addCopyMark(files);
  if (mergeCells.size > 0) {
    for (const [sheet, part] of worksheetPartsOf(files)) {
      const ranges = mergeCells.get(sheet);
      if (ranges && files[part]) files[part] = strToU8(withMergeCells(strFromU8(files[part]), ranges));
    }
  }
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(markFirst(files))) zippable[name] = [data, { level: 6 }];
  return zipSync(zippable);
}

/** Worksheet name → part name, from the written workbook.xml and its relationships. */
function worksheetPartsOf(files: Unzipped): Map<string, string> {
  const out = new Map<string, string>();
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const targets = new Map<string, string>();
  for (const tag of text('xl/_rels/workbook.xml.rels').match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const a = attributesOf(tag);
    if (a.Id && a.Target) targets.set(a.Id, resolvePartName('xl/', a.Target));
  }
  for (const tag of text('xl/workbook.xml').match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const a = attributesOf(tag);
    const id = Object.keys(a).find((k) => k === 'id' || k.endsWith(':id'));
    const target = id ? targets.get(a[id]) : undefined;
    if (a.name && target) out.set(a.name, target);
  }
  return out;
}

/** The worksheet XML with its `<mergeCells>` replaced by these ranges (placed where the schema wants it). */
function withMergeCells(xml: string, ranges: readonly string[]): string {
  const element = `<mergeCells count="${ranges.length}">${ranges.map((r) => `<mergeCell ref="${r.replace(/[^A-Za-z0-9:$]/g, '')}"/>`).join('')}</mergeCells>`;
  const existing = /<mergeCells\b[^>]*\/>|<mergeCells\b[^>]*>[\s\S]*?<\/mergeCells>/;
  if (existing.test(xml)) return xml.replace(existing, element);
  // CT_Worksheet: sheetData, sheetCalcPr, sheetProtection, protectedRanges, scenarios, autoFilter, sortState,
  // dataConsolidate, customSheetViews, mergeCells, … — so it goes after the last of those present.
  const after = /<\/sheetData>|<sheetData\b[^>]*\/>|<sheetCalcPr\b[^>]*\/>|<sheetProtection\b[^>]*\/>|<\/protectedRanges>|<\/scenarios>|<\/autoFilter>|<autoFilter\b[^>]*\/>|<\/sortState>|<\/dataConsolidate>|<\/customSheetViews>/g;
  let at = -1;
  for (const m of xml.matchAll(after)) at = m.index! + m[0].length;
  return at < 0 ? xml : xml.slice(0, at) + element + xml.slice(at);
}
