/**
 * The check's read inflates each part of the package once, for both the size limits and SheetJS's parse
 * (limits.ts inflateWithinLimits → sheetjsRead.ts), and refuses what the limits refuse with the same
 * words as the copy's read, whose limits measure a stream (limitBreach).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { breachMessage, DEFAULT_LIMITS, inflateWithinLimits, limitBreach, type ReadLimits } from '../../../src/hosts/workbook/limits';
import { readWorkbook } from '../../../src/hosts/workbook/read';
import { readWithSheetJS } from '../../../src/hosts/workbook/sheetjsRead';
import { zipEntries } from '../../../src/hosts/workbook/zip';
import { FIXTURES } from '../../loadFixture';
import { workbookBomb } from './bomb';
import { readFailure } from './readFailure';
import { crc32, partText, setPartText, unzipParts, zipRaw, type RawEntry } from './zipTools';

/** What the stream measure of the limits (limitBreach, which holds no part) refuses the bytes with. */
function streamMeasure(bytes: Uint8Array, limits: ReadLimits): string {
  const breach = limitBreach(bytes, zipEntries(bytes)!, limits);
  if (!breach || breach.kind === 'unmeasured') throw new Error(`the stream measure found ${JSON.stringify(breach)}`);
  return breachMessage(breach, limits);
}

const clean = () => new Uint8Array(readFileSync(join(FIXTURES, 'clean.xlsx')));
const SHEET = 'xl/worksheets/sheet1.xml';

/** The parts deflated into a zip, `understate` stating that part's inflated size 100 bytes short. */
function deflated(parts: Map<string, Uint8Array>, understate?: string): Uint8Array {
  const entries: RawEntry[] = [...parts].map(([name, data]) => ({
    name,
    method: 8,
    data: deflateSync(data),
    size: name === understate ? data.length - 100 : data.length,
    crc: crc32(data),
  }));
  return zipRaw(entries);
}

describe('the check inflates each part once, within the limits', () => {
  it('hands over every part, byte for byte, inflated within the limits', () => {
    const bytes = clean();
    const within = inflateWithinLimits(bytes, zipEntries(bytes)!, DEFAULT_LIMITS);
    expect(within.breach).toBeNull();
    expect(within.parts).toEqual(unzipParts(bytes));
  });

  it('SheetJS parses the parts handed over, not the zip a second time', () => {
    const bytes = clean();
    const parts = unzipParts(bytes);
    const xml = partText(parts, SHEET);
    // One number cell's stored value changed in the handed-over parts only: the model shows it.
    const m = /<c r="[A-Z]+\d+"(?: s="\d+")?><v>(\d+(?:\.\d+)?)<\/v><\/c>/.exec(xml)!;
    setPartText(parts, SHEET, xml.replace(m[0], m[0].replace(`<v>${m[1]}</v>`, '<v>987654321</v>')));
    const before = readWithSheetJS(bytes).sheets[0];
    const after = readWithSheetJS(bytes, parts).sheets[0];
    const flat = (s: typeof before) => s.values.flat();
    expect(flat(before)).not.toContain(987654321);
    expect(flat(after)).toContain(987654321);
  });

  it('a part longer than its directory states, within the limits, is read whole as before', async () => {
    const honest = await readWorkbook(deflated(unzipParts(clean())), {});
    const understated = deflated(unzipParts(clean()), SHEET);
    expect(inflateWithinLimits(understated, zipEntries(understated)!, DEFAULT_LIMITS)).toEqual({ breach: null, parts: null });
    const read = await readWorkbook(understated, {});
    expect(read.sheets).toEqual(honest.sheets);
    expect(honest.sheets[0].values.flat().filter((v) => v !== null).length).toBeGreaterThan(100);
  });

  it('refuses a bomb whose directory lies, and the cell limit, with the words of the stream measure (limitBreach)', async () => {
    const lying = await workbookBomb({ part: SHEET, inflatedMB: 300, lie: true });
    const forCheck = await readFailure(lying, {});
    expect(forCheck.reason).toBe('too-large');
    expect(forCheck.message).toBe(streamMeasure(lying, DEFAULT_LIMITS));

    const limits = { maxBytes: 2 ** 30, maxCells: 50 };
    const cells = await readFailure(clean(), { limits });
    expect(cells.message).toContain('超过上限 50 个');
    expect(cells.message).toBe(streamMeasure(clean(), limits));
  }, 180_000);

  it('refuses a stated 1 GB part before inflating anything, as the stream measure does', async () => {
    const bomb = await workbookBomb({ part: 'xl/sharedStrings.xml', inflatedMB: 1024 });
    const e = await readFailure(bomb, {});
    expect(e.message).toMatch(/xl\/sharedStrings\.xml 解压后 1024(\.\d)? MB/);
    expect(e.message).toBe(streamMeasure(bomb, DEFAULT_LIMITS));
  }, 60_000);

  it('loads SheetJS without its codepage tables', () => {
    // As bin/selfeval.js runs the source: tsx's CommonJS and ESM hooks (read.ts imports the reader on demand).
    const script = `
      import('tsx/esm/api').then(({ register }) => {
        register();
        require('tsx/cjs/api').register();
        const { readWorkbook } = require(${JSON.stringify(join(__dirname, '../../../src/hosts/workbook/read.ts'))});
        const bytes = new Uint8Array(require('node:fs').readFileSync(${JSON.stringify(join(FIXTURES, 'clean.xlsx'))}));
        return readWorkbook(bytes, {});
      }).then((r) => {
        const loaded = Object.keys(require.cache).filter((k) => k.includes('@e965'));
        process.stdout.write(JSON.stringify({ forms: r.sheets.length, loaded }));
      });`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: join(__dirname, '../../..') }));
    expect(out.forms).toBeGreaterThan(0);
    expect(out.loaded.map((k: string) => k.replace(/^.*@e965\/xlsx\//, ''))).toEqual(['dist/xlsx.mini.min.js']);
  }, 30_000);
});
