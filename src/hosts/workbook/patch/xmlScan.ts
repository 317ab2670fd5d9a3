/**
 * A small package part (styles, comments, workbook, relationships, content types) read with saxes into
 * a flat list of its elements, each with where it starts and ends in the text — so the patcher can splice
 * a change in at the right place and leave every other byte of the part as it was. Not for worksheets:
 * a sheet's cells are scanned in sheetXml.ts.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Qualified name as written (`x:row`). */
  name: string;
  /** Name without its prefix. */
  local: string;
  attributes: Record<string, string>;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the start tag's `>` (equal to `end` for an empty-element tag). */
  openEnd: number;
  /** Offset of `<` of the end tag (equal to `end` for an empty-element tag). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  /** Index of the parent in the list; -1 for the root. */
  parent: number;
  depth: number;
  /** The element's own text (character data directly inside it), entities resolved. */
  text: string;
}

export function scanXml(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: number[] = [];
  const parser = new SaxesParser({ position: true });
  parser.on('opentag', (node) => {
    const openEnd = parser.position;
    const start = xml.lastIndexOf('<', openEnd - 1);
    const name = node.name;
    out.push({
      name,
      local: name.slice(name.indexOf(':') + 1),
      attributes: { ...(node.attributes as Record<string, string>) },
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: node.isSelfClosing,
      parent: stack.length ? stack[stack.length - 1] : -1,
      depth: stack.length,
      text: '',
    });
    stack.push(out.length - 1);
  });
  parser.on('closetag', () => {
    const i = stack.pop()!;
    const e = out[i];
    e.end = parser.position;
    if (!e.selfClosing) e.closeStart = xml.lastIndexOf('<', e.end - 1);
  });
  parser.on('text', (t) => {
    if (stack.length) out[stack[stack.length - 1]].text += t;
  });
  parser.on('cdata', (t) => {
    if (stack.length) out[stack[stack.length - 1]].text += t;
  });
  parser.write(xml).close();
  return out;
}

/** The children of element `i` (of the root when `i` is -1). */
export function childrenOf(elements: readonly XmlElement[], i: number): XmlElement[] {
  return elements.filter((e) => e.parent === i);
}

/** Text edits applied together: each replaces [from, to) of the original text. */
export class Splices {
  private edits: { from: number; to: number; text: string; order: number }[] = [];

  replace(from: number, to: number, text: string): void {
    this.edits.push({ from, to, text, order: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get size(): number {
    return this.edits.length;
  }

  apply(source: string): string {
    const sorted = [...this.edits].sort((a, b) => a.from - b.from || a.to - b.to || a.order - b.order);
    let out = '';
    let at = 0;
    for (const e of sorted) {
      if (e.from < at) throw new Error('overlapping XML edits');
      out += source.slice(at, e.from) + e.text;
      at = e.to;
    }
    return out + source.slice(at);
  }
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;');
}

/** The start tag `tag` with attribute `name` set to `value` (replaced where present, else added at the end). */
export function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const v = escapeXmlAttribute(value);
  if (re.test(tag)) return tag.replace(re, `$1"${v}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${v}"$1`);
}

/** The start tag without attribute `name`. */
export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}
