/**
 * Runs the product's check on the workbook of each accuracy case — the path the CLI takes
 * (hosts/workbook/checkBytes) — and judges the result against what the table should give.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileResult, Finding, FormResult } from '../../src/core/result';
import { builtInProfile, MOF, type Profile } from '../../src/core/rules/profile';
import { checkBytes } from '../../src/hosts/workbook/checkBytes';
import { cellIn, type ExpectedFinding } from '../fixtures/realworld';
import type { AccuracyCase } from './cases';

export interface CaseOutcome {
  case: AccuracyCase;
  /** The profile the check ran with: the case's, or `mof` where the product has no such profile yet. */
  profile: string;
  /** The forms found on the case's sheet. */
  forms: Pick<FormResult, 'kind' | 'range' | 'total' | 'grade'>[];
  /** One form found, of the expected kind. */
  recognized: boolean;
  /** null: the publisher states neither total nor grade (or the copy ends before them). */
  totalsAgree: boolean | null;
  totalsNote: string;
  found: ExpectedFinding[];
  missed: ExpectedFinding[];
  /** Error-severity findings that are neither a verified error nor allowed. */
  falseErrors: Finding[];
  /** Error-severity findings the case allows (true or debatable on the publication, or about a truncated copy). */
  allowedErrors: Finding[];
  /** The file could not be read or checked (its message). */
  unreadable: string | null;
}

/** Whether a finding has this code (any code when undefined) at one of these cells or ranges. */
export const matches = (f: Finding, code: string | undefined, cells: readonly string[]): boolean =>
  (code === undefined || f.code === code) && f.cell !== '' && cells.some((place) => cellIn(f.cell, place));

const near = (a: number | null | undefined, b: number): boolean => typeof a === 'number' && Math.abs(a - b) < 0.005;

/** Judges the forms found on a case's sheet. */
export function judge(c: AccuracyCase, forms: FormResult[], profile = c.profile, unreadable: string | null = null): CaseOutcome {
  const findings = forms.flatMap((f) => f.findings);
  const errors = findings.filter((f) => f.severity === 'error');
  const found = c.verifiedErrors.filter((e) => errors.some((f) => matches(f, e.code, e.cells)));
  const missed = c.verifiedErrors.filter((e) => !found.includes(e));
  const unexpected = errors.filter((f) => !c.verifiedErrors.some((e) => matches(f, e.code, e.cells)));
  const allowedErrors = unexpected.filter((f) => c.allowed.some((a) => matches(f, a.code, a.cells)));
  const falseErrors = unexpected.filter((f) => !allowedErrors.includes(f));
  const recognized = forms.length === 1 && forms[0].kind === c.kind;

  let totalsAgree: boolean | null = null;
  let totalsNote = '';
  const { total, grade } = c.published;
  if (total !== null || grade !== null) {
    // Where the publisher's own 总分 / 等级 is wrong, agreeing means finding that error.
    const ownError = c.verifiedErrors.filter((e) => e.code === 'TOTAL_MISMATCH' || e.code === 'GRADE_MISMATCH');
    const form = recognized ? forms[0] : null;
    if (ownError.length > 0) {
      totalsAgree = ownError.every((e) => found.includes(e));
      totalsNote = totalsAgree ? '发布者的总分/等级错误已指出' : '未指出发布者的总分/等级错误';
    } else {
      const computed = form?.total?.computed ?? null;
      const computedGrade = form?.grade?.computed ?? null;
      const totalOk = total === null || near(computed, total);
      const gradeOk = grade === null || computedGrade === grade;
      totalsAgree = form !== null && totalOk && gradeOk;
      const said = [total !== null ? `总分 ${computed ?? '—'}（发布 ${total}）` : '', grade !== null ? `等级 ${computedGrade ?? '—'}（发布 ${grade}）` : ''];
      totalsNote = form ? said.filter(Boolean).join('，') : '未识别';
    }
  }
  return {
    case: c,
    profile,
    forms: forms.map((f) => ({ kind: f.kind, range: f.range, total: f.total, grade: f.grade })),
    recognized,
    totalsAgree,
    totalsNote,
    found,
    missed,
    falseErrors,
    allowedErrors,
    unreadable,
  };
}

/** Checks each case's workbook (once per workbook and profile) and judges every case. */
export async function measure(cases: readonly AccuracyCase[], fixturesDir: string): Promise<CaseOutcome[]> {
  const results = new Map<string, FileResult>();
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const known = builtInProfile(c.profile);
    const profile: Profile = known ?? MOF;
    const key = `${c.file}\n${profile.id}`;
    let result = results.get(key);
    if (!result) {
      const path = join(fixturesDir, c.file);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(path));
      } catch (e) {
        outcomes.push(judge(c, [], profile.id, `读不到 ${c.file}：${(e as Error).message}`));
        continue;
      }
      result = (await checkBytes(path, bytes, profile, { copy: null })).result;
      results.set(key, result);
    }
    const failed = result.findings.find((f) => f.code === 'FILE_UNREADABLE');
    outcomes.push(judge(c, result.forms.filter((f) => f.sheet === c.sheet), profile.id, failed ? failed.message : null));
  }
  return outcomes;
}

export interface AccuracySummary {
  tables: number;
  recognized: number;
  /** Tables whose publisher states a total or grade, and of them those that agree. */
  totals: number;
  totalsAgree: number;
  verified: number;
  verifiedFound: number;
  falseErrors: number;
  /** Tables with at least one false error. */
  tablesWithFalseErrors: number;
}

export function summarize(outcomes: readonly CaseOutcome[]): AccuracySummary {
  return {
    tables: outcomes.length,
    recognized: outcomes.filter((o) => o.recognized).length,
    totals: outcomes.filter((o) => o.totalsAgree !== null).length,
    totalsAgree: outcomes.filter((o) => o.totalsAgree === true).length,
    verified: outcomes.reduce((n, o) => n + o.case.verifiedErrors.length, 0),
    verifiedFound: outcomes.reduce((n, o) => n + o.found.length, 0),
    falseErrors: outcomes.reduce((n, o) => n + o.falseErrors.length, 0),
    tablesWithFalseErrors: outcomes.filter((o) => o.falseErrors.length > 0).length,
  };
}

/** `表 44：识别 30/44，总分/等级一致 20/24，已证实错误 18/20，误报错误 35（9 张表）` */
export function summaryLine(s: AccuracySummary): string {
  return `表 ${s.tables}：识别 ${s.recognized}/${s.tables}，总分/等级一致 ${s.totalsAgree}/${s.totals}，已证实错误 ${s.verifiedFound}/${s.verified}，误报错误 ${s.falseErrors}（${s.tablesWithFalseErrors} 张表）`;
}
