import type { Family } from '../family';
import { checkFrameworkForm } from './check';
import { frameworkHeader, type FrameworkHeader } from './header';
import { frameworkLayout, type FrameworkLayout } from './layout';

/**
 * Family C, 评价指标体系计分表 / 部门评价表: the 决策/过程/产出/效益 framework, each 三级 row a weight and a
 * score; weights in 分值 columns (五华 004) or in the labels (雁江 003).
 */
export const frameworkFamily: Family<FrameworkHeader, FrameworkLayout> = {
  name: '评价指标体系计分表',
  header: frameworkHeader,
  layout: frameworkLayout,
  check: checkFrameworkForm,
};
