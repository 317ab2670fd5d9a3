/**
 * New cell formats (xf) for the marked cells, added to xl/styles.xml: each is a copy of the cell's own
 * format with our fill (and, for a computed value, its number format), so the cell keeps its borders,
 * font, alignment and protection. One new xf per distinct (format, fill, number format); everything else
 * in the part stays as it was.
 */
import { childrenOf, escapeXmlAttribute, scanXml, Splices, withAttribute, type XmlElement } from './xmlScan';

/** Excel's built-in number formats (ECMA-376 Part 1 §18.8.30) that our computed values use. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

/** What a workbook without a styles part gets: the minimum Excel writes. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export interface XfChange {
  /** RGB hex of a solid fill. */
  fill?: string;
  numberFormat?: string;
  bold?: boolean;
}

export class StylesPatch {
  private readonly xml: string;
  private readonly elements: XmlElement[];
  private readonly prefix: string;
  private readonly xfs: XmlElement[];
  private readonly fillCount: number;
  private readonly fontCount: number;
  private readonly formats = new Map<string, number>();
  private nextFormatId: number;
  private readonly formatCount: number;
  private readonly newFills = new Map<string, number>();
  private readonly newFonts = new Map<number, number>();
  private readonly newFormats: { id: number; code: string }[] = [];
  private readonly newXfs = new Map<string, number>();
  private readonly newXfXml: string[] = [];
  private readonly fontXml: string[];

  constructor(xml: string) {
    this.xml = xml;
    this.elements = scanXml(xml);
    const root = this.elements[0];
    this.prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
    const section = (local: string) => this.elements.find((e) => e.parent === 0 && e.local === local);
    const cellXfs = section('cellXfs');
    this.xfs = cellXfs ? childrenOf(this.elements, this.elements.indexOf(cellXfs)).filter((e) => e.local === 'xf') : [];
    const fills = section('fills');
    this.fillCount = fills ? childrenOf(this.elements, this.elements.indexOf(fills)).filter((e) => e.local === 'fill').length : 0;
    const fonts = section('fonts');
    const fontElements = fonts ? childrenOf(this.elements, this.elements.indexOf(fonts)).filter((e) => e.local === 'font') : [];
    this.fontCount = fontElements.length;
    this.fontXml = fontElements.map((f) => xml.slice(f.start, f.end));
    let maxId = 163;
    const numFmts = section('numFmts');
    const formatElements = numFmts ? childrenOf(this.elements, this.elements.indexOf(numFmts)).filter((e) => e.local === 'numFmt') : [];
    this.formatCount = formatElements.length;
    for (const f of formatElements) {
      const id = Number(f.attributes.numFmtId);
      if (!Number.isInteger(id)) continue;
      this.formats.set(f.attributes.formatCode ?? '', id);
      maxId = Math.max(maxId, id);
    }
    this.nextFormatId = maxId + 1;
  }

  get changed(): boolean {
    return this.newXfXml.length > 0;
  }

  /** The index of a cell format like `base` with the change applied (a new one unless asked before). */
  xfFor(base: number, change: XfChange): number {
    const from = Number.isInteger(base) && base >= 0 && base < this.xfs.length ? base : 0;
    const key = `${from}|${change.fill ?? ''}|${change.numberFormat ?? ''}|${change.bold ? 'b' : ''}`;
    const known = this.newXfs.get(key);
    if (known !== undefined) return known;
    const x = this.xfs[from];
    let tag = x ? this.xml.slice(x.start, x.openEnd) : `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const body = x && !x.selfClosing ? this.xml.slice(x.openEnd, x.end) : '';
    if (change.fill) {
      tag = withAttribute(withAttribute(tag, 'fillId', String(this.fillId(change.fill))), 'applyFill', '1');
    }
    if (change.numberFormat) {
      tag = withAttribute(withAttribute(tag, 'numFmtId', String(this.formatId(change.numberFormat))), 'applyNumberFormat', '1');
    }
    if (change.bold) {
      tag = withAttribute(withAttribute(tag, 'fontId', String(this.boldFont(Number(x?.attributes.fontId ?? 0)))), 'applyFont', '1');
    }
    const element = body ? tag + body : tag.endsWith('/>') ? tag : tag.replace(/>$/, '/>');
    const index = this.xfs.length + this.newXfXml.length;
    this.newXfXml.push(element);
    this.newXfs.set(key, index);
    return index;
  }

  private fillId(rgb: string): number {
    let id = this.newFills.get(rgb);
    if (id === undefined) {
      id = this.fillCount + this.newFills.size;
      this.newFills.set(rgb, id);
    }
    return id;
  }

  private boldFont(base: number): number {
    let id = this.newFonts.get(base);
    if (id === undefined) {
      id = this.fontCount + this.newFonts.size;
      this.newFonts.set(base, id);
    }
    return id;
  }

  private formatId(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    let id = this.formats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formats.set(code, id);
      this.newFormats.push({ id, code });
    }
    return id;
  }

  /** The part with the new fills, fonts, number formats and cell formats appended. */
  toXml(): string {
    const p = this.prefix;
    const splices = new Splices();
    const append = (local: string, items: string[], countAfter: number, createBefore: string[]) => {
      if (items.length === 0) return;
      const section = this.elements.find((e) => e.parent === 0 && e.local === local);
      if (section) {
        const open = withAttribute(this.xml.slice(section.start, section.openEnd), 'count', String(countAfter));
        if (section.selfClosing) splices.replace(section.start, section.end, `${open.replace(/\/>$/, '>')}${items.join('')}</${p}${local}>`);
        else {
          splices.replace(section.start, section.openEnd, open);
          splices.insert(section.closeStart, items.join(''));
        }
        return;
      }
      // The section is missing: it goes before the first of the sections that follow it in CT_Stylesheet.
      const next = this.elements.find((e) => e.parent === 0 && createBefore.includes(e.local));
      const at = next ? next.start : this.elements[0].closeStart;
      splices.insert(at, `<${p}${local} count="${countAfter}">${items.join('')}</${p}${local}>`);
    };
    const after = (local: string) => ORDER.slice(ORDER.indexOf(local) + 1);
    append('numFmts', this.newFormats.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeXmlAttribute(f.code)}"/>`), this.formatCount + this.newFormats.length, after('numFmts'));
    append('fonts', [...this.newFonts.keys()].map((base) => boldFontXml(this.fontXml[base], p)), this.fontCount + this.newFonts.size, after('fonts'));
    append(
      'fills',
      [...this.newFills.keys()].map((rgb) => `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`),
      this.fillCount + this.newFills.size,
      after('fills'),
    );
    append('cellXfs', this.newXfXml, this.xfs.length + this.newXfXml.length, after('cellXfs'));
    return splices.apply(this.xml);
  }
}

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** A copy of a font with bold on (CT_Font: `b` comes first). */
function boldFontXml(font: string | undefined, p: string): string {
  if (!font) return `<${p}font><${p}b/><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`;
  const withoutBold = font.replace(/<(?:\w+:)?b(?:\s[^>]*)?\/>/, '');
  if (/\/>$/.test(withoutBold) && !/<\/(?:\w+:)?font>$/.test(withoutBold)) return withoutBold.replace(/\/>$/, `><${p}b/></${p}font>`);
  return withoutBold.replace(/^(<(?:\w+:)?font\b[^>]*>)/, `$1<${p}b/>`);
}
