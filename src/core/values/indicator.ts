import { isCellError, type CellValue } from '../sheet';
import { memoizeString } from './memo';
import { cleanText, normalizeLabel } from './normalize';
import { parseNumberCell } from './number';
import { roundHalfUp } from './round';

/**
 * Indicator values (`年度指标值`, `实际完成值`): operator + number + unit, or qualitative text.
 * `exact` (`=44人`, a bare `30人`) is scored like `positive`; `reverse` means lower is better.
 * A percent's `value` is the fraction and its `unit` is empty.
 */
export type Direction = 'positive' | 'reverse' | 'exact';

export type IndicatorValue =
  | { kind: 'quantitative'; direction: Direction; value: number; unit: string; percent: boolean; text: string }
  | { kind: 'qualitative'; text: string }
  | { kind: 'empty' };

type Quantitative = Extract<IndicatorValue, { kind: 'quantitative' }>;

export function parseIndicatorValue(v: CellValue, format?: string | null, text?: string | null): IndicatorValue {
  if (v === null) return { kind: 'empty' };
  if (typeof v === 'boolean') return { kind: 'qualitative', text: v ? 'TRUE' : 'FALSE' };
  if (isCellError(v)) return { kind: 'qualitative', text: v.error };
  if (typeof v === 'number') return parseIndicatorNumber(v, format, text);
  const shown = cleanText(v);
  if (shown === '') return { kind: 'empty' };
  const parsed = parseIndicatorText(v);
  return parsed ? parsed.indicator : { kind: 'qualitative', text: shown };
}

/**
 * A number cell is an exact value, unless its display (a custom format such as `"≥"0%` or `0"人"`)
 * shows the same number with an operator or unit: then those count, and the value stays the cell's.
 */
function parseIndicatorNumber(v: number, format?: string | null, text?: string | null): IndicatorValue {
  const n = parseNumberCell(v, format, text);
  if (!n.ok) return n.reason === 'empty' ? { kind: 'empty' } : { kind: 'qualitative', text: n.raw };
  const exact: Quantitative = { kind: 'quantitative', direction: 'exact', value: n.value, unit: '', percent: n.percent, text: n.raw };
  if (text == null || cleanText(text) === '') return exact;
  const parsed = parseIndicatorText(text);
  if (!parsed || parsed.indicator.kind !== 'quantitative') return exact;
  const places = parsed.decimals + (parsed.indicator.percent ? 2 : 0);
  if (roundHalfUp(n.value, places) !== parsed.indicator.value) return exact;
  return { ...parsed.indicator, value: n.value };
}

// After NFKC: `＞` is `>`, `＝` is `=`, `（` is `(`, `，` is `,`; `≥ ≤ ≧ ≦` stay as they are.
// The leftmost operator that ends the lead wins, so `不超过` is read, not `超过`; at one start the longest
// is tried first (`大于等于` before `大于`).
const POSITIVE_BEFORE = ['>=', '≥', '≧', '⩾', '>', '大于或等于', '大于等于', '不低于', '不少于', '不小于', '至少', '达到', '达', '大于', '超过', '高于', '多于'];
const REVERSE_BEFORE = ['<=', '≤', '≦', '⩽', '<', '小于或等于', '小于等于', '不高于', '不超过', '不大于', '不多于', '至多', '最多', '控制在', '低于', '少于', '小于'];
const EXACT_BEFORE = ['==', '=', '等于'];

const BEFORE = [
  ...POSITIVE_BEFORE.map((op) => ({ op, direction: 'positive' as const })),
  ...REVERSE_BEFORE.map((op) => ({ op, direction: 'reverse' as const })),
  ...EXACT_BEFORE.map((op) => ({ op, direction: 'exact' as const })),
].sort((a, b) => b.op.length - a.op.length);

// An operator ends the text before the number, allowing a joining character (`达到了95%`, `不低于:90%`).
const OPERATOR_BEFORE = new RegExp(`(${BEFORE.map((b) => escapeRegExp(b.op)).join('|')})(?:了|为|在|是|:)?$`);
// `未达到95%` says the value was not reached: not a target.
const NEGATED = /(?:未|没|没有|尚未)$/;

const OPERATOR_AFTER = /(及以上|或以上|以上|及以下|或以下|以下|以内|之内|内)$/;
const AFTER_DIRECTION: Record<string, Direction> = {
  及以上: 'positive', 或以上: 'positive', 以上: 'positive',
  及以下: 'reverse', 或以下: 'reverse', 以下: 'reverse', 以内: 'reverse', 之内: 'reverse', 内: 'reverse',
};

// Words after the value that say it was met (`100%完成`), not part of the unit.
const DONE_AFTER = /(?:已?(?:全面|全部|圆满)?完成|已?达成|达标|到位)$/;

const NUMBER_TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
// A calendar year (`2022年12月`, `2021年工作情况`) is a date, not a measure.
const YEAR = /(?:19|20)\d{2}年/;
// Clause separators: text after the value's clause, or before the clause holding the operator, is comment.
const CLAUSE = /[,;。!?]/;
// NFKC would turn `㎡` into `m2`, a second number.
const UNIT_SYMBOLS: [RegExp, string][] = [
  [/㎡|m²/g, '平方米'],
  [/㎥|m³/g, '立方米'],
];
// Point-in-time words (`12月底前`) make the number a date.
const DATE_WORDS = /[底前初末旬]/;
const MAX_UNIT_LENGTH = 5;

interface ParsedText {
  indicator: IndicatorValue;
  /** Decimals written in the number (of the percentage, for a percent). */
  decimals: number;
}

/** Null means the text is qualitative. */
// The parse of a text never changes and forms repeat their values; see memo.ts.
const parseIndicatorText = memoizeString(parseIndicatorTextUncached);

function parseIndicatorTextUncached(raw: string): ParsedText | null {
  const shown = cleanText(raw);
  const symbolsSpelled = UNIT_SYMBOLS.reduce((t, [re, word]) => t.replace(re, word), raw);
  const s = normalizeLabel(symbolsSpelled).replace(/\u2212/g, '-').replace(/[,;。、!?.…]+$/, '');
  const tokens = [...s.matchAll(NUMBER_TOKEN)];
  if (tokens.length !== 1 || YEAR.test(s)) return null;

  const token = tokens[0];
  let start = token.index ?? 0;
  const end = start + token[0].length;
  const digits = token[0].replace(/,/g, '');
  let negative = false;
  if (s[start - 1] === '-' && (start === 1 || /[=<>≥≤≧≦⩾⩽:]/.test(s[start - 2]))) {
    negative = true;
    start -= 1;
  }

  // Only the clause holding the number counts: `项目经费均按进度进行拨付，达到90%。` → `达到` 90%.
  const before = s.slice(0, start);
  const lead = before.slice(lastIndexOf(before, CLAUSE) + 1);
  let after = s.slice(end);
  const percent = after.startsWith('%');
  if (percent) after = after.slice(1);
  const clauseEnd = after.search(CLAUSE);
  let tail = clauseEnd >= 0 ? after.slice(0, clauseEnd) : after;

  tail = tail.replace(DONE_AFTER, '').replace(/左右$/, '');
  let afterDirection: Direction | null = null;
  const post = OPERATOR_AFTER.exec(tail);
  if (post) {
    afterDirection = AFTER_DIRECTION[post[1]];
    tail = tail.slice(0, post.index);
  }
  let unit = tail;
  const wrapped = /^\((.*)\)$/.exec(unit);
  if (wrapped) unit = wrapped[1];
  // `220余次`, `30多人`, `9万余条`: more than the number.
  const approx = /^([十百千万亿]*)[余多]/.exec(unit);
  if (approx) unit = approx[1] + unit.slice(approx[0].length);
  if (!isUnit(unit) || (percent && unit !== '')) return null;

  let beforeDirection: Direction | null = null;
  const pre = OPERATOR_BEFORE.exec(lead);
  if (pre) {
    if (NEGATED.test(lead.slice(0, pre.index))) return null;
    beforeDirection = BEFORE.find((b) => b.op === pre[1])?.direction ?? null;
  }
  if (beforeDirection && beforeDirection !== 'exact' && afterDirection && beforeDirection !== afterDirection) return null;
  const direction: Direction = afterDirection ?? beforeDirection ?? (approx ? 'positive' : 'exact');

  const signed = `${negative ? '-' : ''}${digits}`;
  const value = Number(percent ? `${signed}e-2` : signed);
  if (!Number.isFinite(value)) return null;
  return {
    indicator: { kind: 'quantitative', direction, value: value === 0 ? 0 : value, unit, percent, text: shown },
    decimals: digits.split('.')[1]?.length ?? 0,
  };
}

function isUnit(unit: string): boolean {
  return (
    unit.length <= MAX_UNIT_LENGTH &&
    /^[\p{L}\p{M}/·°]*$/u.test(unit) &&
    !DATE_WORDS.test(unit) &&
    !OPERATOR_AFTER.test(unit)
  );
}

function lastIndexOf(s: string, re: RegExp): number {
  for (let i = s.length - 1; i >= 0; i--) if (re.test(s[i])) return i;
  return -1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * SPEC §2: an actual written as a bare percentage (no operator, no unit) against a quantitative target
 * that is not a percentage is the share of the target met (`100%` against `30人`).
 */
export function isCompletionRate(target: IndicatorValue, actual: IndicatorValue): boolean {
  return (
    target.kind === 'quantitative' &&
    !target.percent &&
    actual.kind === 'quantitative' &&
    actual.percent &&
    actual.direction === 'exact' &&
    actual.unit === '' &&
    !/=|等于/.test(normalizeLabel(actual.text))
  );
}

export type ResultWord = '达成' | '部分达成' | '未达成';

// The whole value must be the word; `达成年度指标` is the wording of 财预〔2020〕10号.
const RESULT_SUFFIX = '(?:年度指标|年度目标|预期目标|指标|目标)?';
const RESULT_WORDS: [RegExp, ResultWord][] = [
  [new RegExp(`^(?:部分达成|部分完成)${RESULT_SUFFIX}$`), '部分达成'],
  [new RegExp(`^(?:未达成|未完成|没有达成|没有完成)${RESULT_SUFFIX}$`), '未达成'],
  [new RegExp(`^(?:已?(?:全部|全面|完全)?达成|已?(?:全部|全面|圆满)?完成)${RESULT_SUFFIX}$`), '达成'],
];

// Every indicator row of every form asks this of its actual; a sheet repeats the same few texts.
export const parseResultWord = memoizeString((s: string): ResultWord | null => {
  const word = normalizeLabel(s).replace(/[。.!]+$/, '');
  for (const [re, result] of RESULT_WORDS) if (re.test(word)) return result;
  return null;
});
