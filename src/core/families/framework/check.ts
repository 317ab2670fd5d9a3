import { a1, rangeA1, type SheetView } from '../../sheet';
import type { Fill, IndicatorResult } from '../../result';
import { FindingList, fmt } from '../../findings';
import type { Pos } from '../../recognize/layout';
import { isTemplatePlaceholder, labelKey } from '../../recognize/labels';
import type { Profile } from '../../rules/profile';
import { readNumber, readScore, readText, readWeight } from '../../rules/cells';
import { withinTotal } from '../../rules/total';
import { roundHalfUp } from '../../values/round';
import type { FormCheck } from '../family';
import { checkBlockWeights, groupBlocks, splitLabel, type Block, type BlockRow, type LevelLabel } from './blocks';
import { fundsRates, rubricScore } from './fundsRubric';
import { partOfLevel1, partOfLevel2 } from './hierarchy';
import type { FrameworkLayout } from './layout';
import { checkFrameworkTotal, scoreWord, totalLabelOf } from './total';
import { differs, outsideWeight } from '../../values/tolerance';

interface Row extends BlockRow {
  l1: LevelLabel;
  l2: LevelLabel;
  l3: LevelLabel;
  scorePos: Pos;
  score: number | null;
  /** The score cell holds something that is not a number (reported as NUMBER_INVALID). */
  scoreInvalid: boolean;
}

/** `不涉及` rows carry no weight and no score: not indicators. */
function isNotApplicable(key: string): boolean {
  return /^(不涉及|无)$/.test(key);
}

function levelLabel(view: SheetView, row: number, col: number, carried: LevelLabel | null): LevelLabel {
  const pos = view.master(row, col);
  const key = labelKey(readText(view, pos));
  if (key === '' && carried) return { ...carried, own: false };
  const { name, weight } = splitLabel(key);
  return { pos, own: pos.row === row, key, name, labelWeight: weight };
}

/** SPEC §3 family C: weights, scores in [0, weight], 总分 = Σ 三级 scores, grade by the table's own thresholds. */
export function checkFrameworkForm(view: SheetView, layout: FrameworkLayout, profile: Profile): FormCheck {
  const findings = new FindingList(view.name);
  const fills: Fill[] = [];
  const { cols } = layout.header;

  // Header fields.
  const fieldText = (f: { value: Pos | null } | null) => (f?.value ? readText(view, f.value) : '');
  const projectName =
    fieldText(layout.projectName) ||
    (layout.bracketName ? readText(view, layout.bracketName).replace(/^[(（]|[)）]$/gu, '').trim() : '') ||
    layout.titleName ||
    layout.unitName?.text ||
    null;
  if (layout.projectName && !fieldText(layout.projectName)) {
    const at = layout.projectName.value ?? layout.projectName.label;
    findings.add('REQUIRED_FIELD_MISSING', at, `项目名称（${a1(at.row, at.col)}）为空；请填写项目名称。`);
  }
  for (const [f, what] of [
    [layout.department, '主管部门'],
    [layout.implementer, '项目实施单位'],
  ] as const) {
    if (f && !fieldText(f)) {
      const at = f.value ?? f.label;
      findings.add('REQUIRED_FIELD_MISSING', at, `${what}（${a1(at.row, at.col)}）为空；请填写${what}名称。`);
    }
  }

  // Rows.
  const rows: Row[] = [];
  let carry1: LevelLabel | null = null;
  let carry2: LevelLabel | null = null;
  for (const r of layout.rows) {
    const l1 = levelLabel(view, r, cols.level1, carry1);
    // A 二级 cell left blank carries the one above, except where a new 一级 starts.
    const l2 = levelLabel(view, r, cols.level2, l1.own && l1.key !== carry1?.key ? null : carry2);
    carry1 = l1;
    carry2 = l2;
    const l3pos = view.master(r, cols.level3);
    const l3own = l3pos.row === r;
    const l3 = l3own ? levelLabel(view, r, cols.level3, null) : { pos: l3pos, own: false, key: '', name: '', labelWeight: null };
    const scorePos = view.master(r, cols.score);
    const weightPos = cols.level3Weight === null ? null : view.master(r, cols.level3Weight);
    const ownWeight = weightPos && weightPos.row === r && !view.isEmpty(weightPos.row, weightPos.col) ? weightPos : null;
    const ownScore = scorePos.row === r;
    const real = l3own && l3.key !== '' && !isTemplatePlaceholder(l3.key) && !isNotApplicable(l3.key);
    const row: Row = { row: r, real, weight: null, l1, l2, l3, scorePos, score: null, scoreInvalid: false };
    rows.push(row);
    if (!real) continue;
    const name = l3.name;
    if (ownWeight) row.weight = readWeight(view, ownWeight, `指标“${name}”的分值`, findings)?.value ?? null;
    else if (cols.level3Weight === null) row.weight = l3.labelWeight;
    if (row.weight === null && !ownWeight) {
      const at = weightPos ?? l3.pos;
      findings.add(
        'REQUIRED_FIELD_MISSING',
        at,
        cols.level3Weight === null
          ? `指标“${name}”（${a1(at.row, at.col)}）没有标明分值；请在名称后写明分值，如“${name}（5分）”。`
          : `指标“${name}”的分值（${a1(at.row, at.col)}）为空；请填写该指标的分值。`,
      );
    }
    const score = ownScore ? readScore(view, scorePos, `指标“${name}”的${scoreWord(view, layout)}`, findings) : null;
    row.score = score?.value ?? null;
    row.scoreInvalid = !!score && !score.parse.ok && score.parse.reason === 'invalid';
    const scoreA1 = a1(scorePos.row, scorePos.col);
    if (row.score === null && !row.scoreInvalid) {
      findings.add(
        'SCORE_MISSING',
        scorePos,
        `指标“${name}”的${scoreWord(view, layout)}（${scoreA1}）为空；请按指标说明评分后填写${row.weight !== null ? `（0 到 ${fmt(row.weight)} 之间）` : ''}。`,
      );
    } else if (row.score !== null && row.weight !== null && outsideWeight(row.score, row.weight)) {
      findings.add(
        'SCORE_EXCEEDS_WEIGHT',
        scorePos,
        `指标“${name}”的${scoreWord(view, layout)}（${scoreA1}）为 ${fmt(row.score)}，应在 0 到分值 ${fmt(row.weight)} 之间；请改为不超过 ${fmt(row.weight)} 的分数。`,
      );
    }
  }

  // Weights: each stated 一级 / 二级 weight = Σ of the rows it covers; Σ of all = the total's 分值 (100).
  const level1 = groupBlocks(view, rows, (r) => r.l1, cols.level1Weight, () => null);
  const level2 = groupBlocks(view, rows, (r) => r.l2, cols.level2Weight, (r) => level1.get(r) ?? null);
  checkBlockWeights(view, distinct(level1), '一级指标', findings);
  checkBlockWeights(view, distinct(level2), '二级指标', findings);
  const real = rows.filter((r) => r.real);
  const weightSum = real.some((r) => r.weight === null) ? null : roundHalfUp(real.reduce((s, r) => s + (r.weight as number), 0), 2);
  // SPEC: Σ of the 一级 weights = the 总分 row's 分值 = 100; a total row may state it under each level (五华 004).
  const totalWeightCells = layout.totalRow === null ? [] : [cols.level1Weight, cols.level2Weight, cols.level3Weight].flatMap((c) => (c === null ? [] : [view.master(layout.totalRow!, c)]));
  const anchor = totalWeightCells.at(-1) ?? { row: layout.header.row, col: cols.level3 };
  // Judged where the table's end is known (its 合计 / 总分 row): a copy cut short states no Σ to miss.
  const sumReported = weightSum !== null && real.length > 0 && layout.totalRow !== null && differs(weightSum, 100);
  if (sumReported) {
    findings.add(
      'WEIGHT_SUM_MISMATCH',
      anchor,
      `各三级指标分值合计 ${fmt(weightSum!)}，应为 100；请核对各指标分值（${a1(anchor.row, anchor.col)}）。`,
    );
  }
  for (const pos of totalWeightCells) {
    const stated = readNumber(view, pos, `${totalLabelOf(view, layout)}行的分值`, findings)?.value ?? null;
    if (stated === null || !differs(stated, 100) || (sumReported && pos === anchor)) continue;
    const at = a1(pos.row, pos.col);
    findings.add('WEIGHT_SUM_MISMATCH', pos, `${totalLabelOf(view, layout)}行的分值（${at}）为 ${fmt(stated)}，应为 100；请改为 100。`);
  }

  // A 二级 group under the wrong 一级: once per group.
  for (const b of distinct(level2)) {
    if (!b.rows.some((r) => r.real) || !b.parent) continue;
    const want = partOfLevel2(b.label.name);
    const have = partOfLevel1(b.parent.label.name);
    if (want && have && want !== have) {
      findings.add(
        'HIERARCHY_INVALID',
        b.label.pos,
        `二级指标“${b.label.name}”（${a1(b.label.pos.row, b.label.pos.col)}）属于一级指标“${want}”，却列在“${b.parent.label.name}”之下；请把它移到“${want}”下，或为它单列一级指标“${want}”。`,
      );
    }
  }

  // Standard indicators the table's own funds feed: 资金到位率, 预算执行率.
  const funds = readFunds(view, layout, findings);
  const computedScore = new Map<Row, { score: number; rule: string }>();
  for (const fr of fundsRates(funds.initial, funds.arrived, funds.spent)) {
    const row = real.find((r) => r.l3.name.startsWith(fr.name));
    if (!row || row.weight === null) continue;
    const rubric = cols.rubric === null ? '' : readText(view, view.master(row.row, cols.rubric));
    const got = rubricScore(row.weight, fr.rate, rubric);
    computedScore.set(row, got);
    if (row.score !== null && differs(row.score, got.score)) {
      const at = a1(row.scorePos.row, row.scorePos.col);
      findings.add(
        'SCORE_RULE_MISMATCH',
        row.scorePos,
        `指标“${row.l3.name}”的${scoreWord(view, layout)}（${at}）填写为 ${fmt(row.score)}，按表内资金数 ${fr.how}，${got.rule}；请核对后改为 ${fmt(got.score)}，或在评价依据中说明。`,
        { rule: `${fr.how}；${got.rule}` },
      );
    }
  }

  // A score past its weight (SCORE_EXCEEDS_WEIGHT) counts as no score: a total is never more than its weights allow.
  const counted = real.map((r) => (r.score !== null && r.weight !== null && outsideWeight(r.score, r.weight) ? null : r.score));
  // The most the scores could add up to: a missing score at its weight (its own, else its block's label's).
  const bounds = real.map((r, k) => counted[k] ?? r.weight ?? r.l2.labelWeight ?? r.l1.labelWeight);
  const ceiling = real.length > 0 && bounds.every((b) => b !== null) ? roundHalfUp(bounds.reduce<number>((s, b) => s + (b as number), 0), 2) : null;
  const { stated, computed, gradeStated, gradeComputed } = checkFrameworkTotal(view, layout, real.length > 0 ? withinTotal(counted, weightSum) : [null], profile, findings, fills, ceiling);

  const indicators: IndicatorResult[] = real.map((r) => {
    const c = computedScore.get(r);
    return {
      row: r.row + 1,
      level1: r.l1.name,
      level2: r.l2.name,
      level3: r.l3.name,
      target: '',
      actual: '',
      weight: r.weight,
      score: { stated: r.score, computed: c?.score ?? null, effective: r.score ?? c?.score ?? null },
      rule: c ? c.rule : '按指标说明评分，无法计算',
    };
  });

  return {
    form: {
      sheet: view.name,
      kind: 'framework',
      range: rangeA1(layout.range),
      projectName,
      budget: {
        planned: funds.initial,
        executed: funds.spent,
        executionRate: rateOf(funds.spent, funds.arrived ?? funds.initial),
        weight: null,
        score: { stated: null, computed: null },
      },
      indicators,
      total: { weight: weightSum, stated, computed },
      grade: { stated: gradeStated, computed: gradeComputed },
      findings: findings.items,
    },
    fills,
  };
}

function distinct<R extends BlockRow>(m: Map<R, Block<R>>): Block<R>[] {
  return [...new Set(m.values())];
}

function readFunds(view: SheetView, layout: FrameworkLayout, findings: FindingList) {
  const f = layout.funds;
  const read = (col: number | null, what: string) => (f && col !== null ? (readNumber(view, view.master(f.row, col), what, findings)?.value ?? null) : null);
  return {
    initial: read(f?.cols.initial ?? null, '年初预算数'),
    arrived: read(f?.cols.arrived ?? null, '实际到位数'),
    spent: read(f?.cols.spent ?? null, '实际支出数'),
  };
}

/** 实际支出数 / 实际到位数 (else 年初预算数); null when either is missing or the division overflows. */
function rateOf(spent: number | null, base: number | null): number | null {
  if (spent === null || !base) return null;
  const rate = spent / base;
  return Number.isFinite(rate) ? rate : null;
}
