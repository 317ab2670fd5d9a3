/**
 * How many parts a package may hold. A workbook's parts are a few per sheet, image and chart: a real
 * 自评表 workbook has tens, a large one hundreds. Each part costs a reader an object and more while it
 * loads (ExcelJS, which wrote copies then, took over four minutes and 950 MB for 100,000 tiny parts in an
 * 11 MB file); the check refuses such a package before reading it, on every path.
 */
import type { ZipEntry } from './zip';

export const MAX_PARTS = 10_000;

/** The refusal of a package with too many parts, or null. */
export function tooManyParts(entries: readonly ZipEntry[]): string | null {
  if (entries.length <= MAX_PARTS) return null;
  const n = (x: number) => x.toLocaleString('en-US');
  return `工作簿过大，未读取：压缩包中有 ${n(entries.length)} 个部件，超过上限 ${n(MAX_PARTS)} 个（正常的工作簿只有几十到几百个）。`;
}
