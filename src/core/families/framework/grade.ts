import type { GradeThreshold } from '../../rules/profile';

const GRADE_LABELS = ['优', '良', '中', '差'] as const;

/**
 * The grade thresholds a table states, e.g. 五华 004: `100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、
 * 60分以下为差`: each grade's lowest 总分 is the lower end of its range (inclusive where marked 含, and
 * taken as inclusive otherwise, as 财预〔2020〕10号 does). Null when the text states fewer than two grades.
 */
export function parseThresholds(text: string): GradeThreshold[] | null {
  const t = text.normalize('NFKC');
  const found = new Map<string, number>();
  const range = /(\d+(?:\.\d+)?)\s*(?:\(含\))?\s*[-—–~～至到]\s*(\d+(?:\.\d+)?)\s*(?:\(含\))?\s*分?\s*(?:\(含\))?\s*(?:以上)?\s*为\s*(优秀?|良好?|中等?|较?差)/gu;
  const above = /(\d+(?:\.\d+)?)\s*分?\s*(?:\(含\))?\s*(?:以上|及以上)\s*为\s*(优秀?|良好?|中等?)/gu;
  let m: RegExpExecArray | null;
  while ((m = range.exec(t))) found.set(m[3][0] === '较' ? '差' : m[3][0], Math.min(Number(m[1]), Number(m[2])));
  while ((m = above.exec(t))) if (!found.has(m[2][0])) found.set(m[2][0], Number(m[1]));
  if (found.size < 2) return null;
  const grades = GRADE_LABELS.filter((g) => found.has(g) && g !== '差').map((g) => ({ label: g, min: found.get(g)! }));
  grades.sort((a, b) => b.min - a.min);
  grades.push({ label: '差', min: 0 });
  return grades;
}

const BOX = /^[□☐▢◻⬜]/u;
const TICK = /^[☑☒■▣√✓✔]/u;

/**
 * The grade chosen in a line of boxes, `优  良□  中□  差□`: the one ticked (☑, √, ■) or, where none is,
 * the only one without a box. Null when that is not exactly one.
 */
export function chosenGrade(text: string): string | null {
  const t = text.normalize('NFKC');
  const marks = GRADE_LABELS.filter((g) => t.includes(g)).map((g) => {
    const i = t.indexOf(g);
    return { g, after: t.slice(i + 1).trimStart().charAt(0), before: t.slice(0, i).trimEnd().slice(-1) };
  });
  // Boxes follow the labels (`良□`) or precede them (`□良`); read the side the text uses.
  const marked = (c: string) => BOX.test(c) || TICK.test(c);
  const side = marks.some((x) => marked(x.after)) ? 'after' : 'before';
  const ticked = marks.filter((x) => TICK.test(x[side])).map((x) => x.g);
  const unboxed = marks.filter((x) => !marked(x[side])).map((x) => x.g);
  if (ticked.length === 1) return ticked[0];
  if (ticked.length === 0 && unboxed.length === 1) return unboxed[0];
  return null;
}

/** The grade written after `自评等级：` in a line of text, or null when nothing follows it. */
export function inlineGrade(text: string): string | null {
  const m = /自评等级\s*[:：]\s*(\S*)/u.exec(text.normalize('NFKC').replace(/\u3000/g, ' '));
  return m && m[1] ? m[1] : null;
}
