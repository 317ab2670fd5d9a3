import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/hosts/workbook/read';
import { FIXTURES } from '../loadFixture';
import type { Finding, FormResult } from '../../src/core/result';
import { accuracyCases, type AccuracyCase } from '../../scripts/accuracy/cases';
import { judge, summarize, summaryLine } from '../../scripts/accuracy/measure';
import { realTables } from '../../scripts/build-fixtures';
import { HENGYANG_PROJECTS, YANJIANG_PROJECT_SCORES, YANJIANG_TARGETS } from '../seedFacts';

const finding = (code: string, cell: string, severity: Finding['severity'] = 'error'): Finding =>
  ({ code, cell, severity, message: `${code}@${cell}` }) as Finding;

const form = (kind: FormResult['kind'], findings: Finding[], total: number | null = null, grade: string | null = null): FormResult => ({
  sheet: 'S',
  kind,
  range: 'A1:J30',
  projectName: null,
  budget: { planned: null, executed: null, executionRate: null, weight: null, score: { stated: null, computed: null } },
  indicators: [],
  total: kind === 'targets' ? null : { weight: 100, stated: null, computed: total },
  grade: kind === 'targets' ? null : { stated: null, computed: grade },
  findings,
});

const base: AccuracyCase = {
  id: 'X',
  group: 'real',
  source: 'https://example.cn/x',
  province: '安徽',
  file: 'realworld/X.xlsx',
  sheet: 'S',
  kind: 'project',
  profile: 'mof',
  published: { total: 91, grade: '优' },
  verifiedErrors: [{ code: 'FUNDS_SUM_MISMATCH', cells: ['B7', 'D7'], note: 'total row' }],
  allowed: [
    { code: 'BUDGET_SCORE_MISMATCH', cells: ['I7'], note: 'debatable' },
    { cells: ['A24:J24'], note: 'copy ends here' },
  ],
};

describe('accuracy: judging one table', () => {
  it('counts a verified error found only as an error at one of its cells', () => {
    expect(judge(base, [form('project', [finding('FUNDS_SUM_MISMATCH', 'D7')], 91, '优')]).found).toHaveLength(1);
    expect(judge(base, [form('project', [finding('FUNDS_SUM_MISMATCH', 'E7')], 91, '优')]).missed).toHaveLength(1);
    expect(judge(base, [form('project', [finding('FUNDS_SUM_MISMATCH', 'D7', 'warning')], 91, '优')]).missed).toHaveLength(1);
  });

  it('an error that is neither verified nor allowed is false; allowed ones are set apart; warnings are neither', () => {
    const o = judge(base, [
      form('project', [
        finding('NUMBER_INVALID', 'B11'),
        finding('BUDGET_SCORE_MISMATCH', 'I7'),
        finding('BUDGET_SCORE_MISMATCH', 'I8'),
        finding('REQUIRED_FIELD_MISSING', 'F24'),
        finding('SCORE_RULE_MISMATCH', 'H14', 'warning'),
      ]),
    ]);
    expect(o.falseErrors.map((f) => f.message)).toEqual(['NUMBER_INVALID@B11', 'BUDGET_SCORE_MISMATCH@I8']);
    expect(o.allowedErrors.map((f) => f.message)).toEqual(['BUDGET_SCORE_MISMATCH@I7', 'REQUIRED_FIELD_MISSING@F24']);
  });

  it('recognized: exactly one form, of the expected kind', () => {
    expect(judge(base, [form('project', [])]).recognized).toBe(true);
    expect(judge(base, [form('framework', [])]).recognized).toBe(false);
    expect(judge(base, [form('project', []), form('project', [])]).recognized).toBe(false);
    expect(judge(base, []).recognized).toBe(false);
  });

  it('totals agree when the computed total and grade are the published ones; not judged when none is published', () => {
    expect(judge(base, [form('project', [], 91.001, '优')]).totalsAgree).toBe(true);
    expect(judge(base, [form('project', [], 90, '优')]).totalsAgree).toBe(false);
    expect(judge(base, [form('project', [], 91, '良')]).totalsAgree).toBe(false);
    expect(judge(base, [form('framework', [], 91, '优')]).totalsAgree).toBe(false);
    expect(judge({ ...base, published: { total: null, grade: null } }, [form('project', [], 91, '优')]).totalsAgree).toBeNull();
  });

  it('where the publisher’s own total is wrong, agreeing means finding that error', () => {
    const c: AccuracyCase = { ...base, verifiedErrors: [{ code: 'TOTAL_MISMATCH', cells: ['H30'], note: 'Σ ≠ 总分' }] };
    expect(judge(c, [form('project', [finding('TOTAL_MISMATCH', 'H30')], 88, '良')]).totalsAgree).toBe(true);
    expect(judge(c, [form('project', [], 91, '优')]).totalsAgree).toBe(false);
  });

  it('sums tables into one line', () => {
    const outcomes = [
      judge(base, [form('project', [finding('FUNDS_SUM_MISMATCH', 'B7'), finding('NUMBER_INVALID', 'B11')], 91, '优')]),
      judge({ ...base, published: { total: null, grade: null } }, [form('framework', [finding('SCORE_MISSING', 'H9'), finding('SCORE_MISSING', 'H10')])]),
    ];
    expect(summaryLine(summarize(outcomes))).toBe('表 2：识别 1/2，总分/等级一致 1/1，已证实错误 1/2，误报错误 3（2 张表）');
  });
});

describe('accuracy: the cases', () => {
  const cases = accuracyCases();
  it('every seed table and every real table, once', () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seeds = cases.filter((c) => c.group === 'seed');
    expect(seeds).toHaveLength(HENGYANG_PROJECTS.length + 1 + 1 + 1 + YANJIANG_PROJECT_SCORES.length + 1 + YANJIANG_TARGETS.length + 1);
    expect(cases.filter((c) => c.group === 'real').map((c) => c.id)).toEqual(realTables().map((t) => t.id));
    for (const c of cases) expect(c.source).not.toBe('');
  });

  it('each case names a sheet of a workbook the fixture setup builds', async () => {
    for (const file of new Set(cases.map((c) => c.file))) {
      const names = (await readWorkbook(new Uint8Array(readFileSync(join(FIXTURES, file))))).sheets.map((s) => s.name);
      for (const c of cases.filter((x) => x.file === file)) expect(names, c.id).toContain(c.sheet);
    }
  });
});
