/**
 * The role lexicon: every wording a header or side label is written with, by the role it plays — data, not
 * code. Wordings are compared after normalization (NFKC, no white space, no trailing colon) and, where the
 * wording as written is not listed, again with its decorations stripped (`(A)`, `(B/A)`, `(万元)`, `(20分)`,
 * a leading ★). A new wording is one more string here, or in a profile's `wordings` (README "Profile format").
 *
 * Sources: the seeds (SPEC §1) and the published tables of SPEC §1.5 (`test/core/realworld*.test.ts`).
 */
export const LEXICON = {
  // Side labels of the blocks above the indicators.
  title: ['项目支出绩效自评表'],
  projectName: ['项目名称', '项目支出名称', '转移支付(项目)名称', '转移支付名称', '专项资金名称'],
  department: ['主管部门', '地方主管部门'],
  /** Known, so it ends a field's value and is never read as one; the local 主管部门 is the one checked. */
  centralDepartment: ['中央主管部门'],
  implementer: ['实施单位', '资金使用单位', '项目实施单位'],
  deptName: ['部门名称', '部门'],
  /** Family B's funds block: 部门名称 | name | 执行数 | 资金执行率 | 分值 | 得分, then 年度预算申请 | 资金总额：… */
  deptExecuted: ['执行数'],
  deptRate: ['资金执行率'],
  deptBudget: ['年度预算申请(万元)', '年度预算申请'],
  fundsHeader: ['项目资金(万元)', '项目资金', '预算资金', '资金情况', '资金投入情况', '预算执行情况', '年度预算数'],
  // Funds columns: planned at the start of the year, planned for the year, executed, rate, weight, score.
  plannedStart: ['年初预算数', '年初预算'],
  plannedYear: ['全年预算数', '调整后预算数', '调整预算数', '预算数'],
  executed: ['全年执行数', '预算执行数', '执行数'],
  rate: ['执行率', '预算执行率'],
  weight: ['分值', '权重', '参考分值', '标准分值', '指标权重'],
  score: ['得分', '自评得分', '评分', '指标得分'],
  /** The funds block's total row (年度资金总额) — its parts are the rows under it (其中：…, 上年结转资金, 其他资金). */
  totalFunds: ['年度资金总额', '年度财政资金总额', '资金总额', '总额', '合计'],
  /** The part rows that close a funds block's list: where one is present the block lists every part. */
  otherFunds: ['其他资金'],
  goals: ['年度总体目标', '总体目标完成情况'],
  indicatorsHeader: ['绩效指标', '年度绩效指标', '年度绩效目标'],
  // Indicator columns.
  level1: ['一级指标'],
  level2: ['二级指标'],
  level3: ['三级指标', '指标名称'],
  target: ['年度指标值', '年初目标值', '目标值', '年度目标值'],
  targetNature: ['指标性质'],
  targetValue: ['指标值'],
  targetUnit: ['度量单位', '计量单位'],
  actual: ['实际完成值', '完成值', '全年实际值', '全年完成值', '全年实际完成值', '实际值'],
  /** Matched by prefix too (`偏差原因…`, `未完成原因…`): PREFIXES.reason below. */
  reason: ['原因', '偏差原因', '未完成原因', '偏差情况及原因分析'],
  total: ['总分', '合计', '总计', '得分合计'],
  grade: ['自评等级', '评价等级'],
  otherNotes: ['其他需要说明的事项', '其他需要说明事项', '其他需要说明的问题'],
  // Family C (评价指标体系计分表): 自评分数 for 得分, the rubric columns, 合计 or 总分, 评价等次.
  selfScore: ['自评分数', '得分', '自评得分', '评分'],
  explanation: ['指标解释'],
  rubric: ['指标说明(评价计分标准)', '指标说明', '评价计分标准', '评分标准'],
  basis: ['自评依据及说明', '自评依据'],
  frameworkTotal: ['合计', '总分', '总计'],
  /** A 计分表's total stated beside the project line (银川: `自评得分 | 98`) rather than in a total row. */
  statedTotal: ['自评得分', '自评总分', '总得分'],
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
} as const satisfies Record<string, readonly string[]>;

export type Role = keyof typeof LEXICON;

/**
 * Wordings matched at the start of a normalized key, where the rest of the label varies from table to table.
 */
export const PREFIXES = {
  /** 偏差原因分析及改进措施 / …改正措施 / 未完成原因分析: a reason column. */
  reason: ['偏差原因', '未完成原因'],
  /**
   * The first 一级 of a table on the 决策/过程/产出/效益 framework (财预〔2020〕10号 附件2, and its renamings
   * 投入/管理), `项目` before it or not: such a table is a 计分表 whatever its target columns.
   */
  frameworkOpening: ['决策', '投入', '项目决策', '项目投入'],
  /** A 三级 cell that details the indicator above it (`其中：…`, the transfer-payment template's ★ rows). */
  detailRow: ['其中'],
} as const satisfies Record<string, readonly string[]>;

/** Whether the key begins with one of the role's prefixes. */
export function startsWithPrefix(key: string, which: keyof typeof PREFIXES): boolean {
  return PREFIXES[which].some((p) => key.startsWith(p));
}

/** The roles an indicator header band's cells may play: a band cell with none of them is an unread column. */
export const INDICATOR_BAND_ROLES: readonly Role[] = [
  'indicatorsHeader', 'level1', 'level2', 'level3', 'target', 'targetNature', 'targetValue', 'targetUnit', 'actual', 'weight', 'score', 'reason',
];

/** The roles of a funds header row. */
export const FUNDS_BAND_ROLES: readonly Role[] = ['fundsHeader', 'plannedStart', 'plannedYear', 'executed', 'rate', 'weight', 'score', 'reason'];

/**
 * Decorations a header cell may carry that say nothing of its role: a leading ★, and trailing brackets
 * naming a column letter or a formula (`(A)`, `(B/A)`, `(B/A×100%)`), a unit (`(万元)`, `(元)`, `(%)`),
 * the points it is worth (`(20分)`, `(20分*执行率)`) or `(盖章)`.
 */
const LEADING = /^[★☆※*]+/u;
const TRAILING = /\((?:[A-Za-z](?:[/÷][A-Za-z])?(?:[×xX*]100%)?|万元|元|%|盖章|\d+(?:\.\d+)?分(?:[*×][^()]*)?)\)$/u;

/** The key without its decorations (`全年预算数(A)` → 全年预算数, `★补助鱼塘面积` → 补助鱼塘面积). */
export function stripDecorations(key: string): string {
  let k = key.replace(LEADING, '');
  for (let prev = ''; prev !== k; ) {
    prev = k;
    k = k.replace(TRAILING, '');
  }
  return k;
}
