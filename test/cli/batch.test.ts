import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from './runCli';
import { isOurCopy } from '../../src/hosts/workbook';
import { FIXTURES } from '../loadFixture';

const fx = (name: string) => join(FIXTURES, name);
const temp = () => mkdtempSync(join(tmpdir(), 'selfeval-batch-'));

async function projectNameIn(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return JSON.stringify(wb.worksheets[0].getSheetValues());
}

describe('--out: copies never collide and never overwrite what is not ours', () => {
  it('keeps the relative path of files found under a directory: same names in two unit folders give two copies', async () => {
    const received = temp();
    const out = temp();
    mkdirSync(join(received, '单位甲'));
    mkdirSync(join(received, '单位乙'));
    copyFileSync(fx('clean.xlsx'), join(received, '单位甲', '自评表.xlsx'));
    copyFileSync(fx('errors.xlsx'), join(received, '单位乙', '自评表.xlsx'));
    const r = await cli('check', '--out', out, received);
    expect(r.code).toBe(1);
    const a = join(out, '单位甲', '自评表.checked.xlsx');
    const b = join(out, '单位乙', '自评表.checked.xlsx');
    expect(existsSync(a) && existsSync(b)).toBe(true);
    expect(await projectNameIn(a)).not.toEqual(await projectNameIn(b));
    expect(r.out).toContain('已写入 2 个带标注的副本');
    expect(r.out).toContain(a);
    expect(r.out).toContain(b);
  });

  it('gives same-named explicit files distinct names', async () => {
    const one = temp();
    const two = temp();
    const out = temp();
    copyFileSync(fx('clean.xlsx'), join(one, 'x.xlsx'));
    copyFileSync(fx('errors.xlsx'), join(two, 'X.xlsx'));
    const r = await cli('check', '--out', out, join(one, 'x.xlsx'), join(two, 'X.xlsx'));
    expect(r.code).toBe(1);
    expect(existsSync(join(out, 'x.checked.xlsx'))).toBe(true);
    expect(existsSync(join(out, 'X (2).checked.xlsx'))).toBe(true);
    expect(r.out).toContain('已写入 2 个带标注的副本');
  });

  it('replaces a previous copy of ours, and refuses a file that is not ours', async () => {
    const out = temp();
    const input = join(temp(), 'a.xlsx');
    copyFileSync(fx('clean.xlsx'), input);
    expect((await cli('check', '--out', out, input)).code).toBe(0);
    const copy = join(out, 'a.checked.xlsx');
    expect(isOurCopy(readFileSync(copy))).toBe(true);
    expect((await cli('check', '--out', out, input)).code).toBe(0); // ours: replaced

    copyFileSync(fx('errors.xlsx'), copy); // someone's own workbook under that name
    const before = readFileSync(copy);
    const r = await cli('check', '--json', '--out', out, input);
    expect(r.code).toBe(2);
    expect(readFileSync(copy).equals(before)).toBe(true);
    const json = JSON.parse(r.out);
    expect(json[0].findings).toEqual([expect.objectContaining({ code: 'FILE_WRITE_FAILED', severity: 'error', message: expect.stringContaining('不是本工具生成的副本') })]);
    expect(json[0].forms).toHaveLength(1);
  });

  it('never writes through a symlink, even one pointing at the input', async () => {
    const out = temp();
    const input = join(temp(), 'a.xlsx');
    copyFileSync(fx('clean.xlsx'), input);
    symlinkSync(input, join(out, 'a.checked.xlsx'));
    const before = readFileSync(input);
    const r = await cli('check', '--json', '--out', out, input);
    expect(r.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(JSON.parse(r.out)[0].findings[0]).toMatchObject({ code: 'FILE_WRITE_FAILED', message: expect.stringContaining('符号链接') });
  });

  it('never writes onto an input, even when --out is the input folder', async () => {
    const dir = temp();
    // An input that is itself named like a copy, given explicitly.
    const input = join(dir, 'a.checked.xlsx');
    copyFileSync(fx('clean.xlsx'), join(dir, 'a.xlsx'));
    copyFileSync(fx('clean.xlsx'), input);
    const before = readFileSync(join(dir, 'a.xlsx'));
    const r = await cli('check', '--json', '--out', dir, join(dir, 'a.xlsx'), input);
    expect(readFileSync(join(dir, 'a.xlsx')).equals(before)).toBe(true);
    // a.xlsx → a.checked.xlsx is the second input: refused; a.checked.xlsx → a.checked.checked.xlsx is fine.
    const json = JSON.parse(r.out);
    expect(json[0].findings[0]).toMatchObject({ code: 'FILE_WRITE_FAILED', message: expect.stringContaining('原文件') });
    expect(existsSync(join(dir, 'a.checked.checked.xlsx'))).toBe(true);
    expect(r.code).toBe(2);
  });
});

describe('each file is isolated', () => {
  it('a copy that cannot be written (a folder in its place) is that file\'s error; the files after it are checked and written', async () => {
    const out = temp();
    const inputs = temp();
    for (const n of ['a', 'b', 'c']) copyFileSync(fx('clean.xlsx'), join(inputs, `${n}.xlsx`));
    mkdirSync(join(out, 'b.checked.xlsx'));
    const r = await cli('check', '--json', '--out', out, inputs);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json).toHaveLength(3);
    expect(json[1].findings).toEqual([expect.objectContaining({ code: 'FILE_WRITE_FAILED', message: expect.stringContaining('b.checked.xlsx') })]);
    expect(json[1].forms).toHaveLength(1);
    expect(json[2].forms).toHaveLength(1);
    expect(statSync(join(out, 'c.checked.xlsx')).isFile()).toBe(true);
    expect(r.err).not.toContain('内部错误');
    expect(r.err).toContain('已写入 2 个带标注的副本');
  });

  it('an --out that is a file fails each copy, not the run', async () => {
    const notADir = join(temp(), 'plain-file');
    writeFileSync(notADir, 'x');
    const r = await cli('check', '--out', notADir, fx('clean.xlsx'), fx('errors.xlsx'));
    expect(r.code).toBe(2);
    expect(r.out.match(/FILE_WRITE_FAILED/g)).toHaveLength(2);
    expect(r.out).toContain('共 2 个文件、2 张表');
    expect(r.out).toContain('已写入 0 个带标注的副本');
  });
});
