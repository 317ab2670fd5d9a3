/**
 * Decimal arithmetic done through the shortest decimal string of a number, so moving the point adds no
 * binary error: shiftDecimal(1.3658, 2) is 136.58, where 1.3658 * 100 is 136.57999999999998.
 */

/** x × 10^places, exact to the decimal x is written as. */
export function shiftDecimal(x: number, places: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (places >= 0 && Number.isSafeInteger(x) && Math.abs(x) < 1e9) return x * 10 ** places;
  const [mantissa, exponent] = x.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** How many decimals it takes to write x: 15 → 0, 152.5 → 1, 0.003 → 3. */
export function decimalsNeeded(x: number): number {
  if (!Number.isFinite(x) || x === 0 || Number.isInteger(x)) return 0;
  const [mantissa, exponent] = Math.abs(x).toExponential().split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}
