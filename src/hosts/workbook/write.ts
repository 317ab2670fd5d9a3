/**
 * The loaded (and possibly annotated) workbook back to .xlsx bytes. The caller saves them: the CLI to a
 * file, the browser as a download.
 */
import { markAsOurCopy } from './copyMark';
import type { LoadedWorkbook } from './read';

/** The workbook's bytes, marked as our copy (see copyMark). */
export async function writeWorkbook(loaded: LoadedWorkbook): Promise<Uint8Array> {
  return markAsOurCopy(await excelJsBytes(loaded));
}

async function excelJsBytes(loaded: LoadedWorkbook): Promise<Uint8Array> {
  const out: unknown = await loaded.workbook.xlsx.writeBuffer();
  // Node gives a Buffer (a Uint8Array), the browser build an ArrayBuffer.
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (ArrayBuffer.isView(out)) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  throw new Error('ExcelJS returned no bytes');
}
