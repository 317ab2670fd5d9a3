/**
 * Reads one worksheet into a SheetModel: the used range's values, formulas, display text, number formats
 * and merged areas.
 *
 * One sync, usually. The first sync cannot know how big the used range is, so it queues, blind:
 *   - Windows/Mac: one load of the whole used range (`getUsedRange(true)`: cells with values or formulas;
 *     borders and fills far below the form do not inflate it), and merged-area queries for rows
 *     1..DESKTOP_ROW_HORIZON in blocks of MERGE_BLOCK_ROWS (the 512-areas-per-call limit), each against
 *     entire rows so it never depends on the used range's size.
 *   - web: the used range's first rows (what fits the 5 MB response, see limits.ts), same merge blocks.
 * The result tells the used range's size; what is left (rows below the horizon, the rest of a large sheet
 * on the web) is read in follow-up syncs packed to the budget, each sized by the bytes per cell measured
 * so far. A sync that fails (payload too large, too many merged areas, cell limit) is retried with pieces
 * half the size; the first sync, failing, falls back to a size probe.
 */
import type { CellRange, CellValue, SheetModel } from '../../core/sheet';
import { parseRangeA1 } from '../../core/sheet';
import { cellFormat, cellFormula, cellText, cellValue, localAddress } from './cells';
import type { ExcelEnv } from './env';
import { officeCode, readError } from './errors';
import {
  MAX_CELLS_PER_READ,
  MERGE_BLOCK_ROWS,
  READ_BYTES_PER_CELL,
  firstSyncHorizon,
  payloadBudget,
} from './limits';

const DATA_PROPS = 'rowIndex,columnIndex,rowCount,columnCount,values,valueTypes,formulas,text,numberFormat';
const DIM_PROPS = 'rowIndex,columnIndex,rowCount,columnCount';
/** Rough request+response bytes of one merged-area query. */
const MERGE_QUERY_BYTES = 300;
/** How many failed syncs a read tolerates (each one shrinks the pieces) before it gives up. */
const MAX_RETRIES = 12;

export interface SheetRead {
  model: SheetModel;
  /** `Worksheet.id`: stable across renames. */
  id: string;
  /** Syncs this read took (for tests and diagnostics). */
  syncs: number;
}

interface Dims {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Rows [start, end), absolute, 0-based. */
interface Part {
  kind: 'data' | 'merges';
  start: number;
  end: number;
}

type Loaded = Pick<Excel.Range, 'rowIndex' | 'columnIndex' | 'values' | 'valueTypes' | 'formulas' | 'text' | 'numberFormat'>;

export async function readSheet(env: ExcelEnv, name?: string): Promise<SheetRead> {
  try {
    return await env.run({}, async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const sheets = context.workbook.worksheets;
      const ws = name ? sheets.getItem(name) : sheets.getActiveWorksheet();
      ws.load('name,id');

      const horizon = firstSyncHorizon(env.platform);
      const used = ws.getUsedRange(true);
      let firstData: Excel.Range | undefined;
      if (env.platform === 'desktop') {
        used.load(DATA_PROPS);
      } else {
        used.load(DIM_PROPS);
        firstData = used.getIntersectionOrNullObject(ws.getRange(`1:${horizon}`));
        firstData.load(DATA_PROPS);
      }
      const firstMerges = queueMerges(ws, 0, horizon);

      let asm: Assembler;
      let rest: Rest;
      try {
        await sync();
        asm = new Assembler(dimsOf(used));
        if (env.platform === 'desktop') asm.addData(used);
        else if (!firstData!.isNullObject) asm.addData(firstData!);
        for (const m of firstMerges) asm.addMerges(m);
        rest = { dataAt: asm.dataUntil(), mergesAt: Math.max(horizon, asm.dims.top), mergeBlock: MERGE_BLOCK_ROWS, bytesPerCell: READ_BYTES_PER_CELL };
      } catch (e) {
        if (officeCode(e) === 'ItemNotFound') throw e;
        // Too large for one sync after all: ask for the size, then read in parts, smaller than planned.
        ws.load('name,id');
        const probe = ws.getUsedRange(true);
        probe.load(DIM_PROPS);
        await sync();
        asm = new Assembler(dimsOf(probe));
        rest = { dataAt: asm.dims.top, mergesAt: asm.dims.top, mergeBlock: MERGE_BLOCK_ROWS / 4, bytesPerCell: READ_BYTES_PER_CELL * 2 };
      }

      // The rest, in syncs packed to the budget. A sync that fails is retried with half-size pieces; a
      // sync that succeeds teaches the real size of a cell, so the next ones are sized to fit.
      const budget = payloadBudget(env.platform);
      const end = asm.dims.top + asm.dims.rows;
      const cols = Math.max(1, asm.dims.cols);
      let failures = 0;
      while (rest.dataAt < end || rest.mergesAt < end) {
        const parts = nextSync(rest, end, cols, budget);
        const queued = parts.map((p) => ({ part: p, proxy: queuePart(ws, asm.dims, p) }));
        try {
          await sync();
        } catch (e) {
          if (++failures > MAX_RETRIES || !shrink(rest, parts)) throw e;
          continue;
        }
        for (const { part, proxy } of queued) {
          if (part.kind === 'data') {
            const r = proxy as Excel.Range;
            asm.addData(r);
            const measured = loadedBytes(r) / Math.max(1, (part.end - part.start) * cols);
            rest.bytesPerCell = Math.max(READ_BYTES_PER_CELL, Math.ceil(measured * 1.25));
            rest.dataAt = part.end;
          } else {
            asm.addMerges(proxy as Excel.RangeAreas);
            rest.mergesAt = part.end;
          }
        }
      }

      return { model: asm.model(ws.name), id: ws.id, syncs };
    });
  } catch (e) {
    throw readError(name, e);
  }
}

function dimsOf(r: Pick<Excel.Range, 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount'>): Dims {
  return { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
}

/** Merged-area queries for rows [start, end) in blocks, against entire rows. */
function queueMerges(ws: Excel.Worksheet, start: number, end: number, block = MERGE_BLOCK_ROWS): Excel.RangeAreas[] {
  const out: Excel.RangeAreas[] = [];
  for (let r = start; r < end; r += block) out.push(queueMergeBlock(ws, r, Math.min(end, r + block)));
  return out;
}

function queueMergeBlock(ws: Excel.Worksheet, start: number, end: number): Excel.RangeAreas {
  // ExcelApi 1.13. Returns only the areas whose top-left cell lies in the range, so row blocks
  // partition the merges without duplicates.
  const areas = ws.getRange(`${start + 1}:${end}`).getMergedAreasOrNullObject();
  areas.areas.load('address');
  return areas;
}

function queuePart(ws: Excel.Worksheet, dims: Dims, p: Part): Excel.Range | Excel.RangeAreas {
  if (p.kind === 'merges') return queueMergeBlock(ws, p.start, p.end);
  const r = ws.getRangeByIndexes(p.start, dims.left, p.end - p.start, dims.cols);
  r.load(DATA_PROPS);
  return r;
}

/** Where the follow-up reads stand. Rows absolute, 0-based. */
interface Rest {
  dataAt: number;
  mergesAt: number;
  mergeBlock: number;
  bytesPerCell: number;
}

/** The pieces of the next sync: data rows in ranges of at most MAX_CELLS_PER_READ cells, then merge
 * blocks, until the budget is used (Windows/Mac: no budget, everything left in one sync). */
function nextSync(rest: Rest, end: number, cols: number, budget: number): Part[] {
  const parts: Part[] = [];
  let bytes = 0;
  const perRange = Math.max(1, Math.floor(MAX_CELLS_PER_READ / cols));
  let at = rest.dataAt;
  while (at < end) {
    const fit = Math.floor((budget - bytes) / (cols * rest.bytesPerCell));
    const n = Math.min(perRange, end - at, fit);
    if (n < 1) break;
    parts.push({ kind: 'data', start: at, end: at + n });
    bytes += n * cols * rest.bytesPerCell;
    at += n;
  }
  if (!parts.length && rest.dataAt < end) {
    parts.push({ kind: 'data', start: rest.dataAt, end: rest.dataAt + 1 });
    bytes = budget;
  }
  for (let r = rest.mergesAt; r < end && (bytes + MERGE_QUERY_BYTES <= budget || !parts.length); r += rest.mergeBlock) {
    parts.push({ kind: 'merges', start: r, end: Math.min(end, r + rest.mergeBlock) });
    bytes += MERGE_QUERY_BYTES;
  }
  return parts;
}

/** After a failed sync: smaller pieces next time. False when they cannot get smaller. */
function shrink(rest: Rest, failed: Part[]): boolean {
  let smaller = false;
  const data = failed.filter((p) => p.kind === 'data');
  if (data.length && (data.length > 1 || data[0].end - data[0].start > 1)) {
    rest.bytesPerCell *= 2;
    smaller = true;
  }
  if (failed.some((p) => p.kind === 'merges') && rest.mergeBlock > 1) {
    rest.mergeBlock = Math.max(1, Math.floor(rest.mergeBlock / 2));
    smaller = true;
  }
  return smaller;
}

/** UTF-8 bytes of what a data range brought back (what the 5 MB limit counts). */
function loadedBytes(r: Loaded): number {
  let n = 0;
  for (const a of [r.values, r.valueTypes, r.formulas, r.text, r.numberFormat]) n += utf8Length(JSON.stringify(a));
  return n;
}

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Collects loaded pieces into one SheetModel. */
class Assembler {
  readonly dims: Dims;
  private readonly values: CellValue[][];
  private readonly formulas: (string | null)[][];
  private readonly texts: (string | null)[][];
  private readonly formats: (string | null)[][];
  private readonly merges = new Map<string, CellRange>();
  private readonly filled: boolean[];

  constructor(dims: Dims) {
    this.dims = dims;
    const grid = <T>(v: T): T[][] => Array.from({ length: dims.rows }, () => new Array<T>(dims.cols).fill(v));
    this.values = grid<CellValue>(null);
    this.formulas = grid<string | null>(null);
    this.texts = grid<string | null>(null);
    this.formats = grid<string | null>(null);
    this.filled = new Array<boolean>(dims.rows).fill(false);
  }

  addData(r: Loaded): void {
    const { top, left } = this.dims;
    r.values.forEach((row, i) => {
      const y = r.rowIndex + i - top;
      if (y < 0 || y >= this.dims.rows) return;
      this.filled[y] = true;
      row.forEach((value, j) => {
        const x = r.columnIndex + j - left;
        if (x < 0 || x >= this.dims.cols) return;
        const cell = {
          value,
          type: String(r.valueTypes[i][j]),
          formula: r.formulas[i][j],
          text: r.text[i][j],
          format: r.numberFormat[i][j],
        };
        this.values[y][x] = cellValue(cell);
        this.formulas[y][x] = cellFormula(cell);
        this.texts[y][x] = cellText(cell);
        this.formats[y][x] = cellFormat(cell);
      });
    });
  }

  addMerges(areas: Excel.RangeAreas): void {
    if (areas.isNullObject) return;
    for (const a of areas.areas.items) {
      const local = localAddress(a.address);
      if (!this.merges.has(local)) this.merges.set(local, parseRangeA1(local));
    }
  }

  /** First absolute row not read yet (rows are read top-down). */
  dataUntil(): number {
    const i = this.filled.indexOf(false);
    return this.dims.top + (i < 0 ? this.dims.rows : i);
  }

  model(name: string): SheetModel {
    return {
      name,
      top: this.dims.top,
      left: this.dims.left,
      values: this.values,
      formulas: this.formulas,
      texts: this.texts,
      formats: this.formats,
      merges: [...this.merges.values()],
    };
  }
}
