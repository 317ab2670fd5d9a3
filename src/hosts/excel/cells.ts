/** Office's per-cell arrays (values, valueTypes, formulas, text, numberFormat) → the SheetModel's cells. */
import type { CellValue } from '../../core/sheet';

/** One cell as Office.js hands it over. */
export interface OfficeCell {
  value: unknown;
  /** `Excel.RangeValueType`: Empty, String, Double, Boolean, Integer, Error, Unknown, Richvalue. */
  type: string;
  formula: unknown;
  text: unknown;
  format: unknown;
}

export function cellValue(c: OfficeCell): CellValue {
  if (c.type === 'Empty') return null;
  if (c.type === 'Error') return { error: String(c.text || c.value) };
  const v = c.value;
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  // Rich values (data types) arrive as objects; the form never holds them, keep the display text.
  return typeof c.text === 'string' && c.text !== '' ? c.text : String(v);
}

/** Formula text where the cell holds a formula (the `formulas` array repeats constants otherwise). */
export function cellFormula(c: OfficeCell): string | null {
  return typeof c.formula === 'string' && c.formula.startsWith('=') ? c.formula : null;
}

export function cellText(c: OfficeCell): string | null {
  return typeof c.text === 'string' && c.text !== '' ? c.text : null;
}

export function cellFormat(c: OfficeCell): string | null {
  return typeof c.format === 'string' && c.format !== '' ? c.format : null;
}

/** True when nothing is in the cell: no value, no formula. The only cells we ever write a value into. */
export function isBlank(c: Pick<OfficeCell, 'value' | 'formula' | 'type'>): boolean {
  if (cellFormula({ ...c, text: '', format: '' })) return false;
  if (c.type === 'Empty') return true;
  if (c.type === 'Error') return false;
  return c.value === '' || c.value === null || c.value === undefined;
}

/** `Sheet1!A1:B2`, `'表 1'!A1` → `A1:B2`, `A1`. */
export function localAddress(address: string): string {
  const i = address.lastIndexOf('!');
  return (i >= 0 ? address.slice(i + 1) : address).replace(/\$/g, '');
}
