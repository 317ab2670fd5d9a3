/** One run's checks → the cells to mark: colour, findings for the note, value to fill. Pure. */
import type { Mode } from '../host';
import { COMPUTED_FILL, NOTE_AUTHOR, SEVERITY_FILL, marksOf, noteText } from '../../core/marks';
import type { Fill, Finding, SheetCheck } from '../../core/result';
import { parseA1, a1 } from '../../core/sheet';

export interface CellTarget {
  sheet: string;
  /** A1, upper case, no `$`. */
  cell: string;
  /** `#RRGGBB`: the worst finding's colour, or the computed-value tint. */
  colour: string;
  findings: Finding[];
  /** Mode 'fill' only: the value to write if the cell is still empty. */
  fill?: Fill;
}

/** Every note we write starts with this line; it is how our notes are told from the user's. */
export const NOTE_PREFIX = `【${NOTE_AUTHOR}】`;

export function targetsOf(checks: readonly SheetCheck[], mode: Mode): CellTarget[] {
  const out = new Map<string, CellTarget>();
  const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;
  for (const check of checks) {
    const findings: Finding[] = [...check.findings, ...check.forms.flatMap((f) => f.findings)];
    const bySheet = new Map<string, Finding[]>();
    for (const f of findings) {
      if (!f.cell) continue;
      const sheet = f.sheet ?? check.sheet;
      const list = bySheet.get(sheet) ?? [];
      list.push({ ...f, cell: normalCell(f.cell) });
      bySheet.set(sheet, list);
    }
    for (const [sheet, list] of bySheet) {
      for (const m of marksOf(sheet, list)) {
        out.set(key(sheet, m.cell), {
          sheet,
          cell: m.cell,
          colour: `#${SEVERITY_FILL[m.severity]}`,
          findings: m.findings,
        });
      }
    }
    if (mode !== 'fill') continue;
    for (const fill of check.fills) {
      const cell = normalCell(fill.cell);
      const k = key(check.sheet, cell);
      const t = out.get(k);
      if (t) t.fill = { ...fill, cell };
      else out.set(k, { sheet: check.sheet, cell, colour: `#${COMPUTED_FILL}`, findings: [], fill: { ...fill, cell } });
    }
  }
  return [...out.values()];
}

/** The note for a cell: its findings (most severe first), then the value we filled, if any. */
export function composeNote(findings: readonly Finding[], filledLabel: string | null): string | null {
  const lines: string[] = [];
  if (findings.length) lines.push(noteText(findings));
  else if (filledLabel) lines.push(NOTE_PREFIX);
  if (filledLabel) lines.push(`已自动填入计算的${filledLabel}（原为空）。`);
  return lines.length ? lines.join('\n') : null;
}

/** `$h$7` → `H7`. */
export function normalCell(cell: string): string {
  const { row, col } = parseA1(cell);
  return a1(row, col);
}
