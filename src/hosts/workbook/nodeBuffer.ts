/**
 * Node's Buffer where there is one (the CLI), undefined in the browser, which has none: hosts/workbook names
 * no Node built-in, but hands bytes to Buffer's native text routines where they exist (sheetjsRead.ts, utf8.ts).
 */
export const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
