/**
 * UTF-8 text of a part and back, as fflate's strFromU8 / strToU8 give it, through Node's Buffer where there
 * is one: Node's TextDecoder took ~140 ms for the 1,000-form bench sheet's 9.8 MB of XML (written into
 * an annotated copy), its Buffer a fraction of that. The browser has no Buffer and keeps fflate's.
 */
import { strFromU8, strToU8 } from 'fflate';
import { NodeBuffer } from './nodeBuffer';

/** The bytes as UTF-8 text; a leading byte-order mark is dropped, as TextDecoder drops it. */
export function utf8Text(data: Uint8Array): string {
  if (!NodeBuffer) return strFromU8(data);
  const text = NodeBuffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  if (!NodeBuffer) return strToU8(text);
  const b = NodeBuffer.from(text, 'utf8');
  return new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
}
