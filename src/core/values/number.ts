import { isCellError, type CellValue } from '../sheet';
import { decimalsNeeded, shiftDecimal } from './decimal';
import { memoizeString } from './memo';
import { cleanText } from './normalize';
import { formatDecimals, isPercentFormat } from './numberFormat';
import { roundHalfUp } from './round';

/**
 * A cell that must hold a number. A percent is always the fraction (95% → 0.95); `decimals` is the
 * precision the cell states: for a percent, places of the percentage (`136.58%` → 2); for a number cell,
 * the places it takes to write it; for text, the places written.
 */
export type NumberParse =
  | { ok: true; value: number; percent: boolean; decimals: number; raw: string }
  | { ok: false; reason: 'empty' }
  /** `—`, `－`, `-`, `/`, `无`: the template's "not applicable" (SPEC §1.5) — no value, and nothing wrong. */
  | { ok: false; reason: 'notApplicable'; raw: string }
  | { ok: false; reason: 'invalid'; raw: string };

const NOT_APPLICABLE = /^(?:[-—–―‒/\\]+|无|不适用)$/u;
/** An amount written with its unit, `50万元`: the funds columns are in 万元. */
const WAN_YUAN = /^(.*\d)\s*万元$/u;

// Sign, integer part (plain or with thousands commas), fraction, percent. At least one digit is checked
// separately, so `.5` and `5.` pass and `.` does not.
const NUMBER_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(%?)$/;

export function parseNumberCell(v: CellValue, format?: string | null, text?: string | null): NumberParse {
  if (v === null) return { ok: false, reason: 'empty' };
  if (typeof v === 'boolean') return { ok: false, reason: 'invalid', raw: v ? 'TRUE' : 'FALSE' };
  if (isCellError(v)) return { ok: false, reason: 'invalid', raw: v.error };
  if (typeof v === 'number') return parseNumberValue(v, format, text);
  return parseNumberText(v);
}

function parseNumberValue(v: number, format?: string | null, text?: string | null): NumberParse {
  const shown = text == null ? null : cleanText(text);
  if (!Number.isFinite(v)) return { ok: false, reason: 'invalid', raw: shown || String(v) };
  const value = v === 0 ? 0 : v; // no -0
  if (isPercentFormat(format)) {
    const decimals = formatDecimals(format);
    return { ok: true, value, percent: true, decimals, raw: shown || percentText(value, decimals) };
  }
  // No format but the host shows a percent: the display is the better witness.
  if (!format && shown && shown.endsWith('%')) {
    const t = parseNumberText(shown);
    if (t.ok && t.percent) return { ok: true, value, percent: true, decimals: t.decimals, raw: shown };
  }
  return { ok: true, value, percent: false, decimals: decimalsNeeded(value), raw: shown || String(value) };
}

function percentText(fraction: number, decimals: number): string {
  return `${roundHalfUp(shiftDecimal(fraction, 2), decimals).toFixed(decimals)}%`;
}

// The parse of a text never changes and forms repeat their values; see memo.ts.
const parseNumberText = memoizeString(parseNumberTextUncached);

function parseNumberTextUncached(raw: string): NumberParse {
  let s = cleanText(raw).replace(/\u2212/g, '-').replace(/\s+%$/, '%');
  if (s === '') return { ok: false, reason: 'empty' };
  if (NOT_APPLICABLE.test(s)) return { ok: false, reason: 'notApplicable', raw };
  s = s.replace(WAN_YUAN, '$1');
  const m = NUMBER_TEXT.exec(s);
  if (!m) return { ok: false, reason: 'invalid', raw };
  const [, sign, intPart, fraction = '', percent] = m;
  if (intPart === '' && fraction === '') return { ok: false, reason: 'invalid', raw };
  const digits = `${sign}${intPart.replace(/,/g, '') || '0'}${fraction ? `.${fraction}` : ''}`;
  // Parsing `136.58e-2` gives the double nearest 1.3658; 136.58 / 100 would not.
  const value = Number(percent ? `${digits}e-2` : digits);
  if (!Number.isFinite(value)) return { ok: false, reason: 'invalid', raw };
  return { ok: true, value: value === 0 ? 0 : value, percent: percent === '%', decimals: fraction.length, raw };
}
