import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { cli } from './runCli';
import { FIXTURES } from '../loadFixture';
import { setPartText, unzipParts, zipParts } from '../hosts/workbook/zipTools';

const fx = (name: string) => join(FIXTURES, name);

describe('selfeval check', () => {
  it('prints a readable report per file and form, and exits 1 when a form has an error', async () => {
    const r = await cli('check', fx('hengyang-one-per-sheet.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('表2!A1:J23  大院保维护费、会务中心维护费');
    expect(r.out).toMatch(/总分 100（表内填报 100）\s+等级 优/);
    expect(r.out).toContain('错误  H7    EXECUTION_RATE_MISMATCH');
    expect(r.out).toContain('共 1 个文件、12 张表；12 张表有错误');
  });

  it('exits 0 on a clean form', async () => {
    const r = await cli('check', fx('clean.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('错误 0  警告 0  提示 0');
  });

  it('--json prints exactly the SPEC §5 contract', async () => {
    const r = await cli('check', '--json', fx('hengyang-one-per-sheet.xlsx'), fx('clean.xlsx'));
    const json = JSON.parse(r.out);
    expect(json).toHaveLength(2);
    expect(Object.keys(json[0])).toEqual(['file', 'forms', 'findings']);
    const form = json[0].forms[1];
    expect(Object.keys(form)).toEqual(['sheet', 'kind', 'range', 'projectName', 'budget', 'indicators', 'total', 'grade', 'findings']);
    expect(Object.keys(form.budget)).toEqual(['planned', 'executed', 'executionRate', 'weight', 'score']);
    expect(Object.keys(form.indicators[0])).toEqual(['row', 'level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'rule']);
    expect(form.findings[1]).toEqual({ code: 'EXECUTION_RATE_MISMATCH', severity: 'error', cell: 'H7', message: expect.stringContaining('136.58%') });
    expect(json[1].forms[0].findings).toEqual([]);
    // Unreadable values are null, never 0.
    const duCha = json[0].forms[11];
    expect(duCha.projectName).toBe('政务督查经费');
  });

  it('--profile lincang changes the grade thresholds; a JSON profile file works too', async () => {
    const lincang = JSON.parse((await cli('check', '--json', '--profile', 'lincang', fx('lincang-template.xlsx'))).out);
    expect(lincang[0].forms[0].findings.map((f: { code: string }) => f.code)).toEqual(['SCORE_RULE_MISMATCH', 'DEVIATION_REASON_MISSING']);
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-'));
    const profile = join(dir, 'strict.json');
    writeFileSync(profile, JSON.stringify({ extends: 'mof', name: '严格方案', grades: [{ label: '优', min: 100 }, { label: '良', min: 80 }, { label: '差', min: 0 }] }));
    const strict = JSON.parse((await cli('check', '--json', '--profile', profile, fx('lincang-template.xlsx'))).out);
    expect(strict[0].forms[0].grade).toEqual({ stated: '优', computed: '良' });
    expect(strict[0].forms[0].findings.map((f: { code: string }) => f.code)).toContain('GRADE_MISMATCH');
  });

  it('exits 2 on usage errors, with the usage text', async () => {
    expect((await cli()).code).toBe(2);
    const r = await cli('check', '--bogus', 'a.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知选项“--bogus”');
    expect((await cli('check')).err).toContain('请至少给出一个 .xlsx 文件');
    const bad = await cli('check', '--profile', 'nowhere', fx('clean.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知的计分方案');
  });

  it('exits 2 with a clear message per unreadable file, and still checks the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-'));
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]));
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a workbook at all');
    const r = await cli('check', '--json', xls, junk, join(dir, 'missing.xlsx'), fx('clean.xlsx'));
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json[0].findings[0]).toMatchObject({ code: 'FILE_UNREADABLE', severity: 'error' });
    expect(json[0].findings[0].message).toContain('.xlsx');
    expect(json[1].findings[0].code).toBe('FILE_UNREADABLE');
    expect(json[2].findings[0].message).toContain('不存在');
    expect(json[3].forms).toHaveLength(1);
    // For a program, the JSON entry alone; for a person, stderr alone (see firstHour.test.ts).
    expect(r.err).toBe('');
  });

  it('--out writes an annotated copy and never touches the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-'));
    const input = fx('akto-empty-scores.xlsx');
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const r = await cli('check', '--out', dir, input);
    expect(r.code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'akto-empty-scores.checked.xlsx'));
    const ws = wb.worksheets[0];
    // The computed 执行率 went into the empty cell; a SCORE_MISSING cell is marked with a note.
    expect(ws.getCell('H7').value).toBe(1);
    const json = JSON.parse((await cli('check', '--json', input)).out);
    const missing = json[0].forms[0].findings.find((f: { code: string }) => f.code === 'SCORE_MISSING');
    const cell = ws.getCell(missing.cell);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/FFC7CE$/);
    expect(JSON.stringify(cell.note)).toContain('绩效自评校验');
  });

  it('--out keeps a part ExcelJS could not carry (a chart) byte for byte, with no warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-'));
    const parts = unzipParts(new Uint8Array(readFileSync(fx('clean.xlsx'))));
    setPartText(parts, 'xl/charts/chart1.xml', '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    const withChart = join(dir, 'with-chart.xlsx');
    writeFileSync(withChart, zipParts(parts));
    const r = await cli('check', '--json', '--out', dir, withChart);
    const json = JSON.parse(r.out);
    expect(json[0].findings).toEqual([]);
    expect(r.code).toBe(0);
    const copy = unzipParts(new Uint8Array(readFileSync(join(dir, 'with-chart.checked.xlsx'))));
    expect(copy.get('xl/charts/chart1.xml')).toEqual(parts.get('xl/charts/chart1.xml'));
    const plain = JSON.parse((await cli('check', '--json', withChart)).out);
    expect(plain[0].findings).toEqual([]);
  });

  it('a directory stands for every .xlsx below it, not lock files or our own copies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-'));
    mkdirSync(join(dir, '二季度'));
    copyFileSync(fx('clean.xlsx'), join(dir, 'a.xlsx'));
    copyFileSync(fx('errors.xlsx'), join(dir, '二季度', 'b.xlsx'));
    copyFileSync(fx('clean.xlsx'), join(dir, '~$a.xlsx'));
    copyFileSync(fx('clean.xlsx'), join(dir, 'a.checked.xlsx'));
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const r = await cli('check', '--json', dir);
    expect(JSON.parse(r.out).map((f: { file: string }) => f.file)).toEqual([join(dir, 'a.xlsx'), join(dir, '二季度', 'b.xlsx')]);
    expect(r.code).toBe(1);
    const empty = mkdtempSync(join(tmpdir(), 'selfeval-'));
    const none = await cli('check', empty);
    expect(none.code).toBe(2);
    expect(none.err).toContain('没有 .xlsx 文件');
  });

  it('the installed binary runs and returns the exit code', async () => {
    const bin = join(__dirname, '..', '..', 'bin', 'selfeval.js');
    const ok = await promisify(execFile)(process.execPath, [bin, 'check', fx('clean.xlsx')]);
    expect(ok.stdout).toContain('大院保安转辅警经费');
    await expect(promisify(execFile)(process.execPath, [bin, 'check', fx('errors.xlsx')])).rejects.toMatchObject({ code: 1 });
  });
});
