/**
 * What an annotated copy changes, worked out from a check's findings on the sheet models: a fill by
 * severity and a note on each cell concerned (the same marks Excel and the browser grid show, from
 * core/marks), and in 'fill' mode the computed values written into the cells the user left empty. The
 * package patcher (patch/patchPackage) writes these into the original workbook; nothing else changes.
 */
import { COMPUTED_FILL, SEVERITY_FILL, computedNoteText as computedNote, marksOf } from '../../core/marks';
import type { Fill, Finding, SheetCheck } from '../../core/result';
import { parseA1, SheetView, type SheetModel } from '../../core/sheet';
import type { ReportSheet } from './patch/reportSheet';

/** 'fill': also write computed values into empty cells; 'review': marks only (a reviewer's copy). */
export type Mode = 'fill' | 'review';

export interface AnnotateSummary {
  /** Cells given a finding's fill and note. */
  marked: number;
  /** Computed values written. */
  filled: number;
  /** Fills refused because the cell was not empty, as `表1!H7`. */
  skippedFills: string[];
}

/** One cell's change in the copy. */
export interface CellEdit {
  /** RGB hex of a solid fill. */
  fill?: string;
  /** Our note (replacing a note of ours from an earlier run, below the user's own text). */
  note?: string;
  value?: number | string;
  numberFormat?: string;
}

export interface CopyEdits {
  /** Sheet name → cell (A1, a merge's master) → change. */
  sheets: Map<string, Map<string, CellEdit>>;
  /** A 校验报告 sheet to add (or whose contents to replace). */
  report: ReportSheet | null;
  /** Values were written: have Excel recompute formulas on opening (their cached results are old). */
  recalc: boolean;
}

export function emptyEdits(): CopyEdits {
  return { sheets: new Map(), report: null, recalc: false };
}

export function computedNoteText(fill: Fill): string {
  return computedNote(fill.label);
}

export function editAt(edits: CopyEdits, sheet: string, cell: string): CellEdit {
  let cells = edits.sheets.get(sheet);
  if (!cells) edits.sheets.set(sheet, (cells = new Map()));
  let edit = cells.get(cell);
  if (!edit) cells.set(cell, (edit = {}));
  return edit;
}

/** Adds the marks (and in 'fill' mode the computed values) of the checks to `edits`. */
export function annotateSheets(sheets: readonly SheetModel[], checks: readonly SheetCheck[], mode: Mode, edits: CopyEdits = emptyEdits()): AnnotateSummary & { edits: CopyEdits } {
  const summary: AnnotateSummary = { marked: 0, filled: 0, skippedFills: [] };
  for (const check of checks) {
    const model = sheets.find((s) => s.name === check.sheet);
    if (!model) continue;
    const view = new SheetView(model);
    const marks = marksOf(check.sheet, findingsOf(check, view));
    const markedCells = new Set(marks.map((m) => m.cell));

    if (mode === 'fill') {
      for (const fill of check.fills) {
        const cell = view.masterAddress(fill.cell);
        if (!cell) continue;
        const p = parseA1(cell);
        if (!view.isEmpty(p.row, p.col)) {
          summary.skippedFills.push(`${check.sheet}!${fill.cell}`);
          continue;
        }
        const edit = editAt(edits, check.sheet, cell);
        edit.value = fill.value;
        if (fill.numberFormat) edit.numberFormat = fill.numberFormat;
        if (!markedCells.has(cell)) {
          edit.fill = COMPUTED_FILL;
          edit.note = computedNoteText(fill);
        }
        summary.filled++;
      }
    }

    for (const mark of marks) {
      const edit = editAt(edits, check.sheet, mark.cell);
      edit.fill = SEVERITY_FILL[mark.severity];
      edit.note = mark.note;
      summary.marked++;
    }
  }
  if (summary.filled > 0) edits.recalc = true;
  return { ...summary, edits };
}

/**
 * All findings of the sheet and its forms that name a cell, each once, with the cell given as its merge's
 * master (so two findings on one merged area share one mark).
 */
function findingsOf(check: SheetCheck, view: SheetView): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...check.findings, ...check.forms.flatMap((form) => form.findings)]) {
    const cell = f.cell ? view.masterAddress(f.cell) : null;
    if (!cell) continue;
    const key = `${f.code}\u0000${cell}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cell === f.cell ? f : { ...f, cell });
  }
  return out;
}
