import { describe, expect, it } from 'vitest';
import { memoizeString } from '../../../src/core/values/memo';

describe('memoizeString', () => {
  it('computes each string once while it is remembered, and forgets past its limit', () => {
    const seen: string[] = [];
    const f = memoizeString((s: string) => {
      seen.push(s);
      return s.length === 0 ? null : s.toUpperCase();
    }, 2);
    expect(f('a')).toBe('A');
    expect(f('a')).toBe('A');
    expect(f('')).toBeNull();
    expect(f('')).toBeNull();
    expect(seen).toEqual(['a', '']);
    f('b'); // third entry: the cache starts over
    f('a');
    expect(seen).toEqual(['a', '', 'b', 'a']);
  });
});
