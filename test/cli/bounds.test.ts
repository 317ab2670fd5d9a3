/**
 * Every path is bounded: a merge counts against the cell limit by the cells it covers, for the check and
 * for --out (issue 15, cases 5 and 8).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli';
import { MergeArea } from '../../src/hosts/workbook/mergeArea';
import { withMerge } from '../hosts/workbook/mergeBook';
import { zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { unzipParts } from '../hosts/workbook/zipTools';
import { FIXTURES } from '../loadFixture';

const fx = (name: string) => join(FIXTURES, name);
const temp = () => mkdtempSync(join(tmpdir(), 'selfeval-bounds-'));

type Json = { file: string; forms: unknown[]; findings: { code: string; message: string }[] }[];

describe('a merge counts against the cell limit by the cells it covers', () => {
  for (const out of [false, true]) {
    it(`one merge AA1:XFD1048576 beside the forms is refused at once, naming it; the other files are checked${out ? ' and copied (--out)' : ''}`, async () => {
      const dir = temp();
      writeFileSync(join(dir, 'merge.xlsx'), withMerge('AA1:XFD1048576'));
      writeFileSync(join(dir, 'column.xlsx'), withMerge('A30:J1048576'));
      copyFileSync(fx('clean.xlsx'), join(dir, 'z.xlsx'));
      const r = await cli('check', '--json', ...(out ? ['--out', join(dir, 'out')] : []), dir);
      expect(r.code).toBe(2);
      const json = JSON.parse(r.out) as Json;
      const by = (name: string) => json.find((f) => f.file.endsWith(name))!;
      expect(by('merge.xlsx').findings[0].message).toMatch(/合并单元格 AA1:XFD1048576 覆盖 17,[0-9,]+ 个单元格.*超过上限 1,000,000 个（可用 --max-cells 调整）/);
      expect(by('column.xlsx').findings[0].message).toContain('A30:J1048576');
      expect(by('z.xlsx').forms).toHaveLength(1);
    }, 60_000);
  }

  it('a merge within the limit is read as before', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'm.xlsx'), withMerge('AA1:AB2'));
    const r = await cli('check', '--json', join(dir, 'm.xlsx'));
    expect(r.code).toBe(0);
  });

  it('counts a merge however the XML is cut into chunks', () => {
    const xml = new TextEncoder().encode('<row/></sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><x:mergeCell  ref=\'C3:C12\' /></mergeCells>');
    for (let cut = 0; cut <= xml.length; cut++) {
      for (const size of [1, 3, 7, 1000]) {
        const m = new MergeArea();
        m.push(xml.subarray(0, cut));
        for (let at = cut; at < xml.length; at += size) m.push(xml.subarray(at, at + size));
        expect(m.cells, `cut ${cut} size ${size}`).toBe(4 + 10);
      }
    }
  });
});

describe('--out is bounded like the check', () => {
  it('a workbook of 50,000 tiny parts is refused before it is loaded, with or without --out', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, data] of unzipParts(new Uint8Array(readFileSync(fx('clean.xlsx'))))) files[name] = data;
    const tiny = new TextEncoder().encode('<a/>');
    for (let i = 0; i < 50_000; i++) files[`customXml/item${i}.xml`] = tiny;
    const dir = temp();
    writeFileSync(join(dir, 'parts.xlsx'), zipSync(files, { level: 0 }));
    copyFileSync(fx('clean.xlsx'), join(dir, 'z.xlsx'));
    for (const out of [[], ['--out', join(dir, 'out')]]) {
      const r = await cli('check', '--json', ...out, dir);
      expect(r.code).toBe(2);
      const json = JSON.parse(r.out) as Json;
      expect(json[0].findings[0].message).toContain('50,010 个部件，超过上限 10,000 个');
      expect(json[1].forms).toHaveLength(1);
    }
  }, 120_000);
});
