/** The four parts of the 决策/过程/产出/效益 framework and their local renamings (投入/过程/产出/效果). */
export type FrameworkPart = '决策' | '过程' | '产出' | '效益';

const PART_OF_LEVEL1: [RegExp, FrameworkPart][] = [
  [/决策|投入/u, '决策'],
  [/过程/u, '过程'],
  [/产出/u, '产出'],
  [/效益|效果/u, '效益'],
];

/** SPEC §3 family C: which 一级 each standard 二级 name belongs under. */
const PART_OF_LEVEL2: [RegExp, FrameworkPart][] = [
  [/^(项目立项|绩效目标|资金投入)/u, '决策'],
  [/^(资金管理|组织实施|业务管理|财务管理)/u, '过程'],
  [/^(产出)?(数量|质量|时效|成本)(指标)?$/u, '产出'],
  [/^(经济|社会|生态|环境|生态环境)效益|^可持续影响|满意度/u, '效益'],
];

export function partOfLevel1(name: string): FrameworkPart | null {
  return PART_OF_LEVEL1.find(([re]) => re.test(name))?.[1] ?? null;
}

export function partOfLevel2(name: string): FrameworkPart | null {
  return PART_OF_LEVEL2.find(([re]) => re.test(name))?.[1] ?? null;
}
