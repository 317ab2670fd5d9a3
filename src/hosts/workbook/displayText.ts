/**
 * The text Excel shows for a number under a number format, for the formats these forms use: General,
 * fixed decimals, thousands separators, percentages, currency and unit literals (`0.00"万元"`), and plain
 * dates. Exotic formats (fractions, conditions, scientific) fall back to the General rendering.
 */

interface NumberSection {
  kind: 'number';
  prefix: string;
  suffix: string;
  minInteger: number;
  minDecimals: number;
  maxDecimals: number;
  thousands: boolean;
  /** Power of ten the value is shown at: +2 per `%`, −3 per trailing `,`. */
  scalePower: number;
  /** The section writes its own sign (`(#,##0)` or `-0.0`): do not add a minus. */
  ownSign: boolean;
}

interface DateSection {
  kind: 'date';
  tokens: string[];
}

/** A section with no digits: shows its text only (`"-"` for zero). */
interface LiteralSection {
  kind: 'literal';
  text: string;
}

interface GeneralSection {
  kind: 'general';
  prefix: string;
  suffix: string;
}

type Section = NumberSection | DateSection | GeneralSection | LiteralSection;

const parsed = new Map<string, Section[]>();

/** The text Excel would display for `value` formatted with `format` (null or General: General). */
export function displayText(value: number, format: string | null | undefined): string {
  if (!Number.isFinite(value)) return '#NUM!';
  if (!format || format === 'General' || format === '@') return generalText(value);
  let sections = parsed.get(format);
  if (!sections) {
    sections = parseFormat(format);
    parsed.set(format, sections);
  }
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  const negativeSection = section !== sections[0];
  switch (section.kind) {
    case 'literal':
      return section.text;
    case 'general':
      return section.prefix + generalText(v) + section.suffix;
    case 'date':
      return dateText(v, section.tokens) ?? generalText(value);
    case 'number': {
      const text = numberText(v, section);
      const sign = v < 0 && !section.ownSign && !negativeSection && text.replace(/[^1-9]/g, '') !== '' ? '-' : '';
      return sign + section.prefix + text + section.suffix;
    }
  }
}

/** Excel's General: up to 11 characters, then scientific. */
export function generalText(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (Number.isInteger(v) && abs < 1e11) return String(v);
  if (abs >= 1e-4) {
    const plain = String(v); // shortest round-trip text: fine when it fits
    if (plain.length <= 11 && !plain.includes('e')) return plain;
  }
  if (abs >= 1e11 || abs < 1e-9) return scientific(v);
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.max(0, 10 - intDigits - (v < 0 ? 1 : 0));
  const s = (v < 0 ? '-' : '') + fixedText(abs, decimals, 0);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function scientific(v: number): string {
  const [mantissa, exponent] = v.toExponential(5).split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  const e = Number(exponent);
  return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/**
 * |v| × 10^power written with `decimals` places, rounded half away from zero on the number's first 15
 * significant digits — what Excel keeps and shows (1.005 → 1.01; 1E+21 → 1000000000000000000000). String
 * arithmetic, so no value is too large or too small to write (Number#toFixed switches to exponents at 1e21).
 */
export function fixedText(abs: number, decimals: number, power: number): string {
  if (abs === 0) return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  const [mantissa, exponent] = abs.toExponential(14).split('e');
  let digits = mantissa.replace('.', '');
  let point = Number(exponent) + 1 + power; // digits[0 .. point) are the integer part
  const keep = point + decimals;
  if (keep < 0) digits = '';
  else if (keep < digits.length) {
    const up = digits.charCodeAt(keep) >= 0x35; // '5'
    digits = digits.slice(0, keep);
    if (up) {
      const carried = increment(digits);
      if (carried.length > digits.length) point++;
      digits = carried;
    }
  }
  const whole = point <= 0 ? '0'.repeat(-point) + digits : digits;
  const at = Math.max(point, 0);
  const int = whole.slice(0, at).padEnd(at, '0').replace(/^0+(?=\d)/, '') || '0';
  const frac = whole.slice(at).padEnd(decimals, '0').slice(0, decimals);
  return decimals > 0 ? `${int}.${frac}` : int;
}

/** A string of decimal digits plus one (`''` → `1`, `99` → `100`). */
function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

function numberText(v: number, s: NumberSection): string {
  let [int, frac = ''] = fixedText(Math.abs(v), s.maxDecimals, s.scalePower).split('.');
  if (int === '0' && s.minInteger === 0) int = '';
  if (int.length < s.minInteger) int = int.padStart(s.minInteger, '0');
  if (s.thousands && int.length > 3) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  while (frac.length > s.minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  return frac ? `${int}.${frac}` : int;
}

// ---------------------------------------------------------------------------------------------------
// Parsing

function parseFormat(format: string): Section[] {
  return splitSections(format)
    .slice(0, 3)
    .map(parseSection);
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end + 1;
      cur += format.slice(i, stop);
      i = stop - 1;
    } else if (ch === '\\') {
      cur += format.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A format section split into literal text and format characters. */
type Piece = { literal: string } | { code: string };

function pieces(section: string): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ literal: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      out.push({ literal: section[i + 1] ?? '' });
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      // [$¥-804] is a currency symbol; colours, conditions and locales show nothing.
      const currency = /^\$([^-]*)/.exec(inner);
      if (currency && currency[1]) out.push({ literal: currency[1] });
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      out.push({ literal: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else out.push({ code: ch });
  }
  return out;
}

const DATE_CODES = /[yYmMdDhHsS]|aaa/;

function parseSection(section: string): Section {
  const ps = pieces(section);
  const codes = ps.map((p) => ('code' in p ? p.code : '')).join('');
  if (!/[0#?]/.test(codes) && DATE_CODES.test(codes.replace(/General/gi, ''))) return { kind: 'date', tokens: dateTokens(ps) };
  if (!/General/i.test(codes) && !/[0#?]/.test(codes)) {
    return { kind: 'literal', text: ps.map((p) => ('literal' in p ? p.literal : p.code)).join('') };
  }
  if (/General/i.test(codes) || /[eE][+-]|\//.test(codes)) {
    const at = codes.search(/General/i);
    const literalBefore: string[] = [];
    const literalAfter: string[] = [];
    let seen = 0;
    for (const p of ps) {
      if ('literal' in p) (seen > at && at >= 0 ? literalAfter : literalBefore).push(p.literal);
      else seen++;
    }
    return { kind: 'general', prefix: literalBefore.join(''), suffix: literalAfter.join('') };
  }
  let prefix = '';
  let suffix = '';
  let minInteger = 0;
  let minDecimals = 0;
  let maxDecimals = 0;
  let thousands = false;
  let scalePower = 0;
  let ownSign = false;
  let inDecimals = false;
  let started = false;
  let pendingCommas = 0;
  const firstDigit = ps.findIndex((p) => 'code' in p && /[0#?]/.test(p.code));
  let lastDigit = -1;
  ps.forEach((p, i) => {
    if ('code' in p && /[0#?]/.test(p.code)) lastDigit = i;
  });
  ps.forEach((p, i) => {
    const text = 'literal' in p ? p.literal : p.code;
    if ('code' in p && p.code === '%') {
      scalePower += 2;
      (started ? (suffix += '%') : (prefix += '%'));
      return;
    }
    if (i < firstDigit) {
      if (text === '-' || text === '(') ownSign = true;
      prefix += text;
      return;
    }
    if (i > lastDigit) {
      if ('code' in p && p.code === ',' && i === lastDigit + 1 + pendingCommas) {
        pendingCommas++;
        return;
      }
      suffix += text;
      return;
    }
    started = true;
    if ('literal' in p) {
      suffix += text;
      return;
    }
    const c = p.code;
    if (c === '.') inDecimals = true;
    else if (c === ',') thousands = thousands || !inDecimals;
    else if (c === '0' || c === '?') {
      if (inDecimals) {
        minDecimals++;
        maxDecimals++;
      } else minInteger++;
    } else if (c === '#') {
      if (inDecimals) maxDecimals++;
    } else suffix += c;
  });
  scalePower -= 3 * pendingCommas;
  if (!inDecimals) minDecimals = maxDecimals = 0;
  return { kind: 'number', prefix, suffix, minInteger, minDecimals, maxDecimals, thousands, scalePower, ownSign };
}

// ---------------------------------------------------------------------------------------------------
// Dates

function dateTokens(ps: Piece[]): string[] {
  const joined: string[] = [];
  const codeAt = (i: number) => {
    const p = ps[i];
    return p && 'code' in p ? p.code : '\u0000';
  };
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if ('literal' in p) {
      joined.push(`'${p.literal}`);
      continue;
    }
    const five = [0, 1, 2, 3, 4].map((k) => codeAt(i + k)).join('').toUpperCase();
    if (five === 'AM/PM') {
      joined.push('ampm');
      i += 4;
      continue;
    }
    const lower = p.code.toLowerCase();
    const prev = joined[joined.length - 1];
    if (!/[ymdhsa]/.test(lower)) joined.push(`'${p.code}`);
    else if (prev && prev[0] === lower && prev !== 'ampm') joined[joined.length - 1] = prev + lower;
    else joined.push(lower);
  }
  // m after h or before s is minutes
  for (let i = 0; i < joined.length; i++) {
    const t = joined[i];
    if (t !== 'm' && t !== 'mm') continue;
    const before = joined.slice(0, i).reverse().find((x) => !x.startsWith("'"));
    const after = joined.slice(i + 1).find((x) => !x.startsWith("'"));
    if ((before && before[0] === 'h') || (after && after[0] === 's')) joined[i] = t === 'm' ? 'M' : 'MM';
  }
  return joined;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function dateText(serial: number, tokens: string[]): string | null {
  if (serial < 0 || serial >= 2958466) return null;
  // Excel's 1900 system counts a 29 Feb 1900 that never was.
  const day = Math.floor(serial);
  const jsDay = day > 60 ? day - 25569 : day - 25568;
  const d = new Date(jsDay * 86400000);
  let y = d.getUTCFullYear();
  let mo = d.getUTCMonth() + 1;
  let dd = d.getUTCDate();
  if (day === 60) [y, mo, dd] = [1900, 2, 29];
  if (day === 0) [y, mo, dd] = [1900, 1, 0];
  const secondsOfDay = Math.round((serial - day) * 86400);
  const hh = Math.floor(secondsOfDay / 3600) % 24;
  const mi = Math.floor(secondsOfDay / 60) % 60;
  const ss = secondsOfDay % 60;
  const ampm = tokens.includes('ampm');
  const pad = (n: number) => String(n).padStart(2, '0');
  const weekday = WEEKDAYS[(day + 6) % 7];
  return tokens
    .map((t) => {
      if (t.startsWith("'")) return t.slice(1);
      switch (t) {
        case 'yy':
          return pad(y % 100);
        case 'y':
        case 'yyy':
        case 'yyyy':
          return String(y);
        case 'm':
          return String(mo);
        case 'mm':
          return pad(mo);
        case 'mmm':
        case 'mmmm':
          return `${mo}月`;
        case 'd':
          return String(dd);
        case 'dd':
          return pad(dd);
        case 'ddd':
          return `周${weekday}`;
        case 'dddd':
        case 'aaaa':
          return `星期${weekday}`;
        case 'aaa':
          return weekday;
        case 'h':
          return String(ampm ? hh % 12 || 12 : hh);
        case 'hh':
          return pad(ampm ? hh % 12 || 12 : hh);
        case 'M':
          return String(mi);
        case 'MM':
          return pad(mi);
        case 's':
          return String(ss);
        case 'ss':
          return pad(ss);
        case 'ampm':
          return hh < 12 ? '上午' : '下午';
        default:
          return t.length > 4 && t[0] === 'y' ? String(y) : t;
      }
    })
    .join('');
}

/**
 * Built-in format 14 reaches us from ExcelJS as `mm-dd-yy`, but Excel shows it in the system's short
 * date, which for the Chinese forms this tool reads is `yyyy/m/d`.
 */
export function localFormat(format: string | null | undefined): string | null | undefined {
  // Built-in format 14 (ExcelJS names it mm-dd-yy, SheetJS m/d/yy) shows as the system's short date: in China yyyy/m/d.
  return format === 'mm-dd-yy' || format === 'm/d/yy' ? 'yyyy/m/d' : format;
}
