import { a1, type SheetView } from '../sheet';
import { fmt, type FindingList } from '../findings';
import type { FormLayout, Pos } from '../recognize/layout';
import { categoriesOfLevel1, labelKey, LEVEL1_NAMES, type Level1Category } from '../recognize/labels';
import type { Profile } from './profile';
import type { IndicatorOutcome } from './indicatorRow';
import { differs } from '../values/tolerance';

/**
 * SPEC §3 weights: Σ 分值 = 100; a stated block weight (`产出指标(50分)`) = Σ of its rows; the profile's
 * 一级 weights (a warning when different).
 */
export function checkWeights(
  view: SheetView,
  form: FormLayout,
  budgetWeight: number | null,
  budgetWeightPos: Pos | null,
  rows: IndicatorOutcome[],
  profile: Profile,
  findings: FindingList,
): number | null {
  const weightCol = form.indicatorCols.weight;
  // No 分值 column: nothing states the indicators' weights, so no Σ is judged (precision first).
  if (weightCol === null) return null;
  const totalWeightPos = form.totalRow !== null ? view.master(form.totalRow, weightCol) : null;
  const anchor = totalWeightPos ?? budgetWeightPos ?? { row: form.indicatorHeaderRow, col: weightCol };

  const indicatorSum = rows.reduce((s, r) => s + (r.weight ?? 0), 0);
  const unreadable = rows.some((r) => r.weight === null) || budgetWeight === null;
  const sum = round2(indicatorSum + (budgetWeight ?? 0));
  // Σ = 100 is judged where the table's end is known (its 总分 / 合计 row): a table cut short, as many published
  // copies are, states no Σ to miss. Stated block weights are judged either way.
  if (!unreadable && form.totalRow !== null && differs(sum, 100)) {
    findings.add(
      'WEIGHT_SUM_MISMATCH',
      anchor,
      `分值合计为 ${fmt(sum)}（预算执行率 ${fmt(budgetWeight!)} + 绩效指标 ${fmt(indicatorSum)}），应为 100；请调整各指标分值${totalWeightPos ? `（总分行分值单元格 ${a1(anchor.row, anchor.col)}）` : ''}。`,
    );
  }

  // Stated block weights, per 一级 cell (one cell may state two blocks).
  const byCategory = new Map<Level1Category, { sum: number; cell: Pos; unreadable: boolean }>();
  for (const r of rows) {
    if (!r.category) continue;
    const e = byCategory.get(r.category) ?? { sum: 0, cell: r.level1Cell, unreadable: false };
    e.sum = round2(e.sum + (r.weight ?? 0));
    e.unreadable ||= r.weight === null;
    byCategory.set(r.category, e);
  }
  const seenCells = new Set<string>();
  for (const r of rows) {
    const key = `${r.level1Cell.row}:${r.level1Cell.col}`;
    if (seenCells.has(key)) continue;
    seenCells.add(key);
    for (const stated of categoriesOfLevel1(labelKey(view.text(r.level1Cell.row, r.level1Cell.col)))) {
      if (stated.weight === null) continue;
      const block = byCategory.get(stated.category);
      const actual = block?.sum ?? 0;
      if (!block?.unreadable && differs(actual, stated.weight)) {
        findings.add(
          'WEIGHT_SUM_MISMATCH',
          r.level1Cell,
          `${LEVEL1_NAMES[stated.category]}标明 ${fmt(stated.weight)} 分（${a1(r.level1Cell.row, r.level1Cell.col)}），其下各指标分值合计 ${fmt(actual)}；请使两者一致。`,
        );
      }
    }
  }

  // The profile's 一级 weights.
  const expected: Record<string, number> = { ...profile.level1Weights };
  // A 满意度 indicator filed under another 一级 (HIERARCHY_INVALID) still means the form has one.
  const hasSatisfaction = rows.some((r) => r.category === '满意度' || r.level2Category === '满意度');
  if (profile.satisfactionMovesToOutput && expected['满意度'] !== undefined && !hasSatisfaction) {
    expected['产出'] = (expected['产出'] ?? 0) + expected['满意度'];
    delete expected['满意度'];
  }
  for (const [cat, want] of Object.entries(expected)) {
    const got = byCategory.get(cat as Level1Category);
    const have = got?.sum ?? 0;
    if (!got?.unreadable && differs(have, want) && (got || rows.length > 0)) {
      findings.add(
        'WEIGHT_PROFILE_MISMATCH',
        got?.cell ?? anchor,
        `${LEVEL1_NAMES[cat as Level1Category]}分值合计 ${fmt(have)}，${profile.name}要求 ${fmt(want)} 分；请核对指标分值分配。`,
      );
    }
  }
  if (profile.indicatorsWeight !== null && !rows.some((r) => r.weight === null) && differs(indicatorSum, profile.indicatorsWeight)) {
    findings.add(
      'WEIGHT_PROFILE_MISMATCH',
      anchor,
      `绩效指标分值合计 ${fmt(indicatorSum)}，${profile.name}要求 ${fmt(profile.indicatorsWeight)} 分；请核对指标分值分配。`,
    );
  }
  return unreadable ? null : sum;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
