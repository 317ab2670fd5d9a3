import { a1, isCellError, type SheetView } from '../sheet';
import type { FindingList } from '../findings';
import type { Pos } from '../recognize/layout';
import { parseNumberCell, type NumberParse } from '../values/number';
import { isDateFormat } from '../values/numberFormat';
import { fmt } from '../findings';
import { cleanText } from '../values/normalize';
import { roundHalfUp } from '../values/round';

/** A numeric cell read for the rules: the parse, and where it is. */
export interface NumberCell {
  pos: Pos;
  parse: NumberParse;
  /** The number, or null when empty or unreadable (never 0 for unreadable). */
  value: number | null;
  hasFormula: boolean;
}

/**
 * Reads a cell that must hold a number. Unreadable content is reported as NUMBER_INVALID naming the cell
 * and what it holds; the value is then null, so nothing downstream mistakes it for 0.
 */
export function readNumber(
  view: SheetView,
  pos: Pos | null,
  what: string,
  findings: FindingList,
  /** A label the cell may carry before its number (`资金总额：2677.71`). */
  prefix: string | null = null,
): NumberCell | null {
  if (!pos) return null;
  const m = view.master(pos.row, pos.col);
  let value = view.value(m.row, m.col);
  if (prefix && typeof value === 'string') {
    const t = cleanText(value);
    if (t.startsWith(prefix)) value = t.slice(prefix.length).replace(/^[\s:：]+/, '');
  }
  const parse = parseNumberCell(value, view.format(m.row, m.col), typeof value === 'string' ? value : view.text(m.row, m.col));
  const hasFormula = view.formula(m.row, m.col) !== null;
  if (!parse.ok && parse.reason === 'invalid') {
    const cell = a1(m.row, m.col);
    const shown = isCellError(value) ? `错误值 ${value.error}` : `“${cleanText(parse.raw)}”`;
    const hint = isCellError(value)
      ? hasFormula
        ? '公式计算出错，请检查公式引用的单元格'
        : '请改为数字'
      : '请只填写数字（如 152.5、95%），不要带文字或多余的小数点';
    findings.add('NUMBER_INVALID', m, `${what}（${cell}）应为数字，现为${shown}，无法参与计算；${hint}。`);
  }
  return { pos: m, parse, value: parse.ok ? parse.value : null, hasFormula };
}

/** No 分值 of a 100-point form lies outside 0–100. */
const MAX_WEIGHT = 100;

/**
 * Reads a 分值 cell: a number, and one between 0 and 100. A weight outside that range (negative, or so
 * large that sums overflow) is NUMBER_INVALID at its own cell and is not used (null), like unreadable text.
 */
export function readWeight(view: SheetView, pos: Pos | null, what: string, findings: FindingList): NumberCell | null {
  let cell = readNumber(view, pos, what, findings);
  // A 权重 stated in percent (`60%`, 四川) is that many points of the 100-point form its 得分 are in.
  if (cell && cell.value !== null && cell.parse.ok && cell.parse.percent) cell = { ...cell, value: roundHalfUp(cell.value * 100, 6) };
  if (!cell || cell.value === null || (cell.value >= 0 && cell.value <= MAX_WEIGHT)) return cell;
  findings.add(
    'NUMBER_INVALID',
    cell.pos,
    `${what}（${a1(cell.pos.row, cell.pos.col)}）为 ${cleanText(cell.parse.ok ? cell.parse.raw : '')}，分值应在 0 到 ${MAX_WEIGHT} 之间，无法参与计算；请改正。`,
  );
  return { ...cell, value: null };
}

/**
 * The cell's text as the user typed it, only trimmed — for what a result reports (`，其中：` stays
 * full-width); readText's normalized form is for matching and parsing.
 */
export function cellText(view: SheetView, pos: Pos | null): string {
  if (!pos) return '';
  return view.text(pos.row, pos.col).trim();
}

/**
 * Reads a score cell (family C's 自评分数 / 得分): a number between 0 and the most a 100-point form allows.
 * A date (a day count under a date format), a negative score or one past 100 is NUMBER_INVALID at its own
 * cell and is not used: the value is null and the parse says invalid, so it is neither a score nor a
 * missing one.
 */
export function readScore(view: SheetView, pos: Pos | null, what: string, findings: FindingList): NumberCell | null {
  if (!pos) return null;
  const m = view.master(pos.row, pos.col);
  const value = view.value(m.row, m.col);
  const invalid = (raw: string, message: string): NumberCell => {
    findings.add('NUMBER_INVALID', m, message);
    return { pos: m, parse: { ok: false, reason: 'invalid', raw }, value: null, hasFormula: view.formula(m.row, m.col) !== null };
  };
  const at = a1(m.row, m.col);
  if (typeof value === 'number' && isDateFormat(view.format(m.row, m.col))) {
    const shown = cleanText(view.text(m.row, m.col)) || String(value);
    return invalid(shown, `${what}（${at}）是日期“${shown}”，不是分数，无法参与计算；请把单元格格式改为“常规”或“数值”后填写分数。`);
  }
  const cell = readNumber(view, m, what, findings);
  if (!cell || cell.value === null || (cell.value >= 0 && cell.value <= MAX_WEIGHT)) return cell;
  const shown = Math.abs(cell.value) >= 1e9 ? '一个过大的数' : fmt(cell.value);
  return invalid(cell.parse.ok ? cell.parse.raw : shown, `${what}（${at}）为 ${shown}，分数应在 0 到 ${MAX_WEIGHT} 之间，无法参与计算；请改正。`);
}

/** The cleaned text of a cell ('' when empty). */
export function readText(view: SheetView, pos: Pos | null): string {
  if (!pos) return '';
  return cleanText(view.text(pos.row, pos.col));
}

/** True when a Fill may go into this cell: nothing typed, no formula. */
export function isFillable(view: SheetView, pos: Pos): boolean {
  return view.isEmpty(pos.row, pos.col);
}
