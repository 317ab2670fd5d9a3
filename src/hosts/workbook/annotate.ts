/**
 * Marks a check's findings on the loaded workbook: a fill by severity and a note on each cell concerned
 * (the same marks Excel and the browser grid show, from core/marks), and in 'fill' mode the computed
 * values written into the cells the user left empty. Nothing else in the workbook changes.
 */
import type { Cell, Comment, RichText, Worksheet } from 'exceljs';
import { COMPUTED_FILL, NOTE_AUTHOR, SEVERITY_FILL, computedNoteText as computedNote, marksOf, type CellMark } from '../../core/marks';
import type { Fill, Finding, SheetCheck } from '../../core/result';
import type { LoadedWorkbook } from './read';

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

/** First line of every note we write; how our part of a note is told apart from the user's. */
const OUR_NOTE_START = `【${NOTE_AUTHOR}】`;

export function computedNoteText(fill: Fill): string {
  return computedNote(fill.label);
}

export function annotateWorkbook(loaded: LoadedWorkbook, checks: SheetCheck[], mode: Mode): AnnotateSummary {
  const summary: AnnotateSummary = { marked: 0, filled: 0, skippedFills: [] };
  for (const check of checks) {
    const ws = loaded.workbook.getWorksheet(check.sheet);
    if (!ws) continue;
    const marks = marksOf(check.sheet, findingsOf(check, ws));
    const markedCells = new Set<string>();
    for (const mark of marks) markedCells.add(cellAt(ws, mark.cell)!.address);

    if (mode === 'fill') {
      for (const fill of check.fills) {
        const cell = cellAt(ws, fill.cell);
        if (!cell) continue;
        if (!isEmptyCell(cell)) {
          summary.skippedFills.push(`${check.sheet}!${fill.cell}`);
          continue;
        }
        cell.value = fill.value;
        const marked = markedCells.has(cell.address);
        cell.style = {
          ...cell.style,
          ...(fill.numberFormat ? { numFmt: fill.numberFormat } : {}),
          ...(marked ? {} : { fill: solidFill(COMPUTED_FILL) }),
        };
        if (!marked) cell.note = withOurNote(cell.note, computedNoteText(fill));
        summary.filled++;
      }
    }

    for (const mark of marks) {
      paint(ws, mark);
      summary.marked++;
    }
  }
  if (summary.filled > 0) {
    // Formulas that read the filled cells still hold their old cached results: have Excel recompute.
    loaded.workbook.calcProperties = { ...loaded.workbook.calcProperties, fullCalcOnLoad: true };
  }
  return summary;
}

/**
 * All findings of the sheet and its forms that name a cell, each once, with the cell given as its merge's
 * master (so two findings on one merged area share one mark).
 */
function findingsOf(check: SheetCheck, ws: Worksheet): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...check.findings, ...check.forms.flatMap((form) => form.findings)]) {
    const cell = f.cell ? cellAt(ws, f.cell) : undefined;
    if (!cell) continue;
    const key = `${f.code}\u0000${cell.address}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cell.address === f.cell ? f : { ...f, cell: cell.address });
  }
  return out;
}

function paint(ws: Worksheet, mark: CellMark): void {
  const cell = cellAt(ws, mark.cell)!;
  cell.style = { ...cell.style, fill: solidFill(SEVERITY_FILL[mark.severity]) };
  cell.note = withOurNote(cell.note, mark.note);
}

const A1 = /^\$?[A-Za-z]{1,3}\$?\d+$/;

/** The cell at an A1 address — the merge's master for a covered cell — or undefined for a bad address. */
function cellAt(ws: Worksheet, address: string): Cell | undefined {
  if (!A1.test(address)) return undefined;
  const cell = ws.getCell(address.replace(/\$/g, '').toUpperCase());
  return cell.isMerged ? cell.master : cell;
}

/**
 * A new fill object (never mutated in place: ExcelJS shares one style object between all cells of the same
 * style, so `cell.fill = …` would repaint them all).
 */
export function solidFill(rgb: string): NonNullable<Cell['style']['fill']> {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } };
}

/** Empty for our purposes: no formula, and no value or only white space. */
export function isEmptyCell(cell: Cell): boolean {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return false;
    if (Array.isArray(o.richText)) return o.richText.every((r: { text?: string }) => !r.text || r.text.trim() === '');
  }
  return false;
}

/**
 * The cell's note with `ours` in place of any note of ours already there (from an earlier run), below
 * the user's own text, separated by a blank line. The user's text and its formatting are kept.
 */
export function withOurNote(existing: string | Comment | undefined, ours: string): string | Comment {
  if (!existing) return ours;
  const runs: RichText[] = typeof existing === 'string' ? [{ text: existing }] : [...(existing.texts ?? [])];
  const theirs = trimTrailingNewlines(cutAtOurs(runs));
  if (theirs.length === 0) return ours;
  const rest = typeof existing === 'string' ? {} : existing;
  return { ...rest, texts: [...theirs, { text: '\n\n' }, { text: ours }] };
}

/** The runs before our part of the note (which always starts a run's text or follows a blank line). */
function cutAtOurs(runs: RichText[]): RichText[] {
  const whole = runs.map((r) => r.text ?? '').join('');
  const at = whole.startsWith(OUR_NOTE_START) ? 0 : whole.indexOf(`\n\n${OUR_NOTE_START}`);
  if (at < 0) return runs;
  const out: RichText[] = [];
  let pos = 0;
  for (const r of runs) {
    const t = r.text ?? '';
    if (pos + t.length <= at) out.push(r);
    else if (pos < at) out.push({ ...r, text: t.slice(0, at - pos) });
    pos += t.length;
    if (pos >= at) break;
  }
  return out;
}

function trimTrailingNewlines(runs: RichText[]): RichText[] {
  const out = [...runs];
  while (out.length) {
    const last = out[out.length - 1];
    const t = (last.text ?? '').replace(/\n+$/, '');
    if (t === '') out.pop();
    else {
      if (t !== last.text) out[out.length - 1] = { ...last, text: t };
      break;
    }
  }
  return out;
}
