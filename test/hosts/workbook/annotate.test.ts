import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COMPUTED_FILL, SEVERITY_FILL, noteText } from '../../../src/core/marks';
import type { Finding, FormResult, SheetCheck } from '../../../src/core/result';
import { annotateSheets, patchPackage, readWorkbook } from '../../../src/hosts/workbook';
import { partText, unzipParts } from './zipTools';
import { cellSnapshot, reread, sampleWorkbook, sheetSnapshot, toBytes } from './sampleWorkbook';

const rateWrong: Finding = { code: 'EXECUTION_RATE_MISMATCH', severity: 'error', cell: 'I8', message: '执行率应为 100.00%（152.5 ÷ 152.5），表中为 136.58%。' };
const rateRule: Finding = { code: 'BUDGET_SCORE_MISMATCH', severity: 'warning', cell: 'I8', message: '预算执行率得分应按执行率计算。' };
const reasonMissing: Finding = { code: 'DEVIATION_REASON_MISSING', severity: 'warning', cell: 'G9', message: '得分低于分值，请填写偏差原因。' };
const nameInfo: Finding = { code: 'REQUIRED_FIELD_MISSING', severity: 'info', cell: 'E6', message: '项目名称请与预算批复一致。' };
const scoreMissing: Finding = { code: 'SCORE_MISSING', severity: 'info', cell: 'J9', message: '自评等级为空，已按总分填入。' };
const fileLevel: Finding = { code: 'MERGES_OVERLAP', severity: 'warning', cell: '', message: '合并单元格相互重叠。' };

function form(findings: Finding[]): FormResult {
  return {
    sheet: '表1',
    kind: 'project',
    range: 'D5:J9',
    projectName: '大院保安转辅警经费',
    budget: { planned: 152.5, executed: 152.5, executionRate: 1, weight: 10, score: { stated: null, computed: 10 } },
    indicators: [],
    total: { weight: 10, stated: null, computed: 10 },
    grade: { stated: null, computed: '差' },
    findings,
  };
}

const check: SheetCheck = {
  sheet: '表1',
  forms: [form([rateWrong, rateRule, reasonMissing, nameInfo, scoreMissing])],
  fills: [
    { cell: 'J8', value: 10, numberFormat: '0.00', label: '得分' }, // empty → written
    { cell: 'H9', value: 7, label: '得分' }, // typed value → refused
    { cell: 'I9', value: 0.5, numberFormat: '0.00%', label: '执行率' }, // formula → refused
    { cell: 'J9', value: '差', label: '自评等级' }, // only U+3000 → written, but it also has a finding
  ],
  findings: [fileLevel, rateWrong /* the same finding twice must be noted once */],
};

const TOUCHED = ['表1!I8', '表1!G9', '表1!E6', '表1!J8', '表1!J9'];

async function annotated(mode: 'fill' | 'review', checks: SheetCheck[] = [check]) {
  const original = await toBytes(sampleWorkbook());
  return annotatedBytes(original, mode, checks);
}

async function annotatedBytes(original: Uint8Array, mode: 'fill' | 'review', checks: SheetCheck[] = [check]) {
  const loaded = await readWorkbook(original);
  const { edits, ...summary } = annotateSheets(loaded.sheets, checks, mode);
  const out = patchPackage(original, edits);
  return { original: await reread(original), copy: await reread(out), summary, out };
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.style.fill;
  return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
}

function noteString(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note;
  if (n === undefined || typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

describe('the annotated copy, mode fill', () => {
  it('paints each finding cell by its worst severity and notes all its findings once', async () => {
    const { copy, summary } = await annotated('fill');
    const ws = copy.getWorksheet('表1')!;
    expect(summary.marked).toBe(4);
    expect(fillOf(ws.getCell('I8'))).toBe(`FF${SEVERITY_FILL.error}`);
    expect(noteString(ws.getCell('I8'))).toBe(noteText([rateWrong, rateRule]));
    expect(fillOf(ws.getCell('E6'))).toBe(`FF${SEVERITY_FILL.info}`); // master of E6:J6
    expect(noteString(ws.getCell('E6'))).toBe(noteText([nameInfo]));
    expect(fillOf(ws.getCell('G9'))).toBe(`FF${SEVERITY_FILL.warning}`);
  });

  it("keeps the user's note and adds ours below it, after a blank line", async () => {
    const { copy } = await annotated('fill');
    expect(noteString(copy.getWorksheet('表1')!.getCell('G9'))).toBe(`用户批注\n\n${noteText([reasonMissing])}`);
  });

  it('writes computed values only into empty cells, tinted and noted, and refuses the rest', async () => {
    const { copy, summary } = await annotated('fill');
    const ws = copy.getWorksheet('表1')!;
    expect(summary.filled).toBe(2);
    expect(summary.skippedFills).toEqual(['表1!H9', '表1!I9']);

    const j8 = ws.getCell('J8');
    expect(j8.value).toBe(10);
    expect(j8.numFmt).toBe('0.00');
    expect(fillOf(j8)).toBe(`FF${COMPUTED_FILL}`);
    expect(noteString(j8)).toBe('【绩效自评校验】计算值（得分）');
    expect(j8.border).toEqual(ws.getCell('H8').border); // its own style kept

    // a filled cell that also has a finding: the finding's colour and note
    const j9 = ws.getCell('J9');
    expect(j9.value).toBe('差');
    expect(fillOf(j9)).toBe(`FF${SEVERITY_FILL.info}`);
    expect(noteString(j9)).toBe(noteText([scoreMissing]));

    expect(ws.getCell('H9').value).toBe(5);
    expect(ws.getCell('I9').value).toEqual({ formula: 'G8/F8', result: 1 });
  });

  it('asks Excel to recalculate on opening once values were filled (formulas may read them)', async () => {
    const filled = await annotated('fill');
    expect(partText(unzipParts(filled.out), 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const reviewed = await annotated('review');
    expect(partText(unzipParts(reviewed.out), 'xl/workbook.xml')).not.toMatch(/fullCalcOnLoad/);
  });

  it('leaves every other cell, merge, width, height, validation and conditional format as it was', async () => {
    const { original, copy } = await annotated('fill');
    const before = cellSnapshot(original);
    const after = cellSnapshot(copy);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [address, b] of before) {
      const a = after.get(address)!;
      if (TOUCHED.includes(address)) {
        if (!['表1!J8', '表1!J9'].includes(address)) expect(a.value, address).toBe(b.value);
        const { fill: _fa, numFmt: _na, ...restAfter } = JSON.parse(a.style);
        const { fill: _fb, numFmt: _nb, ...restBefore } = JSON.parse(b.style);
        expect(restAfter, address).toEqual(restBefore);
      } else {
        expect(a, address).toEqual(b);
      }
    }
    expect(sheetSnapshot(copy)).toEqual(sheetSnapshot(original));
  });

  it('replaces its own note on a copy that was annotated before, without repeating it', async () => {
    const first = await annotated('fill');
    const { copy } = await annotatedBytes(first.out, 'fill');
    const ws = copy.getWorksheet('表1')!;
    expect(noteString(ws.getCell('G9'))).toBe(`用户批注\n\n${noteText([reasonMissing])}`);
    expect(noteString(ws.getCell('I8'))).toBe(noteText([rateWrong, rateRule]));
    expect(noteString(ws.getCell('J8'))).toBe('【绩效自评校验】计算值（得分）');
  });
});

describe('the annotated copy, mode review', () => {
  it('writes no value and no computed tint, only the findings’ fills and notes', async () => {
    const { original, copy, summary } = await annotated('review');
    expect(summary).toEqual({ marked: 4, filled: 0, skippedFills: [] });
    const ws = copy.getWorksheet('表1')!;
    expect(ws.getCell('J8').value).toBeNull();
    expect(ws.getCell('J8').note).toBeUndefined();
    expect(fillOf(ws.getCell('J8'))).toBeUndefined();
    expect(ws.getCell('J9').value).toBe('\u3000');
    expect(fillOf(ws.getCell('J9'))).toBe(`FF${SEVERITY_FILL.info}`);
    expect(fillOf(ws.getCell('I8'))).toBe(`FF${SEVERITY_FILL.error}`);
    const before = cellSnapshot(original);
    for (const [address, a] of cellSnapshot(copy)) expect(a.value, address).toBe(before.get(address)!.value);
  });

  it('marks a finding on a merge-covered cell on the master, together with the master’s own', async () => {
    const covered: Finding = { ...nameInfo, code: 'NUMBER_INVALID', severity: 'error', cell: 'G6', message: '不是数字。' };
    const odd: Finding = { ...nameInfo, cell: 'H7:H9', message: '区域' };
    const { copy, summary } = await annotated('review', [{ sheet: '表1', forms: [], fills: [], findings: [nameInfo, covered, odd] }]);
    expect(summary.marked).toBe(1);
    const ws = copy.getWorksheet('表1')!;
    expect(fillOf(ws.getCell('E6'))).toBe(`FF${SEVERITY_FILL.error}`);
    expect(noteString(ws.getCell('E6'))).toBe(noteText([nameInfo, { ...covered, cell: 'E6' }]));
  });

  it('ignores checks of sheets the workbook does not have', async () => {
    const { summary } = await annotated('review', [{ ...check, sheet: '不存在' }]);
    expect(summary).toEqual({ marked: 0, filled: 0, skippedFills: [] });
  });
});

describe('notes merged with the user’s', () => {
  it('keeps the rich-text runs of the user and cuts an earlier note of ours, also when Excel merged the runs', async () => {
    const wb = sampleWorkbook();
    const ws = wb.getWorksheet('表1')!;
    ws.getCell('G9').note = { texts: [{ text: '张三:', font: { bold: true } }, { text: '\n请核对' }] };
    ws.getCell('E6').note = '他的\n\n【绩效自评校验】\n错误：旧的';
    ws.getCell('I8').note = '【绩效自评校验】计算值（得分）';
    const { copy } = await annotatedBytes(await toBytes(wb), 'review');
    const sheet = copy.getWorksheet('表1')!;
    const g9 = sheet.getCell('G9').note as ExcelJS.Comment;
    expect(g9.texts!.slice(0, 2)).toMatchObject([{ text: '张三:', font: { bold: true } }, { text: '\n请核对' }]);
    expect(noteString(sheet.getCell('G9'))).toBe(`张三:\n请核对\n\n${noteText([reasonMissing])}`);
    expect(noteString(sheet.getCell('E6'))).toBe(`他的\n\n${noteText([nameInfo])}`);
    expect(noteString(sheet.getCell('I8'))).toBe(noteText([rateWrong, rateRule]));
  });
});
