import { describe, expect, it } from 'vitest';
import type { FileResult, FormResult, Severity } from '../../src/core/result';
import { isSubmittedWorkbook, summaryRows } from '../../src/core/summary';

function form(sheet: string, kind: string, counts: Partial<Record<Severity, number>>, total: number | null = 90): FormResult {
  const findings = (Object.entries(counts) as [Severity, number][]).flatMap(([severity, n]) =>
    Array.from({ length: n }, () => ({ code: 'TOTAL_MISMATCH' as const, severity, cell: 'A1', message: '' })),
  );
  return {
    sheet,
    kind: kind as FormResult['kind'],
    range: 'A1:J20',
    projectName: `项目${sheet}`,
    budget: { planned: null, executed: null, executionRate: null, weight: null, score: { stated: null, computed: null } },
    indicators: [],
    total: { weight: 100, stated: null, computed: total },
    grade: { stated: null, computed: total === null ? null : '优' },
    findings,
  };
}

const file = (name: string, forms: FormResult[], findings: FileResult['findings'] = []): FileResult => ({ file: name, forms, findings });

describe('summaryRows', () => {
  it('a row per form, unreadable files first, then by errors, warnings, hints; ties keep batch order', () => {
    const rows = summaryRows([
      { result: file('a.xlsx', [form('表1', 'project', {}), form('表2', 'project', { warning: 2 })]), copy: 'a.checked.xlsx' },
      { result: file('b.xlsx', [form('表1', 'department', { error: 1, info: 1 }), form('表2', 'project', { error: 1, warning: 1 })]), copy: 'b.checked.xlsx' },
      { result: file('c.xlsx', [], [{ code: 'FILE_UNREADABLE', severity: 'error', cell: '', message: 'c.xlsx：已损坏' }]), copy: null },
      { result: file('d.xlsx', [form('表1', 'project', {})]), copy: 'd.checked.xlsx' },
    ]);
    expect(rows.map((r) => `${r.file}!${r.sheet}`)).toEqual(['c.xlsx!', 'b.xlsx!表2', 'b.xlsx!表1', 'a.xlsx!表2', 'a.xlsx!表1', 'd.xlsx!表1']);
    expect(rows[0]).toMatchObject({ errors: null, warnings: null, infos: null, copy: null, note: 'c.xlsx：已损坏', fileIndex: 2 });
    expect(rows[2]).toMatchObject({ kind: '部门整体支出绩效自评表', name: '项目表1', total: 90, grade: '优', errors: 1, warnings: 0, infos: 1, copy: 'b.checked.xlsx' });
  });

  it('shows any kind of form, 总分 and 等级 empty where it has none; a kind without a Chinese name by its own name', () => {
    const targets = { ...form('目标', 'targets', {}), total: null, grade: null };
    const rows = summaryRows([{ result: file('t.xlsx', [targets, form('新表', 'futureKind', {}, null)]), copy: null }]);
    expect(rows[0]).toMatchObject({ kind: '绩效目标完成情况表', total: null, grade: null, errors: 0 });
    expect(rows[1]).toMatchObject({ kind: 'futureKind', total: null, grade: null });
  });

  it('a readable file without a form gets a row saying so', () => {
    const [row] = summaryRows([{ result: file('e.xlsx', [], [{ code: 'NO_FORM_FOUND', severity: 'warning', cell: '', message: 'e.xlsx 中没有找到绩效自评表' }]), copy: 'e.checked.xlsx' }]);
    expect(row).toMatchObject({ sheet: '', errors: 0, note: 'e.xlsx 中没有找到绩效自评表', copy: 'e.checked.xlsx' });
  });
});

describe('isSubmittedWorkbook', () => {
  it('an .xlsx a unit sent, not a lock file, a copy or a summary we wrote', () => {
    expect(isSubmittedWorkbook('单位A/项目.xlsx')).toBe(true);
    expect(isSubmittedWorkbook('单位A\\项目.XLSX')).toBe(true);
    expect(isSubmittedWorkbook('单位A/~$项目.xlsx')).toBe(false);
    expect(isSubmittedWorkbook('out/项目.checked.xlsx')).toBe(false);
    expect(isSubmittedWorkbook('out/校验汇总.xlsx')).toBe(false);
    expect(isSubmittedWorkbook('项目.xls')).toBe(false);
  });
});
