/**
 * Label matching over the role lexicon (`lexicon.ts`): a cell's normalized key (NFKC, no white space, no
 * trailing colon) has a role when the lexicon, or the wordings the profile adds, lists it as written or
 * without its decorations. Add a wording to the lexicon and recognition knows it everywhere.
 */
import { normalizeLabel } from '../values/normalize';
import { memoizeString } from '../values/memo';
import { LEXICON, startsWithPrefix, stripDecorations, type Role } from './lexicon';

export const LABELS = LEXICON;

export type LabelKey = Role;

/** NFKC, all white space (incl. U+3000 and line breaks) removed, trailing colon dropped. */
export const labelKey = memoizeString((text: string): string => normalizeLabel(text).replace(/[:：]+$/, ''));

/** Which roles each wording of the lexicon plays. */
const LABEL_KINDS = new Map<string, Set<LabelKey>>();
for (const [which, variants] of Object.entries(LABELS) as [LabelKey, readonly string[]][]) {
  for (const v of variants) {
    const kinds = LABEL_KINDS.get(v) ?? new Set<LabelKey>();
    kinds.add(which);
    LABEL_KINDS.set(v, kinds);
  }
}

const NO_ROLES: ReadonlySet<LabelKey> = new Set();

/**
 * The roles of a key from the built-in lexicon: as written, else without its decorations. Recognition asks
 * this millions of times on a large sheet, so the answer is cached in one Map lookup (bounded like memo.ts).
 */
const ROLE_CACHE = new Map<string, ReadonlySet<LabelKey>>();
function builtInRoles(key: string): ReadonlySet<LabelKey> {
  const cached = ROLE_CACHE.get(key);
  if (cached !== undefined) return cached;
  let roles = LABEL_KINDS.get(key) ?? NO_ROLES;
  if (roles === NO_ROLES) {
    const bare = stripDecorations(key);
    if (bare !== key) roles = LABEL_KINDS.get(bare) ?? NO_ROLES;
  }
  if (ROLE_CACHE.size >= 20000) ROLE_CACHE.clear();
  ROLE_CACHE.set(key, roles);
  return roles;
}

/**
 * Wordings a profile adds (a province's own), in force for the duration of one check: `withWordings`
 * installs them around a synchronous check, so every family's recognition sees them without each call
 * carrying the profile.
 */
let extra: Map<string, Set<LabelKey>> | null = null;

export function withWordings<T>(wordings: Partial<Record<LabelKey, readonly string[]>> | undefined, run: () => T): T {
  if (!wordings || Object.keys(wordings).length === 0) return run();
  const before = extra;
  const map = new Map<string, Set<LabelKey>>();
  for (const [which, variants] of Object.entries(wordings) as [LabelKey, readonly string[]][]) {
    for (const v of variants) {
      const key = labelKey(v);
      const kinds = map.get(key) ?? new Set<LabelKey>();
      kinds.add(which);
      map.set(key, kinds);
    }
  }
  extra = map;
  try {
    return run();
  } finally {
    extra = before;
  }
}

export function isLabel(key: string, which: LabelKey): boolean {
  if (builtInRoles(key).has(which)) return true;
  if (extra === null) return false;
  return extra.get(key)?.has(which) ?? extra.get(stripDecorations(key))?.has(which) ?? false;
}

/** True when the key plays any of the roles (a header cell the product can read). */
export function hasRole(key: string, roles: readonly LabelKey[]): boolean {
  const own = builtInRoles(key);
  for (const r of roles) if (own.has(r)) return true;
  if (extra !== null && roles.some((r) => isLabel(key, r))) return true;
  return roles.includes('reason') && isReasonLabel(key);
}

export function isReasonLabel(key: string): boolean {
  return startsWithPrefix(key, 'reason') || isLabel(key, 'reason');
}

/** Whether an indicator block opens with the framework's first 一级 (PREFIXES.frameworkOpening). */
export function opensWithFrameworkLevel1(grid: { find(row: number, test: (key: string) => boolean, left?: number, right?: number): unknown }, headerRow: number, col: number): boolean {
  for (let r = headerRow + 1; r <= headerRow + 3; r++) {
    if (grid.find(r, (k) => startsWithPrefix(k, 'frameworkOpening'), col, col)) return true;
  }
  return false;
}

/** Template placeholders of the MoF form: `指标1：`, `指标2：`, `……`, `...`. */
export const isTemplatePlaceholder = memoizeString((key: string): boolean => /^指标\d*$/.test(key) || /^[…\.。·]+$/.test(key));

/** 一级 categories and the 二级 names that belong to each (SPEC §4 HIERARCHY_INVALID). */
export type Level1Category = '产出' | '效益' | '满意度' | '成本';

export const LEVEL1_NAMES: Record<Level1Category, string> = {
  产出: '产出指标',
  效益: '效益指标',
  满意度: '满意度指标',
  成本: '成本指标',
};

/** The category a 二级 name belongs to, or null when it is not a standard one. */
export const categoryOfLevel2 = memoizeString((level2Key: string): Level1Category | null => {
  if (/满意/.test(level2Key)) return '满意度';
  if (/^(数量|质量|时效)/.test(level2Key)) return '产出';
  if (/^成本/.test(level2Key)) return '产出';
  if (/^(经济|社会|生态)(环境)?成本/.test(level2Key)) return '成本';
  if (/^(经济效益|社会效益|生态效益|经济效|社会效|生态效|可持续影响)/.test(level2Key)) return '效益';
  return null;
});

/**
 * The categories a 一级 cell names, in order, each with its stated weight if the label carries one. Asked for
 * every indicator row of every form, with a handful of distinct keys a sheet: memoized, the list shared.
 */
export const categoriesOfLevel1 = memoizeString((level1Key: string): readonly { category: Level1Category; weight: number | null }[] => {
  const out: { category: Level1Category; weight: number | null }[] = [];
  const re = /(产出|效益|效果|满意度|成本)(?:指标)?(?:\((\d+(?:\.\d+)?)分\))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(level1Key))) {
    const name = m[1] === '效果' ? '效益' : (m[1] as Level1Category);
    const weight = m[2] !== undefined ? Number(m[2]) : null;
    out.push({ category: name, weight: weight !== null && Number.isFinite(weight) ? weight : null });
  }
  return out;
});
