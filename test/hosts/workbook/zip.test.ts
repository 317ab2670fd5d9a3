/**
 * The package reader on zips that other writers make: entries with data descriptors (written by streaming
 * zip writers, such as Java's ZipOutputStream behind many systems' exports), and a damaged directory.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { checkBytes, damageMessage, readWorkbook } from '../../../src/hosts/workbook';
import { MOF } from '../../../src/core/rules/profile';
import { FIXTURES } from '../../loadFixture';
import { readFailure } from './readFailure';
import { unzipParts } from './zipTools';

const clean = () => new Uint8Array(readFileSync(join(FIXTURES, 'clean.xlsx')));

/** The parts zipped by fflate's streaming writer: every entry has bit 3 set and a data descriptor after its data. */
function zipWithDataDescriptors(parts: Map<string, Uint8Array>, stored: (name: string) => boolean = () => false): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, data] of parts) {
    const entry = stored(name) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

describe('the package reader (fflate)', () => {
  it('reads a workbook whose entries have data descriptors like the original', async () => {
    const original = await readWorkbook(clean());
    const bytes = zipWithDataDescriptors(unzipParts(clean()));
    expect(new DataView(bytes.buffer).getUint16(6, true) & 8).toBe(8);
    const read = await readWorkbook(bytes);
    expect(read.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    expect(read.sheets[0].values).toEqual(original.sheets[0].values);
  });

  it('refuses, as damaged, a part whose data the size check could not follow to its end', async () => {
    // A stored entry with a data descriptor whose bytes hold the descriptor's signature: fflate's
    // streaming reader stops there (fflate#243), so the rest of the part would reach ExcelJS unmeasured.
    const parts = unzipParts(clean());
    const blob = new Uint8Array(4096);
    blob.set([0x50, 0x4b, 0x07, 0x08], 100);
    parts.set('docProps/blob.bin', blob);
    const e = await readFailure(zipWithDataDescriptors(parts, (name) => name === 'docProps/blob.bin'));
    expect(e.reason).toBe('corrupt');
    expect(e.message).toBe(damageMessage('part', 'docProps/blob.bin'));
  });

  it('a damaged directory record: SheetJS and fflate still read the entries, so the file is checked and copied', async () => {
    const bytes = clean();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = bytes.length - 22;
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    const central = view.getUint32(eocd + 16, true);
    view.setUint32(central, 0x03014b50, true); // the first directory record's signature broken
    const r = await checkBytes('坏目录.xlsx', bytes, MOF, { copy: 'review' });
    expect(r.unreadable).toBe(false);
    expect(r.result.forms.length).toBeGreaterThan(0);
    expect(r.copyFailure).toBeNull();
    expect((await readWorkbook(r.copy!.bytes)).sheets.map((x) => x.name)).toEqual((await readWorkbook(clean())).sheets.map((x) => x.name));
  });
});
