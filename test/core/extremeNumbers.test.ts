/**
 * Numbers at the edges of what a double holds, typed into a real form (the seed 衡阳 form through the
 * fixture writer and the workbook host): no NaN or Infinity in any message or score, computed scores
 * within [0, 分值], a negative or absurd 分值 reported at its own cell.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import { MOF } from '../../src/core/rules/profile';
import type { FormResult } from '../../src/core/result';
import { sheetModelOf } from '../../scripts/excelJsModel';
import { hengyangForms, newWorkbook, writeForm, type FormData } from '../../scripts/build-fixtures';

function checked(change: (f: FormData) => void): FormResult {
  const form = structuredClone(hengyangForms()[0]);
  change(form);
  const wb = newWorkbook();
  writeForm(wb.addWorksheet('表1'), form, { row: 1, col: 1 });
  const result = check(sheetModelOf(wb.worksheets[0]), MOF);
  expect(result.forms).toHaveLength(1);
  return result.forms[0];
}

const noNaN = (form: FormResult) => expect(JSON.stringify(form)).not.toMatch(/NaN|Infinity/);

describe('extreme numbers', () => {
  it.each<[string, (f: FormData) => void]>([
    ['执行率 1e-7', (f) => (f.funds[0][5] = 1e-7)],
    ['全年执行数 1e21', (f) => (f.funds[0][3] = 1e21)],
    ['全年执行数 1.5e308 over 全年预算数 1e-300', (f) => ((f.funds[0][3] = 1.5e308), (f.funds[0][2] = 1e-300))],
    ['分值 1.7e308 twice', (f) => ((f.indicators[0].weight = 1.7e308), (f.indicators[1].weight = 1.7e308))],
    ['得分 1.7e308 twice', (f) => ((f.indicators[0].score = 1.7e308), (f.indicators[1].score = 1.7e308))],
    ['分值 written with 400 digits', (f) => (f.indicators[0].weight = '9'.repeat(400))],
    ['实际完成值 -1e9', (f) => ((f.indicators[0].actual = -1e9), (f.indicators[0].score = null))],
    ['年度指标值 1e-7', (f) => ((f.indicators[0].target = 1e-7), (f.indicators[0].score = null))],
  ])('%s: no NaN or Infinity anywhere, scores within [0, 分值]', (_, change) => {
    const form = checked(change);
    noNaN(form);
    for (const i of form.indicators) {
      if (i.score.computed !== null && i.weight !== null) {
        expect(i.score.computed).toBeGreaterThanOrEqual(0);
        expect(i.score.computed).toBeLessThanOrEqual(i.weight);
      }
    }
    const b = form.budget;
    if (b.score.computed !== null && b.weight !== null) expect(b.score.computed).toBeGreaterThanOrEqual(0);
  });

  it('a computed score is never negative: a negative actual scores 0', () => {
    const form = checked((f) => ((f.indicators[0].actual = -1e9), (f.indicators[0].score = null)));
    expect(form.indicators[0].score.computed).toBe(0);
  });

  it('a negative 分值 is NUMBER_INVALID at its own cell and not used', () => {
    const form = checked((f) => (f.indicators[0].weight = -15));
    const at = form.findings.filter((x) => x.code === 'NUMBER_INVALID');
    expect(at).toEqual([expect.objectContaining({ cell: 'G14', message: expect.stringContaining('分值应在 0 到 100 之间') })]);
    expect(form.indicators[0].weight).toBeNull();
  });

  it('an overflowing 执行率 is not stated (null), not Infinity', () => {
    const form = checked((f) => ((f.funds[0][3] = 1.5e308), (f.funds[0][2] = 1e-300)));
    expect(form.budget.executionRate).toBeNull();
  });
});
