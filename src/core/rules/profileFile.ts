import { builtInProfile, BUILT_IN_PROFILES, MOF, type Profile } from './profile';
import { LEXICON, type Role } from '../recognize/lexicon';

/** A profile file that cannot be used; the message is Chinese and names the field. */
export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function num(x: unknown, field: string, opts: { min?: number; max?: number; nullable?: boolean } = {}): number | null {
  if (x === null && opts.nullable) return null;
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new ProfileError(`配置项 ${field} 应为数字${opts.nullable ? '或 null' : ''}，现为 ${JSON.stringify(x)}。`);
  if (opts.min !== undefined && x < opts.min) throw new ProfileError(`配置项 ${field} 不能小于 ${opts.min}，现为 ${x}。`);
  if (opts.max !== undefined && x > opts.max) throw new ProfileError(`配置项 ${field} 不能大于 ${opts.max}，现为 ${x}。`);
  return x;
}

/** Refuses any key of `obj` not in `known`, naming its full path (`reasonRequired.belowWeigth`). */
function onlyKnown(obj: Record<string, unknown>, known: readonly string[], path: string): void {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) {
      const where = path ? `${path}.${k}` : k;
      throw new ProfileError(`配置文件中有未知配置项“${where}”；${path ? `${path} 中` : ''}可用的配置项：${known.join('、')}。`);
    }
  }
}

/**
 * A grade label is written into the 自评等级 cell: plain text only. A label that Excel or a CSV reader
 * would take for a formula (`=`, `+`, `-`, `@` first) or that holds control characters is refused.
 */
function gradeLabel(x: unknown, field: string): string {
  if (typeof x !== 'string' || x.trim() === '') throw new ProfileError(`${field} 应为非空的等级名称（如 "优"）。`);
  const label = x.trim();
  if (/^[=+\-@]/.test(label)) throw new ProfileError(`${field} 不能以 =、+、-、@ 开头（会被当作公式），现为 ${JSON.stringify(x)}。`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(label)) throw new ProfileError(`${field} 不能含有控制字符，现为 ${JSON.stringify(x)}。`);
  // Invisible and direction-changing characters (zero-width space, U+202E, …): a label that reads as
  // another, or as nothing, in the 自评等级 cell.
  if (/[\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/u.test(label)) {
    const shown = JSON.stringify(x).replace(/[^\x20-\x7e]/gu, (c) => (/[\p{L}\p{N}\p{P}\p{S}]/u.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
    throw new ProfileError(`${field} 不能含有不可见字符或改变文字方向的字符（如零宽空格、U+202E），现为 ${shown}。`);
  }
  if (label.length > 20) throw new ProfileError(`${field} 过长（不超过 20 个字），现为 ${JSON.stringify(x)}。`);
  return label;
}

/**
 * `wordings`: header and side-label wordings a province adds to the role lexicon, by role —
 * `{ "actual": ["实际完成情况"], "weight": ["指标分值"] }`. Added to the base profile's, never replacing the
 * built-in lexicon.
 */
function wordings(x: unknown, base: Profile['wordings']): Profile['wordings'] {
  const roles = Object.keys(LEXICON);
  if (!isObject(x)) throw new ProfileError('wordings 应为对象，键为列的角色，值为写法数组，如 {"actual": ["实际完成情况"]}。');
  onlyKnown(x, roles, 'wordings');
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(base)) out[k] = [...(v ?? [])];
  for (const [role, list] of Object.entries(x)) {
    if (!Array.isArray(list) || list.length === 0) throw new ProfileError(`wordings.${role} 应为非空的写法数组，如 ["实际完成情况"]。`);
    list.forEach((w, i) => {
      if (typeof w !== 'string' || w.trim() === '') throw new ProfileError(`wordings.${role}[${i}] 应为非空字符串。`);
      if (w.length > 80) throw new ProfileError(`wordings.${role}[${i}] 过长（不超过 80 个字），现为 ${JSON.stringify(w)}。`);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f-\u009f]/.test(w)) throw new ProfileError(`wordings.${role}[${i}] 不能含有控制字符。`);
    });
    out[role] = [...(out[role] ?? []), ...(list as string[])];
  }
  return out as Partial<Record<Role, readonly string[]>>;
}

/**
 * Reads a profile written as JSON (already parsed). Fields left out come from the profile named in
 * `extends` (default `mof`), so a province writes only what differs. Unknown fields are refused, so a
 * misspelt field does not pass silently.
 */
export function parseProfile(json: unknown): Profile {
  if (!isObject(json)) throw new ProfileError('配置文件应为一个 JSON 对象（以 { 开头）。');
  onlyKnown(json, ['extends', 'id', 'name', 'grades', 'budgetWeight', 'level1Weights', 'satisfactionMovesToOutput', 'indicatorsWeight', 'indicatorWeightLimit', 'reverseFormula', 'qualitativeBands', 'reasonRequired', 'wordings'], '');

  const baseId = json.extends === undefined ? 'mof' : json.extends;
  if (typeof baseId !== 'string' || !builtInProfile(baseId)) throw new ProfileError(`extends 应为内置方案 ${BUILT_IN_PROFILES.map((b) => b.id).join('、')} 之一，现为 ${JSON.stringify(baseId)}。`);
  const base = builtInProfile(baseId) ?? MOF;
  const p: Profile = structuredClone(base);

  if (json.id !== undefined) {
    if (typeof json.id !== 'string' || !/^[\w-]+$/.test(json.id)) throw new ProfileError('id 应为字母、数字、- 或 _ 组成的字符串。');
    p.id = json.id;
  } else p.id = `${base.id}-custom`;
  if (json.name !== undefined) {
    if (typeof json.name !== 'string' || json.name.trim() === '') throw new ProfileError('name 应为非空字符串（方案名称）。');
    p.name = json.name;
  }
  if (json.grades !== undefined) {
    if (!Array.isArray(json.grades) || json.grades.length === 0) throw new ProfileError('grades 应为等级数组，如 [{"label":"优","min":90}, …]。');
    p.grades = json.grades.map((g, i) => {
      if (!isObject(g)) throw new ProfileError(`grades[${i}] 应为 {"label": 等级, "min": 最低分}。`);
      onlyKnown(g, ['label', 'min'], `grades[${i}]`);
      return { label: gradeLabel(g.label, `grades[${i}].label`), min: num(g.min, `grades[${i}].min`, { min: 0, max: 100 })! };
    });
    const labels = p.grades.map((g) => g.label);
    const twice = labels.find((l, i) => labels.indexOf(l) !== i);
    if (twice !== undefined) throw new ProfileError(`grades 中等级“${twice}”出现了两次；每个等级名称应不同。`);
    p.grades.sort((a, b) => b.min - a.min);
    const tie = p.grades.find((g, i) => i > 0 && g.min === p.grades[i - 1].min);
    if (tie) throw new ProfileError(`grades 中有两个等级的 min 都是 ${tie.min}；各等级的最低分应从高到低各不相同。`);
    if (p.grades[p.grades.length - 1].min !== 0) throw new ProfileError('grades 中最低一档的 min 应为 0，使每个总分都有等级。');
  }
  if (json.budgetWeight !== undefined) p.budgetWeight = num(json.budgetWeight, 'budgetWeight', { min: 0, max: 100 })!;
  if (json.level1Weights !== undefined) {
    if (!isObject(json.level1Weights)) throw new ProfileError('level1Weights 应为对象，如 {"产出":50,"效益":30,"满意度":10}。');
    const w: Record<string, number> = {};
    for (const [k, v] of Object.entries(json.level1Weights)) {
      if (!['产出', '效益', '满意度', '成本'].includes(k)) throw new ProfileError(`level1Weights 的键应为 产出、效益、满意度 或 成本，现为“${k}”。`);
      w[k] = num(v, `level1Weights.${k}`, { min: 0, max: 100 })!;
    }
    p.level1Weights = w;
  }
  if (json.satisfactionMovesToOutput !== undefined) {
    if (typeof json.satisfactionMovesToOutput !== 'boolean') throw new ProfileError('satisfactionMovesToOutput 应为 true 或 false。');
    p.satisfactionMovesToOutput = json.satisfactionMovesToOutput;
  }
  if (json.indicatorsWeight !== undefined) p.indicatorsWeight = num(json.indicatorsWeight, 'indicatorsWeight', { min: 0, max: 100, nullable: true });
  if (json.indicatorWeightLimit !== undefined) p.indicatorWeightLimit = num(json.indicatorWeightLimit, 'indicatorWeightLimit', { min: 0, max: 100, nullable: true });
  if (json.reverseFormula !== undefined) {
    if (json.reverseFormula !== 'ratio' && json.reverseFormula !== 'linear') throw new ProfileError('reverseFormula 应为 "ratio"（目标÷实际）或 "linear"（线性扣分，2 倍目标得 0 分）。');
    p.reverseFormula = json.reverseFormula;
  }
  if (json.qualitativeBands !== undefined) {
    const b = json.qualitativeBands;
    if (!isObject(b)) throw new ProfileError('qualitativeBands 应为 {"achieved":0.8,"partial":0.6}。');
    onlyKnown(b, ['achieved', 'partial'], 'qualitativeBands');
    const achieved = b.achieved === undefined ? p.qualitativeBands.achieved : num(b.achieved, 'qualitativeBands.achieved', { min: 0, max: 1 })!;
    const partial = b.partial === undefined ? p.qualitativeBands.partial : num(b.partial, 'qualitativeBands.partial', { min: 0, max: 1 })!;
    if (partial > achieved) throw new ProfileError('qualitativeBands.partial 不能大于 achieved。');
    p.qualitativeBands = { achieved, partial };
  }
  if (json.reasonRequired !== undefined) {
    const r = json.reasonRequired;
    if (!isObject(r)) throw new ProfileError('reasonRequired 应为对象。');
    onlyKnown(r, ['belowWeight', 'executionRateBelow', 'overachievementAt'], 'reasonRequired');
    if (r.belowWeight !== undefined) {
      if (typeof r.belowWeight !== 'boolean') throw new ProfileError('reasonRequired.belowWeight 应为 true 或 false。');
      p.reasonRequired.belowWeight = r.belowWeight;
    }
    if (r.executionRateBelow !== undefined) p.reasonRequired.executionRateBelow = num(r.executionRateBelow, 'reasonRequired.executionRateBelow', { min: 0, max: 1, nullable: true });
    if (r.overachievementAt !== undefined) p.reasonRequired.overachievementAt = num(r.overachievementAt, 'reasonRequired.overachievementAt', { min: 1, nullable: true });
  }
  if (json.wordings !== undefined) p.wordings = wordings(json.wordings, p.wordings);
  return p;
}

/** Parses profile file text; syntax errors become a ProfileError with the position. */
export function parseProfileText(text: string): Profile {
  let json: unknown;
  try {
    // Notepad and many editors save UTF-8 with a byte-order mark.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ProfileError(`配置文件不是有效的 JSON：${(e as Error).message}`);
  }
  return parseProfile(json);
}
