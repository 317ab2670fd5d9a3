/**
 * Text from a workbook shown to a person only as inert characters. A cell can hold escape sequences
 * (OOXML stores them as `_x001B_`), and shown raw they could retitle a terminal, clear the screen or hide
 * text. C0 and C1 controls, DEL, and the bidirectional marks and overrides that can make text read
 * differently from what it is, are shown as `\x1B` / `\u202E` instead. Line breaks and tabs are left to
 * the caller (a terminal line and a cell treat them differently).
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** The text with its unsafe characters escaped; line breaks and tabs kept. */
export function inert(s: string): string {
  return s.replace(UNSAFE_CHARS, escapeChar);
}
