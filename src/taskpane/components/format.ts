import type { Finding } from '../../core/result';

/** A fix value as the cell will show it (`0.00%` → 98.50%). */
export function formatFix(fix: NonNullable<Finding['fix']>): string {
  const { value, numberFormat } = fix;
  if (typeof value !== 'number') return value;
  const fmt = numberFormat ?? '';
  const decimals = /0\.(0+)/.exec(fmt)?.[1].length ?? null;
  if (fmt.includes('%')) return `${(value * 100).toFixed(decimals ?? 0)}%`;
  if (decimals !== null) return value.toFixed(decimals);
  return String(Math.round(value * 100) / 100);
}
