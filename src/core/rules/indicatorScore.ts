import { fmt, pct } from '../findings';
import { isCompletionRate, type IndicatorValue } from '../values/indicator';
import { roundHalfUp } from '../values/round';
import type { Profile } from './profile';

export type ScoreKind = 'quantitative' | 'qualitative' | 'uncomputable';

export interface ScoreOutcome {
  kind: ScoreKind;
  /** Rounded half-up to 2 decimals; null when the row cannot be computed. */
  computed: number | null;
  /** One line in Chinese explaining the computation. */
  rule: string;
  /** a ≥ 1.3 t on a positive indicator (SPEC §4 OVERACHIEVEMENT_UNEXPLAINED). */
  overachievement: number | null;
}

function show(v: IndicatorValue & { kind: 'quantitative' }): string {
  return v.percent ? pct(v.value, decimalsOf(v.value * 100)) : `${fmt(v.value)}${v.unit}`;
}

function decimalsOf(x: number): number {
  const s = String(Math.round(x * 100) / 100);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** A computed score lies between 0 and the weight, whatever the values (a negative actual, a negative target). */
function within(x: number, w: number): number {
  return roundHalfUp(Math.min(w, Math.max(0, x)), 2);
}

/** SPEC §3: the computed score of one indicator with weight w. */
export function scoreIndicator(target: IndicatorValue, actual: IndicatorValue, w: number, profile: Profile): ScoreOutcome {
  if (target.kind !== 'quantitative') {
    return { kind: 'qualitative', computed: null, rule: '定性指标：得分不能按公式计算，以填报得分为准', overachievement: null };
  }
  if (actual.kind !== 'quantitative') {
    return {
      kind: 'uncomputable',
      computed: null,
      rule: `定量指标：实际完成值不是数值，无法按目标 ${show(target)} 计算得分，以填报得分为准`,
      overachievement: null,
    };
  }
  const t = target.value;
  if (isCompletionRate(target, actual)) {
    const r = actual.value;
    const computed = within(w * Math.min(r, 1), w);
    return {
      kind: 'quantitative',
      computed,
      rule: `完成率：实际完成目标 ${show(target)} 的 ${pct(r, decimalsOf(r * 100))}，得分 = ${fmt(w)} × ${r >= 1 ? '100%' : pct(r, decimalsOf(r * 100))} = ${fmt(computed)}`,
      overachievement: target.direction !== 'reverse' && r >= 1.3 ? r : null,
    };
  }
  // `96` against a target of `≥95%`: the percent sign was left out, not a 96-fold overachievement.
  const act = target.percent && !actual.percent && actual.unit === '' && actual.value > 1.5 && actual.value <= 1000 ? { ...actual, value: actual.value / 100, percent: true } : actual;
  const a = act.value;
  if (target.direction === 'reverse') {
    if (a <= t) {
      return { kind: 'quantitative', computed: w, rule: `反向指标：实际 ${show(act)} ≤ 目标 ${show(target)}，得满分 ${fmt(w)}`, overachievement: null };
    }
    if (profile.reverseFormula === 'linear') {
      const x = t > 0 ? Math.max(0, 1 - (a - t) / t) : 0;
      const computed = within(w * x, w);
      return {
        kind: 'quantitative',
        computed,
        rule: `反向指标（线性）：实际 ${show(act)} 超过目标 ${show(target)}，得分 = ${fmt(w)} × (1 − (${show(act)} − ${show(target)}) ÷ ${show(target)}) = ${fmt(computed)}`,
        overachievement: null,
      };
    }
    const computed = within(a > 0 ? (w * t) / a : 0, w);
    return {
      kind: 'quantitative',
      computed,
      rule: `反向指标：实际 ${show(act)} 超过目标 ${show(target)}，得分 = ${fmt(w)} × ${show(target)} ÷ ${show(act)} = ${fmt(computed)}`,
      overachievement: null,
    };
  }
  const name = target.direction === 'exact' ? '定量指标' : '正向指标';
  // a ÷ t overflows for a near the largest double: as far over as a double can say.
  const over = t > 0 && a >= 1.3 * t ? Math.min(a / t, Number.MAX_VALUE) : null;
  if (a >= t) {
    return { kind: 'quantitative', computed: w, rule: `${name}：实际 ${show(act)} ≥ 目标 ${show(target)}，得满分 ${fmt(w)}`, overachievement: over };
  }
  const computed = within(t > 0 ? (w * a) / t : w, w);
  return {
    kind: 'quantitative',
    computed,
    rule: `${name}：实际 ${show(act)} 未达到目标 ${show(target)}，得分 = ${fmt(w)} × ${show(act)} ÷ ${show(target)} = ${fmt(computed)}`,
    overachievement: null,
  };
}
