/**
 * Facts the seed documents state, written down once for every test that checks them (the fixture parser's
 * and the checker's): typed from the documents, not taken from our own parse.
 */

/** The twelve 项目支出绩效自评表 of 002 (衡阳, 附件4), in document order. */
export const HENGYANG_PROJECTS = [
  '大院保安转辅警经费',
  '大院保维护费、会务中心维护费',
  '机要工作经费',
  '纪检派驻机构专项经费',
  '水电补助',
  '其他补助经费机关大院改造及设备购置及防空办优化办经费',
  '物业管理费',
  '县市区长会议经费及电视电话会议经费',
  '信访工作经费、应急管理工作经费',
  '政府业务经费、政府综合治理工作经费',
  '综合调研经费',
  '政务督查经费',
];

/**
 * The five 002 forms whose stated 执行率 is not 全年执行数 ÷ 全年预算数 (each is 100%), by index in
 * HENGYANG_PROJECTS, with what they state; and the one whose 全年执行数 (F8) is `　31..5`.
 */
export const HENGYANG_RATE_MISSTATED: Record<number, string> = { 1: '136.58%', 4: '164.58%', 5: '248.04%', 6: '146.5%', 7: '99.99%' };
export const HENGYANG_INVALID_NUMBER = { form: 11, cell: 'F8', text: '31..5' };

/**
 * The eight project 自评计分表 of 003 (雁江, 2022年度区本级项目支出绩效自评计分表), in document order: the
 * bracketed name under the title and the 合计 the table states. Each says 自评等级：优.
 */
export const YANJIANG_PROJECT_SCORES: { project: string; total: number }[] = [
  { project: '运行运转保障经费', total: 99.35 },
  { project: '大型会议经费', total: 99 },
  { project: '2021年运行运转保障经费', total: 99.8 },
  { project: '扶贫基金及扶贫基金联络会工作经费', total: 100 },
  { project: '外事专项经费', total: 90 },
  { project: '区疫情防控指挥部办公室工作经费', total: 100 },
  { project: '临聘人员专项经费', total: 100 },
  { project: '预算管理一体化系统会计核算培训及运维费', total: 100 },
];

/** 003's 部门整体 计分表 (2022年度雁江区整体支出绩效自评计分表): unit, 合计, 自评等级. It comes before the project tables. */
export const YANJIANG_DEPARTMENT_SCORE = { unit: '资阳市雁江区人民政府办公室', total: 96.83, grade: '优' };

/**
 * 003's 绩效目标完成情况表, in document order (部门整体 first): the 项目名称 each states (the 临聘 table says
 * 临聘人员经费 where its 计分表 says 临聘人员专项经费) and the 预算执行情况 合计 row's 预算额 / 执行额.
 */
export const YANJIANG_TARGETS: { project: string | null; budget: number; executed: number }[] = [
  { project: null, budget: 1346.85, executed: 1346.85 },
  { project: '运行运转保障经费', budget: 181.87, executed: 181.87 },
  { project: '大型会议经费', budget: 80, executed: 80 },
  { project: '2021年运行运转保障经费', budget: 74.43, executed: 74.43 },
  { project: '扶贫基金及扶贫基金联络会工作经费', budget: 5, executed: 5 },
  { project: '外事专项经费', budget: 2, executed: 0 },
  { project: '区疫情防控指挥部办公室工作经费', budget: 20, executed: 20 },
  { project: '临聘人员经费', budget: 37.8, executed: 37.8 },
  { project: '预算管理一体化系统会计核算培训及运维费', budget: 0.35, executed: 0.35 },
];

/**
 * 004 (五华区区级预算支出部门评价表): the project, its funds (区级财政 row), 总分 and 评价等次, the 一级 weights
 * (40 over 决策 20 + 过程 20, 60 over 产出 42 + the 效益 groups 18) and the 二级 groups that belong under 效益
 * but sit in the 产出 一级 cell (those with weighted rows; 经济效益 and 环境效益 are 不涉及).
 */
export const WUHUA_EVALUATION = {
  project: '政务服务专项工作经费',
  funds: { planned: 397.8, received: 397.8, spent: 293.08, rate: '73.68%' },
  total: 91,
  grade: '优',
  level1Weights: [
    { weight: 40, covers: ['决策', '过程'], rows: 11, sum: 40 },
    { weight: 60, covers: ['产出'], rows: 34, sum: 60 },
  ],
  decisionSum: 20,
  processSum: 20,
  misplacedEffectGroups: ['社会效益', '可持续影响', '满意度'],
  notApplicable: ['经济效益', '环境效益'],
  thresholds: '100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差',
};
