import { shiftDecimal } from './decimal';

/**
 * Half-up rounding (ties away from zero) of the decimal a number is written as, not of its binary
 * approximation: 1.005 is stored as 1.00499999999999989…, yet roundHalfUp(1.005, 2) is 1.01.
 */
export function roundHalfUp(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  if (Number.isInteger(x) && decimals >= 0) return x;
  const scaled = shiftDecimal(Math.abs(x), decimals);
  // Beyond 2^52 every double is an integer already: nothing is left to round.
  if (scaled >= 2 ** 52) return x;
  const result = shiftDecimal(Math.round(scaled), -decimals);
  return result === 0 ? 0 : Math.sign(x) * result;
}
