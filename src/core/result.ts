/**
 * What a check produces: the SPEC §5 contract (FormResult, FileResult) plus, beside it, the values the
 * host may write into empty cells (Fill). Hosts write, the pane renders, the CLI prints; none of them
 * computes anything.
 */

export type Severity = 'error' | 'warning' | 'info';

export const FINDING_CODES = [
  'REQUIRED_FIELD_MISSING',
  'NUMBER_INVALID',
  'EXECUTION_RATE_MISMATCH',
  'BUDGET_SCORE_MISMATCH',
  'SCORE_EXCEEDS_WEIGHT',
  'SCORE_RULE_MISMATCH',
  'SCORE_BAND_MISMATCH',
  'SCORE_MISSING',
  'WEIGHT_SUM_MISMATCH',
  'WEIGHT_PROFILE_MISMATCH',
  'WEIGHT_EXCEEDS_LIMIT',
  'TOTAL_MISMATCH',
  'GRADE_MISMATCH',
  'DEVIATION_REASON_MISSING',
  'OVERACHIEVEMENT_UNEXPLAINED',
  'HIERARCHY_INVALID',
  'FUNDS_SUM_MISMATCH',
  'COLUMNS_UNRECOGNIZED',
] as const;

/** Codes of the SPEC plus the few a host or the file layer reports (no form, unreadable file, …). */
export type FindingCode =
  | (typeof FINDING_CODES)[number]
  | 'NO_FORM_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_WRITE_FAILED'
  | 'MERGES_OVERLAP';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** A1 address of the cell to highlight (a merge's master cell). Empty for file-level findings. */
  cell: string;
  message: string;
  /** Not part of the JSON contract: the sheet, for hosts that check several. */
  sheet?: string;
  /** Not part of the JSON contract: a value the user can accept with one click (“采用计算值”). */
  fix?: { cell: string; value: number | string; numberFormat?: string };
  /** Not part of the JSON contract: the rule line of the indicator or budget row concerned. */
  rule?: string;
  /** A file-level finding's technical cause in the library's own words (`--verbose`, the JSON's `detail`), never in `message`. */
  detail?: string;
}

export interface ScoreTriple {
  stated: number | null;
  computed: number | null;
  effective: number | null;
}

export interface IndicatorResult {
  /** 1-based worksheet row, as Excel numbers it. */
  row: number;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: number | null;
  score: ScoreTriple;
  /** One line explaining the computed score (or why none could be computed). */
  rule: string;
}

export interface BudgetResult {
  planned: number | null;
  executed: number | null;
  executionRate: number | null;
  weight: number | null;
  score: { stated: number | null; computed: number | null };
}

export type FormKind = 'project' | 'department' | 'framework' | 'targets';

export interface FormResult {
  sheet: string;
  kind: FormKind;
  /** A1 range the form occupies. */
  range: string;
  projectName: string | null;
  budget: BudgetResult;
  indicators: IndicatorResult[];
  /** Null for a form that is not scored (a targets table). */
  total: { weight: number | null; stated: number | null; computed: number | null } | null;
  grade: { stated: string | null; computed: string | null } | null;
  findings: Finding[];
}

/** A value the check computed for a cell the user left empty (执行率, 得分, 总分, 自评等级). */
export interface Fill {
  cell: string;
  value: number | string;
  /** Number format to give the cell, e.g. `0.00%` for a rate. */
  numberFormat?: string;
  /** What the value is, in Chinese, for notes and reports (`执行率`, `得分`, `总分`, `自评等级`). */
  label: string;
}

/** The result of checking one sheet. */
export interface SheetCheck {
  sheet: string;
  forms: FormResult[];
  fills: Fill[];
  /** Findings about the sheet as a whole (e.g. no form on it). */
  findings: Finding[];
}

/** One file of the CLI's --json output (SPEC §5). */
export interface FileResult {
  file: string;
  forms: FormResult[];
  findings: Finding[];
}
