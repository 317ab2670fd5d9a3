import { describe, it, expect } from 'vitest';
import { parseNumberCell } from '../../../src/core/values/number';

describe('parseNumberCell: number cells', () => {
  it('reads a plain number with the decimals it takes to write it', () => {
    expect(parseNumberCell(15)).toEqual({ ok: true, value: 15, percent: false, decimals: 0, raw: '15' });
    expect(parseNumberCell(152.5)).toEqual({ ok: true, value: 152.5, percent: false, decimals: 1, raw: '152.5' });
    expect(parseNumberCell(38.1692, 'General')).toEqual({ ok: true, value: 38.1692, percent: false, decimals: 4, raw: '38.1692' });
  });

  it('reads a percent-formatted number as a fraction with the format precision', () => {
    expect(parseNumberCell(0.95, '0%')).toEqual({ ok: true, value: 0.95, percent: true, decimals: 0, raw: '95%' });
    expect(parseNumberCell(0.9999, '0.00%')).toEqual({ ok: true, value: 0.9999, percent: true, decimals: 2, raw: '99.99%' });
    expect(parseNumberCell(1, '0.00%')).toEqual({ ok: true, value: 1, percent: true, decimals: 2, raw: '100.00%' });
    expect(parseNumberCell(0.99998, '0%')).toEqual({ ok: true, value: 0.99998, percent: true, decimals: 0, raw: '100%' });
  });

  it('prefers the host text as raw', () => {
    expect(parseNumberCell(1.3658, '0.00%', '136.58%')).toEqual({ ok: true, value: 1.3658, percent: true, decimals: 2, raw: '136.58%' });
  });

  it('takes a percent from the display when no format is known', () => {
    expect(parseNumberCell(0.95, null, '95%')).toEqual({ ok: true, value: 0.95, percent: true, decimals: 0, raw: '95%' });
  });

  it('never gives -0', () => {
    const r = parseNumberCell(-0);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });
});

describe('parseNumberCell: text cells', () => {
  it.each([
    ['　152.5', 152.5, 1],
    ['30 ', 30, 0],
    ['１５', 15, 0],
    ['-3', -3, 0],
    ['－3', -3, 0],
    ['1,234.5', 1234.5, 1],
    ['3,393.90', 3393.9, 2],
    ['\u3000\u300010\u3000', 10, 0],
    ['+7', 7, 0],
    ['.5', 0.5, 1],
  ])('%j is the number %d', (text, value, decimals) => {
    expect(parseNumberCell(text)).toEqual({ ok: true, value, percent: false, decimals, raw: text });
  });

  it.each([
    ['100%', 1, 0],
    ['１００％', 1, 0],
    ['95%', 0.95, 0],
    ['136.58%', 1.3658, 2],
    ['99.99%', 0.9999, 2],
    ['　100%', 1, 0],
    ['95.04%　', 0.9504, 2],
    ['0.3%', 0.003, 1],
    ['95 %', 0.95, 0],
  ])('%j is the fraction %d', (text, value, decimals) => {
    expect(parseNumberCell(text)).toEqual({ ok: true, value, percent: true, decimals, raw: text });
  });

  it('gives 136.58% as exactly 1.3658, without float noise', () => {
    const r = parseNumberCell('136.58%');
    expect(r.ok && r.value).toBe(1.3658);
    expect(r.ok && r.value).not.toBe(136.58 / 100);
  });

  it('treats a percent stored as a number and the same percent as text as equal', () => {
    const asNumber = parseNumberCell(0.95, '0%');
    const asText = parseNumberCell('95%');
    const fullWidth = parseNumberCell('９５％');
    expect(asNumber.ok && asText.ok && fullWidth.ok).toBe(true);
    if (asNumber.ok && asText.ok && fullWidth.ok) {
      expect(asText.value).toBe(asNumber.value);
      expect(fullWidth.value).toBe(asNumber.value);
      expect(asText.percent).toBe(asNumber.percent);
      expect(asText.decimals).toBe(asNumber.decimals);
    }
  });

  it.each(['31..5', '十五', 'abc', '1.2.3', '95%以上', '30人', '12,34', '.', '%', '1 234', '100%%', '1e3', '50万'])(
    '%j is invalid, never a number',
    (text) => {
      expect(parseNumberCell(text)).toEqual({ ok: false, reason: 'invalid', raw: text });
    },
  );

  // SPEC §1.5: the template's own marks in cells that do not apply (`-` was read as invalid before).
  it.each(['-', '—', '－', '——', '/', '／', '无'])('%j is "not applicable": no value, and not invalid', (text) => {
    expect(parseNumberCell(text)).toEqual({ ok: false, reason: 'notApplicable', raw: text });
  });

  it.each([
    ['50万元', 50],
    ['1,157.97万元', 1157.97],
    ['９.４８ 万元', 9.48],
  ])('%j is an amount in 万元: %d', (text, value) => {
    expect(parseNumberCell(text)).toMatchObject({ ok: true, value, percent: false });
  });

  it.each(['', '   ', '\u3000', '\u3000\t\n'])('%j is empty', (text) => {
    expect(parseNumberCell(text)).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('parseNumberCell: other values', () => {
  it('reads null as empty', () => {
    expect(parseNumberCell(null)).toEqual({ ok: false, reason: 'empty' });
  });

  it('reads an Excel error as invalid, never 0', () => {
    expect(parseNumberCell({ error: '#DIV/0!' })).toEqual({ ok: false, reason: 'invalid', raw: '#DIV/0!' });
    expect(parseNumberCell({ error: '#N/A' }, '0%')).toEqual({ ok: false, reason: 'invalid', raw: '#N/A' });
  });

  it('reads a boolean as invalid', () => {
    expect(parseNumberCell(true)).toEqual({ ok: false, reason: 'invalid', raw: 'TRUE' });
    expect(parseNumberCell(false)).toEqual({ ok: false, reason: 'invalid', raw: 'FALSE' });
  });

  it('reads a non-finite number as invalid', () => {
    expect(parseNumberCell(Number.NaN)).toEqual({ ok: false, reason: 'invalid', raw: 'NaN' });
  });
});
