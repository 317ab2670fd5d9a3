import type { Family } from '../family';
import { checkTargetsForm } from './check';
import { targetsHeader, type TargetsHeader } from './header';
import { targetsLayout, type TargetsLayout } from './layout';

/** 绩效目标完成情况表, the companion of each 计分表: 预算指标值 against its 执行结果, no weights, no scores. */
export const targetsFamily: Family<TargetsHeader, TargetsLayout> = {
  name: '绩效目标完成情况表',
  header: targetsHeader,
  layout: targetsLayout,
  check: checkTargetsForm,
};
