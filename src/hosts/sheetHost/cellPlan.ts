/**
 * What to do to one cell, given what it holds now, what we recorded last time and what this run wants.
 * Pure: the same rules serve marking (old marks replaced by new ones), clearing (no new ones) and the
 * rollback of a failed write (back to the state read before it).
 *
 * Nothing of the user's is ever overwritten or removed:
 *   - a fill is restored only while the cell still shows the colour we painted;
 *   - a note is changed or deleted only while it is ours (starts with 【绩效自评校验】); a cell with the
 *     user's own note keeps it and gets no note from us;
 *   - a value is written only into a cell with no value and no formula, and removed only while it still
 *     equals what we wrote.
 */
import type { MarkEntry } from './record';
import { isPainted, type FillState } from './fills';
import { NOTE_PREFIX, composeNote, type CellTarget } from './targets';
import { noteHash, userTextIn } from './locate';

/** A cell's value, formula and number format, as loaded. */
export interface ValueState {
  /** No value, no formula. */
  blank: boolean;
  value: unknown;
  formula: string | null;
  format: string;
}

/** A cell as loaded just before writing (or as the read's snapshot saw it). */
export interface CellState {
  fill: FillState;
  /** No value, no formula. */
  blank: boolean;
  value: unknown;
  formula: string | null;
  format: string;
  /** Note content, null for none (or when notes are not supported). */
  note: string | null;
}

export type FillOp = { paint: string } | { restore: FillState };
export type NoteOp = { op: 'add'; text: string } | { op: 'set'; text: string } | { op: 'delete' };
/** The defined name that follows the cell (locate.ts). */
export type NameOp = { op: 'add'; name: string } | { op: 'delete'; name: string };
export type ValueOp =
  | { op: 'write'; value: number | string; format?: string }
  | { op: 'remove'; format?: string }
  | { op: 'put'; value: unknown; formula?: string | null; format?: string };

export interface CellPlan {
  fill?: FillOp;
  note?: NoteOp;
  value?: ValueOp;
  name?: NameOp;
  /** The record entry after this run, null when we leave nothing on the cell. */
  entry: MarkEntry | null;
  filled: boolean;
}

export interface PlanContext {
  sheetId: string;
  sheet: string;
  cell: string;
  notes: boolean;
  /** A fresh defined name for a cell we mark for the first time (locate.ts nameAllocator). */
  newName?: () => string;
}

export function planCell(ctx: PlanContext, now: CellState, old: MarkEntry | undefined, target: CellTarget | undefined): CellPlan {
  const plan = planMarks(ctx, now, old, target);
  if (plan.entry) {
    const name = old?.name ?? ctx.newName?.();
    if (name) plan.entry.name = name;
    if (name && name !== old?.name) plan.name = { op: 'add', name };
  } else if (old?.name) {
    plan.name = { op: 'delete', name: old.name };
  }
  return plan;
}

function planMarks(ctx: PlanContext, now: CellState, old: MarkEntry | undefined, target: CellTarget | undefined): CellPlan {
  const fillOurs = !!old && isPainted(now.fill, old.painted);
  // Our note, and what the user wrote into it since (kept); null when the user rewrote our text.
  const userText = ctx.notes && now.note !== null && now.note.startsWith(NOTE_PREFIX) ? userTextIn(now.note, old?.noteHash) : null;
  const noteOurs = userText !== null;
  const valueOurs = !!old && old.value !== undefined && now.formula === null && sameValue(now.value, old.value);

  // The cell as the user left it, without our marks.
  const baseFill = fillOurs ? old!.orig : now.fill;
  const baseBlank = valueOurs || now.blank;
  const baseFormat = valueOurs && old!.origFormat !== undefined ? old!.origFormat : now.format;

  const plan: CellPlan = { entry: null, filled: false };

  // A computed value that cannot be written (the cell is no longer empty) leaves no trace at all.
  if (target && !target.findings.length && !(target.fill && baseBlank)) target = undefined;

  if (!target) {
    if (fillOurs) plan.fill = { restore: baseFill };
    if (noteOurs) plan.note = userText ? { op: 'set', text: userText } : { op: 'delete' };
    if (valueOurs) plan.value = { op: 'remove', format: baseFormat !== now.format ? baseFormat : undefined };
    return plan;
  }

  if (!isPainted(now.fill, target.colour)) plan.fill = { paint: target.colour };

  const fill = target.fill;
  const write = !!fill && baseBlank;
  if (write) {
    const format = fill.numberFormat ?? baseFormat;
    const unchanged = valueOurs && sameValue(now.value, fill.value) && format === now.format;
    if (!unchanged) plan.value = { op: 'write', value: fill.value, format: format !== now.format ? format : undefined };
    plan.filled = true;
  } else if (valueOurs) {
    plan.value = { op: 'remove', format: baseFormat !== now.format ? baseFormat : undefined };
  }

  let noted = false;
  let hash: string | undefined;
  if (ctx.notes) {
    const text = composeNote(target.findings, write ? fill!.label : null);
    if (text !== null) hash = noteHash(text);
    if (text !== null) {
      if (noteOurs) {
        const want = userText ? `${text}\n${userText}` : text;
        if (now.note !== want) plan.note = { op: 'set', text: want };
        noted = true;
      } else if (now.note === null) {
        plan.note = { op: 'add', text };
        noted = true;
      }
    } else if (noteOurs) {
      plan.note = userText ? { op: 'set', text: userText } : { op: 'delete' };
    }
  }

  plan.entry = {
    sheetId: ctx.sheetId,
    sheet: ctx.sheet,
    cell: ctx.cell,
    orig: baseFill,
    painted: target.colour,
    note: noted,
    ...(noted && hash ? { noteHash: hash } : {}),
    ...(write ? { value: fill!.value, origFormat: baseFormat } : {}),
  };
  return plan;
}

/**
 * The writes that put the cell back to `before` (the state the plan `done` was made from), after `done`
 * was queued and may or may not have been applied (a write that failed part-way, or one that succeeded
 * over a cell that had changed since). `noteNow` is the note content now. A note is deleted or rewritten
 * only while it is ours: a note the user added meanwhile (our add then failed on it) stays.
 */
export function planRollback(before: CellState, done: CellPlan, noteNow: string | null, valueNow?: ValueState): CellPlan {
  const plan: CellPlan = { entry: null, filled: false };
  if (done.fill) plan.fill = { restore: before.fill };
  if (done.value) {
    // Without `valueNow` the value write is known to have been applied.
    const v = done.value;
    const applied =
      !valueNow ||
      (v.op === 'write' && valueNow.formula === null && sameValue(valueNow.value, v.value)) ||
      (v.op === 'remove' && valueNow.blank);
    if (applied) {
      plan.value = before.blank
        ? { op: 'remove', format: before.format }
        : { op: 'put', value: before.value, formula: before.formula, format: before.format };
    } else if (v.format !== undefined && valueNow.format === v.format && v.format !== before.format) {
      // Only the number format got through: put it back, leave the value (it is not ours).
      plan.value = { op: 'put', value: undefined, format: before.format };
    }
  }
  if (done.note) {
    const ours = noteNow !== null && noteNow.startsWith(NOTE_PREFIX);
    if (before.note === null) {
      if (ours) plan.note = { op: 'delete' };
    } else if (noteNow === null) {
      plan.note = { op: 'add', text: before.note };
    } else if (ours && noteNow !== before.note) {
      plan.note = { op: 'set', text: before.note };
    }
  }
  return plan;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
