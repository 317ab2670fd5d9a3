import { a1, rangeA1, type SheetView } from '../../sheet';
import type { Fill } from '../../result';
import { FindingList, pct } from '../../findings';
import type { FormLayout, Pos } from '../../recognize/layout';
import type { Profile } from '../../rules/profile';
import { readText } from '../../rules/cells';
import { checkBudget } from '../../rules/budget';
import { checkIndicatorRow, type Carry, type IndicatorOutcome } from '../../rules/indicatorRow';
import { checkWeights } from '../../rules/weights';
import { checkTotal, withinTotal } from '../../rules/total';
import type { FormCheck } from '../family';
import { outsideWeight } from '../../values/tolerance';

/** Family A and B: header fields, funds and 执行率, indicator rows scored by target and actual, weights, 总分. */
export function checkProjectForm(view: SheetView, layout: FormLayout, profile: Profile): FormCheck {
  const findings = new FindingList(view.name);
  const fills: Fill[] = [];

  const field = (f: FormLayout['projectName'], what: string, how: string): string | null => {
    if (!f) return null;
    const text = f.value ? readText(view, f.value) : '';
    if (text === '') {
      const at: Pos = f.value ?? f.label;
      findings.add('REQUIRED_FIELD_MISSING', at, `${what}（${a1(at.row, at.col)}）为空；${how}`);
      return null;
    }
    return text;
  };
  const nameLabel = layout.kind === 'department' ? '部门名称' : '项目名称';
  const projectName = field(layout.projectName, nameLabel, `请填写${nameLabel}。`) ?? (layout.projectName ? null : layout.titleName);
  // A bare indicator block (no 项目名称, no title name, no funds block): the blocks above were not published
  // with it, which is said once as info rather than as missing values (precision first).
  const bare = !layout.projectName && !layout.titleName && !layout.funds;
  if (bare) {
    findings.add('COLUMNS_UNRECOGNIZED', { row: layout.range.top, col: layout.range.left }, '表中只有绩效指标部分，未找到项目名称和项目资金部分；这两部分未校验，预算执行率未计入总分。');
  } else if (!layout.projectName && !layout.titleName) {
    findings.add('REQUIRED_FIELD_MISSING', { row: layout.range.top, col: layout.range.left }, '表中没有“项目名称”一栏；请按模板填写项目名称。');
  }
  if (layout.unread.length > 0) {
    const first = layout.unread[0];
    findings.add(
      'COLUMNS_UNRECOGNIZED',
      first,
      `未能识别的列：${layout.unread.map((c) => `“${c.text.replace(/\s+/g, '')}”（${a1(c.row, c.col)}）`).join('、')}；这些列未参与校验。`,
    );
  }
  field(layout.department, '主管部门', '请填写主管部门名称。');
  field(layout.implementer, '实施单位', '请填写实施单位名称。');

  const budget = checkBudget(view, layout, profile, bare ? new FindingList(view.name) : findings);
  fills.push(...budget.fills);

  const carry: Carry = { level1: '', level1Cell: null, level2: '' };
  const rows: IndicatorOutcome[] = [];
  for (const r of layout.indicatorRows) {
    const outcome = checkIndicatorRow(view, layout, r, carry, profile, findings);
    if (!outcome) continue;
    rows.push(outcome);
    if (outcome.fill) fills.push(outcome.fill);
  }

  const rate = budget.result.executionRate;
  const threshold = profile.reasonRequired.executionRateBelow;
  if (threshold !== null && rate !== null && rate < threshold && budget.rateCell) {
    const notes = layout.otherNotesCell ? readText(view, layout.otherNotesCell) : '';
    if (notes === '') {
      const at = layout.otherNotesCell ?? budget.rateCell;
      findings.add(
        'DEVIATION_REASON_MISSING',
        at,
        `执行率 ${pct(rate)} 低于 ${pct(threshold, 0)}，${profile.name}要求说明原因；请在“其他需要说明的事项”（${a1(at.row, at.col)}）写明执行率偏低的原因和改进措施。`,
        { severity: 'error' },
      );
    }
  }

  const budgetWeightPos =
    layout.funds && layout.funds.totalRow !== null && layout.funds.cols.weight !== null
      ? view.master(layout.funds.totalRow, layout.funds.cols.weight)
      : null;
  // An unscored table (no 分值, no 得分): no weights, no total, no grade — like the targets table.
  const scored = layout.kind !== 'targets';
  const weightSum = scored ? checkWeights(view, layout, budget.result.weight, budgetWeightPos, rows, profile, findings) : null;
  // A score outside 0 to its weight (reported at its cell) counts as no score: a total never leaves what its weights allow.
  const within = (score: number | null, weight: number | null) => (score !== null && outsideWeight(score, weight ?? 100) ? null : score);
  const parts = [within(budget.effective, budget.result.weight), ...rows.map((r) => within(r.effective, r.result.weight))];
  const total = scored ? checkTotal(view, layout, withinTotal(parts, weightSum ?? null), profile, findings) : null;
  if (total) fills.push(...total.fills);

  return {
    form: {
      sheet: view.name,
      kind: layout.kind,
      range: rangeA1(layout.range),
      projectName,
      budget: budget.result,
      indicators: rows.map((r) => r.result),
      total: total ? { weight: weightSum, stated: total.stated, computed: total.computed } : null,
      grade: total ? { stated: total.gradeStated, computed: total.gradeComputed } : null,
      findings: findings.items,
    },
    fills,
  };
}
