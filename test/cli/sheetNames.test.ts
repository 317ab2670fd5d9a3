/**
 * A sheet name past Excel's 31 characters, with U+202E in it (issue 15, case 11): the check reads it, and
 * so does --out, without a raw warning on stderr and without refusing the file as a duplicate name.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { hengyangForms, newWorkbook, workbookBuffer, writeForm } from '../../scripts/build-fixtures';
import { partText, setPartText, unzipParts, zipParts } from '../hosts/workbook/zipTools';

const LONG = `${'绩效自评'.repeat(7)}表格\u202E`; // 31 characters, the override last: the names differ only past Excel's 31

async function longNames(): Promise<string> {
  const wb = newWorkbook();
  writeForm(wb.addWorksheet('S1'), hengyangForms()[0], { row: 1, col: 1 });
  writeForm(wb.addWorksheet('S2'), hengyangForms()[1], { row: 1, col: 1 });
  const parts = unzipParts(new Uint8Array(await workbookBuffer(wb)));
  setPartText(parts, 'xl/workbook.xml', partText(parts, 'xl/workbook.xml').replace('name="S1"', `name="${LONG}甲"`).replace('name="S2"', `name="${LONG}乙"`));
  const path = join(mkdtempSync(join(tmpdir(), 'selfeval-names-')), 'names.xlsx');
  writeFileSync(path, zipParts(parts));
  return path;
}

afterEach(() => vi.restoreAllMocks());

describe('sheet names longer than 31 characters', () => {
  it('--out copies the workbook with both names whole; nothing raw reaches stderr', async () => {
    const warn = vi.spyOn(console, 'warn');
    const file = await longNames();
    const out = join(mkdtempSync(join(tmpdir(), 'selfeval-names-out-')), 'out');
    let stdout = '';
    let stderr = '';
    const code = await run(['check', '--json', '--out', out, file], { out: (s) => (stdout += s), err: (s) => (stderr += s) });
    const [result] = JSON.parse(stdout) as { forms: { sheet: string }[]; findings: { code: string; message: string }[] }[];
    expect(result.findings.filter((f) => f.code === 'FILE_WRITE_FAILED')).toEqual([]);
    expect(result.forms.map((f) => f.sheet)).toEqual([`${LONG}甲`, `${LONG}乙`]);
    expect(code).toBeLessThan(2);
    expect(warn).not.toHaveBeenCalled();
    expect(stderr).not.toContain('\u202E');
    const copy = partText(unzipParts(new Uint8Array(readFileSync(join(out, 'names.checked.xlsx')))), 'xl/workbook.xml');
    expect(copy).toContain(`name="${LONG}甲"`);
    expect(copy).toContain(`name="${LONG}乙"`);
  });
});
