import type { SheetView } from '../sheet';
import { a1 } from '../sheet';
import type { BudgetResult, Fill } from '../result';
import type { FormLayout, Pos } from '../recognize/layout';
import { fmt, pct, type FindingList } from '../findings';
import { roundHalfUp } from '../values/round';
import type { Profile } from './profile';
import { isFillable, readNumber, readWeight, type NumberCell } from './cells';
import { differs, outsideWeight } from '../values/tolerance';

export interface BudgetOutcome {
  result: BudgetResult;
  /** The score that counts toward 总分: the stated one when valid, else the computed one. */
  effective: number | null;
  /** Where the 执行率 cell is, for reason checks by profile. */
  rateCell: Pos | null;
  fills: Fill[];
}

const EMPTY: BudgetResult = {
  planned: null,
  executed: null,
  executionRate: null,
  weight: null,
  score: { stated: null, computed: null },
};

/** SPEC §3: 执行率 = 全年执行数 / 全年预算数; 预算执行率得分 = 分值 × min(执行率, 1). */
export function checkBudget(view: SheetView, form: FormLayout, profile: Profile, findings: FindingList): BudgetOutcome {
  const funds = form.funds;
  if (!funds || funds.totalRow === null) {
    const at = funds ? { row: funds.headerRow, col: form.range.left } : { row: form.range.top, col: form.range.left };
    findings.add('REQUIRED_FIELD_MISSING', at, '未找到“年度资金总额”行，无法计算预算执行率；请按模板填写项目资金（万元）部分。');
    return { result: { ...EMPTY }, effective: null, rateCell: null, fills: [] };
  }
  const row = funds.totalRow;
  const at = (col: number | null): Pos | null => (col === null ? null : { row, col });
  const { cols } = funds;

  // Every number of every funds row must be readable; only the total row is used for scoring.
  const cellsOfRow = (r: number): Record<keyof typeof cols, NumberCell | null> => {
    const names: Record<keyof typeof cols, string> = {
      initial: '年初预算数',
      annual: funds.annualLabel,
      executed: funds.executedLabel,
      weight: '分值',
      rate: '执行率',
      score: '得分',
    };
    const out = {} as Record<keyof typeof cols, NumberCell | null>;
    for (const k of Object.keys(cols) as (keyof typeof cols)[]) {
      const c = cols[k];
      const pos = { row: r, col: c ?? 0 };
      out[k] = c === null ? null : k === 'weight' ? readWeight(view, pos, names[k], findings) : readNumber(view, pos, names[k], findings, k === 'annual' ? funds.annualPrefix : null);
    }
    return out;
  };
  const parts = funds.rows.filter((fr) => fr.row > row).map((fr) => ({ ...fr, cells: cellsOfRow(fr.row) }));
  for (const fr of funds.rows) if (fr.row < row) cellsOfRow(fr.row);
  const total = cellsOfRow(row);
  checkFundsSum(total, parts, funds, findings);

  const initial = total.initial?.value ?? null;
  const annual = total.annual?.value ?? null;
  const executed = total.executed?.value ?? null;
  const fills: Fill[] = [];

  let planned = annual;
  let plannedLabel = funds.annualLabel;
  if (annual === null && total.annual?.parse.ok === false && total.annual.parse.reason === 'empty') {
    if (initial !== null) {
      planned = initial;
      plannedLabel = '年初预算数';
      findings.add(
        'REQUIRED_FIELD_MISSING',
        total.annual.pos,
        `${funds.annualLabel}（${a1(total.annual.pos.row, total.annual.pos.col)}）为空，已按年初预算数 ${fmt(initial)} 计算执行率；如年中有调整，请填写${funds.annualLabel}。`,
        { severity: 'warning' },
      );
    } else {
      findings.add('REQUIRED_FIELD_MISSING', total.annual.pos, `${funds.annualLabel}（${a1(total.annual.pos.row, total.annual.pos.col)}）为空；请填写全年预算数（万元）。`);
    }
  } else if (!total.annual) {
    planned = initial;
    plannedLabel = '年初预算数';
  }
  if (total.executed?.parse.ok === false && total.executed.parse.reason === 'empty') {
    findings.add('REQUIRED_FIELD_MISSING', total.executed.pos, `${funds.executedLabel}（${a1(total.executed.pos.row, total.executed.pos.col)}）为空；请填写全年实际支出（万元）。`);
  }

  const quotient = planned !== null && executed !== null && planned > 0 ? executed / planned : null;
  // 1e300 ÷ 1e-300 overflows: no rate can be stated for it.
  const rate = quotient !== null && Number.isFinite(quotient) ? quotient : null;
  const rateRule =
    rate === null ? '' : `执行率 = ${funds.executedLabel} ${fmt(executed!)} ÷ ${plannedLabel} ${fmt(planned!)} = ${pct(rate)}`;

  // 执行率: agree at the stated precision, or fill when empty.
  const rateCell = total.rate;
  if (rateCell && rate !== null) {
    const p = rateCell.parse;
    if (p.ok) {
      const stated = p.percent || p.value <= 1.5 ? p.value : p.value / 100;
      const decimals = p.percent ? p.decimals : Math.max(0, p.decimals - 2);
      if (!agreesAt(stated * 100, rate * 100, decimals)) {
        let why = '';
        if (initial !== null && initial > 0 && executed !== null && planned !== initial) {
          const againstInitial = executed / initial;
          if (roundHalfUp(againstInitial * 100, decimals) === roundHalfUp(stated * 100, decimals)
            || Math.abs(againstInitial - stated) < 0.0002) {
            why = `填写值是用年初预算数 ${fmt(initial)} 作分母算出的，执行率应以${plannedLabel}为分母。`;
          }
        }
        findings.add(
          'EXECUTION_RATE_MISMATCH',
          rateCell.pos,
          `执行率（${a1(rateCell.pos.row, rateCell.pos.col)}）填写为 ${p.percent ? p.raw.trim() : `${p.raw.trim()}（按 ${pct(stated)} 理解）`}，按${funds.executedLabel} ${fmt(executed!)} ÷ ${plannedLabel} ${fmt(planned!)} 应为 ${pct(rate)}。${why}请改为 ${pct(rate)}。`,
          { fix: { cell: a1(rateCell.pos.row, rateCell.pos.col), value: roundHalfUp(rate, 4), numberFormat: '0.00%' }, rule: rateRule },
        );
      }
    } else if (p.reason === 'empty' && isFillable(view, rateCell.pos)) {
      fills.push({ cell: a1(rateCell.pos.row, rateCell.pos.col), value: roundHalfUp(rate, 4), numberFormat: '0.00%', label: '执行率' });
    }
  }

  // 分值 and 得分: a 分值 column, else the points the funds header states (`预算执行情况(20分)`) where it has a 得分.
  let weight = total.weight?.value ?? (total.weight === null && total.score !== null ? funds.labelWeight : null);
  if (total.weight?.parse.ok === false && total.weight.parse.reason === 'empty') {
    weight = profile.budgetWeight;
    findings.add(
      'REQUIRED_FIELD_MISSING',
      total.weight.pos,
      `预算执行率的分值（${a1(total.weight.pos.row, total.weight.pos.col)}）为空，已按 ${fmt(profile.budgetWeight)} 分计算；请填写分值。`,
      { severity: 'warning' },
    );
  }
  if (weight !== null && total.weight && weight !== profile.budgetWeight && total.weight.value !== null) {
    findings.add(
      'WEIGHT_PROFILE_MISMATCH',
      total.weight.pos,
      `预算执行率分值（${a1(total.weight.pos.row, total.weight.pos.col)}）为 ${fmt(weight)}，${profile.name}规定为 ${fmt(profile.budgetWeight)} 分；请核对。`,
    );
  }
  // 分值 × 执行率, 执行率 taken between 0 and 100%: exact for the stated score's own precision, rounded for the fill.
  const exact = weight !== null && rate !== null ? weight * Math.min(Math.max(rate, 0), 1) : null;
  const computed = exact !== null ? roundHalfUp(exact, 2) : null;
  const scoreRule =
    computed === null ? rateRule : `${rateRule}；得分 = 分值 ${fmt(weight!)} × ${rate! >= 1 ? '100%（超过 100% 按 100% 计）' : pct(rate!)} = ${fmt(computed)}`;
  const stated = total.score?.value ?? null;
  if (total.score && computed !== null) {
    const p = total.score.parse;
    if (stated !== null && differs(stated, computed) && !(p.ok && agreesAt(stated, exact!, p.decimals))) {
      const cell = a1(total.score.pos.row, total.score.pos.col);
      // Less than a point off is a rounding rule of the unit's own (整数, 截尾), not an arithmetic error.
      const near = Math.abs(stated - computed) < 1;
      findings.add(
        'BUDGET_SCORE_MISMATCH',
        total.score.pos,
        `预算执行率得分（${cell}）填写为 ${fmt(stated)}，按${scoreRule.replace(/^执行率/, '执行率')}应为 ${fmt(computed)}；请改为 ${fmt(computed)}${near ? '，或确认所用的取整规则' : ''}。`,
        { fix: { cell, value: computed }, rule: scoreRule, ...(near ? { severity: 'warning' as const } : {}) },
      );
    } else if (total.score.parse.ok === false && total.score.parse.reason === 'empty' && isFillable(view, total.score.pos)) {
      fills.push({ cell: a1(total.score.pos.row, total.score.pos.col), value: computed, label: '得分' });
    }
  }
  if (stated !== null && weight !== null && outsideWeight(stated, weight) && total.score) {
    findings.add(
      'SCORE_EXCEEDS_WEIGHT',
      total.score.pos,
      `预算执行率得分（${a1(total.score.pos.row, total.score.pos.col)}）为 ${fmt(stated)}，应在 0 到分值 ${fmt(weight)} 之间；请改正。`,
    );
  }

  return {
    result: {
      planned,
      executed,
      executionRate: rate === null ? null : roundHalfUp(rate, 6),
      weight,
      score: { stated, computed },
    },
    effective: stated ?? computed,
    rateCell: rateCell?.pos ?? null,
    fills,
  };
}

/**
 * A stated figure agrees with the computed one at its own precision: rounded half up, or cut (a published
 * `57.89%` for 57.8985%, `0.958` for 0.95862 — the unit's rounding, not a wrong figure).
 */
function agreesAt(stated: number, computed: number, decimals: number): boolean {
  const s = roundHalfUp(stated, decimals);
  if (s === roundHalfUp(computed, decimals)) return true;
  const f = 10 ** decimals;
  return s === Math.trunc(roundHalfUp(computed * f, 6)) / f;
}

const AMOUNT_COLUMNS = ['initial', 'annual', 'executed'] as const;
type AmountCells = Record<(typeof AMOUNT_COLUMNS)[number], NumberCell | null>;

/**
 * SPEC §1.5, §4 FUNDS_SUM_MISMATCH: the 年度资金总额 row equals Σ of its parts in every amount column, once any
 * part holds a number (an empty or `—` part counts as 0). An error where the total is below Σ or the block
 * lists every part of its template (a 其他资金 row); a warning where only some parts are listed and the total
 * exceeds them (the missing parts may hold the rest).
 */
function checkFundsSum(
  total: AmountCells,
  parts: { row: number; label: string; cells: AmountCells }[],
  funds: NonNullable<FormLayout['funds']>,
  findings: FindingList,
): void {
  if (parts.length === 0) return;
  const names = { initial: '年初预算数', annual: funds.annualLabel, executed: funds.executedLabel };
  for (const k of AMOUNT_COLUMNS) {
    const t = total[k];
    if (!t || t.value === null || !t.parse.ok) continue;
    const filled = parts.filter((p) => p.cells[k]?.value != null);
    // A part that cannot be read leaves the Σ unknown (it is NUMBER_INVALID at its own cell).
    if (filled.length === 0 || parts.some((p) => p.cells[k]?.parse.ok === false && p.cells[k]?.parse.reason === 'invalid')) continue;
    const raw = filled.reduce((s, p) => s + (p.cells[k]!.value as number), 0);
    if (Math.abs(raw - t.value) < 1e-9) continue;
    const sum = roundHalfUp(raw, 6);
    // At the total's own precision, and to the 百元 at least (万元 amounts written `0` or `100` still state cents).
    const decimals = Math.max(t.parse.decimals, 2);
    if (roundHalfUp(sum, decimals) === roundHalfUp(t.value, decimals)) continue;
    const below = t.value < sum;
    const at = a1(t.pos.row, t.pos.col);
    const listed = filled.map((p) => `${p.label.replace(/\s+/g, '')} ${fmt(p.cells[k]!.value as number)}`).join(' + ');
    findings.add(
      'FUNDS_SUM_MISMATCH',
      t.pos,
      `年度资金总额的${names[k]}（${at}）为 ${fmt(t.value)}，其下各项合计 ${fmt(sum)}（${listed}）；${below || funds.complete ? `请改为 ${fmt(sum)}，或核对各项金额。` : '如有未列出的资金来源，请补列；否则请改为各项之和。'}`,
      { severity: below || funds.complete ? 'error' : 'warning', rule: `年度资金总额 = ${listed} = ${fmt(sum)}` },
    );
  }
}
