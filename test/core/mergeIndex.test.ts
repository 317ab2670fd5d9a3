/**
 * SheetView finds the merge holding a cell through MergeIndex (a grid over the merges' box, or lists by
 * row when the box is too large): it must answer as a plain search of the merges in order does — the
 * first merge holding the cell — for any merges, overlapping or far apart.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MergeIndex } from '../../src/core/mergeIndex';
import type { CellRange } from '../../src/core/sheet';

const firstHolding = (merges: readonly CellRange[], row: number, col: number) =>
  merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);

const range = (span: number, at: number) =>
  fc.tuple(fc.nat(span), fc.nat(span), fc.nat(6), fc.nat(6)).map(([r, c, h, w]): CellRange => ({ top: at + r, left: c, bottom: at + r + h, right: c + w }));

describe('the merge holding a cell', () => {
  it('is the first merge in order that holds it, on a grid', () => {
    fc.assert(
      fc.property(fc.array(range(30, 0), { maxLength: 25 }), fc.array(fc.tuple(fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 40 })), { maxLength: 60 }), (merges, cells) => {
        const index = new MergeIndex(merges);
        for (const [row, col] of cells) expect(index.at(row, col)).toBe(firstHolding(merges, row, col));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same when the box is too large for a grid (merges rows apart by millions)', () => {
    fc.assert(
      fc.property(fc.array(range(20, 0), { maxLength: 10 }), fc.array(range(20, 1_000_000), { minLength: 1, maxLength: 10 }), fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.boolean())), (near, far, cells) => {
        const merges = [...near, ...far];
        const index = new MergeIndex(merges);
        for (const [r, col, farAway] of cells) {
          const row = farAway ? 1_000_000 + r : r;
          expect(index.at(row, col)).toBe(firstHolding(merges, row, col));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('knows whether two merges share a cell, and which cells a merge covers besides its master', () => {
    const intersect = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
    fc.assert(
      fc.property(fc.array(range(30, 0), { maxLength: 12 }), fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 40 }), (merges, cells) => {
        const index = new MergeIndex(merges);
        const overlapping = merges.some((a, i) => merges.some((b, j) => i < j && intersect(a, b)));
        expect(index.overlapFree).toBe(!overlapping);
        for (const [row, col] of cells) {
          const m = firstHolding(merges, row, col);
          expect(index.covers(row, col)).toBe(m !== undefined && (m.top !== row || m.left !== col));
        }
      }),
      { numRuns: 2000 },
    );
    // Merges too far apart for a grid are not looked at: the reader then sorts them out itself.
    expect(new MergeIndex([{ top: 0, left: 0, bottom: 0, right: 1 }, { top: 2_000_000, left: 0, bottom: 2_000_000, right: 1 }]).overlapFree).toBe(false);
  });

  it('holds nothing without merges', () => {
    expect(new MergeIndex([]).at(0, 0)).toBeUndefined();
  });
});
