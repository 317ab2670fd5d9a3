/**
 * A worksheet part with some cells changed — a new style (our fill), a value written into an empty cell —
 * and, where the sheet gets its first notes, a `<legacyDrawing>`. The cell data is scanned once, tag by
 * tag with `indexOf`, and only the rows holding a changed cell are taken apart: no tree of a
 * 1,000,000-cell sheet is built, and every other byte of the part stays as it was. What lies around
 * `<sheetData>` (small: columns, merges, validations, …) is read with the XML parser (xmlScan).
 */
import { a1, parseA1 } from '../../../core/sheet';
import { encodeXstring } from '../xstring';
import { escapeXmlText, scanXml, withAttribute, withoutAttribute, type XmlElement } from './xmlScan';

export interface CellWrite {
  /** The cell's new format, given its present one (for a cell the sheet does not hold: its row's or column's). */
  style?: (xf: number) => number;
  /** A value written into the cell (which held none). */
  value?: number | string;
}

export interface SheetXmlPatch {
  /** Row (0-based) → column (0-based) → change. */
  cells: Map<number, Map<number, CellWrite>>;
  /** The relationship id of a new legacy drawing (our notes' shapes), when the sheet has none yet. */
  legacyDrawing?: string;
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** CT_Worksheet's elements that follow `<legacyDrawing>` (ECMA-376 Part 1 §18.3.1.99), and mc:AlternateContent, which wraps oleObjects and controls. */
const AFTER_LEGACY_DRAWING = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent']);

/** The sheet outside its cell data, parsed: columns' styles, an existing legacy drawing, where a new one goes. */
export interface SheetFrame {
  /** Prefix of the sheet's elements (`x:` or ''). */
  prefix: string;
  /** The relationship id of the sheet's `<legacyDrawing>`, if it has one. */
  legacyDrawing: string | null;
  /** Default format of a column (0-based), where `<cols>` gives one. */
  columnStyle(col: number): number;
  /** Column widths in characters (0-based index), where `<cols>` gives them. */
  widths: Map<number, number>;
}

export interface Located {
  frame: SheetFrame;
  sheetData: { start: number; openEnd: number; closeStart: number; end: number; selfClosing: boolean };
  /** Where a new `<legacyDrawing>` goes in the original text, and the prefix bound to the relationships namespace (null: none declared). */
  legacyDrawingAt: number;
  relationshipsPrefix: string | null;
}

function locate(xml: string): Located {
  const m = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!m) throw new Error('worksheet without sheetData');
  const prefix = m[1];
  const selfClosing = m[2] === '/';
  const start = m.index;
  const openEnd = start + m[0].length;
  const closeTag = `</${prefix}sheetData>`;
  const closeStart = selfClosing ? openEnd : xml.indexOf(closeTag, openEnd);
  if (closeStart < 0) throw new Error('worksheet sheetData not closed');
  const end = selfClosing ? openEnd : closeStart + closeTag.length;
  // The frame is the sheet without its cells and merges (35,000 merges in 1,000 forms), parsed whole.
  const cuts: { from: number; to: number; text: string }[] = [{ from: start, to: end, text: `<${prefix}sheetData/>` }];
  const mergesAt = xml.indexOf(`<${prefix}mergeCells`, end);
  if (mergesAt >= 0) {
    const mergesClose = `</${prefix}mergeCells>`;
    const closeAt = xml.indexOf(mergesClose, mergesAt);
    if (closeAt >= 0) cuts.push({ from: mergesAt, to: closeAt + mergesClose.length, text: `<${prefix}mergeCells/>` });
  }
  let skeleton = '';
  let at = 0;
  for (const c of cuts) {
    skeleton += xml.slice(at, c.from) + c.text;
    at = c.to;
  }
  skeleton += xml.slice(at);
  const toOriginal = (offset: number) => {
    let shift = 0;
    for (const c of cuts) {
      if (offset <= c.from - shift) break;
      shift += c.to - c.from - c.text.length;
    }
    return offset + shift;
  };
  const elements = scanXml(skeleton);
  const top = elements.filter((e) => e.parent === 0);
  const root = elements[0];
  const cols: XmlElement[] = [];
  const colsElement = top.find((e) => e.local === 'cols');
  if (colsElement) cols.push(...elements.filter((e) => e.parent === elements.indexOf(colsElement) && e.local === 'col'));
  const widths = new Map<number, number>();
  for (const c of cols) {
    const w = Number(c.attributes.width);
    if (!(w > 0)) continue;
    for (let k = Number(c.attributes.min); k <= Number(c.attributes.max) && k <= 16384; k++) widths.set(k - 1, w);
  }
  const legacy = top.find((e) => e.local === 'legacyDrawing');
  const idOf = (e: XmlElement) => Object.entries(e.attributes).find(([k]) => k.endsWith(':id'))?.[1] ?? null;
  const sheetDataIndex = top.findIndex((e) => e.local === 'sheetData');
  const following = top.slice(sheetDataIndex + 1).find((e) => AFTER_LEGACY_DRAWING.has(e.local));
  const relPrefix = Object.entries(root.attributes).find(([k, v]) => k.startsWith('xmlns:') && v === RELATIONSHIPS_NS)?.[0].slice(6) ?? null;
  return {
    frame: {
      prefix,
      legacyDrawing: legacy ? idOf(legacy) : null,
      columnStyle: (col) => {
        for (const c of cols) if (col + 1 >= Number(c.attributes.min) && col + 1 <= Number(c.attributes.max)) return Number(c.attributes.style ?? 0) || 0;
        return 0;
      },
      widths,
    },
    sheetData: { start, openEnd, closeStart, end, selfClosing },
    legacyDrawingAt: toOriginal(following ? following.start : root.closeStart),
    relationshipsPrefix: relPrefix,
  };
}

export function sheetFrame(xml: string): SheetFrame {
  return locate(xml).frame;
}

/** The sheet's frame and where its parts lie, for patchSheetXml (parsed once). */
export function locateSheet(xml: string): Located {
  return locate(xml);
}

const FORMULA = /<(?:[\w.-]+:)?f[\s>/]/;

const isTagEnd = (ch: number) => ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : null;
}

export function patchSheetXml(xml: string, patch: SheetXmlPatch, located: Located = locate(xml)): string {
  const { frame, sheetData, legacyDrawingAt, relationshipsPrefix } = located;
  const p = frame.prefix;
  const out: string[] = [];
  let copied = 0;
  const splice = (from: number, to: number, text: string) => {
    out.push(xml.slice(copied, from), text);
    copied = to;
  };

  const rows = [...patch.cells.keys()].sort((a, b) => a - b);
  let next = 0;
  const newRow = (row: number) => {
    const cells = patch.cells.get(row)!;
    return `<${p}row r="${row + 1}">${[...cells.keys()].sort((a, b) => a - b).map((col) => newCell(row, col, cells.get(col)!, frame.columnStyle(col))).join('')}</${p}row>`;
  };
  const newCell = (row: number, col: number, write: CellWrite, base: number) => {
    const s = write.style ? write.style(base) : base;
    let tag = `<${p}c r="${a1(row, col)}"${s ? ` s="${s}"` : ''}>`;
    let body = '';
    if (write.value !== undefined) [tag, body] = withValue(tag, write.value, p);
    return body ? `${tag}${body}</${p}c>` : tag.replace(/>$/, '/>');
  };

  if (sheetData.selfClosing) {
    if (rows.length) splice(sheetData.start, sheetData.end, `<${p}sheetData>${rows.map(newRow).join('')}</${p}sheetData>`);
  } else {
    const rowOpen = `<${p}row`;
    let pos = sheetData.openEnd;
    let previous = -1;
    for (;;) {
      const at = xml.indexOf(rowOpen, pos);
      if (at < 0 || at >= sheetData.closeStart) break;
      if (!isTagEnd(xml.charCodeAt(at + rowOpen.length))) {
        pos = at + rowOpen.length;
        continue;
      }
      const tagEnd = xml.indexOf('>', at) + 1;
      let tag = xml.slice(at, tagEnd);
      const r = attribute(tag, 'r');
      const row = r ? Number(r) - 1 : previous + 1;
      previous = row;
      while (next < rows.length && rows[next] < row) splice(at, at, newRow(rows[next++]));
      if (!r) tag = withAttribute(tag, 'r', String(row + 1));
      if (next < rows.length && rows[next] === row) {
        const selfClosingRow = tag.endsWith('/>');
        const closeTag = `</${p}row>`;
        const closeAt = selfClosingRow ? tagEnd : xml.indexOf(closeTag, tagEnd);
        const rowEnd = selfClosingRow ? tagEnd : closeAt + closeTag.length;
        const customFormat = attribute(tag, 'customFormat');
        const rowStyle = customFormat === '1' || customFormat === 'true' ? Number(attribute(tag, 's') ?? 0) : null;
        const cells = patchRowCells(xml.slice(tagEnd, closeAt), row, patch.cells.get(row)!, p, (col) => rowStyle ?? frame.columnStyle(col), newCell);
        splice(at, rowEnd, `${tag.replace(/\s*\/>$/, '>')}${cells}${closeTag}`);
        next++;
        pos = rowEnd;
      } else {
        if (!r) splice(at, tagEnd, tag);
        pos = tagEnd;
      }
    }
    if (next < rows.length) splice(sheetData.closeStart, sheetData.closeStart, rows.slice(next).map(newRow).join(''));
  }

  if (patch.legacyDrawing && !frame.legacyDrawing) {
    const element = relationshipsPrefix
      ? `<${p}legacyDrawing ${relationshipsPrefix}:id="${patch.legacyDrawing}"/>`
      : `<${p}legacyDrawing xmlns:r="${RELATIONSHIPS_NS}" r:id="${patch.legacyDrawing}"/>`;
    splice(legacyDrawingAt, legacyDrawingAt, element);
  }
  out.push(xml.slice(copied));
  return out.join('');
}

/** The cells of one row (its content between the row's tags) with the changes made and new cells inserted in column order. */
function patchRowCells(
  content: string,
  row: number,
  writes: Map<number, CellWrite>,
  p: string,
  defaultStyle: (col: number) => number,
  newCell: (row: number, col: number, write: CellWrite, base: number) => string,
): string {
  const cols = [...writes.keys()].sort((a, b) => a - b);
  let next = 0;
  let out = '';
  let copied = 0;
  const cellOpen = `<${p}c`;
  let pos = 0;
  let previous = -1;
  for (;;) {
    const at = content.indexOf(cellOpen, pos);
    if (at < 0) break;
    if (!isTagEnd(content.charCodeAt(at + cellOpen.length))) {
      pos = at + cellOpen.length;
      continue;
    }
    const tagEnd = content.indexOf('>', at) + 1;
    let tag = content.slice(at, tagEnd);
    const selfClosing = tag.endsWith('/>');
    const closeTag = `</${p}c>`;
    const closeAt = selfClosing ? tagEnd : content.indexOf(closeTag, tagEnd);
    const end = selfClosing ? tagEnd : closeAt + closeTag.length;
    const r = attribute(tag, 'r');
    const col = r ? parseA1(r).col : previous + 1;
    previous = col;
    out += content.slice(copied, at);
    for (; next < cols.length && cols[next] < col; next++) out += newCell(row, cols[next], writes.get(cols[next])!, defaultStyle(cols[next]));
    // Every cell of a changed row says where it is, so an inserted cell cannot shift the ones after it.
    if (!r) tag = withAttribute(tag, 'r', a1(row, col));
    if (next < cols.length && cols[next] === col) {
      const write = writes.get(col)!;
      let body = selfClosing ? '' : content.slice(tagEnd, closeAt);
      if (write.style) tag = withAttribute(tag, 's', String(write.style(Number(attribute(tag, 's') ?? 0) || 0)));
      // Never over a formula: a formula cell without a cached result reads as empty.
      if (write.value !== undefined && !FORMULA.test(body)) [tag, body] = withValue(tag, write.value, p);
      out += body ? `${tag.replace(/\s*\/>$/, '>')}${body}${closeTag}` : selfClosing ? tag : `${tag}${closeTag}`;
      next++;
    } else {
      out += tag + content.slice(tagEnd, end);
    }
    copied = end;
    pos = end;
  }
  out += content.slice(copied);
  // New cells after the last one the row held go before anything else the row holds after its cells (an extLst).
  const rest = cols.slice(next).map((col) => newCell(row, col, writes.get(col)!, defaultStyle(col))).join('');
  if (!rest) return out;
  const ext = out.indexOf(`<${p}extLst`);
  return ext >= 0 ? out.slice(0, ext) + rest + out.slice(ext) : out + rest;
}

/** A cell's start tag and content holding `value`: a number, or text as an inline string (sharedStrings stays as it was). */
function withValue(tag: string, value: number | string, p: string): [string, string] {
  let t = withoutAttribute(withoutAttribute(withoutAttribute(tag, 't'), 'cm'), 'vm');
  t = t.replace(/\s*\/>$/, '>');
  if (typeof value === 'number') return [t, `<${p}v>${String(value)}</${p}v>`];
  return [withAttribute(t, 't', 'inlineStr'), `<${p}is><${p}t xml:space="preserve">${escapeXmlText(encodeXstring(value))}</${p}t></${p}is>`];
}
