/**
 * A workbook the reader takes but the copy's patcher cannot (here styles.xml with an attribute twice,
 * which SheetJS passes over and saxes refuses): the check stands, the copy's failure is one Chinese
 * message naming the copy, and the patcher's English words go to the detail only (`--verbose`, the JSON).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../loadFixture';
import { partText, setPartText, unzipParts, zipParts } from '../hosts/workbook/zipTools';
import { cli } from './runCli';

describe('a copy the patcher cannot make', () => {
  it('is said in Chinese, the patcher’s words kept as detail, and the check stands', async () => {
    const parts = unzipParts(new Uint8Array(readFileSync(join(FIXTURES, 'errors.xlsx'))));
    setPartText(parts, 'xl/styles.xml', partText(parts, 'xl/styles.xml').replace('<fonts', '<fonts a="1" a="2"'));
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-copyfail-'));
    writeFileSync(join(dir, 'b.xlsx'), zipParts(parts));
    const r = await cli('check', '--json', '--out', join(dir, 'out'), join(dir, 'b.xlsx'));
    expect(r.code).toBe(2);
    const [file] = JSON.parse(r.out) as { forms: unknown[]; findings: { code: string; message: string; detail?: string }[] }[];
    expect(file.forms.length).toBeGreaterThan(0);
    const failure = file.findings.find((f) => f.code === 'FILE_WRITE_FAILED')!;
    expect(failure.message).toMatch(/^无法生成副本“.*b\.checked\.xlsx”：.*检查结果不受影响。$/);
    expect(failure.message).not.toMatch(/[A-Za-z]{4,}(?![^“]*”)/);
    expect(failure.detail).toContain('duplicate attribute');
  });
});
