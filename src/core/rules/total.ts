import { a1, type SheetView } from '../sheet';
import type { Fill } from '../result';
import { fmt, type FindingList } from '../findings';
import type { FormLayout } from '../recognize/layout';
import { labelKey } from '../recognize/labels';
import { roundHalfUp } from '../values/round';
import type { Profile } from './profile';
import { isFillable, readNumber, readText } from './cells';
import { differs, exceeds } from '../values/tolerance';

export function gradeOf(total: number, profile: Pick<Profile, 'grades'>): string {
  for (const g of profile.grades) if (total >= g.min - 1e-9) return g.label;
  return profile.grades[profile.grades.length - 1]?.label ?? '';
}

export function gradeRule(profile: Pick<Profile, 'grades'>): string {
  return profile.grades.map((g) => (g.min > 0 ? `${g.label} ≥ ${fmt(g.min)}` : `${g.label} < ${fmt(profile.grades[profile.grades.indexOf(g) - 1]?.min ?? 0)}`)).join('，');
}

export interface TotalOutcome {
  stated: number | null;
  computed: number | null;
  gradeStated: string | null;
  gradeComputed: string | null;
  fills: Fill[];
}

/**
 * The parts of a total, or [null] (no total) when they add up to more than the form's weights allow (its
 * Σ 分值, or 100 where a weight could not be read): a score counted under an unreadable weight cannot
 * make a 总分 of 200.
 */
export function withinTotal(parts: (number | null)[], weightSum: number | null): (number | null)[] {
  if (parts.some((p) => p === null)) return parts;
  const sum = parts.reduce<number>((s, p) => s + (p as number), 0);
  return exceeds(sum, weightSum ?? 100) ? [null] : parts;
}

/** SPEC §3: 总分 = 预算执行率得分 + Σ effective indicator scores; grade from 总分 by the profile. */
export function checkTotal(
  view: SheetView,
  form: FormLayout,
  parts: (number | null)[],
  profile: Profile,
  findings: FindingList,
): TotalOutcome {
  const fills: Fill[] = [];
  const sum = parts.every((p) => p !== null) ? parts.reduce<number>((s, p) => s + (p as number), 0) : null;
  // Stated scores far out of range (each flagged at its cell) can overflow the sum: no total then.
  const computed = sum !== null && Number.isFinite(sum) ? roundHalfUp(sum, 2) : null;
  const gradeComputed = computed !== null ? gradeOf(computed, profile) : null;

  let stated: number | null = null;
  if (form.totalRow !== null && form.indicatorCols.score !== null) {
    const pos = view.master(form.totalRow, form.indicatorCols.score);
    const cell = readNumber(view, pos, '总分得分', findings);
    stated = cell?.value ?? null;
    const at = a1(pos.row, pos.col);
    if (cell && computed !== null) {
      if (stated !== null && differs(stated, computed)) {
        findings.add(
          'TOTAL_MISMATCH',
          pos,
          `总分（${at}）填写为 ${fmt(stated)}，预算执行率得分与各指标得分合计为 ${fmt(computed)}；请改为 ${fmt(computed)}。`,
          { fix: { cell: at, value: computed }, rule: `总分 = 预算执行率得分 + 各指标得分 = ${fmt(computed)}` },
        );
      } else if (!cell.parse.ok && cell.parse.reason === 'empty' && isFillable(view, pos)) {
        fills.push({ cell: at, value: computed, label: '总分' });
      }
    }
  }

  let gradeStated: string | null = null;
  if (form.gradeCell) {
    const text = readText(view, form.gradeCell);
    const at = a1(form.gradeCell.row, form.gradeCell.col);
    gradeStated = text === '' ? null : text;
    if (gradeComputed !== null) {
      if (gradeStated !== null && !sameGrade(gradeStated, gradeComputed)) {
        findings.add(
          'GRADE_MISMATCH',
          form.gradeCell,
          `自评等级（${at}）填写为“${gradeStated}”，按总分 ${fmt(computed!)} 应为“${gradeComputed}”（${profile.name}：${gradeRule(profile)}）；请改为“${gradeComputed}”。`,
          { fix: { cell: at, value: gradeComputed }, rule: gradeRule(profile) },
        );
      } else if (gradeStated === null && isFillable(view, form.gradeCell)) {
        fills.push({ cell: at, value: gradeComputed, label: '自评等级' });
      }
    }
  }
  return { stated, computed, gradeStated, gradeComputed, fills };
}

/** 优秀 / 良好 / 中等 / 较差 are how many forms write 优 / 良 / 中 / 差. */
const GRADE_WORDS: Record<string, string> = { 优秀: '优', 良好: '良', 中等: '中', 较差: '差' };

export function sameGrade(stated: string, computed: string): boolean {
  const key = labelKey(stated).replace(/[“”"'‘’]/g, '');
  return key === computed || GRADE_WORDS[key] === computed;
}
