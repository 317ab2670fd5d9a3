import { a1, type SheetView } from '../../sheet';
import type { Fill } from '../../result';
import { fmt, type FindingList } from '../../findings';
import { labelKey } from '../../recognize/labels';
import type { Profile } from '../../rules/profile';
import { isFillable, readNumber, readText } from '../../rules/cells';
import { gradeOf, gradeRule, sameGrade } from '../../rules/total';
import { roundHalfUp } from '../../values/round';
import { chosenGrade, inlineGrade, parseThresholds } from './grade';
import type { FrameworkLayout } from './layout';
import { differs, exceeds } from '../../values/tolerance';

/**
 * SPEC §3 family C: 总分 = Σ 三级 scores (null where one is missing); the stated 合计 / 总分 must equal it
 * (filled when empty); the grade by the thresholds the table states, else the profile's, against the
 * 自评等级 value or the 评价等次 choice (an empty 自评等级 cell of its own is filled).
 */
export function checkFrameworkTotal(
  view: SheetView,
  layout: FrameworkLayout,
  scores: (number | null)[],
  profile: Profile,
  findings: FindingList,
  fills: Fill[],
  /** The most the scores can add up to (a missing score counted at its weight), or null when unknown. */
  ceiling: number | null = null,
): { stated: number | null; computed: number | null; gradeStated: string | null; gradeComputed: string | null } {
  const computed = scores.every((x) => x !== null) ? roundHalfUp(scores.reduce<number>((s, x) => s + (x as number), 0), 2) : null;
  let stated: number | null = null;
  const totalWord = totalLabelOf(view, layout);
  // The total in its row under the scores (filled when empty), else stated beside the project line
  // (自评得分), which can never exceed what the scores could add up to where one is missing (a copy cut short).
  const place =
    layout.totalRow !== null
      ? { pos: view.master(layout.totalRow, layout.header.cols.score), word: totalWord, inRow: true }
      : layout.sideTotal
        ? { pos: layout.sideTotal, word: '自评得分', inRow: false }
        : null;
  if (place) {
    const { pos, word } = place;
    const cell = readNumber(view, pos, word, findings);
    stated = cell?.value ?? null;
    const at = a1(pos.row, pos.col);
    const scored = scoreWord(view, layout);
    if (stated !== null && computed !== null && differs(stated, computed)) {
      findings.add('TOTAL_MISMATCH', pos, `${word}（${at}）填写为 ${fmt(stated)}，各三级指标${scored}合计为 ${fmt(computed)}；请改为 ${fmt(computed)}。`, {
        fix: { cell: at, value: computed },
        rule: `${word} = 各三级指标${scored}之和 = ${fmt(computed)}`,
      });
    } else if (place.inRow && computed !== null && cell && !cell.parse.ok && cell.parse.reason === 'empty' && isFillable(view, pos)) {
      fills.push({ cell: at, value: computed, label: word });
    } else if (!place.inRow && stated !== null && computed === null && ceiling !== null && exceeds(stated, ceiling)) {
      findings.add('TOTAL_MISMATCH', pos, `${word}（${at}）填写为 ${fmt(stated)}，而各三级指标${scored}合计最多为 ${fmt(ceiling)}（未填得分的指标按其分值计）；请核对${word}。`, {
        rule: `${word} ≤ 已填${scored}之和 + 未填指标的分值 = ${fmt(ceiling)}`,
      });
    }
  }
  const thresholds = layout.thresholds ? parseThresholds(readText(view, layout.thresholds)) : null;
  const scale = thresholds ? { grades: thresholds } : profile;
  const scaleName = thresholds ? '表内标准' : profile.name;
  const gradeComputed = computed !== null ? gradeOf(computed, scale) : null;
  let gradeStated: string | null = null;
  if (layout.grade) {
    const { pos, how } = layout.grade;
    const text = readText(view, pos);
    gradeStated = how === 'choice' ? chosenGrade(text) : how === 'inline' ? inlineGrade(text) : text || null;
    const at = a1(pos.row, pos.col);
    const what = how === 'choice' ? '评价等次' : '自评等级';
    if (gradeComputed !== null && gradeStated !== null && !sameGrade(gradeStated, gradeComputed)) {
      const fix = how === 'choice' ? `请改为选“${gradeComputed}”` : `请改为“${gradeComputed}”`;
      findings.add(
        'GRADE_MISMATCH',
        pos,
        `${what}（${at}）${how === 'choice' ? '选的是' : '填写为'}“${gradeStated}”，按${totalWord} ${fmt(computed!)} 应为“${gradeComputed}”（${scaleName}：${gradeRule(scale)}）；${fix}。`,
        how === 'cell' ? { fix: { cell: at, value: gradeComputed }, rule: gradeRule(scale) } : { rule: gradeRule(scale) },
      );
    } else if (gradeComputed !== null && gradeStated === null && how === 'cell' && isFillable(view, pos)) {
      fills.push({ cell: at, value: gradeComputed, label: '自评等级' });
    }
  }

  return { stated, computed, gradeStated, gradeComputed };
}

/** 自评分数 (雁江 003) or 得分 (五华 004), as the table names its score column. */
export function scoreWord(view: SheetView, layout: FrameworkLayout): string {
  const key = labelKey(readText(view, { row: layout.header.row, col: layout.header.cols.score }));
  return key === '得分' ? '得分' : '自评分数';
}

/** 合计 or 总分, as the table names its total row. */
export function totalLabelOf(view: SheetView, layout: FrameworkLayout): string {
  if (layout.totalRow === null) return '总分';
  for (let c = layout.header.left; c <= layout.header.cols.level3; c++) {
    const key = labelKey(readText(view, { row: layout.totalRow!, col: c }));
    if (key) return key;
  }
  return '总分';
}

