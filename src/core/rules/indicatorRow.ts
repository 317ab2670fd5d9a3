import { a1, type SheetView } from '../sheet';
import type { Fill, IndicatorResult } from '../result';
import { fmt, pct, type FindingList } from '../findings';
import type { FormLayout, IndicatorRowLayout, Pos } from '../recognize/layout';
import { categoriesOfLevel1, categoryOfLevel2, isTemplatePlaceholder, labelKey, LEVEL1_NAMES, type Level1Category } from '../recognize/labels';
import { parseIndicatorValue, parseResultWord, type IndicatorValue } from '../values/indicator';
import { cleanText } from '../values/normalize';
import type { Profile } from './profile';
import { cellText, isFillable, readNumber, readText, readWeight } from './cells';
import { scoreIndicator } from './indicatorScore';
import { differs, exceeds, outsideWeight } from '../values/tolerance';
import { startsWithPrefix } from '../recognize/lexicon';

export interface IndicatorOutcome {
  result: IndicatorResult;
  category: Level1Category | null;
  /** The category its 二级 name belongs to (differs from `category` when the row is misfiled). */
  level2Category: Level1Category | null;
  level1Cell: Pos;
  weight: number | null;
  effective: number | null;
  fill: Fill | null;
}

/** The text of the target, joining 指标性质 / 指标值 / 度量单位 where the form splits it. */
/** The 年度指标值: parsed, its text for messages, the cell's own text for the result (`shown`), and where it is. */
function targetOf(view: SheetView, form: FormLayout, row: number): { value: IndicatorValue; text: string; shown: string; pos: Pos } {
  const t = form.indicatorCols.target;
  if (typeof t === 'number') {
    const pos = view.master(row, t);
    return {
      value: parseIndicatorValue(view.value(pos.row, pos.col), view.format(pos.row, pos.col), view.text(pos.row, pos.col)),
      text: readText(view, pos),
      shown: cellText(view, pos),
      pos,
    };
  }
  const cols = [t.nature, t.value, t.unit];
  const parts = cols.map((c) => (c === null ? '' : readText(view, { row, col: c })));
  const text = parts.join('');
  const shown = cols.map((c) => (c === null ? '' : cellText(view, { row, col: c }))).join('');
  const pos = view.master(row, t.value);
  const value = parts[1] === '' ? ({ kind: 'empty' } as const) : parseIndicatorValue(text);
  return { value, text, shown, pos };
}

/** The previous row's 一级 / 二级 carry down when a form leaves them blank instead of merging. */
export interface Carry {
  level1: string;
  level1Cell: Pos | null;
  level2: string;
  /** The rows since the last `一、…` 三级 under this 二级: `1、…` rows there are its parts (湖北-style nesting). */
  inNumberedGroup?: boolean;
}

/** `一、示范区建立`: an indicator whose parts follow as `1、…`, `2、…`. */
const GROUP_HEAD = /^[一二三四五六七八九十]+[、.．]/u;
const GROUP_PART = /^\d+[、．]/u;

/**
 * A row that details the indicator above it rather than being one: `其中…` breakdown rows (the transfer-payment
 * template's ★ indicators, which carry no 分值 by design) and the `1、` parts of a `一、` indicator (湖北-style,
 * whose 得分 are already in their head's). Not indicators: no findings, not in any Σ.
 */
function isDetailRow(level3Key: string, carry: Carry): boolean {
  if (startsWithPrefix(level3Key, 'detailRow')) return true;
  if (GROUP_HEAD.test(level3Key)) {
    carry.inNumberedGroup = true;
    return false;
  }
  if (carry.inNumberedGroup && GROUP_PART.test(level3Key)) return true;
  carry.inNumberedGroup = false;
  return false;
}

/**
 * Reads one indicator row and checks it. Returns null for template rows (`指标1：`, `……`, or an empty
 * 三级 with no values), which are not indicators and get no findings.
 */
export function checkIndicatorRow(
  view: SheetView,
  form: FormLayout,
  layout: IndicatorRowLayout,
  carry: Carry,
  profile: Profile,
  findings: FindingList,
): IndicatorOutcome | null {
  const { row } = layout;
  const cols = form.indicatorCols;
  const l1Text = readText(view, layout.level1Cell);
  const l2Text = readText(view, layout.level2Cell);
  if (l1Text) {
    carry.level1 = l1Text;
    carry.level1Cell = layout.level1Cell;
  }
  if (l2Text) {
    if (layout.level2Cell.row === row) carry.inNumberedGroup = false;
    carry.level2 = l2Text;
  }
  const level3 = readText(view, { row, col: cols.level3 });
  if (isDetailRow(labelKey(level3), carry)) return null;
  const target = targetOf(view, form, row);
  const actualPos = view.master(row, cols.actual);
  const actualText = readText(view, actualPos);
  const actual = parseIndicatorValue(view.value(actualPos.row, actualPos.col), view.format(actualPos.row, actualPos.col), view.text(actualPos.row, actualPos.col));
  // A column the table does not have is read as nothing: no value, no finding.
  const weightPos = cols.weight === null ? null : view.master(row, cols.weight);
  const scorePos = cols.score === null ? null : view.master(row, cols.score);
  const reasonText = cols.reason === null ? '' : readText(view, view.master(row, cols.reason));
  const emptyAt = (p: Pos | null) => p === null || view.isEmpty(p.row, p.col);

  const noValues = target.text === '' && actualText === '' && emptyAt(weightPos) && emptyAt(scorePos);
  if (isTemplatePlaceholder(labelKey(level3)) || (level3 === '' && noValues)) return null;

  const level2 = carry.level2;
  const level1Raw = carry.level1;
  const level1Cell = carry.level1Cell ?? layout.level1Cell;
  const name = shortName(level3) || `第 ${row + 1} 行指标`;

  // 一级: the 二级 name decides when one 一级 cell covers two blocks (the 其他补助经费 form).
  const named = categoriesOfLevel1(labelKey(level1Raw));
  const byLevel2 = categoryOfLevel2(labelKey(level2));
  let category: Level1Category | null = null;
  if (named.length === 1) category = named[0].category;
  else if (named.length > 1) category = byLevel2 && named.some((n) => n.category === byLevel2) ? byLevel2 : named[0].category;
  else category = byLevel2;
  // Once per 二级 cell: a merged 二级 covers several rows.
  const ownsLevel2 = l2Text !== '' && layout.level2Cell.row === row;
  if (ownsLevel2 && byLevel2 && category && byLevel2 !== category && !(category === '成本' && byLevel2 === '产出')) {
    findings.add(
      'HIERARCHY_INVALID',
      layout.level2Cell,
      `二级指标“${labelKey(level2)}”（${a1(layout.level2Cell.row, layout.level2Cell.col)}）属于${LEVEL1_NAMES[byLevel2]}，却填在一级指标“${labelKey(level1Raw)}”下；请移到${LEVEL1_NAMES[byLevel2]}下。`,
    );
  }

  // Required values of a filled row.
  const missing = (pos: Pos, what: string, how: string) =>
    findings.add('REQUIRED_FIELD_MISSING', pos, `指标“${name}”的${what}（${a1(pos.row, pos.col)}）为空；${how}`);
  if (target.value.kind === 'empty') missing(target.pos, '年度指标值', '请填写年度目标值（如 ≥95%、30人、满意）。');
  if (actual.kind === 'empty') missing(actualPos, '实际完成值', '请填写实际完成情况（如 96%、30人、达成）。');
  const weightCell = readWeight(view, weightPos, `指标“${name}”的分值`, findings);
  const scoreCell = readNumber(view, scorePos, `指标“${name}”的得分`, findings);
  const w = weightCell?.value ?? null;
  if (weightCell && weightPos && !weightCell.parse.ok && weightCell.parse.reason === 'empty') missing(weightPos, '分值', '请填写该指标的分值（权重）。');
  if (weightPos && w !== null && profile.indicatorWeightLimit !== null && w > profile.indicatorWeightLimit) {
    findings.add(
      'WEIGHT_EXCEEDS_LIMIT',
      weightPos,
      `指标“${name}”的分值（${a1(weightPos.row, weightPos.col)}）为 ${fmt(w)}，${profile.name}规定单个三级指标不超过 ${fmt(profile.indicatorWeightLimit)} 分；请拆分指标或调低分值。`,
    );
  }

  const stated = scoreCell?.value ?? null;
  const outcome = w !== null ? scoreIndicator(target.value, actual, w, profile) : null;
  const computed = outcome?.computed ?? null;
  const rule = outcome?.rule ?? (cols.weight === null ? (cols.score === null ? '不评分的表：只核对完成情况' : '表中没有分值列，得分按表中所填') : '分值无法读取，不能计算得分');

  // The row as the result reports it, scored or not: each cell as typed (the JSON contract's target/actual).
  const resultOf = (weight: number | null, score: IndicatorResult['score']): IndicatorResult => ({
    row: row + 1,
    level1: category ? LEVEL1_NAMES[category] : labelKey(level1Raw),
    level2: labelKey(level2),
    level3,
    target: target.shown,
    actual: cellText(view, actualPos),
    weight,
    score,
    rule,
  });

  if (scorePos === null) {
    // An unscored table: a quantitative result short of its target needs a reason (SPEC §1.5).
    const s = scoreIndicator(target.value, actual, 1, profile);
    if (cols.reason !== null && reasonText === '' && s.kind === 'quantitative' && s.computed !== null && s.computed < 1) {
      const at = view.master(row, cols.reason);
      findings.add(
        'DEVIATION_REASON_MISSING',
        at,
        `指标“${name}”实际完成“${actualText}”未达到年度指标值“${target.text}”，未完成原因（${a1(at.row, at.col)}）未填写；请写明原因和改进措施。`,
      );
    }
    return {
      result: resultOf(null, { stated: null, computed: null, effective: null }),
      category,
      level2Category: byLevel2,
      level1Cell,
      weight: null,
      effective: null,
      fill: null,
    };
  }
  const scoreA1 = a1(scorePos.row, scorePos.col);

  if (stated !== null && w !== null && outsideWeight(stated, w)) {
    findings.add(
      'SCORE_EXCEEDS_WEIGHT',
      scorePos,
      `指标“${name}”的得分（${scoreA1}）为 ${fmt(stated)}，应在 0 到分值 ${fmt(w)} 之间；请改正。`,
      { rule },
    );
  } else if (stated !== null && computed !== null && differs(stated, computed)) {
    findings.add(
      'SCORE_RULE_MISMATCH',
      scorePos,
      `指标“${name}”的得分（${scoreA1}）填写为 ${fmt(stated)}，按计分规则应为 ${fmt(computed)}（${rule}）；请核对后改为 ${fmt(computed)}，或在偏差原因中说明。`,
      { fix: { cell: scoreA1, value: computed }, rule },
    );
  }

  // Qualitative rows: the entered score stands, within the band of a stated result.
  const result = parseResultWord(actualText);
  const band = w !== null && result ? bandOf(result, w, profile) : null;
  if (outcome && outcome.kind !== 'quantitative' && band && stated !== null && (exceeds(band.min, stated) || (band.maxInclusive ? exceeds(stated, band.max) : stated >= band.max))) {
    findings.add(
      'SCORE_BAND_MISMATCH',
      scorePos,
      `指标“${name}”实际完成值为“${result}”，得分应在 ${band.text} 之间，现为 ${fmt(stated)}（${scoreA1}）；请调整得分或完成情况。`,
      { rule },
    );
  }
  let fill: Fill | null = null;
  if (stated === null && scoreCell && !scoreCell.parse.ok && scoreCell.parse.reason === 'empty') {
    if (computed !== null) {
      // A 得分 cell merged over several rows is filled for its own (first) row only, not once per row.
      if (scorePos.row === row && isFillable(view, scorePos)) fill = { cell: scoreA1, value: computed, label: '得分' };
    } else if (w !== null) {
      findings.add(
        'SCORE_MISSING',
        scorePos,
        `指标“${name}”的得分（${scoreA1}）为空，且${outcome?.kind === 'qualitative' ? '定性指标' : '实际完成值非数值'}无法计算；请按完成情况填写得分${band ? `（“${result}”对应 ${band.text}）` : ''}。`,
        { rule },
      );
    }
  }

  const effective = stated ?? computed;
  if (w !== null && effective !== null && exceeds(w, effective) && reasonText === '' && profile.reasonRequired.belowWeight) {
    const at = cols.reason === null ? scorePos : view.master(row, cols.reason);
    findings.add(
      'DEVIATION_REASON_MISSING',
      at,
      `指标“${name}”得分 ${fmt(effective)} 低于分值 ${fmt(w)}，偏差原因分析及改进措施（${a1(at.row, at.col)}）未填写；请说明未达成的原因和改进措施。`,
      { rule },
    );
  }
  if (outcome?.overachievement && reasonText === '') {
    const mandatory = profile.reasonRequired.overachievementAt !== null && outcome.overachievement >= profile.reasonRequired.overachievementAt;
    const at = cols.reason === null ? actualPos : view.master(row, cols.reason);
    findings.add(
      'OVERACHIEVEMENT_UNEXPLAINED',
      at,
      `指标“${name}”实际完成 ${actualText}，达到目标 ${target.text} 的 ${pct(outcome.overachievement, 0)}，超出 30% 以上；请在偏差原因（${a1(at.row, at.col)}）说明是否目标设置偏低。`,
      { severity: mandatory ? 'error' : 'info', rule },
    );
  }

  return {
    result: resultOf(w, { stated, computed, effective }),
    category,
    level2Category: byLevel2,
    level1Cell,
    weight: w,
    effective,
    fill,
  };
}

function bandOf(result: string, w: number, profile: Profile): { min: number; max: number; maxInclusive: boolean; text: string } {
  const { achieved, partial } = profile.qualitativeBands;
  const r = (x: number) => fmt(w * x);
  if (result === '达成') return { min: w * achieved, max: w, maxInclusive: true, text: `${r(achieved)}～${r(1)} 分` };
  if (result === '部分达成') return { min: w * partial, max: w * achieved, maxInclusive: false, text: `${r(partial)}～${r(achieved)} 分（不含 ${r(achieved)}）` };
  return { min: 0, max: w * partial, maxInclusive: false, text: `0～${r(partial)} 分（不含 ${r(partial)}）` };
}

/** A 三级 name as messages quote it: long descriptions are cut, the cell address says where the rest is. */
function shortName(level3: string): string {
  const chars = [...level3];
  return chars.length > 24 ? `${chars.slice(0, 20).join('')}…` : level3;
}
