/**
 * Our annotated copies and summaries carry a custom document property (docProps/custom.xml, ECMA-376
 * Part 1 §22.3), so that a later run may replace a file of ours and refuse to replace anything else. Added
 * to the workbook's own custom properties where it has some. The mark is stored as the package's first
 * entry, so that even a copy cut short (a full disk under an older version) still shows it.
 */
import { strFromU8, strToU8, unzipSync, type Unzipped } from 'fflate';
import { inflateParts } from './zip';
import type { PackageText } from './patch/packageText';
import { scanXml, Splices } from './patch/xmlScan';

/** Which file of ours: an annotated copy, or a batch's summary. */
export type MarkKind = 'copy' | 'summary';
const PROPERTIES: Record<MarkKind, string> = { copy: 'selfeval-annotated-copy', summary: 'selfeval-summary' };
export const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** Adds our mark to the package being patched. */
export function addCopyMark(pkg: PackageText, kind: MarkKind = 'copy'): void {
  const PROPERTY = PROPERTIES[kind];
  const related = pkg.relationships('').find((r) => r.type === CUSTOM_REL && !r.external)?.target;
  const part = related && pkg.text(related) !== null ? related : CUSTOM_PART;
  const existing = pkg.text(part);
  if (existing !== null) {
    const elements = scanXml(existing);
    const properties = elements.filter((e) => e.local === 'property');
    if (properties.some((e) => e.attributes.name === PROPERTY)) return;
    const root = elements[0];
    const p = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':') + 1) : '';
    const vt = Object.entries(root.attributes).find(([, v]) => v === 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes')?.[0].slice(6);
    // Custom property ids start at 2.
    const pid = Math.max(1, ...properties.map((e) => Number(e.attributes.pid) || 0)) + 1;
    const value = vt ? `<${vt}:lpwstr>绩效自评表校验</${vt}:lpwstr>` : '<vt:lpwstr xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">绩效自评表校验</vt:lpwstr>';
    const property = `<${p}property fmtid="${FMTID}" pid="${pid}" name="${PROPERTY}">${value}</${p}property>`;
    const splices = new Splices();
    if (root.selfClosing) splices.replace(root.start, root.end, `${existing.slice(root.start, root.end).replace(/\s*\/>$/, '>')}${property}</${root.name}>`);
    else splices.insert(root.closeStart, property);
    pkg.set(part, splices.apply(existing));
  } else {
    pkg.set(
      part,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        `<property fmtid="${FMTID}" pid="2" name="${PROPERTY}"><vt:lpwstr>绩效自评表校验</vt:lpwstr></property></Properties>`,
    );
  }
  if (!related) pkg.addRelationship('', CUSTOM_REL, part);
  pkg.contentType(part, CUSTOM_TYPE);
}

const customXml = (existing: string | null, name: string): string => {
  const property = `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${nextPid(existing)}" name="${name}"><vt:lpwstr>绩效自评表校验</vt:lpwstr></property>`;
  if (existing && existing.includes('</Properties>')) return existing.replace('</Properties>', `${property}</Properties>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${property}</Properties>`;
};

/** Custom property ids start at 2. */
function nextPid(existing: string | null): number {
  const pids = [...(existing ?? '').matchAll(/\bpid="(\d+)"/g)].map((m) => Number(m[1]));
  return Math.max(1, ...pids) + 1;
}

/** Adds our mark to a package written whole (the summary workbook), as unzipped entries. */
export function markFiles(files: Unzipped, kind: MarkKind = 'copy'): void {
  const existing = files[CUSTOM_PART] ? strFromU8(files[CUSTOM_PART]) : null;
  if (existing?.includes(`name="${PROPERTIES[kind]}"`)) return;
  files[CUSTOM_PART] = strToU8(customXml(existing, PROPERTIES[kind]));
  const rels = files['_rels/.rels'] ? strFromU8(files['_rels/.rels']) : null;
  if (rels && !rels.includes(CUSTOM_REL)) {
    files['_rels/.rels'] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdSelfevalCustom" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`));
  }
  const types = files['[Content_Types].xml'] ? strFromU8(files['[Content_Types].xml']) : null;
  if (types && !types.includes(`/${CUSTOM_PART}`)) {
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`));
  }
}

/** The package's entries with the mark's part first (fflate zips in key order). */
export function markFirst<T>(files: Record<string, T>): Record<string, T> {
  if (!(CUSTOM_PART in files)) return files;
  const out: Record<string, T> = { [CUSTOM_PART]: files[CUSTOM_PART] };
  for (const [name, data] of Object.entries(files)) if (name !== CUSTOM_PART) out[name] = data;
  return out;
}

/**
 * Whether the bytes are a package we wrote (an annotated copy, or a summary). False for anything else.
 * A package without its directory (cut short) is read entry by entry from the start.
 */
export function isOurCopy(bytes: Uint8Array, kind: MarkKind = 'copy'): boolean {
  const marked = (xml: Uint8Array | undefined) => Boolean(xml) && strFromU8(xml!).includes(`name="${PROPERTIES[kind]}"`);
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === CUSTOM_PART && f.originalSize < 1_000_000 });
    return marked(files[CUSTOM_PART]);
  } catch {
    let text = '';
    inflateParts(
      bytes,
      (name) => name === CUSTOM_PART,
      (_, chunk) => {
        text += strFromU8(chunk);
        return text.length > 1_000_000 || text.includes(`name="${PROPERTIES[kind]}"`);
      },
    );
    return text.includes(`name="${PROPERTIES[kind]}"`);
  }
}
