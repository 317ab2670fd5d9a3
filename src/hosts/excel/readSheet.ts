/**
 * Reads one worksheet into a SheetModel (the used range's values, formulas, display text, number formats
 * and merged areas) and, in the same syncs, what the next write will need (snapshot.ts): the fill of every
 * cell of the used range and of SNAPSHOT_MARGIN_COLUMNS columns to its right (`getCellProperties`), the
 * number formats of those margin columns, the sheet's protection, its note count and the note at every
 * cell of the mark record. So applyMarks can write with no load sync of its own.
 *
 * One sync, usually. The first sync cannot know how big the used range is, so it queues, blind:
 *   - Windows/Mac: one load of the whole used range (`getUsedRange(true)`: cells with values or formulas;
 *     borders and fills far below the form do not inflate it), the fills of the same range widened by the
 *     margin (`getResizedRange(0, margin)`), the margin columns' formats (`getColumnsAfter(margin)`), and
 *     merged-area queries for rows 1..DESKTOP_ROW_HORIZON in blocks of MERGE_BLOCK_ROWS (the
 *     512-areas-per-call limit), each against entire rows so it never depends on the used range's size.
 *   - web: the same, for the used range's first rows (what fits the 5 MB response, see limits.ts), and the
 *     note queries when they leave room for rows.
 * The result tells the used range's size; what is left (rows below the horizon, the rest of a large sheet
 * on the web, note queries that did not fit) is read in follow-up syncs packed to the budget, each sized
 * by the bytes per row measured so far. A sync that fails (payload too large, too many merged areas, cell
 * limit) is retried with pieces half the size; the first sync, failing, falls back to a size probe. A
 * read over the cell limit may also answer null instead of failing ("In some cases, Range.values returns
 * null instead", performance.md): a data block whose values come back null counts as a failed sync.
 */
import type { CellRange, CellValue, SheetModel } from '../../core/sheet';
import { parseRangeA1 } from '../../core/sheet';
import { cellFormat, cellFormula, cellText, cellValue, localAddress } from './cells';
import type { ExcelEnv } from './env';
import { officeCode, readError } from './errors';
import { HostError } from '../host';
import type { FillState } from '../sheetHost/fills';
import { CELL_FILL_LOAD, fillOfCell } from './fills';
import {
  MAX_CELLS_PER_READ,
  MERGE_BLOCK_ROWS,
  NOTE_QUERY_BYTES,
  READ_BYTES_PER_CELL,
  SNAPSHOT_MARGIN_COLUMNS,
  firstSyncHorizon,
  payloadBudget,
  rowBytes,
} from './limits';
import { SheetSnapshot, type SnapshotNotes } from './snapshot';
import type { NameMap } from '../sheetHost/locate';
import { queueNames } from './names';

const DATA_PROPS = 'rowIndex,columnIndex,rowCount,columnCount,values,valueTypes,formulas,text,numberFormat';
const DIM_PROPS = 'rowIndex,columnIndex,rowCount,columnCount';
/** Rough request+response bytes of one merged-area query. */
const MERGE_QUERY_BYTES = 300;
/** How many failed syncs a read tolerates (each one shrinks the pieces) before it gives up. */
const MAX_RETRIES = 12;
/** The last column index of a worksheet (XFD). */
const LAST_COLUMN = 16_383;

export interface ReadOptions {
  /** ExcelApi 1.18: read the note count and the notes at `noteCells`. */
  notes: boolean;
  /** Cells (A1, no sheet) whose note to read: those of the mark record. */
  noteCells: readonly string[];
  /** Load where our defined names are (locate.ts): the record has entries that carry one. */
  names?: boolean;
  /**
   * Queues more loads into the read's first sync (the mark record's part, recordParts.ts); called again
   * when that sync fails and the read starts over, whose loads were not delivered.
   */
  alongside?: (context: Excel.RequestContext) => void;
}

export interface SheetRead {
  model: SheetModel;
  /** `Worksheet.id`: stable across renames. */
  id: string;
  /** Syncs this read took (for tests and diagnostics). */
  syncs: number;
  /** What applyMarks needs to write without loading first. */
  snapshot: SheetSnapshot;
  /** Where our defined names are now (asked with `names`). */
  names?: NameMap;
}

interface Dims {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Rows [start, end) absolute and 0-based; for 'notes', indices into the note cells. */
interface Part {
  kind: 'data' | 'merges' | 'notes';
  start: number;
  end: number;
}

type Loaded = Pick<Excel.Range, 'rowIndex' | 'columnIndex' | 'values' | 'valueTypes' | 'formulas' | 'text' | 'numberFormat'>;
type Placed = Pick<Excel.Range, 'rowIndex' | 'columnIndex'>;

/** One block of rows: the data, the fills (data columns + margin) and the margin's number formats. */
interface Piece {
  data: Excel.Range;
  /** Absent when the fills of these rows are left to applyMarks (the web, see `withFills`). */
  fillRange?: Excel.Range;
  fills?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  margin?: Excel.Range;
  /** The ranges are *OrNullObject results (the web's first sync). */
  nullable: boolean;
}

interface Head {
  protection: Excel.WorksheetProtection;
  count?: OfficeExtension.ClientResult<number>;
}

interface NoteQuery {
  cell: string;
  note: Excel.Note;
}

export async function readSheet(env: ExcelEnv, name?: string, opts: ReadOptions = { notes: false, noteCells: [] }): Promise<SheetRead> {
  const budget = payloadBudget(env.platform);
  const noteCells = opts.notes ? [...new Set(opts.noteCells)] : [];
  // On the web the first sync carries the note queries only when they leave most of it for rows.
  const notesFirst = env.platform === 'desktop' || noteCells.length * NOTE_QUERY_BYTES <= budget / 4;
  try {
    return await env.run({}, async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const sheets = context.workbook.worksheets;
      const ws = name ? sheets.getItem(name) : sheets.getActiveWorksheet();
      const notes = new Map<string, string | null>();

      let head = queueHead(ws, opts.notes);
      let names = opts.names ? queueNames(context, [ws]) : undefined;
      opts.alongside?.(context);
      const horizon = firstSyncHorizon(env.platform, notesFirst ? noteCells.length * NOTE_QUERY_BYTES : 0);
      const used = ws.getUsedRange(true);
      let first: Piece;
      if (env.platform === 'desktop') {
        used.load(DATA_PROPS);
        first = queuePiece(used, used.getResizedRange(0, SNAPSHOT_MARGIN_COLUMNS), used.getColumnsAfter(SNAPSHOT_MARGIN_COLUMNS), false);
      } else {
        used.load(DIM_PROPS);
        const rows = () => ws.getRange(`1:${horizon}`);
        const data = used.getIntersectionOrNullObject(rows());
        data.load(DATA_PROPS);
        first = queuePiece(
          data,
          used.getResizedRange(0, SNAPSHOT_MARGIN_COLUMNS).getIntersectionOrNullObject(rows()),
          used.getColumnsAfter(SNAPSHOT_MARGIN_COLUMNS).getIntersectionOrNullObject(rows()),
          true,
        );
      }
      const firstMerges = queueMerges(ws, 0, horizon);
      const firstNotes = notesFirst ? queueNotes(ws, noteCells) : [];

      let asm: Assembler;
      let rest: Rest;
      try {
        await sync();
        // A read too large may answer null rather than fail (performance.md): read in parts then.
        if ((!first.nullable || !first.data.isNullObject) && !Array.isArray(first.data.values)) throw new Error('null read');
        const dims = dimsOf(used);
        asm = new Assembler(dims, SNAPSHOT_MARGIN_COLUMNS);
        if (!first.nullable || !first.data.isNullObject) asm.addData(first.data);
        if (!first.nullable || !first.fillRange!.isNullObject) asm.addFills(first.fillRange!, first.fills!.value);
        if (first.margin && (!first.nullable || !first.margin.isNullObject)) asm.addMargin(first.margin);
        for (const m of firstMerges) asm.addMerges(m);
        for (const q of firstNotes) notes.set(q.cell, q.note.isNullObject ? null : q.note.content);
        rest = {
          dataAt: asm.dataUntil(),
          mergesAt: Math.max(horizon, asm.dims.top),
          mergeBlock: MERGE_BLOCK_ROWS,
          ...rowEstimates(Math.max(1, dims.cols), asm.margin, 1),
          withFills: true,
          notesAt: notesFirst ? noteCells.length : 0,
          noteBytes: NOTE_QUERY_BYTES,
          cellsPerRead: MAX_CELLS_PER_READ,
          cols: Math.max(1, dims.cols),
        };
        if (Number.isFinite(budget) && !first.data.isNullObject) learn(rest, first, first.data.values.length);
      } catch (e) {
        if (officeCode(e) === 'ItemNotFound') throw e;
        // Too large for one sync after all (or the margin runs off the sheet): ask for the size, then
        // read in parts, smaller than planned.
        head = queueHead(ws, opts.notes);
        names = opts.names ? queueNames(context, [ws]) : undefined;
        opts.alongside?.(context);
        const probe = ws.getUsedRange(true);
        probe.load(DIM_PROPS);
        await sync();
        const dims = dimsOf(probe);
        asm = new Assembler(dims, Math.max(0, Math.min(SNAPSHOT_MARGIN_COLUMNS, LAST_COLUMN - (dims.left + dims.cols - 1))));
        rest = {
          dataAt: asm.dims.top,
          mergesAt: asm.dims.top,
          mergeBlock: MERGE_BLOCK_ROWS / 4,
          ...rowEstimates(Math.max(1, dims.cols), asm.margin, 2),
          withFills: true,
          notesAt: 0,
          noteBytes: NOTE_QUERY_BYTES * 2,
          cellsPerRead: MAX_CELLS_PER_READ,
          cols: Math.max(1, dims.cols),
        };
      }
      const noteCount = head.count ? head.count.value : -1;
      if (noteCount === 0) rest.notesAt = noteCells.length; // no note anywhere: nothing to ask

      // The rest, in syncs packed to the budget. A sync that fails is retried with half-size pieces; a
      // sync that succeeds teaches the real size of a row, so the next ones are sized to fit.
      const end = asm.dims.top + asm.dims.rows;
      const cols = Math.max(1, asm.dims.cols);
      // On the web, the fills of the rows left are read only when they cost no sync of their own; else
      // applyMarks loads the few cells it marks there (one sync) rather than the read taking several.
      const left = end - rest.dataAt;
      rest.withFills =
        !Number.isFinite(budget) ||
        Math.ceil((left * (rest.dataRowBytes + rest.fillRowBytes)) / budget) <= Math.ceil((left * rest.dataRowBytes) / budget);
      let failures = 0;
      while (rest.dataAt < end || rest.mergesAt < end || rest.notesAt < noteCells.length) {
        const parts = nextSync(rest, end, noteCells.length, cols, budget);
        const queued = parts.map((p) => ({ part: p, proxy: queuePart(ws, asm, p, noteCells, rest.withFills) }));
        try {
          await sync();
          if (queued.some(({ part, proxy }) => part.kind === 'data' && !Array.isArray((proxy as Piece).data.values))) {
            throw new HostError(`工作表${name ? `“${name}”` : ''}过大，Excel 没有返回单元格的内容（单次读取超过单元格上限）。`, 'read-failed');
          }
        } catch (e) {
          if (++failures > MAX_RETRIES || !shrink(rest, parts)) throw e;
          continue;
        }
        for (const { part, proxy } of queued) {
          if (part.kind === 'data') {
            const piece = proxy as Piece;
            asm.addData(piece.data);
            if (piece.fills) asm.addFills(piece.fillRange!, piece.fills.value);
            if (piece.margin) asm.addMargin(piece.margin);
            if (Number.isFinite(budget)) learn(rest, piece, part.end - part.start);
            rest.dataAt = part.end;
          } else if (part.kind === 'merges') {
            asm.addMerges(proxy as Excel.RangeAreas);
            rest.mergesAt = part.end;
          } else {
            for (const q of proxy as NoteQuery[]) notes.set(q.cell, q.note.isNullObject ? null : q.note.content);
            rest.notesAt = part.end;
          }
        }
      }

      const snapshot = asm.snapshot(ws.name, ws.id, head.protection.protected, { supported: opts.notes, count: noteCount, at: notes });
      return { model: asm.model(ws.name), id: ws.id, syncs, snapshot, names: names?.() };
    });
  } catch (e) {
    throw readError(name, e);
  }
}

function dimsOf(r: Pick<Excel.Range, 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount'>): Dims {
  return { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
}

/** The sheet's name, id, protection and (ExcelApi 1.18) note count. */
function queueHead(ws: Excel.Worksheet, notes: boolean): Head {
  ws.load('name,id');
  ws.protection.load('protected');
  return { protection: ws.protection, count: notes ? ws.notes.getCount() : undefined };
}

/** Queues a block's fills and margin formats; `data` is loaded (DATA_PROPS) by the caller. */
function queuePiece(data: Excel.Range, fillRange: Excel.Range, margin: Excel.Range | undefined, nullable: boolean): Piece {
  fillRange.load(DIM_PROPS);
  const fills = fillRange.getCellProperties(CELL_FILL_LOAD);
  margin?.load('rowIndex,columnIndex,numberFormat');
  return { data, fillRange, fills, margin, nullable };
}

function queueNotes(ws: Excel.Worksheet, cells: readonly string[]): NoteQuery[] {
  return cells.map((cell) => {
    // ExcelApi 1.18.
    const note = ws.notes.getItemOrNullObject(cell);
    note.load('content');
    return { cell, note };
  });
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

function queuePart(
  ws: Excel.Worksheet,
  asm: Assembler,
  p: Part,
  noteCells: readonly string[],
  withFills: boolean,
): Piece | Excel.RangeAreas | NoteQuery[] {
  if (p.kind === 'merges') return queueMergeBlock(ws, p.start, p.end);
  if (p.kind === 'notes') return queueNotes(ws, noteCells.slice(p.start, p.end));
  const { left, cols } = asm.dims;
  const n = p.end - p.start;
  const data = ws.getRangeByIndexes(p.start, left, n, Math.max(1, cols));
  data.load(DATA_PROPS);
  if (!withFills) return { data, nullable: false };
  const fillRange = ws.getRangeByIndexes(p.start, left, n, Math.max(1, cols) + asm.margin);
  const margin = asm.margin > 0 ? ws.getRangeByIndexes(p.start, left + Math.max(1, cols), n, asm.margin) : undefined;
  return queuePiece(data, fillRange, margin, false);
}

/** Where the follow-up reads stand. Rows absolute, 0-based. */
interface Rest {
  dataAt: number;
  mergesAt: number;
  mergeBlock: number;
  /** Estimated bytes of one row: its data; its fills and margin formats. */
  dataRowBytes: number;
  fillRowBytes: number;
  /** Whether the row blocks still to read bring their fills. */
  withFills: boolean;
  /** Index of the first note cell not asked yet. */
  notesAt: number;
  /** Cells per range read: MAX_CELLS_PER_READ, halved after a failed (or null) read. */
  cellsPerRead: number;
  /** Columns of a row block. */
  cols: number;
  noteBytes: number;
}

/** The pieces of the next sync: row blocks of at most MAX_CELLS_PER_READ cells, then merge blocks, then
 * note queries, until the budget is used (Windows/Mac: no budget, everything left in one sync). */
function nextSync(rest: Rest, end: number, noteEnd: number, cols: number, budget: number): Part[] {
  const parts: Part[] = [];
  let bytes = 0;
  const perRange = Math.max(1, Math.floor(rest.cellsPerRead / cols));
  const row = rest.dataRowBytes + (rest.withFills ? rest.fillRowBytes : 0);
  let at = rest.dataAt;
  while (at < end) {
    const fit = Math.floor((budget - bytes) / row);
    const n = Math.min(perRange, end - at, fit);
    if (n < 1) break;
    parts.push({ kind: 'data', start: at, end: at + n });
    bytes += n * row;
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
  if (rest.notesAt < noteEnd) {
    const fit = Number.isFinite(budget) ? Math.floor((budget - bytes) / rest.noteBytes) : noteEnd;
    const n = Math.min(noteEnd - rest.notesAt, parts.length ? fit : Math.max(1, fit));
    if (n >= 1) parts.push({ kind: 'notes', start: rest.notesAt, end: rest.notesAt + n });
  }
  return parts;
}

/** After a failed sync: smaller pieces next time. False when they cannot get smaller. */
function shrink(rest: Rest, failed: Part[]): boolean {
  let smaller = false;
  const data = failed.filter((p) => p.kind === 'data');
  if (data.length && (data.length > 1 || data[0].end - data[0].start > 1)) {
    rest.dataRowBytes *= 2;
    rest.fillRowBytes *= 2;
    rest.cellsPerRead = Math.max(1, Math.floor(Math.min(rest.cellsPerRead, Math.max(...data.map((p) => p.end - p.start)) * rest.cols) / 2));
    smaller = true;
  }
  if (failed.some((p) => p.kind === 'merges') && rest.mergeBlock > 1) {
    rest.mergeBlock = Math.max(1, Math.floor(rest.mergeBlock / 2));
    smaller = true;
  }
  const notes = failed.filter((p) => p.kind === 'notes');
  if (notes.length && notes.some((p) => p.end - p.start > 1)) {
    rest.noteBytes *= 2;
    smaller = true;
  }
  return smaller;
}

/** The estimates per row, before anything is measured (`factor` 2 after a failure). */
function rowEstimates(cols: number, margin: number, factor: number): Pick<Rest, 'dataRowBytes' | 'fillRowBytes'> {
  const data = cols * READ_BYTES_PER_CELL;
  return { dataRowBytes: data * factor, fillRowBytes: (rowBytes(cols, margin) - data) * factor };
}

/**
 * After a row block arrived: what its rows really weighed (UTF-8, what the 5 MB limit counts), with a
 * quarter more for the rows to come; never below the estimates of limits.ts.
 */
function learn(rest: Rest, p: Piece, rows: number): void {
  const n = Math.max(1, rows);
  const r: Loaded = p.data;
  let data = 0;
  for (const a of [r.values, r.valueTypes, r.formulas, r.text, r.numberFormat]) data += utf8Length(JSON.stringify(a));
  const cols = r.values[0]?.length ?? 1;
  const floor = rowEstimates(cols, 0, 1);
  rest.dataRowBytes = Math.max(floor.dataRowBytes, Math.ceil((data / n) * 1.25));
  if (p.fills) {
    let fill = utf8Length(JSON.stringify(p.fills.value));
    if (p.margin) fill += utf8Length(JSON.stringify(p.margin.numberFormat));
    const width = p.fills.value[0]?.length ?? cols;
    rest.fillRowBytes = Math.max(rowEstimates(cols, width - cols, 1).fillRowBytes, Math.ceil((fill / n) * 1.25));
  }
}

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Collects loaded pieces into one SheetModel and the snapshot. */
class Assembler {
  readonly dims: Dims;
  /** Columns right of the used range whose fills and formats are read. */
  readonly margin: number;
  private readonly values: CellValue[][];
  private readonly formulas: (string | null)[][];
  private readonly texts: (string | null)[][];
  private readonly formats: (string | null)[][];
  private readonly merges = new Map<string, CellRange>();
  private readonly filled: boolean[];
  private readonly fillRows: boolean[];
  private readonly fills = new Map<number, FillState>();
  private readonly marginFormats: ((string | null)[] | undefined)[];

  constructor(dims: Dims, margin: number) {
    this.dims = dims;
    this.margin = margin;
    const grid = <T>(v: T): T[][] => Array.from({ length: dims.rows }, () => new Array<T>(dims.cols).fill(v));
    this.values = grid<CellValue>(null);
    this.formulas = grid<string | null>(null);
    this.texts = grid<string | null>(null);
    this.formats = grid<string | null>(null);
    this.filled = new Array<boolean>(dims.rows).fill(false);
    this.fillRows = new Array<boolean>(dims.rows).fill(false);
    this.marginFormats = new Array<(string | null)[] | undefined>(dims.rows);
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

  /** The fills of a block (data columns and margin); only coloured cells are kept. */
  addFills(r: Placed, props: Excel.CellProperties[][]): void {
    const { top, left } = this.dims;
    const width = this.dims.cols + this.margin;
    props.forEach((row, i) => {
      const y = r.rowIndex + i - top;
      if (y < 0 || y >= this.dims.rows) return;
      row.forEach((p, j) => {
        const x = r.columnIndex + j - left;
        if (x < 0 || x >= width) return;
        const fill = fillOfCell(p);
        if (!fill.none) this.fills.set(y * width + x, fill);
      });
      // A block is read whole, with its margin (when there is one) in the same sync.
      if (row.length >= width) this.fillRows[y] = true;
    });
  }

  addMargin(r: Pick<Excel.Range, 'rowIndex' | 'columnIndex' | 'numberFormat'>): void {
    const { top, left, cols } = this.dims;
    r.numberFormat.forEach((row, i) => {
      const y = r.rowIndex + i - top;
      if (y < 0 || y >= this.dims.rows) return;
      const formats = new Array<string | null>(this.margin).fill(null);
      row.forEach((f, j) => {
        const x = r.columnIndex + j - left - cols;
        if (x >= 0 && x < this.margin) formats[x] = typeof f === 'string' && f !== '' ? f : null;
      });
      this.marginFormats[y] = formats;
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
    for (let y = 0; y < this.dims.rows; y++) {
      if (!this.filled[y] || !this.fillRows[y] || (this.margin > 0 && !this.marginFormats[y])) return this.dims.top + y;
    }
    return this.dims.top + this.dims.rows;
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

  snapshot(name: string, id: string, isProtected: boolean, notes: SnapshotNotes): SheetSnapshot {
    const { top, left, rows, cols } = this.dims;
    const cells = { top, left, rows, cols, values: this.values, formulas: this.formulas, formats: this.formats };
    const covered = this.fillRows.map((f, y) => f && (this.margin === 0 || !!this.marginFormats[y]));
    return new SheetSnapshot(name, id, isProtected, cells, this.margin, covered, this.fills, this.marginFormats, notes);
  }
}
