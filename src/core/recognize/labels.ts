/**
 * Every label variant the seeds and provincial templates use, after normalization (NFKC, no white space,
 * no trailing colon). Add a variant here and recognition knows it everywhere.
 */
import { normalizeLabel } from '../values/normalize';
import { memoizeString } from '../values/memo';

export const LABELS = {
  title: ['项目支出绩效自评表'],
  projectName: ['项目名称', '项目支出名称'],
  department: ['主管部门'],
  implementer: ['实施单位', '资金使用单位', '项目实施单位'],
  deptName: ['部门名称'],
  /** Family B's funds block: 部门名称 | name | 执行数 | 资金执行率 | 分值 | 得分, then 年度预算申请 | 资金总额：… */
  deptExecuted: ['执行数'],
  deptRate: ['资金执行率'],
  deptBudget: ['年度预算申请(万元)', '年度预算申请'],
  fundsHeader: ['项目资金(万元)', '项目资金'],
  initialBudget: ['年初预算数'],
  annualBudget: ['全年预算数', '调整后预算数'],
  executed: ['全年执行数', '预算执行数'],
  weight: ['分值', '权重'],
  rate: ['执行率'],
  score: ['得分'],
  totalFunds: ['年度资金总额'],
  goals: ['年度总体目标'],
  indicatorsHeader: ['绩效指标'],
  level1: ['一级指标'],
  level2: ['二级指标'],
  level3: ['三级指标'],
  target: ['年度指标值'],
  targetNature: ['指标性质'],
  targetValue: ['指标值'],
  targetUnit: ['度量单位'],
  actual: ['实际完成值'],
  total: ['总分'],
  grade: ['自评等级', '评价等级'],
  otherNotes: ['其他需要说明的事项', '其他需要说明的问题'],
  // Family C (评价指标体系计分表): 自评分数 for 得分, the rubric columns, 合计 or 总分, 评价等次.
  selfScore: ['自评分数', '得分'],
  explanation: ['指标解释'],
  rubric: ['指标说明(评价计分标准)', '指标说明', '评价计分标准', '评分标准'],
  basis: ['自评依据及说明', '自评依据'],
  frameworkTotal: ['合计', '总分', '总计'],
  gradeChoice: ['评价等次', '评价等级', '自评等级'],
  arrived: ['实际到位数'],
  spent: ['实际支出数'],
  unitName: ['部门(单位)名称', '单位名称'],
  unitCode: ['预算单位编码'],
  // The targets table (绩效目标完成情况表).
  plannedValue: ['预算指标值(包含数字及文字描述)', '预算指标值'],
  plannedResult: ['预算指标值执行结果(包含数字及文字描述)', '预算指标值执行结果'],
  budgetAmount: ['预算额(万元)', '预算额'],
  spentAmount: ['执行额(万元)', '执行额(万元', '执行额'],
  carryOver: ['当年结转结余额(万元)', '当年结转结余额', '结转结余额(万元)', '结转结余额'],
  carryOverRate: ['结转结余率%', '结转结余率(%)', '结转结余率'],
} as const;

export type LabelKey = keyof typeof LABELS;

/** 偏差原因分析及改进措施 / …改正措施 / 未完成原因分析: matched by prefix. */
const REASON_PREFIXES = ['偏差原因', '未完成原因'];

/** NFKC, all white space (incl. U+3000 and line breaks) removed, trailing colon dropped. */
export const labelKey = memoizeString((text: string): string => normalizeLabel(text).replace(/[:：]+$/, ''));

/** Which LABELS entries each normalized label belongs to. */
const LABEL_KINDS = new Map<string, Set<LabelKey>>();
for (const [which, variants] of Object.entries(LABELS) as [LabelKey, readonly string[]][]) {
  for (const v of variants) {
    const kinds = LABEL_KINDS.get(v) ?? new Set<LabelKey>();
    kinds.add(which);
    LABEL_KINDS.set(v, kinds);
  }
}

export function isLabel(key: string, which: LabelKey): boolean {
  return LABEL_KINDS.get(key)?.has(which) ?? false;
}

export function isReasonLabel(key: string): boolean {
  return REASON_PREFIXES.some((p) => key.startsWith(p));
}

/** Template placeholders of the MoF form: `指标1：`, `指标2：`, `……`, `...`. */
export function isTemplatePlaceholder(key: string): boolean {
  return /^指标\d*$/.test(key) || /^[…\.。·]+$/.test(key);
}

/** 一级 categories and the 二级 names that belong to each (SPEC §4 HIERARCHY_INVALID). */
export type Level1Category = '产出' | '效益' | '满意度' | '成本';

export const LEVEL1_NAMES: Record<Level1Category, string> = {
  产出: '产出指标',
  效益: '效益指标',
  满意度: '满意度指标',
  成本: '成本指标',
};

/** The category a 二级 name belongs to, or null when it is not a standard one. */
export function categoryOfLevel2(level2Key: string): Level1Category | null {
  if (/满意/.test(level2Key)) return '满意度';
  if (/^(数量|质量|时效)/.test(level2Key)) return '产出';
  if (/^成本/.test(level2Key)) return '产出';
  if (/^(经济|社会|生态)(环境)?成本/.test(level2Key)) return '成本';
  if (/^(经济效益|社会效益|生态效益|经济效|社会效|生态效|可持续影响)/.test(level2Key)) return '效益';
  return null;
}

/** The categories a 一级 cell names, in order, each with its stated weight if the label carries one. */
export function categoriesOfLevel1(level1Key: string): { category: Level1Category; weight: number | null }[] {
  const out: { category: Level1Category; weight: number | null }[] = [];
  const re = /(产出|效益|效果|满意度|成本)(?:指标)?(?:\((\d+(?:\.\d+)?)分\))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(level1Key))) {
    const name = m[1] === '效果' ? '效益' : (m[1] as Level1Category);
    out.push({ category: name, weight: m[2] !== undefined ? Number(m[2]) : null });
  }
  return out;
}
