import { describe, it, expect } from 'vitest';
import { formatDecimals, isPercentFormat } from '../../../src/core/values/numberFormat';
import { decimalsNeeded, shiftDecimal } from '../../../src/core/values/decimal';

describe('isPercentFormat', () => {
  it('sees % in the format codes', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('[Red]0.0%;-0.0%')).toBe(true);
  });

  it('ignores % written as a literal and formats without %', () => {
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
    expect(isPercentFormat('0.00')).toBe(false);
    expect(isPercentFormat(null)).toBe(false);
    expect(isPercentFormat(undefined)).toBe(false);
  });
});

describe('formatDecimals', () => {
  it('counts the places after the point', () => {
    expect(formatDecimals('0.00%')).toBe(2);
    expect(formatDecimals('0%')).toBe(0);
    expect(formatDecimals('0.0%')).toBe(1);
    expect(formatDecimals('#,##0.00')).toBe(2);
    expect(formatDecimals('General')).toBe(0);
    expect(formatDecimals(null)).toBe(0);
  });

  it('reads only the first section and skips literals', () => {
    expect(formatDecimals('0.00%;[Red]-0.000%')).toBe(2);
    expect(formatDecimals('0"."000')).toBe(0);
  });
});

describe('shiftDecimal', () => {
  it('moves the point without binary error', () => {
    expect(shiftDecimal(1.3658, 2)).toBe(136.58);
    expect(shiftDecimal(136.58, -2)).toBe(1.3658);
    expect(shiftDecimal(0.07, 2)).toBe(7);
    expect(shiftDecimal(0, 2)).toBe(0);
  });
});

describe('decimalsNeeded', () => {
  it('counts the decimals it takes to write a number', () => {
    expect(decimalsNeeded(15)).toBe(0);
    expect(decimalsNeeded(152.5)).toBe(1);
    expect(decimalsNeeded(0.003)).toBe(3);
    expect(decimalsNeeded(1e-7)).toBe(7);
    expect(decimalsNeeded(1e21)).toBe(0);
    expect(decimalsNeeded(-20.88)).toBe(2);
  });
});
