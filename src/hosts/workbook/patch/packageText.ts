/**
 * The unzipped package the patcher works on: parts read as text on demand, parts it changes or adds,
 * relationships and content types added where needed. A part never set keeps its bytes.
 */
import type { Unzipped } from 'fflate';
import { utf8Bytes, utf8Text } from '../utf8';
import { resolvePartName } from '../packageParts';
import { escapeXmlAttribute, scanXml, Splices } from './xmlScan';

export interface Relationship {
  id: string;
  type: string;
  /** The part name it points to (resolved), or the target as written for an external one. */
  target: string;
  external: boolean;
}

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export class PackageText {
  readonly files: Unzipped;
  private readonly texts = new Map<string, string>();
  /** Names of parts changed or added. */
  readonly changed = new Set<string>();
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>();

  constructor(files: Unzipped) {
    this.files = files;
  }

  has(name: string): boolean {
    return name in this.files;
  }

  text(name: string): string | null {
    const known = this.texts.get(name);
    if (known !== undefined) return known;
    const data = this.files[name];
    if (!data) return null;
    const text = utf8Text(data).replace(/^\uFEFF/, '');
    this.texts.set(name, text);
    return text;
  }

  set(name: string, text: string): void {
    this.texts.set(name, text);
    this.changed.add(name);
  }

  /** A part name not yet used: `xl/comments` + n + `.xml`, n from 1. */
  unusedName(prefix: string, extension: string): string {
    const taken = new Set(Object.keys(this.files).map((n) => n.toLowerCase()));
    for (const n of this.changed) taken.add(n.toLowerCase());
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${extension}`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  }

  static relsNameOf(part: string): string {
    const slash = part.lastIndexOf('/');
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  }

  relationships(part: string): Relationship[] {
    const xml = this.text(PackageText.relsNameOf(part));
    if (!xml) return [];
    const dir = part.slice(0, part.lastIndexOf('/') + 1);
    return scanXml(xml)
      .filter((e) => e.local === 'Relationship' && e.attributes.Id)
      .map((e) => {
        const external = e.attributes.TargetMode === 'External';
        const target = e.attributes.Target ?? '';
        return { id: e.attributes.Id, type: e.attributes.Type ?? '', target: external ? target : resolvePartName(dir, target), external };
      });
  }

  /** Adds a relationship from `part` to `target` (a part name); returns its id. */
  addRelationship(part: string, type: string, target: string): string {
    const relsName = PackageText.relsNameOf(part);
    const taken = new Set(this.relationships(part).map((r) => r.id));
    let id = '';
    for (let n = 1; ; n++) {
      id = `rIdSelfeval${n}`;
      if (!taken.has(id)) break;
    }
    const element = `<Relationship Id="${id}" Type="${escapeXmlAttribute(type)}" Target="${escapeXmlAttribute(relativeTarget(part, target))}"/>`;
    const xml = this.text(relsName);
    if (!xml) {
      this.set(relsName, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${element}</Relationships>`);
      return id;
    }
    const root = scanXml(xml)[0];
    const splices = new Splices();
    if (root.selfClosing) splices.replace(root.start, root.end, `${xml.slice(root.start, root.end).replace(/\s*\/>$/, '>')}${element}</${root.name}>`);
    else splices.insert(root.closeStart, element);
    this.set(relsName, splices.apply(xml));
    return id;
  }

  /** Declares the content type of a part (an Override), unless one is declared already. */
  contentType(part: string, type: string): void {
    this.overrides.set(part, type);
  }

  /** Declares a content type for an extension (a Default), unless one is declared already. */
  defaultContentType(extension: string, type: string): void {
    this.defaults.set(extension, type);
  }

  /** The content types added, written into [Content_Types].xml (called once, at the end). */
  finishContentTypes(): void {
    if (this.overrides.size === 0 && this.defaults.size === 0) return;
    const name = '[Content_Types].xml';
    const xml = this.text(name);
    if (!xml) throw new Error('package without [Content_Types].xml');
    const elements = scanXml(xml);
    const root = elements[0];
    const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
    const haveOverride = new Set(elements.filter((e) => e.local === 'Override').map((e) => (e.attributes.PartName ?? '').replace(/^\//, '').toLowerCase()));
    const haveDefault = new Set(elements.filter((e) => e.local === 'Default').map((e) => (e.attributes.Extension ?? '').toLowerCase()));
    let added = '';
    for (const [ext, type] of this.defaults) if (!haveDefault.has(ext.toLowerCase())) added += `<${p}Default Extension="${ext}" ContentType="${type}"/>`;
    for (const [part, type] of this.overrides) if (!haveOverride.has(part.toLowerCase())) added += `<${p}Override PartName="/${escapeXmlAttribute(part)}" ContentType="${type}"/>`;
    if (!added) return;
    const splices = new Splices();
    if (root.selfClosing) splices.replace(root.start, root.end, `${xml.slice(root.start, root.end).replace(/\s*\/>$/, '>')}${added}</${root.name}>`);
    else splices.insert(root.closeStart, added);
    this.set(name, splices.apply(xml));
  }

  /** The parts as bytes: changed ones encoded, the others as they were. */
  output(): Unzipped {
    const out: Unzipped = {};
    for (const [name, data] of Object.entries(this.files)) out[name] = this.changed.has(name) ? utf8Bytes(this.texts.get(name)!) : data;
    for (const name of this.changed) if (!(name in out)) out[name] = utf8Bytes(this.texts.get(name)!);
    return out;
  }
}

/** `xl/comments1.xml` seen from `xl/worksheets/sheet1.xml` → `../comments1.xml`. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  return [...Array(a.length - k).fill('..'), ...b.slice(k)].join('/');
}
