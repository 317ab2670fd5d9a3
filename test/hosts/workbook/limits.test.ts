import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readWorkbook } from '../../../src/hosts/workbook';
import { FIXTURES } from '../../loadFixture';
import { workbookBomb } from './bomb';
import { readFailure } from './readFailure';

const refusal = (bytes: Uint8Array, limits?: { maxBytes: number; maxCells: number }) => readFailure(bytes, limits ? { limits } : {});

describe('workbooks past the limits are refused before parsing', () => {
  it('a sheet stated to inflate to 300 MB: 工作簿过大, naming the part and its size', async () => {
    const e = await refusal(await workbookBomb({ part: 'xl/worksheets/sheet1.xml', inflatedMB: 300 }));
    expect(e.reason).toBe('too-large');
    expect(e.message).toMatch(/^工作簿过大/);
    expect(e.message).toMatch(/xl\/worksheets\/sheet1\.xml 解压后 300\.\d MB，.*超过上限 200 MB/);
  });

  it('a sheet whose directory lies about its size is caught while inflating, not parsed', async () => {
    const e = await refusal(await workbookBomb({ part: 'xl/worksheets/sheet1.xml', inflatedMB: 300, lie: true }));
    expect(e.reason).toBe('too-large');
    expect(e.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('a 1 GB sharedStrings bomb is 工作簿过大, not 文件已损坏', async () => {
    const e = await refusal(await workbookBomb({ part: 'xl/sharedStrings.xml', inflatedMB: 1024 }));
    expect(e.reason).toBe('too-large');
    expect(e.message).toMatch(/xl\/sharedStrings\.xml 解压后 1024(\.\d)? MB/);
  });

  it('the cell limit counts the stored cells of every worksheet', async () => {
    const clean = new Uint8Array(readFileSync(join(FIXTURES, 'clean.xlsx')));
    const e = await refusal(clean, { maxBytes: 2 ** 30, maxCells: 50 });
    expect(e.message).toContain('xl/worksheets/sheet1.xml');
    // The browser has no options: only the CLI names one (see the next test).
    expect(e.message).not.toContain('--max-cells');
    await expect(readWorkbook(clean, { limits: { maxBytes: 2 ** 30, maxCells: 1000 } })).resolves.toBeTruthy();
  });

  it('the CLI refuses the 300 MB sheet with exit 2 inside a 256 MB heap (bounded memory, no heap crash)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-bomb-'));
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, await workbookBomb({ part: 'xl/worksheets/sheet1.xml', inflatedMB: 300, lie: true }));
    expect(statSync(bomb).size).toBeLessThan(3 * 2 ** 20);
    const bin = join(__dirname, '..', '..', '..', 'bin', 'selfeval.js');
    const r = await promisify(execFile)(process.execPath, ['--max-old-space-size=256', bin, 'check', '--json', bomb, join(FIXTURES, 'clean.xlsx')]).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json[0].findings[0]).toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('工作簿过大') });
    expect(json[1].forms).toHaveLength(1);
  }, 60_000);

  it('the limits are options of the CLI', async () => {
    const { run } = await import('../../../src/cli/main');
    let out = '';
    const code = await run(['check', '--json', '--max-cells', '50', join(FIXTURES, 'clean.xlsx')], { out: (s) => (out += s), err: () => undefined });
    expect(code).toBe(2);
    expect(JSON.parse(out)[0].findings[0].message).toContain('工作簿过大');
    expect(JSON.parse(out)[0].findings[0].message).toContain('可用 --max-cells 调整');
  });
});
