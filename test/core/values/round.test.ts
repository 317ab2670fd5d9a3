import { describe, it, expect } from 'vitest';
import { roundHalfUp } from '../../../src/core/values/round';

describe('roundHalfUp', () => {
  it('rounds the written decimal, not its binary approximation', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(1.045, 2)).toBe(1.05);
    expect(roundHalfUp(8.345, 2)).toBe(8.35);
  });

  it('rounds ties away from zero', () => {
    expect(roundHalfUp(0.5, 0)).toBe(1);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
  });

  it('rounds below a tie down', () => {
    expect(roundHalfUp(1.004999, 2)).toBe(1);
    expect(roundHalfUp(14.994, 2)).toBe(14.99);
  });

  it('cleans float noise from arithmetic', () => {
    expect(roundHalfUp(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundHalfUp(1.3658 * 100, 2)).toBe(136.58);
    expect(roundHalfUp((15 * 28) / 30, 2)).toBe(14);
  });

  it('rounds a ratio at 2 decimals the way the scores need', () => {
    expect(roundHalfUp((5 * 3800) / 4100, 2)).toBe(4.63);
    expect(roundHalfUp(0.99998, 4)).toBe(1);
    expect(roundHalfUp(0.99985, 4)).toBe(0.9999);
  });

  it('leaves integers, zero and non-finite values alone', () => {
    expect(roundHalfUp(100, 2)).toBe(100);
    expect(roundHalfUp(0, 2)).toBe(0);
    expect(Object.is(roundHalfUp(-0.001, 2), 0)).toBe(true);
    expect(roundHalfUp(Number.NaN, 2)).toBeNaN();
    expect(roundHalfUp(Infinity, 2)).toBe(Infinity);
  });

  it('handles numbers written with an exponent', () => {
    expect(roundHalfUp(1e-7, 2)).toBe(0);
    expect(roundHalfUp(5e-3, 2)).toBe(0.01);
    expect(roundHalfUp(1e21, 2)).toBe(1e21);
  });

  it('rounds to zero decimals and to tens', () => {
    expect(roundHalfUp(152.5, 0)).toBe(153);
    expect(roundHalfUp(1345, -1)).toBe(1350);
  });
});
