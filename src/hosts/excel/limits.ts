/**
 * The numbers that decide how many `context.sync()` calls a read or a write takes. Office documents two
 * hard limits (Resource limits and performance optimization for Office Add-ins):
 *   - Excel on the web rejects a request or a response larger than 5 MB (RichApi.Error
 *     RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). Windows and Mac have no such limit.
 *   - on every platform one range read is limited to 5,000,000 cells.
 * and one more on merged areas: `Range.getMergedAreasOrNullObject()` fails when the range holds more than
 * 512 merged areas.
 *
 * Thresholds (what "too large for one sync" means here):
 *   - web: a sync carries at most WEB_PAYLOAD_BUDGET estimated bytes (80 % of the limit, because the
 *     estimate is only an estimate), a read being estimated at READ_BYTES_PER_CELL per cell. The first
 *     sync, not knowing the width yet, reads rows 1–3,900 (4,000,000 / (64 × 16 columns)): a form sheet
 *     within them is ONE sync. Below that, one sync per ~4 MB, sized by the bytes per cell measured on the
 *     rows already read (1,000 stacked forms: 5 syncs).
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

/** Estimated request+response bytes per cell whose state is loaded before marking. */
export const STATE_BYTES_PER_CELL = 700;

export type Platform = 'web' | 'desktop';

export function payloadBudget(platform: Platform): number {
  return platform === 'web' ? WEB_PAYLOAD_BUDGET : Number.POSITIVE_INFINITY;
}

/** Rows read blind by the first sync, and the row up to which its merge queries look. */
export function firstSyncHorizon(platform: Platform): number {
  if (platform === 'desktop') return DESKTOP_ROW_HORIZON;
  const rows = Math.floor(WEB_PAYLOAD_BUDGET / (READ_BYTES_PER_CELL * WEB_ASSUMED_COLUMNS));
  return Math.max(MERGE_BLOCK_ROWS, rows - (rows % MERGE_BLOCK_ROWS));
}
