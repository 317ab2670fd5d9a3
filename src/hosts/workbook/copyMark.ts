/**
 * Our annotated copies carry a custom document property (docProps/custom.xml, ECMA-376 Part 1 §22.3), so
 * that a later run may replace a copy of ours and refuse to replace anything else. ExcelJS writes no
 * custom properties, so the mark is added to the package it wrote.
 */
import { strFromU8, strToU8, unzipSync, type Unzipped } from 'fflate';

const PROPERTY = 'selfeval-annotated-copy';
const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';

const customXml = (existing: string | null): string => {
  const property = `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${nextPid(existing)}" name="${PROPERTY}"><vt:lpwstr>绩效自评表校验</vt:lpwstr></property>`;
  if (existing && existing.includes('</Properties>')) return existing.replace('</Properties>', `${property}</Properties>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${property}</Properties>`;
};

/** Custom property ids start at 2. */
function nextPid(existing: string | null): number {
  const pids = [...(existing ?? '').matchAll(/\bpid="(\d+)"/g)].map((m) => Number(m[1]));
  return Math.max(1, ...pids) + 1;
}

/** Adds our mark to the unzipped package (see copyPackage). */
export function addCopyMark(files: Unzipped): void {
  const existing = files[CUSTOM_PART] ? strFromU8(files[CUSTOM_PART]) : null;
  if (existing?.includes(`name="${PROPERTY}"`)) return;
  files[CUSTOM_PART] = strToU8(customXml(existing));
  const rels = files['_rels/.rels'] ? strFromU8(files['_rels/.rels']) : null;
  if (rels && !rels.includes(CUSTOM_REL)) {
    files['_rels/.rels'] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdSelfevalCustom" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`));
  }
  const types = files['[Content_Types].xml'] ? strFromU8(files['[Content_Types].xml']) : null;
  if (types && !types.includes(`/${CUSTOM_PART}`)) {
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`));
  }
}

/** Whether the bytes are a package we wrote (an annotated copy). False for anything unreadable. */
export function isOurCopy(bytes: Uint8Array): boolean {
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === CUSTOM_PART && f.originalSize < 1_000_000 });
    const xml = files[CUSTOM_PART];
    return Boolean(xml) && strFromU8(xml).includes(`name="${PROPERTY}"`);
  } catch {
    return false;
  }
}
