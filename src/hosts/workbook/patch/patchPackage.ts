/**
 * The annotated copy: the original package with our marks written into the few parts they concern —
 * the marked sheets' XML, styles.xml, the notes' comments and VML parts (and their relationships),
 * [Content_Types].xml, docProps/custom.xml, and for a 校验报告 sheet a new worksheet part with its entries
 * in workbook.xml and its relationships. Every other part is the original's, byte for byte, so charts,
 * pictures, pivot tables, threaded comments, macros, custom XML … are all still there.
 */
import { unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { parseA1 } from '../../../core/sheet';
import type { CopyEdits } from '../annotate';
import type { InflatedParts } from '../limits';
import { addCopyMark, markFirst } from '../copyMark';
import { ENTRY_TIME } from '../entryTime';
import { writeNotes } from './notes';
import { PackageText } from './packageText';
import { reportSheetXml } from './reportSheet';
import { locateSheet, patchSheetXml, type CellWrite } from './sheetXml';
import { MINIMAL_STYLES, StylesPatch } from './styles';
import { escapeXmlAttribute, scanXml, Splices, withAttribute } from './xmlScan';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL}/worksheet`;
const STYLES_REL = `${REL}/styles`;
const OFFICE_DOCUMENT_REL = `${REL}/officeDocument`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/**
 * Whether a relationship's type is `type`, in the transitional namespace or in strict OOXML's
 * (`http://purl.oclc.org/ooxml/officeDocument/relationships/…`): the last segment decides.
 */
function isType(relType: string, type: string): boolean {
  return relType.endsWith(type.slice(type.lastIndexOf('/')));
}

/** CT_Workbook's elements after `<calcPr>` (ECMA-376 Part 1 §18.2.27). */
const AFTER_CALC_PR = new Set(['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst', 'AlternateContent']);

/** `inflated`: the parts as the read inflated them (read.ts `keepParts`), so that they are not inflated again. */
export function patchPackage(bytes: Uint8Array, edits: CopyEdits, inflated?: InflatedParts): Uint8Array {
  const pkg = new PackageText(partsOf(bytes, inflated));
  const workbookPart = pkg.relationships('').find((r) => isType(r.type, OFFICE_DOCUMENT_REL))?.target ?? 'xl/workbook.xml';
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml === null) throw new Error(`missing ${workbookPart}`);
  const workbookElements = scanXml(workbookXml);
  const workbookRels = pkg.relationships(workbookPart);
  const sheets = workbookElements
    .filter((e) => e.local === 'sheet')
    .map((e) => {
      const id = Object.entries(e.attributes).find(([k]) => k.endsWith(':id'))?.[1];
      const rel = workbookRels.find((r) => r.id === id);
      return { element: e, name: e.attributes.name ?? '', part: rel && isType(rel.type, WORKSHEET_REL) ? rel.target : null };
    });

  let styles: StylesPatch | null = null;
  let stylesPart = workbookRels.find((r) => isType(r.type, STYLES_REL))?.target ?? null;
  const stylesOf = (): StylesPatch => {
    if (styles) return styles;
    let xml = stylesPart ? pkg.text(stylesPart) : null;
    if (xml === null) {
      // A styles part no relationship names is not the workbook's, but it is the user's: a new name, never over it.
      stylesPart ??= pkg.has('xl/styles.xml') ? pkg.unusedName('xl/styles', '.xml') : 'xl/styles.xml';
      xml = MINIMAL_STYLES;
      pkg.set(stylesPart, xml);
      if (!workbookRels.some((r) => isType(r.type, STYLES_REL))) pkg.addRelationship(workbookPart, STYLES_REL, stylesPart);
      pkg.contentType(stylesPart, STYLES_TYPE);
    }
    return (styles = new StylesPatch(xml));
  };

  for (const [name, cells] of edits.sheets) {
    // The 校验报告 sheet is written whole below.
    if (cells.size === 0 || name === edits.report?.name) continue;
    const part = sheets.find((s) => s.name === name)?.part;
    const xml = part ? pkg.text(part) : null;
    if (!part || xml === null) throw new Error(`worksheet “${name}” not found in the package`);
    const writes = new Map<number, Map<number, CellWrite>>();
    const notes = new Map<string, string>();
    for (const [cell, edit] of cells) {
      const { row, col } = parseA1(cell);
      const write: CellWrite = {};
      if (edit.fill || edit.numberFormat) {
        const change = { fill: edit.fill, numberFormat: edit.numberFormat };
        write.style = (xf) => stylesOf().xfFor(xf, change);
      }
      if (edit.value !== undefined) write.value = edit.value;
      if (edit.note) notes.set(cell, edit.note);
      let row_ = writes.get(row);
      if (!row_) writes.set(row, (row_ = new Map()));
      row_.set(col, write);
    }
    const located = locateSheet(xml);
    const legacyDrawing = writeNotes(pkg, { sheetPart: part, legacyDrawing: located.frame.legacyDrawing, notes });
    pkg.set(part, patchSheetXml(xml, { cells: writes, legacyDrawing: legacyDrawing ?? undefined }, located));
  }

  const workbookEdits = new Splices();
  if (edits.report) {
    const xml = reportSheetXml(edits.report, stylesOf().xfFor(0, { bold: true }));
    const existing = sheets.find((s) => s.name === edits.report!.name && s.part);
    if (existing?.part) {
      pkg.set(existing.part, xml);
      // The old sheet's notes and drawings went with its contents.
      const rels = PackageText.relsNameOf(existing.part);
      if (pkg.has(rels)) pkg.set(rels, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    } else {
      const part = pkg.unusedName('xl/worksheets/sheet', '.xml');
      pkg.set(part, xml);
      pkg.contentType(part, WORKSHEET_TYPE);
      const rid = pkg.addRelationship(workbookPart, WORKSHEET_REL, part);
      const root = workbookElements[0];
      const relPrefix = Object.entries(root.attributes).find(([k, v]) => k.startsWith('xmlns:') && v === REL)?.[0].slice(6);
      const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
      const sheetId = Math.max(0, ...sheets.map((s) => Number(s.element.attributes.sheetId) || 0)) + 1;
      const idAttribute = relPrefix ? `${relPrefix}:id="${rid}"` : `xmlns:r="${REL}" r:id="${rid}"`;
      const element = `<${p}sheet name="${escapeXmlAttribute(edits.report.name)}" sheetId="${sheetId}" ${idAttribute}/>`;
      const list = workbookElements.find((e) => e.parent === 0 && e.local === 'sheets');
      if (!list) throw new Error('workbook without sheets');
      if (list.selfClosing) workbookEdits.replace(list.start, list.end, `<${p}sheets>${element}</${p}sheets>`);
      else workbookEdits.insert(list.closeStart, element);
    }
  }
  if (edits.recalc) {
    const calcPr = workbookElements.find((e) => e.parent === 0 && e.local === 'calcPr');
    if (calcPr) workbookEdits.replace(calcPr.start, calcPr.openEnd, withAttribute(workbookXml.slice(calcPr.start, calcPr.openEnd), 'fullCalcOnLoad', '1'));
    else {
      const root = workbookElements[0];
      const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
      const next = workbookElements.find((e) => e.parent === 0 && AFTER_CALC_PR.has(e.local));
      workbookEdits.insert(next ? next.start : root.closeStart, `<${p}calcPr fullCalcOnLoad="1"/>`);
    }
  }
  if (workbookEdits.size) pkg.set(workbookPart, workbookEdits.apply(workbookXml));

  if (styles && (styles as StylesPatch).changed && stylesPart) pkg.set(stylesPart, (styles as StylesPatch).toXml());
  addCopyMark(pkg);
  pkg.finishContentTypes();

  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(pkg.output())) {
    // Folders as the original listed them; parts deflated (those already compressed, such as pictures, only stored).
    zippable[name] = [data, { level: /\.(png|jpe?g|gif|emf|wmf|bin)$/i.test(name) ? 0 : levelFor(data.length) }];
  }
  // The mark first: a copy cut short (a full disk) still shows it is ours (copyMark.ts).
  return zipSync(markFirst(zippable), { mtime: ENTRY_TIME });
}

/** Above this, a part is deflated at level 1. */
const LARGE_PART = 2 ** 20;

/**
 * fflate's level 6 deflates the 1,000-form bench sheet (9.8 MB of XML) in ~0.5 s, level 1 in ~0.17 s
 * into 25% more bytes (1.45 MB against 1.16): a large sheet's copy comes out larger but within its
 * budget (`npm run bench`: --out within 1.5× of the check alone); every workbook of a few forms keeps level 6.
 */
function levelFor(bytes: number): 1 | 6 {
  return bytes > LARGE_PART ? 1 : 6;
}

/**
 * The package's parts as fflate's `unzipSync` gives them — every entry of the directory in its order,
 * folders as empty entries — taken from the parts the read inflated where it has each of them; any
 * package it cannot so stand in for (a name twice, a name the read spelled otherwise) is inflated again.
 */
function partsOf(bytes: Uint8Array, inflated: InflatedParts | undefined): Unzipped {
  if (!inflated) return unzipSync(bytes);
  const listed: { name: string; size: number }[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      listed.push({ name: f.name, size: f.originalSize });
      return false;
    },
  });
  const files: Unzipped = {};
  for (const { name, size } of listed) {
    const data = name.endsWith('/') && size === 0 ? new Uint8Array(0) : inflated.get(name);
    if (!data || name in files) return unzipSync(bytes);
    files[name] = data as Uint8Array<ArrayBuffer>;
  }
  return files;
}
