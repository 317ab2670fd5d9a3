/**
 * Just enough of the zip format to see what an .xlsx holds before ExcelJS reads it: the part names from
 * the central directory, and the text of a few small parts (drawings, comments, relationships).
 *
 * No Node built-ins: inflating uses the web `DecompressionStream`, present in Node ≥ 20 and Chromium.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read here. */
  method: number;
  compressedSize: number;
  /** Inflated size as the directory states it (a hostile file may state less than the truth). */
  size: number;
  /** Offset of the entry's local file header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip from its central directory, or null when there is no readable directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const z64 = Number(view.getBigUint64(eocd - 12, true));
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== ZIP64_EOCD) return null;
    count = Number(view.getBigUint64(z64 + 32, true));
    offset = Number(view.getBigUint64(z64 + 48, true));
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return null;
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const z = zip64Extra(view, p + 46 + nameLength, extraLength, size === 0xffffffff, compressedSize === 0xffffffff, localOffset === 0xffffffff);
      if (z.size !== undefined) size = z.size;
      if (z.compressedSize !== undefined) compressedSize = z.compressedSize;
      if (z.localOffset !== undefined) localOffset = z.localOffset;
    }
    entries.push({ name: name.replace(/^\//, ''), method, compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === EOCD) return p;
  }
  return -1;
}

function zip64Extra(
  view: DataView,
  start: number,
  length: number,
  hasUncompressed: boolean,
  hasCompressed: boolean,
  hasOffset: boolean,
): { size?: number; compressedSize?: number; localOffset?: number } {
  let p = start;
  const end = Math.min(start + length, view.byteLength);
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const out: { size?: number; compressedSize?: number; localOffset?: number } = {};
      if (hasUncompressed && q + 8 <= end) {
        out.size = Number(view.getBigUint64(q, true));
        q += 8;
      }
      if (hasCompressed && q + 8 <= end) {
        out.compressedSize = Number(view.getBigUint64(q, true));
        q += 8;
      }
      if (hasOffset && q + 8 <= end) out.localOffset = Number(view.getBigUint64(q, true));
      return out;
    }
    p += 4 + size;
  }
  return {};
}

/** The uncompressed text of one entry (UTF-8), or null when it cannot be read. */
export async function zipEntryText(bytes: Uint8Array, entry: ZipEntry): Promise<string | null> {
  const data = await zipEntryBytes(bytes, entry);
  return data ? new TextDecoder().decode(data) : null;
}

/**
 * The entry's uncompressed bytes chunk by chunk (each chunk at most a few hundred KiB), so a large or
 * hostile part is never held whole; the caller may stop early. Ends silently when the data is unreadable.
 */
export async function* zipEntryChunks(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const raw = compressedData(bytes, entry);
  if (!raw) return;
  if (entry.method === 0) {
    yield raw;
    return;
  }
  if (entry.method !== 8 || typeof DecompressionStream === 'undefined') return;
  const reader = streamOf(raw).pipeThrough(inflateRaw()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } catch {
    return;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** A raw-deflate decompressor (typed as a plain transform: the DOM and Node typings differ on its input). */
function inflateRaw(): TransformStream<Uint8Array, Uint8Array> {
  return new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>;
}

/** The bytes as a stream, fed 64 KiB at a time (not through Blob#stream, which jsdom lacks). */
function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(at, at + 65536));
        at += 65536;
      }
    },
  });
}

/** Whether the entry's uncompressed bytes contain an ASCII string, stopping at the first hit. */
export async function zipEntryContains(bytes: Uint8Array, entry: ZipEntry, ascii: string): Promise<boolean> {
  const needle = Uint8Array.from(ascii, (c) => c.charCodeAt(0));
  let carry = new Uint8Array(0);
  for await (const value of zipEntryChunks(bytes, entry)) {
    const chunk = carry.length ? concat(carry, value) : value;
    if (indexOfBytes(chunk, needle) >= 0) return true;
    carry = chunk.slice(Math.max(0, chunk.length - needle.length + 1));
  }
  return false;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function indexOfBytes(data: Uint8Array, needle: Uint8Array): number {
  const last = data.length - needle.length;
  outer: for (let p = data.indexOf(needle[0]); p !== -1 && p <= last; p = data.indexOf(needle[0], p + 1)) {
    for (let k = 1; k < needle.length; k++) if (data[p + k] !== needle[k]) continue outer;
    return p;
  }
  return -1;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL) return null;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  return end > bytes.length ? null : bytes.subarray(start, end);
}

export async function zipEntryBytes(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array | null> {
  const raw = compressedData(bytes, entry);
  if (!raw) return null;
  if (entry.method === 0) return raw;
  if (entry.method !== 8 || typeof DecompressionStream === 'undefined') return null;
  try {
    const stream = streamOf(raw).pipeThrough(inflateRaw());
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}
