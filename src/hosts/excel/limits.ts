/**
 * The numbers that decide how many `context.sync()` calls a read or a write takes. Office documents two
 * hard limits (Resource limits and performance optimization for Office Add-ins):
 *   - Excel on the web rejects a request or a response larger than 5 MB (RichApi.Error
 *     RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). Windows and Mac have no such limit.
 *   - on every platform one range read is limited to 5,000,000 cells.
 * and one more on merged areas: `Range.getMergedAreasOrNullObject()` fails when the range holds more than
 * 512 merged areas.
 *
 * What a read carries per row of the used range (the write needs it, so it is read with the cells; see
 * snapshot.ts): the five data arrays for the used columns (READ_BYTES_PER_CELL each cell), the fill of
 * those columns and of SNAPSHOT_MARGIN_COLUMNS more to the right (`getCellProperties`, FILL_BYTES_PER_CELL
 * each cell), and the number format of the margin columns (MARGIN_BYTES_PER_CELL). Plus, once per sheet,
 * one note query per cell of the mark record (NOTE_QUERY_BYTES each).
 *
 * Thresholds (what "too large for one sync" means here):
 *   - web: a sync carries at most WEB_PAYLOAD_BUDGET estimated bytes (80 % of the limit, because the
 *     estimate is only an estimate). The first sync, not knowing the width yet, reads as many rows as fit
 *     WEB_ASSUMED_COLUMNS columns, with their fills (1,100 rows when no note queries ride along): a form
 *     sheet within them is ONE read sync, and its marks one write sync. Below that, one sync per ~4 MB,
 *     sized by the bytes per row measured on the rows already read; the fills of those rows come too only
 *     when they need no sync of their own (a sheet of up to ~3,000 rows), else applyMarks loads the cells
 *     it marks there in one sync. 1,000 stacked forms: 6 read syncs, then 1 load + 1 write (it was 5 read
 *     syncs when the read took no fills: 1,100 instead of 3,900 rows fit the first sync now).
 *   - Windows / Mac: no byte budget; a range read holds at most MAX_CELLS_PER_READ cells, and any number
 *     of such reads go in ONE sync. A sheet of 1,000 stacked forms (~30,000 rows × 10 columns) is one sync.
 */

/** Documented request/response limit of Excel on the web. */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

/** What we allow ourselves per sync on the web: 80 % of the limit. */
export const WEB_PAYLOAD_BUDGET = 4_000_000;

/**
 * Estimated response bytes per cell for a load of values, text, numberFormat, formulas and valueTypes
 * (five JSON arrays). Measured on the 1,000-form test sheet: 44 bytes per cell (UTF-8); 64 leaves room for
 * longer Chinese texts.
 */
export const READ_BYTES_PER_CELL = 64;

/**
 * Estimated response bytes per cell of `getCellProperties({ format: { fill: { color, pattern,
 * patternColor, tintAndShade } } })`: one JSON object per cell, its key names repeated every time,
 * `{"format":{"fill":{"color":"#FFFFFF","pattern":null,"patternColor":null,"tintAndShade":null}}}` is
 * 94 bytes. The fake workbook measures 95 per cell on the 1,000-form sheet; 128 leaves room for what
 * Excel may add (a pattern name, a pattern colour).
 */
export const FILL_BYTES_PER_CELL = 128;

/** Estimated response bytes per cell of the margin columns' number formats (`"General",`: 10). */
export const MARGIN_BYTES_PER_CELL = 16;

/**
 * Columns to the right of the used range whose fill and number format are read too. The used range
 * (`getUsedRange(true)`) ends at the last column holding a value, but a form may ask for a value in the
 * cell after its last label (自评等级 in column J, the form's merged areas reaching J while no value
 * does). Two columns cover that; a mark further out makes applyMarks load that cell first (one more sync).
 */
export const SNAPSHOT_MARGIN_COLUMNS = 2;

/** Estimated request+response bytes of one note query (`notes.getItemOrNullObject(cell)`, content). */
export const NOTE_QUERY_BYTES = 400;

/**
 * How long a read's snapshot stays good for applyMarks to write from without loading the cells again.
 * The ribbon command and the pane write within a second or two of the read; a snapshot older than this
 * (the pane left open, the sheet read long ago) is not trusted and applyMarks loads the cells first.
 */
export const SNAPSHOT_MAX_AGE_MS = 60_000;

/** Cells per range read, under the documented 5,000,000. */
export const MAX_CELLS_PER_READ = 4_000_000;

/**
 * Rows per `getMergedAreasOrNullObject()` call. The call fails above 512 merged areas; 100 rows allow
 * five merges per row, twice what a dense 自评表 has.
 */
export const MERGE_BLOCK_ROWS = 100;

/**
 * How far down the first (and usually only) read sync looks for merged areas before it knows where the
 * used range ends. Merge queries are queued for rows 1..horizon in fixed blocks; blocks below the used
 * range come back as null objects and cost a few bytes each. Sheets taller than this need one more sync.
 */
export const DESKTOP_ROW_HORIZON = 65_536;

/**
 * On the web the first sync reads this many rows blind (the used range's width is not known yet; assume
 * 16 columns), the rest once the size is known.
 */
export const WEB_ASSUMED_COLUMNS = 16;

/** Estimated request bytes per marked cell in the write sync (fill, note, value, number format). */
export const WRITE_BYTES_PER_CELL = 600;

/** Estimated request+response bytes per cell whose state is loaded before marking (no fresh snapshot). */
export const STATE_BYTES_PER_CELL = 700;

/**
 * Estimated request+response bytes per cell whose value is re-read inside the write sync, just before
 * the computed value is written (values, valueTypes, formulas, numberFormat of one cell).
 */
export const VERIFY_BYTES_PER_CELL = 300;

export type Platform = 'web' | 'desktop';

export function payloadBudget(platform: Platform): number {
  return platform === 'web' ? WEB_PAYLOAD_BUDGET : Number.POSITIVE_INFINITY;
}

/** Estimated bytes of one row of `cols` used columns: data, fills (with the margin), margin formats. */
export function rowBytes(cols: number, margin = SNAPSHOT_MARGIN_COLUMNS): number {
  return cols * READ_BYTES_PER_CELL + (cols + margin) * FILL_BYTES_PER_CELL + margin * MARGIN_BYTES_PER_CELL;
}

/**
 * Rows read blind by the first sync, and the row up to which its merge queries look. `reserved`: bytes
 * the first sync carries besides the rows (note queries).
 */
export function firstSyncHorizon(platform: Platform, reserved = 0): number {
  if (platform === 'desktop') return DESKTOP_ROW_HORIZON;
  const rows = Math.floor(Math.max(0, WEB_PAYLOAD_BUDGET - reserved) / rowBytes(WEB_ASSUMED_COLUMNS));
  return Math.max(MERGE_BLOCK_ROWS, rows - (rows % MERGE_BLOCK_ROWS));
}
