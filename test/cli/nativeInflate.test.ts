/**
 * The CLI inflates with Node's zlib (nativeInflate), the browser with fflate (fflateInflate): both must give
 * the check the same parts and the limits the same lengths, or a file would read differently by host.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { nativeInflate } from '../../src/cli/nativeInflate';
import { DEFAULT_LIMITS, inflateWithinLimits } from '../../src/hosts/workbook/limits';
import { readWorkbook } from '../../src/hosts/workbook/read';
import { fflateInflate, zipEntries } from '../../src/hosts/workbook/zip';
import { FIXTURES } from '../loadFixture';

const text = new TextEncoder().encode('<c r="A1"><v>1</v></c>'.repeat(5000));

describe('Node’s inflate and fflate’s agree', () => {
  it('inflate a part to the same bytes', () => {
    const packed = deflateSync(text);
    expect(nativeInflate(packed, text.length + 1)).toEqual(fflateInflate(packed, text.length + 1));
    expect(nativeInflate(packed, text.length + 1)).toHaveLength(text.length);
  });

  it('give a part longer than its limit as `limit` bytes, so the caller sees it is longer', () => {
    const packed = deflateSync(text);
    expect(nativeInflate(packed, 1000)).toHaveLength(1000);
    expect(fflateInflate(packed, 1000)).toHaveLength(1000);
  });

  it('both refuse data that is not deflate', () => {
    const junk = new Uint8Array(64).fill(0xff);
    expect(() => fflateInflate(junk, 100)).toThrow();
    expect(() => nativeInflate(junk, 100)).toThrow();
  });

  it('hand the check the same parts and the same sheets for every fixture', async () => {
    for (const name of ['clean.xlsx', 'hengyang-department.xlsx', 'errors.xlsx', 'clean-scoring.xlsx']) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      const entries = zipEntries(bytes)!;
      expect(inflateWithinLimits(bytes, entries, DEFAULT_LIMITS, nativeInflate)).toEqual(inflateWithinLimits(bytes, entries, DEFAULT_LIMITS));
      expect(await readWorkbook(bytes, { inflate: nativeInflate })).toEqual(await readWorkbook(bytes));
    }
  });
});
