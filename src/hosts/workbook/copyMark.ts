/**
 * Our annotated copies carry a custom document property (docProps/custom.xml, ECMA-376 Part 1 §22.3), so
 * that a later run may replace a copy of ours and refuse to replace anything else. Added to the
 * workbook's own custom properties where it has some.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { PackageText } from './patch/packageText';
import { scanXml, Splices } from './patch/xmlScan';

const PROPERTY = 'selfeval-annotated-copy';
const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/** Adds our mark to the package being patched. */
export function addCopyMark(pkg: PackageText): void {
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
