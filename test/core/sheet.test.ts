import { describe, expect, it } from 'vitest';
import { SheetView, a1, parseA1, parseRangeA1, rangeA1, columnLetters } from '../../src/core/sheet';

describe('sheet model', () => {
  it('converts A1 addresses both ways', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(a1(6, 7)).toBe('H7');
    expect(parseA1('$AB$12')).toEqual({ row: 11, col: 27 });
    expect(rangeA1(parseRangeA1('J27:A1'))).toBe('A1:J27');
  });

  it('reads a merged cell as its master, also where the merge reaches past the last value column', () => {
    const v = new SheetView({
      name: 's',
      top: 0,
      left: 0,
      values: [
        ['a', null],
        ['b', null],
      ],
      merges: [
        { top: 0, left: 1, bottom: 0, right: 3 },
        { top: 0, left: 0, bottom: 1, right: 0 },
      ],
    });
    expect(v.value(1, 0)).toBe('a');
    expect(v.master(0, 3)).toEqual({ row: 0, col: 1 });
    // (1, 0) must not be taken for a cell of the first row's merge.
    expect(v.mergeAt(1, 1)).toBeUndefined();
    expect(v.isEmpty(0, 2)).toBe(true);
  });

  it('shows percentages by their number format when the host gives no text', () => {
    const v = new SheetView({ name: 's', top: 0, left: 0, values: [[1.3658, 0.5]], formats: [['0.00%', '0%']], merges: [] });
    expect(v.text(0, 0)).toBe('136.58%');
    expect(v.text(0, 1)).toBe('50%');
  });
});
