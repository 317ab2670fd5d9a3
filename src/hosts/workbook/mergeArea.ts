/**
 * The cells a worksheet's merges cover, counted from its XML as it is inflated. A reader expands a merge
 * into its cells (ExcelJS makes an object for each; SheetJS indexes each row), so one
 * `<mergeCell ref="AA1:XFD1048576"/>` in a 7 KB file would take gigabytes: a merge counts against the
 * cell limit by the cells it covers.
 */
import { parseRangeA1 } from '../../core/sheet';
import { concat } from './zip';

const NAME = Uint8Array.from('mergeCell', (c) => c.charCodeAt(0));
const GT = 0x3e;
/** A `<mergeCell …>` tag is short; a longer run without `>` is not one. */
const MAX_TAG = 512;

/** Fed a worksheet part chunk by chunk; `cells` is the Σ of the areas of the merges seen so far. */
export class MergeArea {
  cells = 0;
  /** The merge covering the most cells, to name in a refusal. */
  largest: { ref: string; cells: number } | null = null;
  private tail = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    const data = this.tail.length ? concat(this.tail, chunk) : chunk;
    let from = 0;
    let keep = Math.max(0, data.length - NAME.length);
    for (let p = data.indexOf(NAME[0], from); p !== -1; p = data.indexOf(NAME[0], from)) {
      from = p + 1;
      if (!startsWith(data, p, NAME)) continue;
      const after = data[p + NAME.length];
      if (after === undefined) {
        keep = Math.min(keep, p);
        break;
      }
      if (after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d) continue; // `mergeCells`, `</mergeCell>`
      const end = data.indexOf(GT, p);
      if (end === -1) {
        if (data.length - p < MAX_TAG) keep = Math.min(keep, p);
        break;
      }
      this.add(latin1(data.subarray(p, end)));
      from = end + 1;
      keep = Math.max(keep, end + 1);
    }
    this.tail = data.slice(Math.min(keep, data.length));
  }

  private add(tag: string): void {
    const ref = /\sref\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
    if (!ref) return;
    let cells: number;
    try {
      const r = parseRangeA1(ref.replace(/\$/g, ''));
      cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    } catch {
      return;
    }
    if (!Number.isFinite(cells) || cells <= 0) return;
    this.cells += cells;
    if (!this.largest || cells > this.largest.cells) this.largest = { ref, cells };
  }
}

/** Whether the needle is at `at` whole (a needle cut by the chunk's end is kept for the next chunk). */
function startsWith(data: Uint8Array, at: number, needle: Uint8Array): boolean {
  if (at + needle.length > data.length) return false;
  for (let k = 1; k < needle.length; k++) if (data[at + k] !== needle[k]) return false;
  return true;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The refusal of a workbook whose merges cover more cells than the limit. */
export function mergeBreachMessage(part: string, largest: { ref: string; cells: number }, total: number, maxCells: number, hint: string): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `工作簿过大，未读取：工作表部件 ${part} 中的合并单元格 ${largest.ref.replace(/[^A-Za-z0-9:$]/g, '')} 覆盖 ${n(largest.cells)} 个单元格，连同其他单元格累计 ${n(total)} 个，超过上限 ${n(maxCells)} 个${hint}。请在 Excel 中取消这一合并后再试。`;
}
