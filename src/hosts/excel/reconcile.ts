/**
 * Brings a set of cells from "our old marks" to "this run's marks" (or to none, when clearing).
 *
 * Syncs:
 *   0. load — only for what no fresh read snapshot tells (snapshot.ts): each such sheet's protection and
 *      id, and for each such cell its fill, value, formula, number format and note. After a read of the
 *      sheet (the ribbon command, the pane) there is nothing to load and this sync does not happen; a
 *      clear, or marks written with no read just before, load here as they always did.
 *      A protected sheet stops everything here, before any write.
 *   –  marking: the mark record as it will be after the write, saved in a sync of its own (the caller's
 *      `record.save`), outside the undo group (see below).
 *   1. write, in one `Excel.run` that is a single undo step where ExcelApi 1.20 offers `mergeUndoGroup`:
 *      fills and notes of all cells, then the values. Queued first in the same sync, the value,
 *      formula and number format of every cell whose value we write, remove or keep as ours, as they are
 *      at that point of the batch (just before our writes): so a value typed after the read is seen.
 * A re-run that finds every mark and value in place writes nothing: no write sync either.
 * On the web, where a sync may not exceed 5 MB, very large runs are split into several load and write
 * syncs (still one undo step).
 *
 * Only when something went wrong, one more sync:
 *   - a value typed (or a formula entered) between the read and the write, in a cell we then wrote or
 *     cleared: a repair sync puts the user's content back and marks the cell as a load just before the
 *     write would have (the same result as the load+write of old, never the user's value lost);
 *   - a write sync that fails: Office has applied the operations before the failing one; one load (notes,
 *     values now) and one write put every touched cell back to the state the plan was made from.
 */
import type { ExcelEnv } from './env';
import { fillOf } from '../sheetHost/fills';
import { FILL_PROPS, groupFills, paintFill, restoreFill } from './fills';
import { isBlank, localAddress } from './cells';
import { HostError } from '../host';
import { errorText, officeCode, protectedError, writeError } from './errors';
import { STATE_BYTES_PER_CELL, VERIFY_BYTES_PER_CELL, WRITE_BYTES_PER_CELL, payloadBudget } from './limits';
import type { MarkEntry } from '../sheetHost/record';
import type { SheetSnapshot } from './snapshot';
import type { CellTarget } from '../sheetHost/targets';
import { nameAllocator, userTextIn } from '../sheetHost/locate';
import { queueNameDelete } from './names';
import { NOTE_PREFIX } from '../sheetHost/targets';
import { columnLetters, parseA1 } from '../../core/sheet';
import { planCell, planRollback, sameValue, type CellPlan, type CellState, type FillOp, type ValueState } from '../sheetHost/cellPlan';

export interface ReconcileInput {
  /** Sheets concerned, by current name. */
  sheets: string[];
  /** Our old marks on these sheets (entry.sheet already resolved to the current name). */
  old: MarkEntry[];
  /** This run's marks (empty when clearing). */
  targets: CellTarget[];
  notes: boolean;
  undoGroup: boolean;
  /** Fresh read snapshots, by sheet name: what they tell is not loaded again. */
  snapshots?: ReadonlyMap<string, SheetSnapshot>;
  /**
   * Marking: saves the mark record, with the planned entries, in a sync of its own just before the cells'
   * write (and outside its undo group). A record that cannot be saved throws, and nothing is written.
   * Clearing passes none: the caller saves what is left after the write, so a failed clear keeps the
   * record of the marks still there.
   */
  record?: { save(entries: MarkEntry[]): Promise<void> };
}

/** The write failed with UndoNotSupported inside its undo group and was rolled back: write without the group. */
export class UndoGroupRefused extends Error {
  constructor() {
    super('UndoNotSupported');
  }
}

export interface ReconcileResult {
  entries: MarkEntry[];
  /** Cells that carry a finding mark. */
  marked: number;
  filled: number;
  /** Cells we took something off. */
  cleared: number;
  syncs: number;
  /** Cells whose state came from a read snapshot / had to be loaded. */
  fromSnapshot: number;
  loaded: number;
  /** Cells changed between the read and the write, put right by a repair sync. */
  repaired: number;
  /**
   * The write went through but the repair sync after it failed: `entries` describe the sheet as the
   * write left it (so 清除标记 still finds every mark); the caller saves them, then reports this.
   */
  failure?: HostError;
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
  let all = [...slots.values()];
  const budget = payloadBudget(env.platform);
  const snapshots = input.snapshots ?? new Map<string, SheetSnapshot>();
  let syncs = 0;

  // What the snapshots tell.
  for (const s of all) s.state = snapshots.get(s.sheet)?.stateOf(s.cell);
  const unknown = all.filter((s) => !s.state);
  let fromSnapshot = all.length - unknown.length;
  /** Defined names left on cells our marks were sorted away from. */
  const staleNames: { sheet: string; name: string }[] = [];

  // Run 1, outside the undo group (it writes nothing): load what the snapshots do not tell, find marks
  // moved by a sort, check protection, plan.
  const sheetIds = new Map<string, string>();
  await env.run({}, async (context) => {
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const sheet = worksheetsOf(context);

    // 0. Load what the snapshots do not tell.
    const bare = input.sheets.filter((name) => !snapshots.has(name));
    for (const name of bare) {
      const ws = sheet(name);
      ws.load('id,name');
      ws.protection.load('protected');
    }
    const chunks = chunk(unknown, budget / STATE_BYTES_PER_CELL);
    for (let i = 0; i < (bare.length ? Math.max(1, chunks.length) : chunks.length); i++) {
      const loads = (chunks[i] ?? []).map((s) => queueState(sheet(s.sheet), s.cell, input.notes));
      await sync();
      (chunks[i] ?? []).forEach((s, j) => (s.state = loads[j]()));
    }
    // 0b. Rows sorted since marking: a mark's note went with its row, its defined name stayed. An entry
    // whose note is not at its cell is looked for among our notes on the sheet (two syncs, only then).
    const displaced = input.notes ? all.filter((s) => s.old?.noteHash && !noteIsFor(s.state!.note, s.old.noteHash)) : [];
    if (displaced.length) {
      const found = await findOurNotes(unique(displaced.map((s) => s.sheet)));
      const pairs = displaced.map((d) => ({ d, old: d.old! }));
      const isDisplaced = new Set(displaced);
      const taken = new Set<Slot>();
      for (const { d, old } of pairs) {
        // A cell is free when no mark stays on it (marks displaced from it are moving away) and no
        // displaced mark has been found there yet.
        const free = (cell: string) => {
          const at = slots.get(`${d.sheet}\u0000${cell}`);
          return !at || ((!at.old || isDisplaced.has(at)) && !taken.has(at));
        };
        const to = [...(found.get(d.sheet) ?? [])].find(([cell, note]) => cell !== d.cell && noteIsFor(note, old.noteHash!) && free(cell));
        if (!to) continue;
        const dest = slot(d.sheet, to[0]);
        dest.old = { ...old, cell: dest.cell, name: undefined };
        taken.add(dest);
        if (old.name) staleNames.push({ sheet: d.sheet, name: old.name });
        if (d.old === old) d.old = undefined;
      }
      all = [...slots.values()].filter((s) => s.old || s.target);
      const fresh = all.filter((s) => !s.state);
      for (const s of fresh) s.state = snapshots.get(s.sheet)?.stateOf(s.cell);
      fromSnapshot += fresh.filter((s) => s.state).length;
      const loads = fresh.filter((s) => !s.state).map((s) => ({ s, load: queueState(sheet(s.sheet), s.cell, input.notes) }));
      if (loads.length) {
        await sync();
        for (const { s, load } of loads) s.state = load();
      }
    }

    for (const name of input.sheets) {
      const snap = snapshots.get(name);
      const { id, isProtected } = snap ? { id: snap.id, isProtected: snap.isProtected } : { id: sheet(name).id, isProtected: sheet(name).protection.protected };
      if (isProtected) throw protectedError(name);
      sheetIds.set(name, id);
    }

    /** Every note of ours on these sheets, by cell (ExcelApi 1.18: a note's cell comes from getLocation). */
    async function findOurNotes(names: string[]): Promise<Map<string, Map<string, string>>> {
      const colls = names.map((name) => {
        const c = sheet(name).notes;
        c.load('items/content');
        return c;
      });
      await sync();
      const located = colls.map((c) =>
        c.items
          .filter((n) => n.content.startsWith(NOTE_PREFIX))
          .map((n) => {
            const r = n.getLocation();
            r.load('address');
            return { content: n.content, r };
          }),
      );
      await sync();
      return new Map(names.map((name, i) => [name, new Map(located[i].map(({ content, r }) => [localAddress(r.address), content]))]));
    }

  });

  // Plan.
  let marked = 0;
  let cleared = 0;
  const newName = nameAllocator();
  const plan = (s: Slot, state: CellState) =>
    planCell({ sheetId: sheetIds.get(s.sheet)!, sheet: s.sheet, cell: s.cell, notes: input.notes, newName }, state, s.old, s.target);
  for (const s of all) {
    s.plan = plan(s, s.state!);
    if (s.target?.findings.length) marked++;
    if (s.old && !s.target) cleared++;
  }
  const hasOps = (s: Slot) => !!(s.plan!.fill || s.plan!.note || s.plan!.value || s.plan!.name);
  const writes = all.filter(hasOps);
  // Cells whose plan rests on their value: a value to write or remove, or ours to keep.
  const valued = (s: Slot) => !!s.plan!.value || s.plan!.filled;
  // With nothing to write there is no sync at all (a re-run that finds everything in place).
  const batch = writes.length || staleNames.length ? all.filter((s) => hasOps(s) || valued(s)) : [];

  // The record that describes the sheet after the write is saved before it, in a sync of its own: a
  // record that cannot be saved stops the run before any mark is written, whatever the error says. It
  // stays out of the undo group: custom XML part writes are not undone with the cells and are reported
  // to clear the undo history (office-js#6415, #4484), and an API without undo support inside a
  // `mergeUndoGroup` run throws UndoNotSupported (excel-add-ins-undo-capabilities.md).
  if (batch.length && input.record) await input.record.save(entriesOf(all));

  // Run 2: the cells, in one undo group where ExcelApi 1.20 allows — one Ctrl+Z takes the run's marks
  // and values off. Nothing in it lacks undo support (fills, notes, values, number formats, names).
  const result = await env.run({ mergeUndoGroup: input.undoGroup }, async (context) => {
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const sheet = worksheetsOf(context);
    const seen = new Map<Slot, () => ValueState>();
    try {
      const weight = (s: Slot) => WRITE_BYTES_PER_CELL + (valued(s) ? VERIFY_BYTES_PER_CELL : 0);
      const parts = chunkBy(batch, budget, weight);
      for (const part of parts) {
        // The values as they are now, read in the batch before our writes.
        for (const s of part) if (valued(s)) seen.set(s, queueValueState(sheet(s.sheet), s.cell));
        // Fills and notes first: a note that cannot be added (one the user put there since the read)
        // fails the sync before any value is written. Fills grouped: one write per colour.
        queueFillGroups(sheet, part);
        for (const n of staleNames.splice(0)) queueNameDelete(context, sheet(n.sheet), n.name);
        for (const s of part) queueNoteAndName(context, sheet(s.sheet), s.sheet, s.cell, s.plan!);
        for (const s of part) queueValue(sheet(s.sheet), s.cell, s.plan!);
        await sync();
      }
      if (staleNames.length) {
        for (const n of staleNames.splice(0)) queueNameDelete(context, sheet(n.sheet), n.name);
        await sync();
      }
    } catch (e) {
      const restored = await rollback(writes).then(
        () => true,
        () => false,
      );
      // Something in the group has no undo support on this platform: the caller writes again without
      // the group (undo-capabilities.md: "Your add-in should gracefully handle this error").
      if (officeCode(e) === 'UndoNotSupported' && restored) throw new UndoGroupRefused();
      throw writeError(input.sheets, e, restored);
    }

    // A value typed since the read, where we wrote or cleared ours: give it back, mark as planned from it.
    const changed = [...seen].filter(([s, now]) => !sameValueState(s.state!, now()));
    let failure: HostError | undefined;
    if (changed.length) {
      const written = new Map(changed.map(([s]) => [s, s.plan!]));
      for (const [s, now] of changed) {
        const before: CellState = { ...s.state!, ...now() };
        const undo = planRollback(before, s.plan!, noteAfter(s.plan!, s.state!.note));
        s.plan = plan(s, before);
        queuePlan(context, sheet(s.sheet), s.sheet, s.cell, undo);
        queuePlan(context, sheet(s.sheet), s.sheet, s.cell, s.plan);
      }
      try {
        await sync();
      } catch (e) {
        // The sheet is as the write left it (Office may have applied part of the repair): record that.
        for (const [s, p] of written) s.plan = p;
        const cells = changed.map(([s]) => `${s.sheet}!${s.cell}`).join('、');
        failure = new HostError(
          `${cells} 在校验期间被修改，本应保留修改后的内容，但恢复时出错：${errorText(e)}。请检查这些单元格，必要时点击“清除标记”后重新校验。`,
          'write-failed',
        );
      }
    }

    // The record as the write (and a repair) left the sheet: the caller saves it when it differs from
    // the one saved before the write.
    const entries = entriesOf(all);
    let filled = 0;
    for (const s of all) if (s.plan!.filled) filled++;
    return { entries, marked, filled, cleared, repaired: failure ? 0 : changed.length, failure };

    async function rollback(done: Slot[]): Promise<void> {
      const notesNow = done.map((s) => (input.notes && s.plan!.note ? queueNote(sheet(s.sheet), s.cell) : () => null));
      const valuesNow = done.map((s) => (s.plan!.value ? queueValueState(sheet(s.sheet), s.cell) : () => undefined));
      await sync();
      done.forEach((s, i) =>
        queuePlan(context, sheet(s.sheet), s.sheet, s.cell, planRollback(s.state!, s.plan!, notesNow[i](), valuesNow[i]())),
      );
      await sync();
    }
  });
  return { ...result, syncs, fromSnapshot, loaded: unknown.length };
}

function entriesOf(slots: readonly Slot[]): MarkEntry[] {
  return slots.flatMap((s) => (s.plan!.entry ? [s.plan!.entry] : []));
}

/** The note is one we wrote with this hash (the user may have added lines under it). */
function noteIsFor(note: string | null, hash: string): boolean {
  return note !== null && note.startsWith(NOTE_PREFIX) && userTextIn(note, hash) !== null;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function sameValueState(a: ValueState, b: ValueState): boolean {
  return a.blank === b.blank && a.formula === b.formula && a.format === b.format && (a.blank || sameValue(a.value, b.value));
}

/** The note a plan leaves on the cell (it was applied). */
function noteAfter(plan: CellPlan, before: string | null): string | null {
  if (!plan.note) return before;
  return plan.note.op === 'delete' ? null : plan.note.text;
}

/** Queues the loads for one cell; the returned function reads them after the sync. */
function queueState(ws: Excel.Worksheet, cell: string, notes: boolean): () => CellState {
  const r = ws.getRange(cell);
  r.load('values,valueTypes,formulas,numberFormat');
  r.format.fill.load(FILL_PROPS);
  const note = notes ? queueNote(ws, cell) : () => null;
  return () => ({ fill: fillOf(r.format.fill), ...valueStateOf(r), note: note() });
}

/** Queues the load of one cell's value, formula and number format. */
function queueValueState(ws: Excel.Worksheet, cell: string): () => ValueState {
  const r = ws.getRange(cell);
  r.load('values,valueTypes,formulas,numberFormat');
  return () => valueStateOf(r);
}

function valueStateOf(r: Pick<Excel.Range, 'values' | 'valueTypes' | 'formulas' | 'numberFormat'>): ValueState {
  const value = r.values[0][0];
  const formula = r.formulas[0][0];
  const type = String(r.valueTypes[0][0]);
  return {
    blank: isBlank({ value, formula, type }),
    value,
    formula: typeof formula === 'string' && formula.startsWith('=') ? formula : null,
    format: String(r.numberFormat[0][0] ?? 'General'),
  };
}

function queueNote(ws: Excel.Worksheet, cell: string): () => string | null {
  // ExcelApi 1.18.
  const n = ws.notes.getItemOrNullObject(cell);
  n.load('content');
  return () => (n.isNullObject ? null : n.content);
}

function queuePlan(context: Excel.RequestContext, ws: Excel.Worksheet, sheetName: string, cell: string, plan: CellPlan): void {
  queueMarks(context, ws, sheetName, cell, plan);
  queueValue(ws, cell, plan);
}

/** The fill, the note and the name of a plan. */
function queueMarks(context: Excel.RequestContext, ws: Excel.Worksheet, sheetName: string, cell: string, plan: CellPlan): void {
  if (plan.fill) queueFill(ws.getRange(cell).format.fill, plan.fill);
  queueNoteAndName(context, ws, sheetName, cell, plan);
}

function queueFill(fill: Excel.RangeFill, op: FillOp): void {
  if ('paint' in op) paintFill(fill, op.paint);
  else restoreFill(fill, op.restore);
}

/** The fills of many cells, one `getRanges` write per sheet and fill (fills.ts groupFills). */
function queueFillGroups(sheet: (name: string) => Excel.Worksheet, slots: readonly Slot[]): void {
  const items = slots.filter((s) => s.plan!.fill).map((s) => ({ sheet: s.sheet, cell: s.cell, op: s.plan!.fill! }));
  for (const g of groupFills(items, fillKey)) queueFill(sheet(g.sheet).getRanges(g.address).format.fill, g.op);
}

/** `='表 1'!$H$7`: what a defined name refers to (the sheet name always quoted, `'` doubled). */
function cellFormula(sheetName: string, cell: string): string {
  const { row, col } = parseA1(cell);
  return `='${sheetName.replace(/'/g, "''")}'!$${columnLetters(col)}$${row + 1}`;
}

function fillKey(op: FillOp): string {
  return 'paint' in op ? `paint ${op.paint}` : `restore ${JSON.stringify(op.restore)}`;
}

/** The note and the defined name of a plan. */
function queueNoteAndName(context: Excel.RequestContext, ws: Excel.Worksheet, sheetName: string, cell: string, plan: CellPlan): void {
  if (plan.note) {
    const n = plan.note;
    if (n.op === 'add') ws.notes.add(cell, n.text); // an address, not a Range object: one object fewer
    else if (n.op === 'set') ws.notes.getItem(cell).content = n.text;
    else ws.notes.getItem(cell).delete();
  }
  if (plan.name?.op === 'add') {
    // Scoped to the sheet: it goes when the sheet is deleted (locate.ts). Hidden: not in the Name box or
    // Name Manager; 清除标记 deletes it whatever happened to its cell.
    const named = ws.names.add(plan.name.name, cellFormula(sheetName, cell));
    named.visible = false;
  } else if (plan.name) {
    queueNameDelete(context, ws, plan.name.name);
  }
}

/** The value (and its number format) of a plan. */
function queueValue(ws: Excel.Worksheet, cell: string, plan: CellPlan): void {
  const v = plan.value;
  if (!v) return;
  const r = ws.getRange(cell);
  if (v.op === 'remove') r.clear('Contents');
  if (v.format !== undefined) r.numberFormat = [[v.format]];
  if (v.op === 'write') r.values = [[v.value]];
  if (v.op === 'put') {
    if (v.formula) r.formulas = [[v.formula]];
    else if (v.value !== undefined) r.values = [[v.value as string | number | boolean]];
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  if (!Number.isFinite(size)) return items.length ? [items] : [];
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

/** Consecutive groups whose summed weight stays within `budget` (at least one item each); the first
 * group's budget less `reserved` (what else its sync carries). */
function chunkBy<T>(items: T[], budget: number, weight: (x: T) => number, reserved = 0): T[][] {
  if (!Number.isFinite(budget)) return items.length ? [items] : [];
  const out: T[][] = [];
  let cur: T[] = [];
  let used = reserved;
  for (const x of items) {
    const w = weight(x);
    if (cur.length && used + w > budget) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(x);
    used += w;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** One proxy per worksheet name within a run (getItem queues nothing until used). */
function worksheetsOf(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const sheets = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
}
