/**
 * The loaded (and possibly annotated) workbook back to .xlsx bytes. The caller saves them: the CLI to a
 * file, the browser as a download.
 */
import type { LoadedWorkbook } from './read';

export async function writeWorkbook(loaded: LoadedWorkbook): Promise<Uint8Array> {
  return toBytes(await loaded.workbook.xlsx.writeBuffer());
}

/** ExcelJS's writeBuffer result as bytes. */
export function toBytes(out: unknown): Uint8Array {
  // Node gives a Buffer (a Uint8Array), the browser build an ArrayBuffer.
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  if (ArrayBuffer.isView(out)) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  throw new Error('ExcelJS returned no bytes');
}
