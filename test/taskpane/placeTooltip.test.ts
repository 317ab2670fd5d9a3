import { describe, expect, it } from 'vitest';
import { placeTooltip } from '../../src/taskpane/browser/SheetGrid';

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 120 };

describe('placeTooltip', () => {
  it('puts a note below its cell where there is room', () => {
    expect(placeTooltip({ top: 100, left: 50, bottom: 120, right: 114 }, size, viewport)).toEqual({ top: 122, left: 50 });
  });

  it('puts it above a cell near the bottom of the window', () => {
    const at = placeTooltip({ top: 760, left: 50, bottom: 780, right: 114 }, size, viewport);
    expect(at.top + size.height).toBeLessThanOrEqual(760);
    expect(at.top).toBe(760 - 2 - 120);
  });

  it('moves it left for a cell near the right edge, and never off the top or left', () => {
    const at = placeTooltip({ top: 10, left: 900, bottom: 30, right: 964 }, size, viewport);
    expect(at.left + size.width).toBeLessThanOrEqual(viewport.width);
    expect(placeTooltip({ top: 10, left: 5, bottom: 30, right: 60 }, { width: 2000, height: 900 }, viewport)).toEqual({ top: 0, left: 0 });
  });
});
