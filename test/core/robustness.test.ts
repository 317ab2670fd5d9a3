import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import type { CellValue } from '../../src/core/sheet';
import { parseA1 } from '../../src/core/sheet';
import { LINCANG, MOF } from '../../src/core/rules/profile';
import { projectForm } from './formBuilder';

/** A small deterministic PRNG, so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK: CellValue[] = [
  null, '', '　', 0, -3, 1e12, 0.000001, 'abc', '31..5', '十五', '１００％', '95%以上', '≥', '=', '%', '—', '不适用',
  { error: '#DIV/0!' }, { error: '#REF!' }, true, false, '总分', '一级指标', '项目名称', '达成', '部分达成', '0', '100%', 150, '-5',
];

function finite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(finite);
  if (x && typeof x === 'object') return Object.values(x).every(finite);
  return true;
}

describe('robustness: whatever the cells hold, check answers and never crashes', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('random damage, seed %i', (seed) => {
    const rand = rng(seed);
    const model = projectForm();
    for (let k = 0; k < 25; k++) {
      const r = Math.floor(rand() * model.values.length);
      const c = Math.floor(rand() * 10);
      model.values[r][c] = JUNK[Math.floor(rand() * JUNK.length)];
    }
    for (const profile of [MOF, LINCANG]) {
      const result = check(model, profile);
      expect(finite(result), 'no NaN or Infinity anywhere in the result').toBe(true);
      for (const f of result.forms) {
        for (const x of f.findings) {
          const { row, col } = parseA1(x.cell);
          expect(row).toBeGreaterThanOrEqual(0);
          expect(col).toBeGreaterThanOrEqual(0);
          expect(x.message.length).toBeGreaterThan(5);
          expect(x.message).not.toMatch(/undefined|null|NaN|\[object/);
        }
        for (const i of f.indicators) expect(i.rule).not.toMatch(/undefined|NaN/);
      }
      for (const fill of result.fills) expect(typeof fill.value === 'string' || Number.isFinite(fill.value)).toBe(true);
    }
  });

  it('an empty sheet, a sheet of junk and a lone header give no forms and no crash', () => {
    expect(check({ name: 'e', top: 0, left: 0, values: [], merges: [] }).forms).toEqual([]);
    expect(check({ name: 'j', top: 3, left: 2, values: [[1, 'x', null], [{ error: '#N/A' }, true, '总分']], merges: [] }).forms).toEqual([]);
    const header = check({ name: 'h', top: 0, left: 0, values: [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']], merges: [] });
    expect(header.forms).toHaveLength(1);
    expect(header.forms[0].indicators).toEqual([]);
  });
});
