/**
 * Merged ranges that overlap another: Excel never saves them (it repairs such a file on opening), but a
 * hand-made or damaged file can hold them, and applying them would turn cells holding values into
 * covered cells: a form would vanish. Merges that overlap another are left out, all of them (no order
 * makes one the right one), and reported; the annotated copy carries the file's merges exactly as they
 * were (the patcher never touches `<mergeCells>`). Each merge is checked only against the merges near
 * it (an index of rows in blocks of 64): linear, not quadratic, in the 35,000 merges of 1,000 forms.
 */
import type { CellRange } from '../../core/sheet';

const BLOCK = 64;

export interface Merge {
  r: CellRange;
  text: string;
}

/**
 * The merges that overlap no other, in file order, and those left out with one each overlaps. Shared by
 * the reader (sheetjsRead.ts) and the tests' ExcelJS model (scripts/excelJsModel.ts), so they leave out the same merges.
 */
export function withoutOverlaps(merges: readonly Merge[]): { kept: Merge[]; overlapping: [string, string][] } {
  const index = new MergeIndex();
  for (const m of merges) index.add(m);
  const kept: Merge[] = [];
  const overlapping: [string, string][] = [];
  for (const m of merges) {
    const other = index.overlapping(m);
    if (other !== null) overlapping.push([m.text, other.text]);
    else kept.push(m);
  }
  return { kept, overlapping };
}

/** Applied merges by blocks of rows, to find an overlapping one without looking at all of them. */
class MergeIndex {
  private readonly blocks = new Map<number, Merge[]>();

  /** Another merge sharing a cell with `m`, or null. */
  overlapping(m: Merge): Merge | null {
    const r = m.r;
    for (let b = Math.floor(r.top / BLOCK); b <= Math.floor(r.bottom / BLOCK); b++) {
      for (const o of this.blocks.get(b) ?? []) {
        if (o !== m && o.r.top <= r.bottom && r.top <= o.r.bottom && o.r.left <= r.right && r.left <= o.r.right) return o;
      }
    }
    return null;
  }

  add(m: Merge): void {
    for (let b = Math.floor(m.r.top / BLOCK); b <= Math.floor(m.r.bottom / BLOCK); b++) {
      let list = this.blocks.get(b);
      if (!list) this.blocks.set(b, (list = []));
      list.push(m);
    }
  }
}
