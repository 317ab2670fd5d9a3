/**
 * A copy and a summary carry no time of their making in their bytes: every entry is dated 1980-01-01
 * 00:00 as Excel dates its own (entryTime.ts), so the same file checked the same way gives the same bytes
 * an hour later. fflate's default, the moment of writing, made two copies of one file a second apart
 * differ (a CI run caught it in copyFromReadParts' byte-for-byte comparison).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOF } from '../../../src/core/rules/profile';
import { summaryRows } from '../../../src/core/summary';
import { checkBytes, summaryWorkbook } from '../../../src/hosts/workbook';
import { FIXTURES } from '../../loadFixture';

/** Date and time of every entry in a zip's central directory, as DOS stamps them. */
function entryStamps(zip: Uint8Array): { date: number; time: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const stamps = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    stamps.push({ time: view.getUint16(at + 12, true), date: view.getUint16(at + 14, true) });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return stamps;
}

/** 1980-01-01 00:00 in DOS form: day 1, month 1, year 0; time 0. */
const FIRST_DOS_DAY = { date: (0 << 9) | (1 << 5) | 1, time: 0 };

async function checkedAt(when: Date): Promise<{ copy: Uint8Array; summary: Uint8Array }> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(when);
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'errors.xlsx')));
  const checked = await checkBytes('errors.xlsx', bytes, MOF, { copy: 'fill' });
  const summary = await summaryWorkbook(summaryRows([{ result: checked.result, copy: 'errors.checked.xlsx' }]));
  return { copy: checked.copy!.bytes, summary };
}

describe('packages we write are dated as Excel dates its own', () => {
  afterEach(() => vi.useRealTimers());

  it('the same file checked an hour later gives the same copy and summary, byte for byte', async () => {
    const first = await checkedAt(new Date(2026, 11, 3, 9, 0, 0));
    const later = await checkedAt(new Date(2026, 11, 3, 10, 0, 1));
    expect(first.copy).toBeDefined();
    expect(Buffer.from(later.copy).equals(Buffer.from(first.copy))).toBe(true);
    expect(Buffer.from(later.summary).equals(Buffer.from(first.summary))).toBe(true);
  });

  it('every entry of a copy and of a summary is dated 1980-01-01 00:00', async () => {
    const { copy, summary } = await checkedAt(new Date(2026, 11, 3, 9, 0, 0));
    for (const zip of [copy, summary]) {
      const stamps = entryStamps(zip);
      expect(stamps.length).toBeGreaterThan(5);
      expect(stamps.every((s) => s.date === FIRST_DOS_DAY.date && s.time === FIRST_DOS_DAY.time)).toBe(true);
    }
  });
});
