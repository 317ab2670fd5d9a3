/** What a newcomer meets in the first hour with `selfeval`: help, messages told once, --out's closing lines, `--`, pipes. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { FIXTURES } from '../loadFixture';

const fx = (name: string) => join(FIXTURES, name);
const BIN = join(__dirname, '..', '..', 'bin', 'selfeval.js');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}

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
    const tail = r.out.trimEnd().split('\n').slice(-3);
    const copy = join(dir, 'akto-empty-scores.checked.xlsx');
    const m = /^已写入 2 个带标注的副本，共填入计算值 (\d+) 个：$/.exec(tail[0]);
    expect(m, tail[0]).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(tail[1]).toBe(`  ${copy}（填入 ${m![1]} 个）`);
    expect(tail[2]).toBe(`  ${join(dir, 'clean.checked.xlsx')}（填入 0 个）`);
    // With --json stdout stays pure JSON: the list goes to stderr.
    const json = await cli('check', '--json', '--out', tmp(), fx('clean.xlsx'));
    expect(() => JSON.parse(json.out)).not.toThrow();
    expect(json.err).toMatch(/^已写入 1 个带标注的副本/);
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
