/**
 * Points and amounts are compared as the form shows them, to two decimals: numbers that differ by no more
 * than half of the last shown digit are the same number as far as the form can say (a sum of 33.33 + 33.33
 * + 33.34 that floating point makes 99.99999999999999 is 100). One tolerance for every rule.
 */
const TOLERANCE = 0.005;

/** a and b differ by more than the form can show. */
export function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > TOLERANCE;
}

/** x is above `limit` by more than the form can show. */
export function exceeds(x: number, limit: number): boolean {
  return x > limit + TOLERANCE;
}

/** A score that no row of weight `weight` can have: below 0, or above its weight. */
export function outsideWeight(score: number, weight: number): boolean {
  return score < 0 || exceeds(score, weight);
}
