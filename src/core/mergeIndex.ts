/**
 * A sheet's merges, indexed for "which merge holds this cell", which the rules ask for every cell they
 * read. Over the merges' bounding box, a grid holding each cell's merge (its number in a typed array: on
 * the 1,000-form bench sheet 1 MB outside the JS heap, where lists of merges by row were 5 MB of small
 * arrays for the collector to copy). A box too large, or merges piled on each other, are indexed by row.
 * Where merges overlap, the first of them in the model's order holds the cell.
 */
import type { CellRange } from './sheet';

/** The largest bounding box laid out as a grid (16 MB); 1,000 stacked forms are ~260,000 cells. */
const GRID_LIMIT = 4_000_000;

export class MergeIndex {
  private readonly merges: readonly CellRange[];
  private readonly top: number;
  private readonly left: number;
  private readonly bottom: number;
  private readonly right: number;
  /** Per cell of the box, row by row: 1 + the index of its merge, or 0. */
  private readonly grid: Int32Array | null = null;
  /** Otherwise the merges crossing each row, by row − top. */
  private readonly byRow: (CellRange[] | undefined)[] | null = null;

  constructor(merges: readonly CellRange[]) {
    this.merges = merges;
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    let area = 0;
    for (let k = 0; k < merges.length; k++) {
      const m = merges[k];
      if (m.top < top) top = m.top;
      if (m.left < left) left = m.left;
      if (m.bottom > bottom) bottom = m.bottom;
      if (m.right > right) right = m.right;
      area += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    }
    this.top = top;
    this.left = left;
    this.bottom = bottom;
    this.right = right;
    if (merges.length === 0) return;
    const width = right - left + 1;
    const box = (bottom - top + 1) * width;
    if (box <= GRID_LIMIT && area <= GRID_LIMIT) {
      const grid = new Int32Array(box);
      // Last to first, so that where merges overlap the first one stays.
      for (let k = merges.length - 1; k >= 0; k--) {
        const m = merges[k];
        for (let r = m.top; r <= m.bottom; r++) grid.fill(k + 1, (r - top) * width + m.left - left, (r - top) * width + m.right - left + 1);
      }
      this.grid = grid;
      return;
    }
    const byRow: (CellRange[] | undefined)[] = [];
    for (let k = 0; k < merges.length; k++) {
      const m = merges[k];
      for (let r = m.top; r <= m.bottom; r++) {
        const list = byRow[r - top];
        if (list) list.push(m);
        else byRow[r - top] = [m];
      }
    }
    this.byRow = byRow;
  }

  /**
   * Whether no two merges share a cell, as far as the grid shows: true when every merge fills cells of its
   * own; false when two overlap, or when the merges were indexed by row (then not looked at).
   */
  get overlapFree(): boolean {
    if (this.merges.length === 0) return true;
    if (!this.grid) return false;
    let area = 0;
    for (const m of this.merges) area += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    let filled = 0;
    for (let k = 0; k < this.grid.length; k++) if (this.grid[k] !== 0) filled++;
    return filled === area;
  }

  /** Whether (row, col) lies inside a merge without being its top-left (master) cell. */
  covers(row: number, col: number): boolean {
    const m = this.at(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** The merge holding (row, col), if any. */
  at(row: number, col: number): CellRange | undefined {
    if (row < this.top || row > this.bottom || col < this.left || col > this.right) return undefined;
    if (this.grid) {
      const k = this.grid[(row - this.top) * (this.right - this.left + 1) + col - this.left];
      return k === 0 ? undefined : this.merges[k - 1];
    }
    const list = this.byRow![row - this.top];
    if (!list) return undefined;
    for (const m of list) if (col >= m.left && col <= m.right) return m;
    return undefined;
  }
}
