import type { FormLayout } from '../../recognize/layout';
import type { Family } from '../family';
import { checkProjectForm } from './check';
import { headerOf, type IndicatorHeader } from './header';
import { buildForm } from './layout';

/**
 * Family A, 项目支出绩效自评表 (and family B, 部门整体支出绩效自评表, which shares its indicator block and
 * differs only in the header block: `department/`): indicators with 年度指标值 / 实际完成值, scored by rule.
 */
export const projectFamily: Family<IndicatorHeader, FormLayout> = {
  name: '项目支出绩效自评表',
  header: (grid, start, group, end) => headerOf(grid, start.row, start, group.filter((c) => !c.key.includes('绩效指标')), end),
  layout: buildForm,
  check: checkProjectForm,
};
