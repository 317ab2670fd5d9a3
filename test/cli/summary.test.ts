import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from './runCli';
import { FIXTURES } from '../loadFixture';

/** Two units' folders with the same file names, and one file that is not a workbook. */
function unitFolders(): string {
  const root = mkdtempSync(join(tmpdir(), 'selfeval-summary-'));
  for (const unit of ['单位A', '单位B']) {
    mkdirSync(join(root, unit));
    copyFileSync(join(FIXTURES, 'hengyang-one-per-sheet.xlsx'), join(root, unit, '自评表.xlsx'));
    copyFileSync(join(FIXTURES, 'clean.xlsx'), join(root, unit, '项目.xlsx'));
  }
  writeFileSync(join(root, '单位B', '坏文件.xlsx'), 'not a workbook');
  return root;
}

async function summarySheet(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push(Array.from({ length: 11 }, (_, i) => row.getCell(i + 1).value));
  });
  return rows;
}

describe('selfeval check --out: the summary workbook', () => {
  it('writes a copy per file (same names in two folders) and 校验汇总.xlsx with a row per form, errors first', async () => {
    const root = unitFolders();
    const out = join(root, 'out');
    const r = await cli('check', '--out', out, root);
    expect(r.code).toBe(2); // the unreadable file

    expect(readdirSync(join(out, '单位A')).sort()).toEqual(['自评表.checked.xlsx', '项目.checked.xlsx']);
    expect(readdirSync(join(out, '单位B')).sort()).toEqual(['自评表.checked.xlsx', '项目.checked.xlsx']);

    const ws = await summarySheet(join(out, '校验汇总.xlsx'));
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(['文件', '工作表', '表类型', '项目名称', '总分', '等级', '错误', '警告', '提示', '标注副本', '说明']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = rowsOf(ws);
    // 12 + 1 forms per unit, and the unreadable file.
    expect(rows).toHaveLength(2 * 13 + 1);
    expect(ws.autoFilter).toBe(`A1:K${rows.length + 1}`);

    const [bad, ...forms] = rows;
    expect(bad[0]).toBe(join(root, '单位B', '坏文件.xlsx'));
    expect(bad[6]).toBeNull();
    expect(String(bad[10])).toContain('不是 Excel 工作簿');
    // Errors first: the counts never rise down the table.
    const errors = forms.map((f) => f[6] as number);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(errors.at(-1)).toBe(0);

    const maint = forms.find((f) => f[0] === join(root, '单位A', '自评表.xlsx') && f[1] === '表2')!;
    expect(maint.slice(2, 6)).toEqual(['项目支出绩效自评表', '大院保维护费、会务中心维护费', 100, '优']);
    // Every form's counts as the JSON contract has them, stored as numbers.
    const json = JSON.parse((await cli('check', '--json', root)).out) as { file: string; forms: { sheet: string; findings: { severity: string }[] }[] }[];
    const expected = json.flatMap((f) => f.forms.map((form) => [f.file, form.sheet, ...['error', 'warning', 'info'].map((s) => form.findings.filter((x) => x.severity === s).length)]));
    expect(forms.map((f) => [f[0], f[1], f[6], f[7], f[8]]).sort()).toEqual(expected.sort());
    // The link opens that unit's copy, relative to the summary.
    expect(maint[9]).toEqual({ text: '打开副本', hyperlink: '单位A/自评表.checked.xlsx' });
    for (const f of forms) {
      const link = (f[9] as { hyperlink: string }).hyperlink;
      expect(existsSync(resolve(out, link))).toBe(true);
      expect(link).toContain(dirname(String(f[0])).endsWith('单位A') ? '单位A/' : '单位B/');
    }
  });

  it('--summary FILE writes the summary alone, without copies or links', async () => {
    const root = unitFolders();
    const target = join(root, 'reports', '汇总.xlsx');
    await cli('check', '--summary', target, join(root, '单位A'));
    expect(readdirSync(join(root, 'reports'))).toEqual(['汇总.xlsx']);
    const rows = rowsOf(await summarySheet(target));
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r[9] === null)).toBe(true);
  });

  it('prints without clipping: long text wraps in its column, rows are as tall as their text; unscored tables say 无评分', async () => {
    const root = unitFolders();
    copyFileSync(join(FIXTURES, 'yanjiang-targets.xlsx'), join(root, '单位B', '目标表.xlsx'));
    const target = join(root, '汇总.xlsx');
    await cli('check', '--summary', target, root);
    const ws = await summarySheet(target);
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    let unreadable: ExcelJS.Row | null = null;
    let longName: ExcelJS.Row | null = null;
    const targets: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      if (String(row.getCell(col('文件')).value).endsWith('坏文件.xlsx')) unreadable = row;
      if (String(row.getCell(col('项目名称')).value).length > 20) longName = row;
      if (row.getCell(col('表类型')).value === '绩效目标完成情况表') targets.push(row);
    });
    for (const name of ['文件', '工作表', '项目名称', '说明']) {
      expect(unreadable!.getCell(col(name)).alignment, name).toMatchObject({ wrapText: true, vertical: 'top' });
    }
    // The reason of an unreadable file takes several lines of the 60-wide 说明 column: the row is that tall.
    expect(String(unreadable!.getCell(col('说明')).value).length).toBeGreaterThan(60);
    expect(unreadable!.height).toBeGreaterThanOrEqual(2 * 16);
    expect(longName!.height).toBeGreaterThanOrEqual(2 * 16);
    expect(targets).toHaveLength(9);
    for (const row of targets) {
      expect(row.getCell(col('总分')).value).toBe('无评分');
      expect(row.getCell(col('等级')).value).toBe('无评分');
    }
  });

  it('refuses a --summary name that is not .xlsx', async () => {
    const r = await cli('check', '--summary', 'x.csv', join(FIXTURES, 'clean.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--summary');
  });
});
