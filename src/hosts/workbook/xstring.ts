/**
 * Cell text as OOXML stores it (ST_Xstring, ECMA-376 Part 1 §22.9.2.19): a character XML 1.0 cannot hold
 * is written `_xHHHH_`, and a literal `_xHHHH_` in the text has its underscore written `_x005F_`.
 * ExcelJS reads these escapes but, writing, silently drops control characters and leaves literal
 * `_xHHHH_` as it is — so a copy would change such cells. Before ExcelJS writes, the text of such
 * cells is put in the stored form, and put back afterwards.
 */
import type { Workbook } from 'exceljs';

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|_x[0-9a-fA-F]{4}_/;

/** The text as stored in the file. */
export function encodeXstring(s: string): string {
  return s
    .replace(/_(?=x[0-9a-fA-F]{4}_)/g, '_x005F_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Runs `write` with every cell text that needs it in its stored form; the cells are restored after. */
export async function withStoredText<T>(workbook: Workbook, write: () => Promise<T>): Promise<T> {
  const restore: (() => void)[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return; // a covered cell answers with its master's value
        const v = cell.value as unknown;
        if (typeof v === 'string') {
          if (!NEEDS_ESCAPE.test(v)) return;
          cell.value = encodeXstring(v);
          restore.push(() => (cell.value = v));
        } else if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
          const runs = (v as { richText: { text: string }[] }).richText;
          if (!runs.some((r) => typeof r.text === 'string' && NEEDS_ESCAPE.test(r.text))) return;
          cell.value = { ...(v as object), richText: runs.map((r) => ({ ...r, text: encodeXstring(r.text) })) } as typeof cell.value;
          restore.push(() => (cell.value = v as typeof cell.value));
        }
      });
    });
  }
  try {
    return await write();
  } finally {
    for (const r of restore) r();
  }
}
