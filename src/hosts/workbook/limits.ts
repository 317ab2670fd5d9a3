/**
 * How big a workbook may be before it is parsed. A reader holds every cell as an object (SheetJS's dense
 * cells; ExcelJS, the reader before, about 1.1 KB a cell), so a sheet whose XML inflates to hundreds of MB
 * exhausts Node's heap. The zip's directory states each part's inflated size: a workbook past the limits is refused from
 * that alone, and every part is then inflated as a stream (nothing kept), stopping as soon as it grows past
 * the limit — a directory that lies about sizes is caught without holding the part — while
 * the worksheets' cells are counted. A check (inflateWithinLimits) inflates each part once, in one piece,
 * for both this count and the parse; only a package where that does not simply hold is measured as a stream.
 */
import { MergeArea, mergeBreachMessage } from './mergeArea';
import { concat, inflateParts, inflateWholeParts, type RawInflate, type ZipEntry } from './zip';

export interface ReadLimits {
  /** Inflated size of all the package's parts together, in bytes. */
  maxBytes: number;
  /** Cells stored in all worksheets together, with the cells their merges cover. */
  maxCells: number;
  /** How the user raises each limit, where they can (the CLI's options); said in the refusal. */
  howToRaise?: { bytes: string; cells: string };
}

/** Far above any real 自评表 workbook: 1,000 stacked forms are 225,850 cells (367,611 with the cells their merges cover) and 10 MB of XML. */
export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 200 * 2 ** 20, maxCells: 1_000_000 };

export type LimitBreach =
  /** `atLeast`: found while inflating, where reading stopped; otherwise as the directory states. */
  | { kind: 'bytes'; part: string; partBytes: number; total: number; atLeast: boolean }
  | { kind: 'cells'; part: string; cells: number }
  /** The merges of the part cover so many cells (the largest named). */
  | { kind: 'merges'; part: string; cells: number; largest: { ref: string; cells: number } }
  /** A part that could not be inflated and measured, or that the directory names but the data does not hold where it says. */
  | { kind: 'unmeasured'; part: string };

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/** The first limit the package breaks, or null when within them. */
export function limitBreach(bytes: Uint8Array, entries: readonly ZipEntry[], limits: ReadLimits): LimitBreach | null {
  const stated = entries.reduce((n, e) => n + e.size, 0);
  if (stated > limits.maxBytes) {
    const largest = entries.reduce((a, b) => (b.size > a.size ? b : a));
    return { kind: 'bytes', part: largest.name, partBytes: largest.size, total: stated, atLeast: false };
  }
  let total = 0;
  let cells = 0;
  let breach: LimitBreach | null = null;
  let part = '';
  let partBytes = 0;
  let counter: CellCounter | null = null;
  let merges: MergeArea | null = null;
  let mergeCells = 0;
  const measured = new Map<string, number>();
  const failed = inflateParts(
    bytes,
    () => true,
    (name, chunk) => {
      if (name !== part) {
        if (counter) cells += counter.count;
        if (merges) mergeCells += merges.cells;
        part = name;
        partBytes = 0;
        counter = WORKSHEET.test(name) ? new CellCounter() : null;
        merges = WORKSHEET.test(name) ? new MergeArea() : null;
      }
      partBytes += chunk.length;
      total += chunk.length;
      measured.set(name, (measured.get(name) ?? 0) + chunk.length);
      // Past the limit, whatever the directory stated: a lying directory is caught here, holding nothing.
      if (total > limits.maxBytes) breach = { kind: 'bytes', part: name, partBytes, total, atLeast: true };
      else if (counter && merges) {
        counter.push(chunk);
        merges.push(chunk);
        const all = cells + counter.count + mergeCells + merges.cells;
        if (merges.largest && all > limits.maxCells && mergeCells + merges.cells > 0) breach = { kind: 'merges', part: name, cells: all, largest: merges.largest };
        else if (all > limits.maxCells) breach = { kind: 'cells', part: name, cells: all };
      }
      return breach !== null;
    },
  );
  return breach ?? unmeasuredPart(entries, measured, failed);
}

/** A package within the limits, inflated: part name → its bytes (folders left out). */
export type InflatedParts = Map<string, Uint8Array>;

/**
 * The same bounds as `limitBreach`, and the parts inflated once for both the bounds and the parse. The
 * stated sizes are checked first; then each part is inflated whole into a buffer of its stated size (and
 * one byte), which never holds more than the limits allow, and the cells counted. A package whose parts
 * all inflate to exactly their stated sizes, within the cell limit, is handed over. Any other — a part
 * longer or shorter than stated, one that cannot be inflated, a cell count past the limit — is measured
 * again by `limitBreach`'s stream, so that what it is refused with is exactly what `limitBreach` says; one
 * that the stream finds within the limits after all (a part longer than stated, the total still within
 * them) gets `parts: null`, for the parser to open the bytes itself, as without this function.
 */
export function inflateWithinLimits(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: ReadLimits,
  inflate?: RawInflate,
): { breach: LimitBreach; parts: null } | { breach: null; parts: InflatedParts | null } {
  const stated = new Map<string, number>();
  for (const e of entries) stated.set(e.name, (stated.get(e.name) ?? 0) + e.size);
  let statedTotal = 0;
  for (const size of stated.values()) statedTotal += size;
  const parts: InflatedParts = new Map();
  const measured = new Map<string, number>();
  let cells = 0;
  // Deflate never grows data by more than 5 bytes a 64 KiB block: more stored than that, and the directory
  // understates the part; then the stream below measures it, rather than inflating it here into nothing.
  let plain = statedTotal <= limits.maxBytes && entries.every((e) => e.compressedSize <= e.size + 5 * Math.ceil(e.size / 65535) + 16);
  if (plain) {
    const failed = inflateWholeParts(
      bytes,
      (name) => stated.get(name) ?? 0,
      (name, data) => {
        measured.set(name, (measured.get(name) ?? 0) + data.length);
        if (!parts.has(name)) parts.set(name, data);
        if (WORKSHEET.test(name)) {
          const counter = new CellCounter();
          counter.push(data);
          // A merge counts by the cells it covers, as in limitBreach: past the limit, the stream names it.
          const merges = new MergeArea();
          merges.push(data);
          cells += counter.count + merges.cells;
        }
      },
      inflate,
    );
    plain = failed.length === 0 && cells <= limits.maxCells && [...stated].every(([name, size]) => (measured.get(name) ?? 0) === size);
  }
  if (plain) {
    for (const name of stated.keys()) if (name.endsWith('/')) parts.delete(name);
    return { breach: null, parts };
  }
  const breach = limitBreach(bytes, entries, limits);
  return breach ? { breach, parts: null } : { breach: null, parts: null };
}

/**
 * The measure above follows the stored data; SheetJS (like Excel) follows the directory. Each part must inflate to at
 * least what the directory states, or part of what the reader inflates went unmeasured: a damaged file, or
 * fflate's streaming reader cut an entry written with a data descriptor where its bytes happen to hold the
 * descriptor's signature (https://github.com/101arrowz/fflate/issues/243). Refused rather than read unmeasured.
 */
function unmeasuredPart(entries: readonly ZipEntry[], measured: ReadonlyMap<string, number>, failed: readonly string[]): LimitBreach | null {
  if (failed.length) return { kind: 'unmeasured', part: failed[0] };
  const stated = new Map<string, number>();
  for (const e of entries) stated.set(e.name, (stated.get(e.name) ?? 0) + e.size);
  for (const [name, size] of stated) if ((measured.get(name) ?? 0) < size) return { kind: 'unmeasured', part: name };
  return null;
}

const LT = 0x3c;
const C = 0x63;
const COLON = 0x3a;

/** Counts `<c …>` start tags (with or without a namespace prefix) across chunk boundaries. */
class CellCounter {
  count = 0;
  private tail = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    const data = this.tail.length ? concat(this.tail, chunk) : chunk;
    const end = data.length - 40;
    let p = data.indexOf(LT);
    while (p !== -1 && p < end) {
      if (isCellTag(data, p + 1)) this.count++;
      p = data.indexOf(LT, p + 1);
    }
    this.tail = p === -1 ? new Uint8Array(0) : data.slice(p);
  }
}

/** Whether the tag name starting at `q` is `c` or `prefix:c`, followed by a space, `>` or `/`. */
function isCellTag(data: Uint8Array, q: number): boolean {
  let start = q;
  for (let k = q; k < q + 32 && k < data.length; k++) {
    const b = data[k];
    if (b === COLON) start = k + 1;
    else if (!isNameByte(b)) break;
  }
  if (data[start] !== C) return false;
  const after = data[start + 1];
  return after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d;
}

function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e;
}

const MB = 2 ** 20;
const mb = (n: number): string => `${Number((n / MB).toFixed(1))} MB`;

/** The refusal in Chinese, naming the part and its size and the option that raises the limit. */
export function breachMessage(b: Exclude<LimitBreach, { kind: 'unmeasured' }>, limits: ReadLimits): string {
  const how = (h: string | undefined) => (h ? `（${h}）` : '');
  if (b.kind === 'merges') return mergeBreachMessage(b.part, b.largest, b.cells, limits.maxCells, how(limits.howToRaise?.cells));
  if (b.kind === 'cells') {
    return `工作簿过大，未读取：工作表部件 ${b.part} 处累计已超过 ${b.cells.toLocaleString('en-US')} 个单元格，超过上限 ${limits.maxCells.toLocaleString('en-US')} 个${how(limits.howToRaise?.cells)}。`;
  }
  const atLeast = b.atLeast ? '至少 ' : '';
  return `工作簿过大，未读取：部件 ${b.part} 解压后${atLeast ? '已达' : ''} ${mb(b.partBytes)}，整个工作簿解压后${atLeast} ${mb(b.total)}，超过上限 ${mb(limits.maxBytes)}${how(limits.howToRaise?.bytes)}。`;
}
