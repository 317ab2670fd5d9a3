import type { LabelGrid } from '../../recognize/labelGrid';
import type { FundsLayout } from '../../recognize/layout';
import { isLabel, type LabelKey } from '../../recognize/labels';
import type { HeaderAnchor } from '../family';

/**
 * Family B (部门整体支出绩效自评表): the header 执行数 / 资金执行率 / 分值 / 得分 shares its row with 部门名称,
 * and the row below, 年度预算申请, holds `资金总额：2677.71` (the planned amount, as text) and the numbers.
 */
export function departmentFunds(grid: LabelGrid, h: HeaderAnchor, upper: number): FundsLayout | null {
  const { left, right } = h;
  for (let r = h.row - 1; r >= upper; r--) {
    const cells = grid.inRow(r, left, right);
    const executed = cells.find((c) => isLabel(c.key, 'deptExecuted'));
    if (!executed) continue;
    const colOf = (which: LabelKey) => cells.find((c) => isLabel(c.key, which))?.col ?? null;
    const valueRow = r + 1;
    const planned = grid.find(valueRow, (k) => k.startsWith('资金总额'), left, executed.col - 1);
    return {
      headerRow: r,
      cols: {
        initial: null,
        annual: planned?.col ?? null,
        executed: executed.col,
        weight: colOf('weight'),
        rate: colOf('deptRate') ?? colOf('rate'),
        score: colOf('score'),
      },
      totalRow: valueRow,
      complete: false,
      labelWeight: null,
      rows: [{ row: valueRow, label: grid.find(valueRow, (k) => isLabel(k, 'deptBudget'), left, right)?.text ?? '年度预算申请' }],
      annualLabel: '年度预算申请（资金总额）',
      annualPrefix: '资金总额',
      executedLabel: '执行数',
    };
  }
  return null;
}

