import { describe, it, expect } from 'vitest';
import { isCompletionRate, parseIndicatorValue } from '../../../src/core/values/indicator';

function rate(target: Parameters<typeof parseIndicatorValue>[0], actual: Parameters<typeof parseIndicatorValue>[0], actualFormat?: string) {
  return isCompletionRate(parseIndicatorValue(target), parseIndicatorValue(actual, actualFormat));
}

describe('isCompletionRate', () => {
  it('is a bare percentage against a non-percent quantitative target', () => {
    expect(rate('30人', '100%')).toBe(true);
    expect(rate('不高于3800元', '100%')).toBe(true);
    expect(rate('=68.95（万元）', '98.5%')).toBe(true);
    expect(rate(15, '100%')).toBe(true);
    expect(rate('30人', 1, '0%')).toBe(true);
    expect(rate('30人', '完成率100%')).toBe(true);
  });

  it('is not one when the target is a percentage', () => {
    expect(rate('≥95%', '96%')).toBe(false);
    expect(rate('100%', '100%')).toBe(false);
    expect(isCompletionRate(parseIndicatorValue(0.95, '0%'), parseIndicatorValue('96%'))).toBe(false);
  });

  it('is never one against a qualitative target', () => {
    expect(rate('满意', '95%以上')).toBe(false);
    expect(rate('满意', '100%')).toBe(false);
    expect(rate('基本满意', '95%')).toBe(false);
  });

  it('is not one when the actual has an operator or a unit, or is not a percent', () => {
    expect(rate('30人', '95%以上')).toBe(false);
    expect(rate('30人', '≥100%')).toBe(false);
    expect(rate('30人', '=100%')).toBe(false);
    expect(rate('30人', '30人')).toBe(false);
    expect(rate('30人', 30)).toBe(false);
    expect(rate('30人', '满意')).toBe(false);
  });

  it('is not one when either side is empty', () => {
    expect(rate(null, '100%')).toBe(false);
    expect(rate('30人', null)).toBe(false);
  });
});
