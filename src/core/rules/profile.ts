import type { Role } from '../recognize/lexicon';

/**
 * A scoring profile: the parameters in which provinces differ (SPEC §3). Profiles change numbers, never
 * code. A province writes its own as JSON in this shape (see README "Profile format").
 */

export interface GradeThreshold {
  /** 优 / 良 / 中 / 差 */
  label: string;
  /** Lowest 总分 for this grade (inclusive). */
  min: number;
}

export interface Profile {
  id: string;
  name: string;
  /** Highest threshold first; the last one should have min 0. */
  grades: GradeThreshold[];
  /** 预算执行率 分值. */
  budgetWeight: number;
  /** Expected 一级 weights by 一级 name stem (产出/效益/满意度); empty to skip the check. */
  level1Weights: Record<string, number>;
  /** When a form has no 满意度 indicator, its weight moves to 产出 (MoF practice). */
  satisfactionMovesToOutput: boolean;
  /** Σ of all indicator weights, where the profile fixes it (临沧: 90). null: 100 − budgetWeight. */
  indicatorsWeight: number | null;
  /** Highest weight one 三级 indicator may carry; null for no limit. */
  indicatorWeightLimit: number | null;
  /** Reverse (lower-is-better) indicators: `ratio` w × t / a, `linear` w × (1 − (a − t) / t), 0 at 2t. */
  reverseFormula: 'ratio' | 'linear';
  /** Lower bounds of the qualitative bands as fractions of the weight: 达成 ≥ achieved, 部分达成 ≥ partial. */
  qualitativeBands: { achieved: number; partial: number };
  /** When 偏差原因分析 must be filled. */
  reasonRequired: {
    /** Effective score below 分值 (always in the SPEC). */
    belowWeight: boolean;
    /** 执行率 below this fraction needs a reason (四川: 0.9); null: never. */
    executionRateBelow: number | null;
    /** a ≥ t × this on a positive indicator needs a reason (广西: 1.3 → warning); null: info only. */
    overachievementAt: number | null;
  };
  /** Wordings a province adds to the role lexicon (`{ "actual": ["实际完成情况"] }`); see `recognize/lexicon.ts`. */
  wordings: Partial<Record<Role, readonly string[]>>;
}

export const MOF: Profile = {
  id: 'mof',
  name: '财政部通用（财预〔2020〕10号）',
  grades: [
    { label: '优', min: 90 },
    { label: '良', min: 80 },
    { label: '中', min: 60 },
    { label: '差', min: 0 },
  ],
  budgetWeight: 10,
  level1Weights: { 产出: 50, 效益: 30, 满意度: 10 },
  satisfactionMovesToOutput: true,
  indicatorsWeight: null,
  indicatorWeightLimit: null,
  reverseFormula: 'ratio',
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  reasonRequired: { belowWeight: true, executionRateBelow: null, overachievementAt: null },
  wordings: {},
};

export const LINCANG: Profile = {
  id: 'lincang',
  name: '临沧市（临财绩发〔2021〕4号）',
  grades: [
    { label: '优', min: 95 },
    { label: '良', min: 85 },
    { label: '中', min: 60 },
    { label: '差', min: 0 },
  ],
  budgetWeight: 10,
  level1Weights: {},
  satisfactionMovesToOutput: false,
  indicatorsWeight: 90,
  indicatorWeightLimit: 30,
  reverseFormula: 'ratio',
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  reasonRequired: { belowWeight: true, executionRateBelow: null, overachievementAt: null },
  wordings: {},
};

/**
 * 湖北 (鄂财绩发〔2021〕 项目支出绩效自评表, SPEC §1.5 湖北-style): 预算执行 20 分 scored 20 × 执行率, 年度绩效目标
 * 80 分, qualitative bands 80/50. Its tables carry no per-indicator 分值 column: their weights, where stated,
 * are in the labels.
 */
export const HUBEI: Profile = {
  ...MOF,
  id: 'hubei',
  name: '湖北省（预算执行 20 分）',
  budgetWeight: 20,
  level1Weights: {},
  indicatorsWeight: 80,
  qualitativeBands: { achieved: 0.8, partial: 0.5 },
  reasonRequired: { ...MOF.reasonRequired },
  wordings: {},
};

/**
 * 四川 (部门预算项目支出绩效自评表, 报表编号 510000_0013zp): 预算执行情况 10 分 + 绩效指标 90 分, 权重 and 完成值
 * columns, a 合计 row; 执行率 below 90% needs a reason.
 */
export const SICHUAN: Profile = {
  ...MOF,
  id: 'sichuan',
  name: '四川省（510000 模板）',
  budgetWeight: 10,
  level1Weights: {},
  indicatorsWeight: 90,
  reasonRequired: { belowWeight: true, executionRateBelow: 0.9, overachievementAt: null },
  wordings: {},
};

export const BUILT_IN_PROFILES: readonly Profile[] = [MOF, LINCANG, HUBEI, SICHUAN];

export function builtInProfile(id: string): Profile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.id === id);
}
