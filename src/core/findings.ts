import type { Finding, FindingCode, Severity } from './result';
import { a1 } from './sheet';
import { shiftDecimal } from './values/decimal';
import { roundHalfUp } from './values/round';
import type { Pos } from './recognize/layout';

/** The severity each code has unless a profile makes it stricter (SPEC §4). */
export const DEFAULT_SEVERITY: Record<FindingCode, Severity> = {
  REQUIRED_FIELD_MISSING: 'error',
  NUMBER_INVALID: 'error',
  EXECUTION_RATE_MISMATCH: 'error',
  BUDGET_SCORE_MISMATCH: 'error',
  SCORE_EXCEEDS_WEIGHT: 'error',
  SCORE_RULE_MISMATCH: 'warning',
  SCORE_BAND_MISMATCH: 'error',
  SCORE_MISSING: 'error',
  WEIGHT_SUM_MISMATCH: 'error',
  WEIGHT_PROFILE_MISMATCH: 'warning',
  WEIGHT_EXCEEDS_LIMIT: 'error',
  TOTAL_MISMATCH: 'error',
  GRADE_MISMATCH: 'error',
  DEVIATION_REASON_MISSING: 'warning',
  OVERACHIEVEMENT_UNEXPLAINED: 'info',
  HIERARCHY_INVALID: 'warning',
  FUNDS_SUM_MISMATCH: 'error',
  COLUMNS_UNRECOGNIZED: 'info',
  NO_FORM_FOUND: 'info',
  FILE_UNREADABLE: 'error',
  FILE_WRITE_FAILED: 'error',
  MERGES_OVERLAP: 'warning',
};

/** What recognition looks for, said to a user whose sheet has no form (the pane and the CLI alike). */
export const NO_FORM_HINT = '表中需有“一级指标、二级指标、三级指标”及“得分”（或“自评分数”、“预算指标值”）表头';

/** Collects the findings of one form. */
export class FindingList {
  readonly items: Finding[] = [];

  constructor(private readonly sheet: string) {}

  add(
    code: FindingCode,
    at: Pos,
    message: string,
    extra: { severity?: Severity; fix?: Finding['fix']; rule?: string } = {},
  ): void {
    const f: Finding = { code, severity: extra.severity ?? DEFAULT_SEVERITY[code], cell: a1(at.row, at.col), message, sheet: this.sheet };
    if (extra.fix) f.fix = extra.fix;
    if (extra.rule) f.rule = extra.rule;
    this.items.push(f);
  }
}

/** A number as the forms write it: at most 4 decimals (万元 amounts such as 38.1692), no trailing zeros. */
export function fmt(n: number): string {
  return String(roundHalfUp(n, 4));
}

/** A fraction as a percentage with the given decimals: 1.3658 → `136.58%`. */
export function pct(fraction: number, decimals = 2): string {
  const percent = shiftDecimal(fraction, 2);
  if (!Number.isFinite(percent)) {
    // Beyond what a double holds once × 100: the decimal exponent moves instead.
    const [mantissa, exponent] = fraction.toExponential(2).split('e');
    return `${mantissa}e${Number(exponent) + 2}%`;
  }
  return `${roundHalfUp(percent, decimals).toFixed(decimals)}%`;
}
