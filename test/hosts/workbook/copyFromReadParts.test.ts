/**
 * An annotated copy is patched from the parts the check's read already inflated (read.ts `keepParts`),
 * not inflated a second time (issue 20); it must be the same copy, byte for byte, as one patched from the
 * package inflated again — for every fixture, and for packages the read's parts cannot stand in for.
 * A part over 1 MiB is deflated at level 1: its copy still reads back whole.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { strFromU8, strToU8 } from 'fflate';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { annotateSheets, patchPackage, readWorkbook } from '../../../src/hosts/workbook';
import { utf8Bytes, utf8Text } from '../../../src/hosts/workbook/utf8';
import { FIXTURES } from '../../loadFixture';
import { crc32, partText, setPartText, unzipParts, zipParts, zipRaw } from './zipTools';

async function copies(bytes: Uint8Array): Promise<{ fromRead: Uint8Array; again: Uint8Array }> {
  const read = await readWorkbook(bytes, { keepParts: true });
  expect(read.parts).toBeDefined();
  const { edits } = annotateSheets(read.sheets, read.sheets.map((s) => check(s, MOF)), 'fill');
  return { fromRead: patchPackage(bytes, edits, read.parts), again: patchPackage(bytes, edits) };
}

describe('the copy is patched from the parts the read inflated', () => {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

  it('gives the same copy, byte for byte, for every fixture', async () => {
    expect(fixtures.length).toBeGreaterThan(15);
    for (const name of fixtures) {
      const { fromRead, again } = await copies(new Uint8Array(readFileSync(join(FIXTURES, name))));
      expect(Buffer.from(fromRead).equals(Buffer.from(again)), name).toBe(true);
    }
  }, 120_000);

  it('a package that names a part twice is inflated again, and the copy is the same', async () => {
    const parts = unzipParts(new Uint8Array(readFileSync(join(FIXTURES, 'clean.xlsx'))));
    const entries = [...parts].map(([name, data]) => ({ name, method: 0 as const, data, size: data.length, crc: crc32(data) }));
    const docProps = entries.find((e) => e.name === 'docProps/app.xml')!;
    const twice = zipRaw([...entries, { ...docProps, data: strToU8('<Properties/>'), size: 13, crc: crc32(strToU8('<Properties/>')) }]);
    const { fromRead, again } = await copies(twice);
    expect(Buffer.from(fromRead).equals(Buffer.from(again))).toBe(true);
  });

  it('takes the parts from the read, not from the package again', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'clean.xlsx')));
    const read = await readWorkbook(bytes, { keepParts: true });
    const { edits } = annotateSheets(read.sheets, read.sheets.map((s) => check(s, MOF)), 'fill');
    // A part changed in the read's parts only: the copy holds the change, so it was patched from them.
    const parts = new Map(read.parts!);
    parts.set('docProps/app.xml', strToU8('<Properties>从读取的部件</Properties>'));
    const copy = unzipParts(patchPackage(bytes, edits, parts));
    expect(strFromU8(copy.get('docProps/app.xml')!)).toBe('<Properties>从读取的部件</Properties>');
  });

  it('keeps the parts only when asked', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'clean.xlsx')));
    expect((await readWorkbook(bytes)).parts).toBeUndefined();
  });

  it('a sheet part over 1 MiB is copied whole (deflated at level 1) and reads back with its marks', async () => {
    const parts = unzipParts(new Uint8Array(readFileSync(join(FIXTURES, 'errors.xlsx'))));
    const sheet = 'xl/worksheets/sheet1.xml';
    const xml = partText(parts, sheet);
    // Rows of filler text far below the form: the part grows past 1 MiB.
    const filler = Array.from({ length: 12_000 }, (_, k) => `<row r="${2000 + k}"><c r="A${2000 + k}" t="inlineStr"><is><t>填充文字填充文字填充文字${k}</t></is></c></row>`).join('');
    setPartText(parts, sheet, xml.replace('</sheetData>', `${filler}</sheetData>`));
    const bytes = zipParts(parts);
    expect(unzipParts(bytes).get(sheet)!.length).toBeGreaterThan(2 ** 20);
    const { fromRead } = await copies(bytes);
    const before = await readWorkbook(bytes);
    const after = await readWorkbook(fromRead);
    // Nothing lost: every value of the original is in the copy, where the copy only added to empty cells.
    const kept = before.sheets[0].values.every((row, i) => row.every((v, j) => v === null || isDeepStrictEqual(v, after.sheets[0].values[i][j])));
    expect(kept).toBe(true);
    expect(after.sheets[0].values[before.sheets[0].values.length - 1][0]).toBe('填充文字填充文字填充文字11999');
    expect(strFromU8(unzipParts(fromRead).get(sheet)!)).toContain('填充文字填充文字填充文字11999');
  }, 60_000);
});

describe('UTF-8 through Node’s Buffer, as fflate’s strFromU8 and strToU8', () => {
  it('decodes any bytes as fflate does, invalid sequences and a byte-order mark included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (bytes, bom) => {
        const data = bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
        expect(utf8Text(data)).toBe(strFromU8(data));
      }),
      { numRuns: 3000 },
    );
  });

  it('encodes any text as fflate does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }), (text, lone) => {
        expect(utf8Bytes(text + lone)).toEqual(strToU8(text + lone));
      }),
      { numRuns: 3000 },
    );
  });
});
