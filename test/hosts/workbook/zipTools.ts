/** Test-only zip tools: unpack an .xlsx into parts, and pack parts back (stored, no compression). */
import { unzipSync } from 'fflate';

export function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (!name.endsWith('/')) out.set(name.replace(/^\//, ''), data);
  return out;
}

export function partText(parts: Map<string, Uint8Array>, name: string): string {
  const b = parts.get(name);
  if (!b) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(b);
}

export function setPartText(parts: Map<string, Uint8Array>, name: string, text: string): void {
  parts.set(name, new TextEncoder().encode(text));
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One entry as it goes into a zip: its bytes as stored (deflated when method is 8). */
export interface RawEntry {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  /** Inflated size written in the headers (a hostile zip may state less than the truth). */
  size: number;
  crc: number;
}

/** A zip of the parts, stored uncompressed. */
export function zipParts(parts: Map<string, Uint8Array>): Uint8Array {
  return zipRaw([...parts].map(([name, data]) => ({ name, method: 0, data, size: data.length, crc: crc32(data) })));
}

/** A zip of entries as given. */
export function zipRaw(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, method, data, size, crc } of entries) {
    const nameBytes = enc.encode(name);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let p = 0;
  for (const b of [...locals, ...centrals, end]) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}
