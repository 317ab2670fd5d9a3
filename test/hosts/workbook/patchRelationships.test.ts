/**
 * The patcher finds the workbook's parts through their relationships, whatever namespace names the
 * relationship types, and never writes over a part of the user's: a styles part that no relationship
 * names keeps its bytes, and the copy's styles go into a part of their own.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { annotateSheets, patchPackage, readWorkbook } from '../../../src/hosts/workbook';
import { FIXTURES } from '../../loadFixture';
import { partText, setPartText, unzipParts, zipParts } from './zipTools';

const WB_RELS = 'xl/_rels/workbook.xml.rels';

async function copyOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const read = await readWorkbook(bytes);
  const checks = read.sheets.map((s) => check(s, MOF));
  const { edits, marked } = annotateSheets(read.sheets, checks, 'fill');
  expect(marked).toBeGreaterThan(0);
  return unzipParts(patchPackage(bytes, edits));
}

describe('the patcher and the package’s relationships', () => {
  it('marks the sheets of a workbook whose relationship types are strict OOXML’s', async () => {
    const parts = unzipParts(new Uint8Array(readFileSync(join(FIXTURES, 'errors.xlsx'))));
    const rels = partText(parts, WB_RELS);
    setPartText(parts, WB_RELS, rels.replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships/', 'http://purl.oclc.org/ooxml/officeDocument/relationships/'));
    const copy = await copyOf(zipParts(parts));
    // The marked cells got our fills: styles.xml grew, and no second styles part was made.
    expect(partText(copy, 'xl/styles.xml').length).toBeGreaterThan(partText(parts, 'xl/styles.xml').length);
    expect([...copy.keys()].filter((n) => /^xl\/styles\d*\.xml$/.test(n))).toEqual(['xl/styles.xml']);
  });

  it('keeps a styles part that no relationship names, byte for byte, and writes its own beside it', async () => {
    const parts = unzipParts(new Uint8Array(readFileSync(join(FIXTURES, 'errors.xlsx'))));
    const rels = partText(parts, WB_RELS);
    setPartText(parts, WB_RELS, rels.replace(/<Relationship [^>]*Target="styles\.xml"[^>]*\/>/, ''));
    expect(partText(parts, WB_RELS)).not.toContain('styles.xml');
    const copy = await copyOf(zipParts(parts));
    expect(copy.get('xl/styles.xml')).toEqual(parts.get('xl/styles.xml'));
    expect(copy.has('xl/styles1.xml')).toBe(true);
    expect(partText(copy, WB_RELS)).toContain('styles1.xml');
  });
});
