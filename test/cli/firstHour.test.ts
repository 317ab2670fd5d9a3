/** What a newcomer meets in the first hour with `selfeval`: help, messages told once, --out's closing lines, `--`, pipes. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from './runCli';
import { damageMessage } from '../../src/hosts/workbook';
import { FIXTURES } from '../loadFixture';

const fx = (name: string) => join(FIXTURES, name);
const BIN = join(__dirname, '..', '..', 'bin', 'selfeval.js');

const tmp = () => mkdtempSync(join(tmpdir(), 'selfeval-'));

describe('selfeval: the first hour', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['check', '--help']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out).toContain('用法：selfeval check');
      expect(r.err).toBe('');
    }
  });

  it('the usage line names every option, --max-mb and --max-cells too', async () => {
    const usage = (await cli('--help')).out.split('\n')[0];
    for (const option of ['--json', '--profile', '--out', '--summary', '--review', '--verbose', '--max-mb', '--max-cells']) expect(usage).toContain(` [${option}`);
    // `--` alone (files after it are names, not options): its own bracket, not the start of another option's.
    expect(usage).toMatch(/ \[--\]/);
  });

  it('tells an unreadable file once: on stderr in the text report, in the JSON entry with --json', async () => {
    const dir = tmp();
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a workbook at all');
    const text = await cli('check', junk, fx('clean.xlsx'));
    expect(text.code).toBe(2);
    expect(text.err.match(/junk\.xlsx/g)).toHaveLength(1);
    expect(text.out).not.toContain('junk.xlsx');
    const json = await cli('check', '--json', junk);
    expect(json.err).toBe('');
    expect(JSON.parse(json.out)[0].findings[0].code).toBe('FILE_UNREADABLE');
  });

  it('--out ends with the copies it wrote and how many values it filled', async () => {
    const dir = tmp();
    const r = await cli('check', '--out', dir, fx('akto-empty-scores.xlsx'), fx('clean.xlsx'));
    const tail = r.out.trimEnd().split('\n').slice(-4);
    const copy = join(dir, 'akto-empty-scores.checked.xlsx');
    const m = /^已写入 2 个带标注的副本，共填入计算值 (\d+) 个：$/.exec(tail[0]);
    expect(m, tail[0]).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(tail[1]).toBe(`  ${copy}（填入 ${m![1]} 个）`);
    expect(tail[2]).toBe(`  ${join(dir, 'clean.checked.xlsx')}（填入 0 个）`);
    // The summary workbook written beside the copies is named too.
    expect(tail[3]).toBe(`已写入校验汇总：${join(dir, '校验汇总.xlsx')}`);
    expect(existsSync(join(dir, '校验汇总.xlsx'))).toBe(true);
    // With --json stdout stays pure JSON: the list goes to stderr.
    const jsonDir = tmp();
    const json = await cli('check', '--json', '--out', jsonDir, fx('clean.xlsx'));
    expect(() => JSON.parse(json.out)).not.toThrow();
    expect(json.err).toMatch(/^已写入 1 个带标注的副本/);
    expect(json.err.trimEnd().split('\n').pop()).toBe(`已写入校验汇总：${join(jsonDir, '校验汇总.xlsx')}`);
  });

  it('never tells the user to click 采用计算值 outside the pane: not in the report, not in a copy\'s notes', async () => {
    const dir = tmp();
    const r = await cli('check', '--out', dir, fx('hengyang-one-per-sheet.xlsx'));
    expect(r.out).toContain('EXECUTION_RATE_MISMATCH');
    expect(r.out).toContain('请改为 100.00%');
    expect(r.out).not.toContain('采用计算值');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'hengyang-one-per-sheet.checked.xlsx'));
    const notes = wb.worksheets.flatMap((ws) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => c.note && out.push(JSON.stringify(c.note))));
      return out;
    });
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).not.toContain('采用计算值');
  });

  it('lists a sheet without a form when other sheets of the workbook have forms', async () => {
    const dir = tmp();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fx('clean.xlsx'));
    wb.addWorksheet('说明').getCell('A1').value = '本表由财务科填报';
    wb.addWorksheet('空白');
    const path = join(dir, 'two-sheets.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await cli('check', path);
    expect(r.out).toContain('工作表“说明”未识别到自评表');
    expect(r.out).not.toContain('“空白”');
    expect(r.out).toContain('共 1 个文件、1 张表（另有 1 个工作表未识别到自评表）');
    const json = JSON.parse((await cli('check', '--json', path)).out);
    expect(json[0].findings).toEqual([{ code: 'NO_FORM_FOUND', severity: 'info', cell: '', message: expect.stringContaining('说明') }]);
  });

  it('`--` ends the options: a file named -x.xlsx is checked', async () => {
    const dir = tmp();
    copyFileSync(fx('clean.xlsx'), join(dir, '-x.xlsx'));
    const prev = process.cwd();
    process.chdir(dir);
    try {
      expect((await cli('check', '-x.xlsx')).code).toBe(2);
      const r = await cli('check', '--json', '--', '-x.xlsx');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)[0]).toMatchObject({ file: '-x.xlsx', forms: [expect.anything()] });
    } finally {
      process.chdir(prev);
    }
  });

  it('a closed stdout stops the printing, never the work: every copy and the summary are written, the exit code is the findings\'', async () => {
    const dir = tmp();
    const files = ['hengyang-one-per-sheet.xlsx', 'clean.xlsx', 'akto-empty-scores.xlsx', 'lincang-template.xlsx', 'errors.xlsx'];
    const child = spawn(process.execPath, [BIN, 'check', '--out', dir, ...files.map(fx)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|内部错误|at /);
    for (const f of files) expect(existsSync(join(dir, f.replace(/\.xlsx$/, '.checked.xlsx'))), f).toBe(true);
    expect(existsSync(join(dir, '校验汇总.xlsx'))).toBe(true);
    expect(code).toBe(1);
  });

  it('one Chinese message per kind of damage, the same with and without --out and in --json; the library\'s words only with --verbose or in detail', async () => {
    const dir = tmp();
    const whole = readFileSync(fx('clean.xlsx'));
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const message = `cut.xlsx：${damageMessage('incomplete')}`;
    const plain = await cli('check', cut);
    const withOut = await cli('check', '--out', tmp(), cut);
    expect(plain.err.trim()).toBe(message);
    expect(withOut.err.trim()).toBe(message);
    const json = await cli('check', '--json', cut);
    const [finding] = JSON.parse(json.out)[0].findings;
    expect(finding).toMatchObject({ code: 'FILE_UNREADABLE', message });
    expect(finding.detail).toMatch(/[A-Za-z]/);
    expect(message).not.toContain(finding.detail);
    const verbose = await cli('check', '--verbose', cut);
    expect(verbose.err).toContain(message);
    expect(verbose.err).toContain(`详细信息：`);
  });

  it('--json reports 年度指标值 and 实际完成值 as the cells hold them, not in their normalized form', async () => {
    const json = JSON.parse((await cli('check', '--json', fx('yanjiang-targets.xlsx'))).out);
    const indicators = json[0].forms.flatMap((f: { indicators: { target: string; actual: string }[] }) => f.indicators);
    const row = indicators.find((i: { target: string }) => i.target.startsWith('预计全年实现支出1346.85万元'));
    expect(row.target).toBe('预计全年实现支出1346.85万元，其中：基本支出947.60万元，项目支出399.25万元。');
    expect(row.actual).toBe('全年实现支出1346.85万元，其中：基本支出947.60万元，项目支出399.25万元，达到预期目标');
  });

  it('ends quietly when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [BIN, 'check', fx('hengyang-stacked.xlsx'), fx('hengyang-one-per-sheet.xlsx')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|内部错误|at /);
    expect(code).not.toBeNull();
  });
});
