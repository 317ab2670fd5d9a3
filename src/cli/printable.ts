/**
 * Text from a workbook reaches the terminal only as inert characters. A cell can hold escape sequences
 * (OOXML stores them as `_x001B_`, which ExcelJS decodes), and printed raw they could retitle the
 * window, clear the screen or hide text. C0 and C1 controls, DEL, and the bidirectional overrides that
 * can make text read differently from what it is, are shown as `\x1B` / `\u202E` instead.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** One line of the text report: controls escaped; a line break inside a value is shown as `\n`. */
export function printable(s: string): string {
  return s.replace(UNSAFE, escape).replace(/\r?\n|\r|\t/g, (m) => (m === '\t' ? ' ' : '\\n'));
}

/** JSON text as JSON.stringify writes it, with the controls it leaves raw (C1, bidi) as \u escapes. */
export function printableJson(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
