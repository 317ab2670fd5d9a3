import type { Finding } from '../../core/result';
import { displayValue } from '../../core/marks';

/** A fix value as the cell will show it (`0.00%` → 98.50%). */
export function formatFix(fix: NonNullable<Finding['fix']>): string {
  return displayValue(fix.value, fix.numberFormat);
}
