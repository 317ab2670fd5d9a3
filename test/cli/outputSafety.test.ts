/**
 * Nothing a reviewer owns is overwritten by the summary, every link in it goes to its copy, and a write
 * that fails (a full disk) leaves nothing behind (issue 15, cases 1–4).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { cli } from './runCli';
import { isOurCopy } from '../../src/hosts/workbook';
import { copyLink } from '../../src/hosts/workbook/summaryWorkbook';
import { FIXTURES } from '../loadFixture';

const fx = (name: string) => join(FIXTURES, name);
const temp = () => mkdtempSync(join(tmpdir(), 'selfeval-safety-'));
const BIN = resolve(__dirname, '../../bin/selfeval.js');

async function summaryLinks(path: string): Promise<{ file: string; link: string | null }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const rows: { file: string; link: string | null }[] = [];
  wb.worksheets[0].eachRow((row, n) => {
    if (n === 1) return;
    const v = row.getCell(10).value as { hyperlink?: string } | null;
    rows.push({ file: String(row.getCell(1).value), link: v?.hyperlink ?? null });
  });
  return rows;
}

/** Every file under a folder, with its size, to see what a run left behind. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).sort().map((p) => `${p} ${lstatSync(join(dir, p)).size}`);
}

describe('the summary is written as the copies are: never over what is not ours', () => {
  it('--summary at an input refuses it and leaves the input whole (exit 2, not reported written)', async () => {
    const input = join(temp(), 'a.xlsx');
    copyFileSync(fx('clean.xlsx'), input);
    const before = readFileSync(input);
    const r = await cli('check', '--summary', input, input);
    expect(r.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(r.err).toContain('就是被检查的原文件');
    expect(r.out + r.err).not.toContain('已写入校验汇总');
  });

  it('--summary at the path of a copy written in the same run leaves the copy', async () => {
    const dir = temp();
    const out = join(dir, 'out');
    copyFileSync(fx('clean.xlsx'), join(dir, 'a.xlsx'));
    const copy = join(out, 'a.checked.xlsx');
    const r = await cli('check', '--out', out, '--summary', copy, join(dir, 'a.xlsx'));
    expect(r.code).toBe(2);
    expect(isOurCopy(readFileSync(copy))).toBe(true);
    expect(isOurCopy(readFileSync(copy), 'summary')).toBe(false);
    expect(r.err).toContain('不是本工具生成的校验汇总');
    expect(r.out).not.toContain('已写入校验汇总');
  });

  it('--summary at a folder is a failure, not 已写入', async () => {
    const dir = temp();
    const target = join(dir, '汇总.xlsx');
    mkdirSync(target);
    const r = await cli('check', '--summary', target, fx('clean.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('是一个文件夹');
    expect(r.out).not.toContain('已写入校验汇总');
  });

  it('never through a symlink, never over a file of the user\'s; a summary of ours is replaced', async () => {
    const dir = temp();
    const out = join(dir, 'out');
    mkdirSync(out);
    const victim = join(dir, 'victim.xlsx');
    copyFileSync(fx('errors.xlsx'), victim);
    const before = readFileSync(victim);
    symlinkSync(victim, join(out, '校验汇总.xlsx'));
    let r = await cli('check', '--out', out, fx('clean.xlsx'));
    expect(r.code).toBe(2);
    expect(readFileSync(victim).equals(before)).toBe(true);
    expect(lstatSync(join(out, '校验汇总.xlsx')).isSymbolicLink()).toBe(true);
    expect(r.err).toContain('符号链接');

    // The user's own workbook of that name.
    const own = join(dir, 'own');
    mkdirSync(own);
    copyFileSync(fx('errors.xlsx'), join(own, '校验汇总.xlsx'));
    r = await cli('check', '--out', own, fx('clean.xlsx'));
    expect(r.code).toBe(2);
    expect(readFileSync(join(own, '校验汇总.xlsx')).equals(before)).toBe(true);
    expect(r.err).toContain('不是本工具生成的校验汇总');

    // Ours: a rerun replaces it, and what it writes carries our mark.
    const ours = join(dir, 'ours');
    expect((await cli('check', '--out', ours, fx('clean.xlsx'))).code).toBe(0);
    expect(isOurCopy(readFileSync(join(ours, '校验汇总.xlsx')), 'summary')).toBe(true);
    expect((await cli('check', '--out', ours, fx('errors.xlsx'))).code).toBe(1);
    expect((await summaryLinks(join(ours, '校验汇总.xlsx')))[0].file).toBe(fx('errors.xlsx'));
  });
});

describe('summary links go where they say', () => {
  /** Names that a raw link would read as a fragment, an escape, a query, a scheme, a host or other folders. */
  const CRAFTED = [
    'a#b.xlsx',
    'pct%20x.xlsx',
    'q?x=1.xlsx',
    'http:example.com.xlsx',
    'javascript:alert(1).xlsx',
    '..\\..\\up.xlsx',
    '\\\\host\\share\\x.xlsx',
    ' lead space.xlsx',
    'semi;colon&amp.xlsx',
    'x\u202Egpj.xlsx',
    '%2e%2e%2fdots.xlsx',
    'file:%2F%2Fetc.xlsx',
    join('单位 A#1', '自评表 100%.xlsx'),
  ];

  it('every link in the summary resolves, as a URI relative to the summary, to its copy', async () => {
    const dir = temp();
    const received = join(dir, 'received');
    mkdirSync(join(received, '单位 A#1'), { recursive: true });
    for (const name of CRAFTED) copyFileSync(fx('clean.xlsx'), join(received, name));
    const out = join(dir, 'out');
    const r = await cli('check', '--out', out, received);
    expect(r.code).toBe(0);
    const rows = await summaryLinks(join(out, '校验汇总.xlsx'));
    expect(rows).toHaveLength(CRAFTED.length);
    const base = pathToFileURL(`${out}/`);
    const reached = new Set<string>();
    for (const { file, link } of rows) {
      expect(link, file).not.toBeNull();
      const url = new URL(link!, base);
      expect(url.protocol, link!).toBe('file:');
      expect(url.host, link!).toBe('');
      expect(url.hash + url.search, link!).toBe('');
      const target = fileURLToPath(url);
      expect(existsSync(target), link!).toBe(true);
      reached.add(target);
    }
    // Each to its own copy (the 文件 column shows the name with controls escaped, so it is matched by set).
    expect([...reached].sort()).toEqual(CRAFTED.map((n) => join(out, n.replace(/\.xlsx$/, '.checked.xlsx'))).sort());
  });

  it('a link never climbs out of the copies\' folder from inside a path, and a summary elsewhere links back into --out', async () => {
    expect(copyLink('a/../../x.checked.xlsx')).toBeNull();
    expect(copyLink('/etc/passwd')).toBeNull();
    expect(copyLink('./x.checked.xlsx')).toBeNull();
    expect(copyLink('..')).toBeNull();
    expect(copyLink('../out/单位A/a#b.checked.xlsx')).toBe('../out/单位A/a%23b.checked.xlsx');

    const dir = temp();
    copyFileSync(fx('clean.xlsx'), join(dir, 'a#b.xlsx'));
    const out = join(dir, 'out');
    await cli('check', '--out', out, '--summary', join(dir, 'reports', 's.xlsx'), join(dir, 'a#b.xlsx'));
    const [row] = await summaryLinks(join(dir, 'reports', 's.xlsx'));
    expect(fileURLToPath(new URL(row.link!, pathToFileURL(join(dir, 'reports', '/'))))).toBe(join(out, 'a#b.checked.xlsx'));
  });
});

describe('a write that fails leaves nothing behind', () => {
  /** The installed command with the file-size limit set (`ulimit -f`, in KB): writes past it fail with EFBIG, as on a full disk. */
  function cliWithFileLimit(kb: number, ...argv: string[]) {
    const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return spawnSync('bash', ['-c', `ulimit -f ${kb}; exec node '${BIN}' ${quoted}`], { encoding: 'utf8', timeout: 120_000 });
  }

  it('a copy too large for the disk leaves no file, the others are written whole, and a rerun with room replaces nothing that is not ours', () => {
    const dir = temp();
    copyFileSync(fx('clean.xlsx'), join(dir, 'small.xlsx'));
    copyFileSync(fx('errors.xlsx'), join(dir, 'large.xlsx'));
    const sizes = { small: 0, large: 0 };
    // Sizes of the copies with room.
    const roomy = join(dir, 'roomy');
    spawnSync('node', [BIN, 'check', '--out', roomy, join(dir, 'small.xlsx'), join(dir, 'large.xlsx')], { encoding: 'utf8' });
    sizes.small = lstatSync(join(roomy, 'small.checked.xlsx')).size;
    sizes.large = lstatSync(join(roomy, 'large.checked.xlsx')).size;
    expect(sizes.small).toBeLessThan(sizes.large);

    const out = join(dir, 'out');
    const limitKb = Math.floor((sizes.small + sizes.large) / 2 / 1024);
    expect(limitKb * 1024).toBeGreaterThan(sizes.small);
    const r = cliWithFileLimit(limitKb, 'check', '--out', out, join(dir, 'small.xlsx'), join(dir, 'large.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('文件超过了系统允许的大小');
    const left = listing(out);
    expect(left.some((l) => l.startsWith('large.checked.xlsx'))).toBe(false);
    expect(left.some((l) => /\.tmp /.test(l) || / 0$/.test(l))).toBe(false);
    expect(isOurCopy(readFileSync(join(out, 'small.checked.xlsx')))).toBe(true);
  });

  it('a file of ours left empty or cut short (an older version on a full disk) is replaced', async () => {
    const dir = temp();
    copyFileSync(fx('clean.xlsx'), join(dir, 'a.xlsx'));
    copyFileSync(fx('errors.xlsx'), join(dir, 'b.xlsx'));
    const out = join(dir, 'out');
    expect((await cli('check', '--out', out, join(dir, 'a.xlsx'), join(dir, 'b.xlsx'))).code).toBe(1);
    const a = join(out, 'a.checked.xlsx');
    const b = join(out, 'b.checked.xlsx');
    writeFileSync(a, '');
    truncateSync(b, Math.floor(lstatSync(b).size * 0.6));
    expect(isOurCopy(readFileSync(b))).toBe(true);
    writeFileSync(join(out, '校验汇总.xlsx'), '');
    const r = await cli('check', '--out', out, join(dir, 'a.xlsx'), join(dir, 'b.xlsx'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('已写入 2 个带标注的副本');
    for (const p of [a, b]) expect(isOurCopy(readFileSync(p))).toBe(true);
    expect(isOurCopy(readFileSync(join(out, '校验汇总.xlsx')), 'summary')).toBe(true);
    // A user's workbook cut short carries no mark: left alone.
    const theirs = join(dir, 'theirs');
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'a.checked.xlsx'), readFileSync(fx('errors.xlsx')).subarray(0, 4000));
    expect((await cli('check', '--out', theirs, join(dir, 'a.xlsx'))).code).toBe(2);
    expect(lstatSync(join(theirs, 'a.checked.xlsx')).size).toBe(4000);
  });
});
