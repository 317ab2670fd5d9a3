import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { readWorkbook } from '../../../src/hosts/workbook';
import { hengyangForms, newWorkbook, workbookBuffer, writeForm } from '../../../scripts/build-fixtures';
import { partText, setPartText, unzipParts, zipParts } from './zipTools';

const mergeRefs = (xml: string) => [...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]);

/** The seed form with one more merge, A13:C14, over the indicator header's merged cells (listed first). */
async function withOverlap(): Promise<{ bytes: Uint8Array; refs: string[] }> {
  const wb = newWorkbook();
  writeForm(wb.addWorksheet('表1'), hengyangForms()[0], { row: 1, col: 1 });
  const parts = unzipParts(new Uint8Array(await workbookBuffer(wb)));
  const xml = partText(parts, 'xl/worksheets/sheet1.xml').replace(/<mergeCells count="(\d+)">/, (_, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="A13:C14"/>`);
  setPartText(parts, 'xl/worksheets/sheet1.xml', xml);
  return { bytes: zipParts(parts), refs: mergeRefs(xml) };
}

describe('overlapping merged ranges', () => {
  it('the form is still found and checked, and the overlap is reported naming the ranges', async () => {
    const { bytes } = await withOverlap();
    const loaded = await readWorkbook(bytes);
    expect(check(loaded.sheets[0], MOF).forms).toHaveLength(1);
    expect(loaded.overlappingMerges).toEqual([{ sheet: '表1', pairs: expect.arrayContaining([['A13:C14', expect.stringMatching(/^[AB]13/)]]) }]);

    const file = join(mkdtempSync(join(tmpdir(), 'selfeval-merges-')), 'overlap.xlsx');
    writeFileSync(file, bytes);
    let out = '';
    await run(['check', '--json', file], { out: (s) => (out += s), err: () => undefined });
    const json = JSON.parse(out);
    expect(json[0].forms).toHaveLength(1);
    expect(json[0].findings).toEqual([expect.objectContaining({ code: 'MERGES_OVERLAP', severity: 'warning', message: expect.stringContaining('A13:C14 与') })]);
  });

  it('the annotated copy keeps the file\'s merges exactly', async () => {
    const { bytes, refs } = await withOverlap();
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-merges-'));
    const file = join(dir, 'overlap.xlsx');
    writeFileSync(file, bytes);
    await run(['check', '--out', join(dir, 'out'), file], { out: () => undefined, err: () => undefined });
    const copy = unzipParts(new Uint8Array(readFileSync(join(dir, 'out', 'overlap.checked.xlsx'))));
    expect(mergeRefs(partText(copy, 'xl/worksheets/sheet1.xml'))).toEqual(refs);
  });
});
