/**
 * Brings a set of cells from "our old marks" to "this run's marks" (or to none, when clearing).
 *
 * Syncs: ONE load sync, then ONE write sync, in one `Excel.run` that is a single undo step where
 * ExcelApi 1.20 offers `mergeUndoGroup`.
 *   1. load: each sheet's protection and id; for every cell concerned (old marks ∪ new marks) its fill,
 *      value, formula, number format and note. The original fill of a cell can only be read here, after
 *      the check has said which cells to mark, so marking costs this one extra (read-only) sync; it also
 *      re-verifies that cells to fill are still empty, so nothing typed since the read is overwritten.
 *      A protected sheet stops everything here, before any write.
 *   2. write: fills, notes, values, all cells, all sheets.
 * On the web, where a sync may not exceed 5 MB, very large runs are split into several load and write
 * syncs (still one undo step). If a write sync fails, Office has applied the operations before the
 * failing one; we then put every touched cell back to the state read in step 1 (one more load and write),
 * and report the failure.
 */
import type { ExcelEnv } from './env';
import { FILL_PROPS, fillOf, restoreFill } from './fills';
import { isBlank } from './cells';
import { protectedError, writeError } from './errors';
import { STATE_BYTES_PER_CELL, WRITE_BYTES_PER_CELL, payloadBudget } from './limits';
import type { MarkEntry } from './record';
import type { CellTarget } from './targets';
import { planCell, planRollback, type CellPlan, type CellState } from './cellPlan';

export interface ReconcileInput {
  /** Sheets concerned, by current name. */
  sheets: string[];
  /** Our old marks on these sheets (entry.sheet already resolved to the current name). */
  old: MarkEntry[];
  /** This run's marks (empty when clearing). */
  targets: CellTarget[];
  notes: boolean;
  undoGroup: boolean;
}

export interface ReconcileResult {
  entries: MarkEntry[];
  /** Cells that carry a finding mark. */
  marked: number;
  filled: number;
  /** Cells we took something off. */
  cleared: number;
  syncs: number;
}

interface Slot {
  sheet: string;
  cell: string;
  old?: MarkEntry;
  target?: CellTarget;
  state?: CellState;
  plan?: CellPlan;
}

export async function reconcile(env: ExcelEnv, input: ReconcileInput): Promise<ReconcileResult> {
  const slots = new Map<string, Slot>();
  const slot = (sheet: string, cell: string) => {
    const k = `${sheet}\u0000${cell}`;
    let s = slots.get(k);
    if (!s) slots.set(k, (s = { sheet, cell }));
    return s;
  };
  for (const e of input.old) slot(e.sheet, e.cell).old = e;
  for (const t of input.targets) slot(t.sheet, t.cell).target = t;
  const all = [...slots.values()];
  const budget = payloadBudget(env.platform);
  let syncs = 0;

  const result = await env.run({ mergeUndoGroup: input.undoGroup }, async (context) => {
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const sheets = new Map<string, Excel.Worksheet>();
    const sheet = (name: string) => {
      let ws = sheets.get(name);
      if (!ws) {
        ws = context.workbook.worksheets.getItem(name);
        sheets.set(name, ws);
      }
      return ws;
    };

    // 1. Load.
    for (const name of input.sheets) {
      const ws = sheet(name);
      ws.load('id,name');
      ws.protection.load('protected');
    }
    const chunks = chunk(all, budget / STATE_BYTES_PER_CELL);
    for (let i = 0; i < Math.max(1, chunks.length); i++) {
      const loads = (chunks[i] ?? []).map((s) => queueState(sheet(s.sheet), s.cell, input.notes));
      await sync();
      (chunks[i] ?? []).forEach((s, j) => (s.state = loads[j]()));
    }
    for (const name of input.sheets) {
      if (sheet(name).protection.protected) throw protectedError(name);
    }

    // 2. Plan and write.
    let marked = 0;
    let filled = 0;
    let cleared = 0;
    const entries: MarkEntry[] = [];
    for (const s of all) {
      const ws = sheet(s.sheet);
      s.plan = planCell({ sheetId: ws.id, sheet: s.sheet, cell: s.cell, notes: input.notes }, s.state!, s.old, s.target);
      if (s.plan.entry) entries.push(s.plan.entry);
      if (s.target?.findings.length) marked++;
      if (s.plan.filled) filled++;
      if (s.old && !s.target) cleared++;
    }
    const writes = all.filter((s) => s.plan!.fill || s.plan!.note || s.plan!.value);
    try {
      for (const part of chunk(writes, budget / WRITE_BYTES_PER_CELL)) {
        for (const s of part) queuePlan(context, sheet(s.sheet), s.cell, s.plan!);
        await sync();
      }
    } catch (e) {
      const restored = await rollback(writes).then(
        () => true,
        () => false,
      );
      throw writeError(input.sheets, e, restored);
    }
    return { entries, marked, filled, cleared };

    async function rollback(done: Slot[]): Promise<void> {
      const notesNow = input.notes
        ? done.map((s) => (s.plan!.note ? queueNote(sheet(s.sheet), s.cell) : () => null))
        : done.map(() => () => null);
      await sync();
      done.forEach((s, i) => queuePlan(context, sheet(s.sheet), s.cell, planRollback(s.state!, s.plan!, notesNow[i]())));
      await sync();
    }
  });
  return { ...result, syncs };
}

/** Queues the loads for one cell; the returned function reads them after the sync. */
function queueState(ws: Excel.Worksheet, cell: string, notes: boolean): () => CellState {
  const r = ws.getRange(cell);
  r.load('values,valueTypes,formulas,numberFormat');
  r.format.fill.load(FILL_PROPS);
  const note = notes ? queueNote(ws, cell) : () => null;
  return () => {
    const value = r.values[0][0];
    const formula = r.formulas[0][0];
    const type = String(r.valueTypes[0][0]);
    return {
      fill: fillOf(r.format.fill),
      blank: isBlank({ value, formula, type }),
      value,
      formula: typeof formula === 'string' && formula.startsWith('=') ? formula : null,
      format: String(r.numberFormat[0][0] ?? 'General'),
      note: note(),
    };
  };
}

function queueNote(ws: Excel.Worksheet, cell: string): () => string | null {
  // ExcelApi 1.18.
  const n = ws.notes.getItemOrNullObject(cell);
  n.load('content');
  return () => (n.isNullObject ? null : n.content);
}

function queuePlan(context: Excel.RequestContext, ws: Excel.Worksheet, cell: string, plan: CellPlan): void {
  const r = ws.getRange(cell);
  if (plan.fill) {
    if ('paint' in plan.fill) r.format.fill.color = plan.fill.paint;
    else restoreFill(r.format.fill, plan.fill.restore);
  }
  if (plan.value) {
    const v = plan.value;
    if (v.op === 'remove') r.clear('Contents');
    if (v.format !== undefined) r.numberFormat = [[v.format]];
    if (v.op === 'write') r.values = [[v.value]];
    if (v.op === 'put') r.values = [[v.value as string | number | boolean]];
  }
  if (plan.note) {
    const n = plan.note;
    if (n.op === 'add') context.workbook.notes.add(r, n.text);
    else if (n.op === 'set') ws.notes.getItem(cell).content = n.text;
    else ws.notes.getItem(cell).delete();
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  if (!Number.isFinite(size)) return items.length ? [items] : [];
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}
