/**
 * `npm run bench:number-formats`: our display text against the maintained number-format libraries, on
 * the cases where they part: what Excel shows (from Excel's rules: 15 significant digits, rounding half
 * away from zero on them, General's 11 characters). The libraries are not dependencies; install them
 * first without saving: `npm install --no-save numfmt@3 ssf@0.11`.
 */
import { displayText } from '../src/hosts/workbook/displayText';

const CASES: [string, number, string][] = [
  ['0.00', 1.005, '1.01'],
  ['0.00', 1e21, '1000000000000000000000.00'],
  ['#,##0.00', 1e21, '1,000,000,000,000,000,000,000.00'],
  ['0.00%', -1e21, '-100000000000000000000000.00%'],
  ['0.00', Number.MAX_VALUE, `179769313486232${'0'.repeat(294)}.00`],
  ['General', 1e21, '1E+21'],
  ['General', 1 / 3, '0.333333333'],
  ['0.00%', 1.3658, '136.58%'],
];

type Formatter = (format: string, value: number) => string;

async function load(name: string, make: (m: Record<string, unknown>) => Formatter): Promise<Formatter | null> {
  try {
    return make((await import(name)) as Record<string, unknown>);
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const formatters: [string, Formatter | null][] = [
    ['ours', (f, v) => displayText(v, f)],
    ['numfmt', await load('numfmt', (m) => (f, v) => ((m.format ?? (m.default as Record<string, unknown>).format) as (p: string, v: number) => string)(f, v))],
    ['ssf', await load('ssf', (m) => (f, v) => ((m.format ?? (m.default as Record<string, unknown>).format) as (p: string, v: number) => string)(f, v))],
  ];
  let header = 'format, value → Excel';
  for (const [name, fmt] of formatters) if (fmt) header += ` | ${name}`;
  console.log(header);
  const right = new Map<string, number>();
  for (const [format, value, excel] of CASES) {
    let line = `${format}, ${value} → ${excel.length > 40 ? `${excel.slice(0, 37)}…` : excel}`;
    for (const [name, fmt] of formatters) {
      if (!fmt) continue;
      let text: string;
      try {
        text = fmt(format, value);
      } catch (e) {
        text = `(throws ${(e as Error).message})`;
      }
      if (text === excel) right.set(name, (right.get(name) ?? 0) + 1);
      line += ` | ${text === excel ? '=' : text.length > 40 ? `${text.slice(0, 37)}…` : text}`;
    }
    console.log(line);
  }
  for (const [name, fmt] of formatters) if (fmt) console.log(`${name}: ${right.get(name) ?? 0} of ${CASES.length} as Excel shows them`);
}

void main();
