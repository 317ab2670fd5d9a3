/** Text from a workbook reaches the terminal only as inert characters (see core/values/inert). */
import { escapeChar as escape, UNSAFE_CHARS as UNSAFE } from '../core/values/inert';

/** One line of the text report: controls escaped; a line break inside a value is shown as `\n`. */
export function printable(s: string): string {
  return s.replace(UNSAFE, escape).replace(/\r?\n|\r|\t/g, (m) => (m === '\t' ? ' ' : '\\n'));
}

/** JSON text as JSON.stringify writes it, with the controls it leaves raw (C1, bidi) as \u escapes. */
export function printableJson(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
