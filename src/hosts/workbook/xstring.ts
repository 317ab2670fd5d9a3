/**
 * Cell text as OOXML stores it (ST_Xstring, ECMA-376 Part 1 §22.9.2.19): a character XML 1.0 cannot hold
 * is written `_xHHHH_`, and a literal `_xHHHH_` in the text has its underscore written `_x005F_`. Every
 * text the patcher writes (a grade label, a note, the 校验报告 rows) goes through it.
 */

/** The text as stored in the file. */
export function encodeXstring(s: string): string {
  return s
    .replace(/_(?=x[0-9a-fA-F]{4}_)/g, '_x005F_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
