import { fmt, pct } from '../../findings';
import { roundHalfUp } from '../../values/round';

/** A standard indicator whose rate the table's own funds feed (SPEC §3 family C). */
export interface FundsRate {
  /** 资金到位率 or 预算执行率 */
  name: string;
  rate: number;
  /** How the rate is worked out, in words: `实际支出数 293.08 ÷ 实际到位数 397.8 = 73.68%`. */
  how: string;
}

export function fundsRates(initial: number | null, arrived: number | null, spent: number | null): FundsRate[] {
  const out: FundsRate[] = [];
  // A division that overflows (an amount near the smallest or largest double) gives no rate to judge by.
  if (initial !== null && arrived !== null && initial > 0 && Number.isFinite(arrived / initial)) {
    out.push({ name: '资金到位率', rate: arrived / initial, how: `实际到位数 ${fmt(arrived)} ÷ 年初预算数 ${fmt(initial)} = ${pct(arrived / initial)}` });
  }
  if (arrived !== null && spent !== null && arrived > 0 && Number.isFinite(spent / arrived)) {
    out.push({ name: '预算执行率', rate: spent / arrived, how: `实际支出数 ${fmt(spent)} ÷ 实际到位数 ${fmt(arrived)} = ${pct(spent / arrived)}` });
  }
  return out;
}

/**
 * The score a rate earns by the rubric the table states in 指标说明, when it is one of the common forms —
 * `每少一个百分点扣1分` (full weight at 100%, less per percentage point short, not below 0) and
 * `得分=达标率*5分` — else weight × min(rate, 1).
 */
export function rubricScore(weight: number, rate: number, rubric: string): { score: number; rule: string } {
  const t = rubric.normalize('NFKC').replace(/\s+/g, '');
  const capped = Math.min(rate, 1);
  const perPoint = /每(?:少|低|减少|降低)(?:一|1)个?百分点扣(\d+(?:\.\d+)?)分/u.exec(t);
  if (perPoint) {
    const k = Number(perPoint[1]);
    const short = roundHalfUp((1 - capped) * 100, 2);
    const score = Math.max(0, roundHalfUp(weight - short * k, 2));
    return { score, rule: `每少一个百分点扣 ${fmt(k)} 分：${fmt(weight)} − ${fmt(short)} × ${fmt(k)} = ${fmt(score)}` };
  }
  const times = /得分=[^=*×]*率[*×](\d+(?:\.\d+)?)分?/u.exec(t);
  if (times) {
    const n = Number(times[1]);
    const score = roundHalfUp(Math.min(capped * n, weight), 2);
    return { score, rule: `得分 = ${pct(capped)} × ${fmt(n)} = ${fmt(score)}` };
  }
  const score = roundHalfUp(weight * capped, 2);
  return { score, rule: `分值 ${fmt(weight)} × ${pct(capped)} = ${fmt(score)}` };
}
