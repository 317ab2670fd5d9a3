import { describe, expect, it } from 'vitest';
import { displayText } from '../../../src/hosts/workbook';

describe('displayText: what Excel shows for a number under its format', () => {
  it.each([
    ['0.00%', 1.3658, '136.58%'],
    ['0%', 0.955, '96%'],
    ['0.0%', -0.125, '-12.5%'],
    ['0.00', 1.005, '1.01'],
    ['0', 2.5, '3'],
    ['#,##0.00', 1234567.891, '1,234,567.89'],
    ['#,##0', -1234.5, '-1,235'],
    ['#,##0.##', 12.5, '12.5'],
    ['0.00_ ', 3, '3.00 '],
    ['#,##0.00_ ;[Red]-#,##0.00 ', -5, '-5.00 '],
    ['#,##0.00;(#,##0.00)', -3, '(3.00)'],
    ['0;-0;"-"', 0, '-'],
    ['0.00"万元"', 152.5, '152.50万元'],
    ['"¥"#,##0.00', 12, '¥12.00'],
    ['[$¥-804]#,##0.00', 12, '¥12.00'],
    ['#,##0.0,', 1234567, '1,234.6'],
    ['General', 0.1 + 0.2, '0.3'],
    ['General', 1 / 3, '0.333333333'],
    ['General', 152.5, '152.5'],
    ['General', 123456789012, '1.23457E+11'],
    [null, 30, '30'],
    ['@', 12, '12'],
    ['yyyy"年"m"月"d"日"', 45306, '2024年1月15日'],
    ['yyyy-mm-dd hh:mm:ss', 45306.5, '2024-01-15 12:00:00'],
    ['yyyy/m/d', 45306, '2024/1/15'],
    ['h:mm AM/PM', 0.75, '6:00 下午'],
    ['0.00E+00', 12345, '12345'], // scientific formats fall back to General
    ['# ?/?', 0.5, '0.5'], // fractions fall back to General
  ])('%s, %d → %s', (format, value, text) => {
    expect(displayText(value, format)).toBe(text);
  });
});

describe('displayText: every finite number, however large or small, as Excel writes it', () => {
  it.each([
    ['General', 1e-7, '0.0000001'],
    ['General', 1e21, '1E+21'],
    ['General', -1e-300, '-1E-300'],
    ['General', Number.MAX_VALUE, '1.79769E+308'],
    ['0.00', 1e21, '1000000000000000000000.00'],
    ['#,##0.00', 1e21, '1,000,000,000,000,000,000,000.00'],
    ['0.00', 1e-7, '0.00'],
    ['0.00%', 1e-7, '0.00%'],
    ['0.00%', -1e21, '-100000000000000000000000.00%'],
    ['0.00', 0.995, '1.00'],
    ['0.00', 9.995, '10.00'],
    ['0', 0.5, '1'],
    ['0.0', 0.04, '0.0'],
    ['#,##0.0,', 1e300, `1${'0'.repeat(297)}.0`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')],
  ])('%s, %d → %s', (format, value, text) => {
    expect(displayText(value, format)).toBe(text);
  });

  it('never writes NaN, Infinity or a JavaScript exponent for a finite number', () => {
    const formats = [null, '0.00', '0.00%', '#,##0.00', '#,##0.0,', '0.00"万元"', '0%'];
    const values = [0, 5e-324, 1e-300, 1e-20, 1e-7, 0.1, 1, 123.456, 1e15, 1e20, 1e21, 1e100, Number.MAX_VALUE];
    for (const f of formats) {
      for (const v of values) {
        for (const x of [v, -v]) expect(displayText(x, f)).not.toMatch(/NaN|Infinity|\de[+-]/);
      }
    }
  });
});

