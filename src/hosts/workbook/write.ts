/**
 * The loaded (and possibly annotated) workbook back to .xlsx bytes. The caller saves them: the CLI to a
 * file, the browser as a download.
 */
import { finishCopy } from './copyPackage';
import { fileMergesOf } from './linearMerges';
import { withStoredText } from './xstring';
import type { LoadedWorkbook } from './read';

/** The workbook's bytes, marked as our copy, merges as the file had them (see copyPackage). */
export async function writeWorkbook(loaded: LoadedWorkbook): Promise<Uint8Array> {
  const mergeCells = new Map<string, string[]>();
  for (const ws of loaded.workbook.worksheets) {
    const file = fileMergesOf(ws);
    if (file?.rewrite) mergeCells.set(ws.name, file.ranges);
  }
  return finishCopy(await excelJsBytes(loaded), mergeCells);
}

async function excelJsBytes(loaded: LoadedWorkbook): Promise<Uint8Array> {
  return toBytes(await withStoredText(loaded.workbook, () => loaded.workbook.xlsx.writeBuffer()));
}

/** ExcelJS's writeBuffer result as bytes. */
export function toBytes(out: unknown): Uint8Array {
  // Node gives a Buffer (a Uint8Array), the browser build an ArrayBuffer.
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (ArrayBuffer.isView(out)) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  throw new Error('ExcelJS returned no bytes');
}
