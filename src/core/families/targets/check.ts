import { a1, rangeA1, type SheetView } from '../../sheet';
import type { IndicatorResult } from '../../result';
import { FindingList, fmt, pct } from '../../findings';
import { labelKey } from '../../recognize/labels';
import type { Profile } from '../../rules/profile';
import { cellText, readNumber, readText } from '../../rules/cells';
import { scoreIndicator } from '../../rules/indicatorScore';
import { parseIndicatorValue } from '../../values/indicator';
import { roundHalfUp } from '../../values/round';
import type { FormCheck } from '../family';
import type { TargetsLayout } from './layout';

/** Local names of the 一级 stand for the standard ones (SPEC Targets table). */
const LEVEL1_STANDS_FOR: Record<string, string> = { 项目完成: '产出', 项目效益: '效益', 满意度指标: '满意度' };

/**
 * SPEC "Targets table": 结转结余额 / 结转结余率 arithmetic, a result for every indicator, a reason where a
 * quantitative result falls short. No score and no grade: `total` and `grade` are null.
 */
export function checkTargetsForm(view: SheetView, layout: TargetsLayout, profile: Profile): FormCheck {
  const findings = new FindingList(view.name);
  const { cols } = layout.header;
  const projectName =
    (layout.projectName?.value ? readText(view, layout.projectName.value) : '') || (layout.unitName ? readText(view, layout.unitName) : '') || null;
  if (layout.projectName && !(layout.projectName.value && readText(view, layout.projectName.value))) {
    const at = layout.projectName.value ?? layout.projectName.label;
    findings.add('REQUIRED_FIELD_MISSING', at, `项目名称（${a1(at.row, at.col)}）为空；请填写项目名称。`);
  }

  // 预算执行情况.
  let planned: number | null = null;
  let executed: number | null = null;
  const funds = layout.funds;
  if (funds) {
    for (const { row, label } of funds.rows) {
      const budget = readNumber(view, view.master(row, funds.cols.budget), `${label}预算额`, findings);
      const spent = readNumber(view, view.master(row, funds.cols.spent), `${label}执行额`, findings);
      if (row === (funds.totalRow ?? funds.rows[0].row)) {
        planned = budget?.value ?? null;
        executed = spent?.value ?? null;
      }
      if (budget?.value == null || spent?.value == null) continue;
      const carry = roundHalfUp(budget.value - spent.value, 4);
      if (!Number.isFinite(carry)) continue;
      const carryCell = funds.cols.carry === null ? null : readNumber(view, view.master(row, funds.cols.carry), `${label}当年结转结余额`, findings);
      if (carryCell?.value != null && roundHalfUp(carry, carryCell.parse.ok ? carryCell.parse.decimals : 2) !== carryCell.value) {
        const at = a1(carryCell.pos.row, carryCell.pos.col);
        findings.add(
          'EXECUTION_RATE_MISMATCH',
          carryCell.pos,
          `${label}当年结转结余额（${at}）填写为 ${fmt(carryCell.value)}，按预算额 ${fmt(budget.value)} − 执行额 ${fmt(spent.value)} 应为 ${fmt(carry)}；请改为 ${fmt(carry)}。`,
        );
      }
      const rateCell = funds.cols.carryRate === null ? null : readNumber(view, view.master(row, funds.cols.carryRate), `${label}结转结余率`, findings);
      // A division that overflows (an amount near the largest double) states no rate to compare with.
      if (rateCell?.value != null && rateCell.parse.ok && budget.value !== 0 && Number.isFinite((carry / budget.value) * 100)) {
        // The column is headed 结转结余率%: a bare number is the percentage (12.5 is 12.5%).
        const statedPct = rateCell.parse.percent ? rateCell.value * 100 : rateCell.value;
        const decimals = rateCell.parse.decimals;
        const wantPct = roundHalfUp((carry / budget.value) * 100, decimals);
        if (Math.abs(roundHalfUp(statedPct, decimals) - wantPct) > 1e-9) {
          const at = a1(rateCell.pos.row, rateCell.pos.col);
          const typed = rateCell.parse.percent ? `${wantPct.toFixed(decimals)}%` : wantPct.toFixed(decimals);
          findings.add(
            'EXECUTION_RATE_MISMATCH',
            rateCell.pos,
            `${label}结转结余率（${at}）填写为 ${rateCell.parse.raw.trim()}，按结转结余额 ${fmt(carry)} ÷ 预算额 ${fmt(budget.value)} 应为 ${pct(carry / budget.value, decimals)}；请改为 ${typed}。`,
          );
        }
      }
    }
  }

  // Indicators: a row whose 预算指标值 or 执行结果 is filled is one, whatever its 三级 label.
  const indicators: IndicatorResult[] = [];
  let level1 = '';
  let level2 = '';
  for (const r of layout.rows) {
    const own = (col: number, read = readText) => {
      const m = view.master(r, col);
      return m.row === r ? read(view, m) : '';
    };
    const l1 = readText(view, view.master(r, cols.level1));
    const l2 = readText(view, view.master(r, cols.level2));
    if (l1) level1 = l1;
    if (l2) level2 = l2;
    const plannedText = own(cols.planned);
    const resultText = own(cols.result);
    if (plannedText === '' && resultText === '') continue;
    const level3 = own(cols.level3);
    const name = plannedText || level3;
    const resultPos = view.master(r, cols.result);
    const short = shortLabel(name);
    if (resultText === '') {
      findings.add(
        'REQUIRED_FIELD_MISSING',
        resultPos,
        `指标“${short}”的预算指标值执行结果（${a1(resultPos.row, resultPos.col)}）为空；请填写实际完成情况（数字或文字）。`,
      );
    } else if (plannedText !== '') {
      const target = parseIndicatorValue(plannedText);
      const actual = parseIndicatorValue(resultText);
      const s = scoreIndicator(target, actual, 1, profile);
      const reason = cols.deviation === null ? '' : own(cols.deviation);
      if (s.kind === 'quantitative' && s.computed !== null && s.computed < 1 && reason === '' && cols.deviation !== null) {
        const at = view.master(r, cols.deviation);
        findings.add(
          'DEVIATION_REASON_MISSING',
          at,
          `指标“${short}”的执行结果“${resultText}”未达到预算指标值“${plannedText}”，偏差情况及原因分析（${a1(at.row, at.col)}）未填写；请写明未达到的原因和改进措施。`,
        );
      }
    }
    const key = labelKey(level1);
    indicators.push({
      row: r + 1,
      level1: LEVEL1_STANDS_FOR[key] ? `${level1}（${LEVEL1_STANDS_FOR[key]}）` : level1,
      level2,
      level3,
      target: own(cols.planned, cellText),
      actual: own(cols.result, cellText),
      weight: null,
      score: { stated: null, computed: null, effective: null },
      rule: '绩效目标完成情况表：不评分',
    });
  }

  return {
    form: {
      sheet: view.name,
      kind: 'targets',
      range: rangeA1(layout.range),
      projectName,
      budget: {
        planned,
        executed,
        executionRate: planned !== null && executed !== null && planned !== 0 && Number.isFinite(executed / planned) ? executed / planned : null,
        weight: null,
        score: { stated: null, computed: null },
      },
      indicators,
      total: null,
      grade: null,
      findings: findings.items,
    },
    fills: [],
  };
}

function shortLabel(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}
