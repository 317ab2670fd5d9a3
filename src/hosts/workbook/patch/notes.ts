/**
 * Our notes on one sheet, written into its comments part and its legacy VML drawing (ECMA-376 Part 1
 * §18.7; the note's box is a VML shape, Part 4 / [MS-OI29500]) — merged with the notes the sheet has
 * already: a cell with a note of its own keeps the user's text (and its formatting) above ours; a note
 * of ours from an earlier run is replaced; other notes and shapes are left as they were.
 */
import { NOTE_AUTHOR } from '../../../core/marks';
import { parseA1 } from '../../../core/sheet';
import { encodeXstring } from '../xstring';
import type { PackageText } from './packageText';
import { escapeXmlText, scanXml, Splices, type XmlElement } from './xmlScan';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const COMMENTS_REL = `${REL}/comments`;
const VML_REL = `${REL}/vmlDrawing`;
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** First line of every note we write; how our part of a note is told apart from the user's. */
export const OUR_NOTE_START = `【${NOTE_AUTHOR}】`;

export interface SheetNotes {
  sheetPart: string;
  /** The relationship id of the sheet's `<legacyDrawing>`, if any. */
  legacyDrawing: string | null;
  /** Cell (A1, as the mark names it) → our note. */
  notes: Map<string, string>;
}

/** Writes the notes; returns the relationship id of a legacy drawing the sheet must now refer to (null: none new). */
export function writeNotes(pkg: PackageText, input: SheetNotes): string | null {
  if (input.notes.size === 0) return null;
  const rels = pkg.relationships(input.sheetPart);
  let commentsPart = rels.find((r) => r.type === COMMENTS_REL && !r.external)?.target ?? null;
  if (commentsPart && !pkg.has(commentsPart) && !pkg.changed.has(commentsPart)) commentsPart = null;
  const vmlRel = input.legacyDrawing ? rels.find((r) => r.id === input.legacyDrawing && !r.external) : undefined;
  let vmlPart = vmlRel && pkg.text(vmlRel.target) !== null ? vmlRel.target : null;

  if (!commentsPart) {
    commentsPart = pkg.unusedName('xl/comments', '.xml');
    pkg.set(
      commentsPart,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors/><commentList/></comments>',
    );
    pkg.addRelationship(input.sheetPart, COMMENTS_REL, commentsPart);
    pkg.contentType(commentsPart, COMMENTS_TYPE);
  }
  const newCells = mergeComments(pkg, commentsPart, input.notes);
  if (newCells.length === 0) return null;

  let newDrawing: string | null = null;
  if (!vmlPart) {
    vmlPart = pkg.unusedName('xl/drawings/vmlDrawing', '.vml');
    pkg.set(vmlPart, newVml(pkg));
    newDrawing = pkg.addRelationship(input.sheetPart, VML_REL, vmlPart);
    pkg.defaultContentType('vml', VML_TYPE);
  }
  addShapes(pkg, vmlPart, newCells);
  return newDrawing;
}

interface Run {
  /** The run as written (`<r>…</r>`), or a plain `<t>` turned into a run. */
  xml: string;
  text: string;
  rPr: string;
}

/** The notes merged into the comments part; returns the cells that got a new comment (they need a shape). */
function mergeComments(pkg: PackageText, part: string, notes: Map<string, string>): { row: number; col: number }[] {
  const xml = pkg.text(part)!;
  const elements = scanXml(xml);
  const root = elements[0];
  const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
  const splices = new Splices();
  const child = (parent: XmlElement, local: string) => elements.find((e) => e.parent === elements.indexOf(parent) && e.local === local);

  const authors = child(root, 'authors');
  const authorList = authors ? elements.filter((e) => e.parent === elements.indexOf(authors) && e.local === 'author') : [];
  let ourAuthor = authorList.findIndex((a) => a.text === NOTE_AUTHOR);
  if (ourAuthor < 0) {
    ourAuthor = authorList.length;
    const element = `<${p}author>${escapeXmlText(NOTE_AUTHOR)}</${p}author>`;
    if (!authors) splices.insert(root.openEnd, `<${p}authors>${element}</${p}authors>`);
    else if (authors.selfClosing) splices.replace(authors.start, authors.end, `<${p}authors>${element}</${p}authors>`);
    else splices.insert(authors.closeStart, element);
  }

  const list = child(root, 'commentList');
  const existing = new Map<string, XmlElement>();
  if (list) for (const c of elements.filter((e) => e.parent === elements.indexOf(list) && e.local === 'comment')) existing.set(normalRef(c.attributes.ref ?? ''), c);

  const added: string[] = [];
  const newCells: { row: number; col: number }[] = [];
  for (const [cell, ours] of notes) {
    const ref = normalRef(cell);
    const comment = existing.get(ref);
    if (comment) {
      const text = child(comment, 'text');
      const runs = text ? runsOf(xml, elements, text, p) : [];
      const theirs = trimTrailingNewlines(cutAtOurs(runs, p), p);
      const inner = theirs.length ? `${theirs.map((r) => r.xml).join('')}${run('\n\n', '', p)}${ourRun(ours, p)}` : ourRun(ours, p);
      if (text && !text.selfClosing) splices.replace(text.openEnd, text.closeStart, inner);
      else if (text) splices.replace(text.start, text.end, `<${p}text>${inner}</${p}text>`);
      else splices.insert(comment.selfClosing ? comment.start : comment.openEnd, `<${p}text>${inner}</${p}text>`);
      continue;
    }
    added.push(`<${p}comment ref="${ref}" authorId="${ourAuthor}"><${p}text>${ourRun(ours, p)}</${p}text></${p}comment>`);
    newCells.push(parseA1(ref));
  }
  if (added.length) {
    if (!list) splices.insert(authors ? authors.end : root.openEnd, `<${p}commentList>${added.join('')}</${p}commentList>`);
    else if (list.selfClosing) splices.replace(list.start, list.end, `<${p}commentList>${added.join('')}</${p}commentList>`);
    else splices.insert(list.closeStart, added.join(''));
  }
  if (splices.size) pkg.set(part, splices.apply(xml));
  return newCells;
}

/** Text as stored (`_x000D_`) → the text. */
function decodeXstring(s: string): string {
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function normalRef(ref: string): string {
  return ref.replace(/\$/g, '').toUpperCase();
}

function run(text: string, rPr: string, p: string): string {
  return `<${p}r>${rPr}<${p}t xml:space="preserve">${escapeXmlText(encodeXstring(text))}</${p}t></${p}r>`;
}

function ourRun(text: string, p: string): string {
  return run(text, `<${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>`, p);
}

/** The note's runs; a note held as one plain `<t>` is one run. Phonetic runs are left out. */
function runsOf(xml: string, elements: XmlElement[], text: XmlElement, p: string): Run[] {
  const at = elements.indexOf(text);
  const out: Run[] = [];
  for (const e of elements) {
    if (e.parent !== at) continue;
    if (e.local === 't') out.push({ xml: run(decodeXstring(e.text), '', p), text: decodeXstring(e.text), rPr: '' });
    if (e.local === 'r') {
      const k = elements.indexOf(e);
      const t = elements.find((c) => c.parent === k && c.local === 't');
      const rPr = elements.find((c) => c.parent === k && c.local === 'rPr');
      out.push({ xml: xml.slice(e.start, e.end), text: decodeXstring(t?.text ?? ''), rPr: rPr ? xml.slice(rPr.start, rPr.end) : '' });
    }
  }
  return out;
}

/** The runs before our part of the note (which always starts a run's text or follows a blank line). */
function cutAtOurs(runs: Run[], p: string): Run[] {
  const whole = runs.map((r) => r.text).join('');
  const at = whole.startsWith(OUR_NOTE_START) ? 0 : whole.indexOf(`\n\n${OUR_NOTE_START}`);
  if (at < 0) return runs;
  const out: Run[] = [];
  let pos = 0;
  for (const r of runs) {
    if (pos + r.text.length <= at) out.push(r);
    else if (pos < at) out.push(cut(r, r.text.slice(0, at - pos), p));
    pos += r.text.length;
    if (pos >= at) break;
  }
  return out;
}

function cut(r: Run, text: string, p: string): Run {
  return { xml: run(text, r.rPr, p), text, rPr: r.rPr };
}

function trimTrailingNewlines(runs: Run[], p: string): Run[] {
  const out = [...runs];
  while (out.length) {
    const last = out[out.length - 1];
    const t = last.text.replace(/\n+$/, '');
    if (t === '') out.pop();
    else {
      if (t !== last.text) out[out.length - 1] = cut(last, t, p);
      break;
    }
  }
  return out;
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A new legacy drawing, its shape ids in a block of 1,024 no other drawing of the workbook uses. */
function newVml(pkg: PackageText): string {
  let block = 0;
  for (const name of [...Object.keys(pkg.files), ...pkg.changed]) {
    if (!/\.vml$/i.test(name)) continue;
    for (const m of (pkg.text(name) ?? '').matchAll(/\bdata="([\d,\s]+)"/g)) for (const n of m[1].split(',')) block = Math.max(block, Number(n) || 0);
  }
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block + 1}"/></o:shapelayout>${SHAPE_TYPE}</xml>`
  );
}

/** A hidden note box for each cell, as Excel draws one: beside the cell, a few columns wide. */
function addShapes(pkg: PackageText, part: string, cells: { row: number; col: number }[]): void {
  const vml = pkg.text(part)!;
  const block = Number(/\bdata="(\d+)/.exec(vml)?.[1] ?? 1);
  let id = block * 1024;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) id = Math.max(id, Number(m[1]));
  const shapes = cells.map(({ row, col }) => {
    id++;
    const left = Math.min(col + 1, 16383);
    const right = Math.min(col + 5, 16383);
    const anchor = `${left}, 15, ${Math.max(0, row - 1)}, 10, ${right}, 15, ${Math.min(row + 8, 1048575)}, 4`;
    return (
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:240pt;height:120pt;z-index:${id - block * 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
    );
  });
  const close = vml.lastIndexOf('</xml>');
  if (close < 0) throw new Error(`legacy drawing ${part} is not closed`);
  const type = vml.includes('"_x0000_t202"') ? '' : SHAPE_TYPE;
  pkg.set(part, vml.slice(0, close) + type + shapes.join('') + vml.slice(close));
}
