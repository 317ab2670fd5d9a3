/**
 * What an Excel number format says about how a number is shown. Only the first section counts (the one
 * for positive numbers); quoted literals, escaped characters, `[Red]`/`[$-804]` tags and padding
 * (`_)`, `*-`) are not format codes, so `0"%"` is not a percent format.
 */
import { memoizeString } from './memo';

const formatCodes = memoizeString((format: string): string => format.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '').split(';')[0], 1000);

/** True when the format multiplies by 100 and shows `%` (`0%`, `0.00%`). */
export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && formatCodes(format).includes('%');
}

/** Digit places after the decimal point (`0.00%` → 2, `0%` → 0, `#,##0.0#` → 2). */
export function formatDecimals(format: string | null | undefined): number {
  if (!format) return 0;
  const m = /\.([0#?]+)/.exec(formatCodes(format));
  return m ? m[1].length : 0;
}

/**
 * True when the format shows a date or a time (`yyyy/m/d`, `m月d日`, `h:mm`, `[$-804]e"年"`): the number
 * under it is a day count, not a quantity. `General` and the exponent of `0.00E+00` are not date codes.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const codes = formatCodes(format).replace(/general/gi, '').replace(/E[+-]/g, '');
  return /[dmyhseDMYHS]/.test(codes);
}
