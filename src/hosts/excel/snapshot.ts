/**
 * What a read learned about a sheet that the next write needs, so that marking is ONE write sync with no
 * load sync before it: for every cell of the used range (and SNAPSHOT_MARGIN_COLUMNS columns to its
 * right) its fill, value, formula and number format; the sheet's protection and id; and where its notes
 * are. ExcelHost keeps one per sheet, privately (the SheetModel the core sees is not changed by it), and
 * hands it to reconcile when applyMarks follows the read closely enough (limits.ts SNAPSHOT_MAX_AGE_MS).
 *
 * The cell state it gives is the one `reconcile` used to load just before writing (`CellState`): raw,
 * with our own computed values still in it (the model the core sees shows them as empty, ourValues.ts).
 *
 * Notes cannot be read by position: a note has no address property, only `getLocation()`, which needs a
 * second sync. So the read asks for the note count of the sheet and for the note at every cell of the
 * mark record (our previous notes). When the notes found there are all the sheet has, every other cell
 * is known to have none; otherwise (the user's own notes elsewhere) a cell outside the record has an
 * unknown note, and a write to it loads it first.
 *
 * `stateOf` answers undefined whenever it does not know (outside the rows and columns read, rows whose
 * fills a large read on the web left out, a note that may be there): reconcile then loads that cell
 * before writing, as it did before snapshots. Nothing is ever written blind; and the values it writes or
 * clears are re-read inside the write sync itself (reconcile.ts), so one typed after the read is kept.
 *
 * Pure, apart from the grids it is given.
 */
import type { CellValue } from '../../core/sheet';
import { isCellError, tryParseA1 } from '../../core/sheet';
import type { CellState } from '../sheetHost/cellPlan';
import type { FillState } from '../sheetHost/fills';

/** The assembled (unmasked) cells of the used range, as readSheet built them. */
export interface SnapshotCells {
  top: number;
  left: number;
  rows: number;
  cols: number;
  values: CellValue[][];
  formulas: (string | null)[][];
  formats: (string | null)[][];
}

export interface SnapshotNotes {
  /** False before ExcelApi 1.18: no notes are read or written at all. */
  supported: boolean;
  /** How many notes the sheet has (`notes.getCount()`), -1 when not read. */
  count: number;
  /** Note content (null: none) at every cell that was asked. */
  at: Map<string, string | null>;
}

export class SheetSnapshot {
  readonly takenAt = Date.now();
  private complete: boolean | undefined;

  constructor(
    readonly name: string,
    readonly id: string,
    readonly isProtected: boolean,
    private readonly cells: SnapshotCells,
    /** Columns right of the used range covered too (fill, format). */
    private readonly margin: number,
    /** Per used-range row: whether its fills (and margin formats) were read. */
    private readonly fillRows: readonly boolean[],
    /** Fills that are not "no fill", by `y * (cols + margin) + x`. */
    private readonly fills: ReadonlyMap<number, FillState>,
    /** Per used-range row, the margin columns' number formats. */
    private readonly marginFormats: readonly (readonly (string | null)[] | undefined)[],
    private readonly notes: SnapshotNotes,
  ) {}

  /** Every note of the sheet is at a cell we asked about. */
  get notesComplete(): boolean {
    if (this.complete === undefined) {
      let found = 0;
      for (const n of this.notes.at.values()) if (n !== null) found++;
      this.complete = !this.notes.supported || (this.notes.count >= 0 && found >= this.notes.count);
    }
    return this.complete;
  }

  fresh(maxAge: number, now = Date.now()): boolean {
    return now - this.takenAt <= maxAge;
  }

  /** The cell as it was at the read, or undefined when the read does not tell (see the header). */
  stateOf(cell: string): CellState | undefined {
    const p = tryParseA1(cell);
    if (!p) return undefined;
    const { top, left, rows, cols } = this.cells;
    const y = p.row - top;
    const x = p.col - left;
    if (y < 0 || y >= rows || x < 0 || x >= cols + this.margin || !this.fillRows[y]) return undefined;

    let note: string | null = null;
    if (this.notes.supported) {
      const known = this.notes.at.get(cell);
      if (known !== undefined) note = known;
      else if (!this.notesComplete) return undefined;
    }
    const fill = this.fills.get(y * (cols + this.margin) + x) ?? { none: true };

    if (x >= cols) {
      // Right of the used range: no value and no formula there (getUsedRange(true) would include it).
      const format = this.marginFormats[y]?.[x - cols];
      if (format === undefined) return undefined;
      return { fill, blank: true, value: '', formula: null, format: format ?? 'General', note };
    }
    const v = this.cells.values[y][x];
    const formula = this.cells.formulas[y][x];
    return {
      fill,
      blank: v === null && formula === null,
      value: v === null ? '' : isCellError(v) ? v.error : v,
      formula,
      format: this.cells.formats[y][x] ?? 'General',
      note,
    };
  }
}
