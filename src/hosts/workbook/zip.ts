/**
 * What an .xlsx holds before SheetJS parses it, through `fflate`: the part names and their stated sizes
 * from the zip's directory (nothing inflated), a few small parts' text, and any part inflated chunk by
 * chunk so that a large or hostile part is never held whole.
 */
import { inflateSync, Unzip, UnzipInflate, unzipSync, type FlateError, type UnzipDecoder, type UnzipFile } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read here. */
  method: number;
  compressedSize: number;
  /** Inflated size as the directory states it (a hostile file may state less than the truth). */
  size: number;
}

/** The entries of a zip from its directory, or null when there is no readable directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  try {
    // A filter that keeps nothing lists the directory without inflating any entry.
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name.replace(/^\//, ''), method: f.compression, compressedSize: f.size, size: f.originalSize });
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries;
}

/** The uncompressed bytes of one entry, or null when it cannot be read. Call only for parts within the limits. */
export function zipEntryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  try {
    // fflate inflates into a buffer of the stated size: a directory that states less gives a cut part, never more memory.
    return unzipSync(bytes, { filter: (f) => f.name.replace(/^\//, '') === entry.name })[entry.name] ?? null;
  } catch {
    return null;
  }
}

/** The uncompressed text of one entry (UTF-8), or null when it cannot be read. */
export function zipEntryText(bytes: Uint8Array, entry: ZipEntry): string | null {
  const data = zipEntryBytes(bytes, entry);
  return data ? new TextDecoder().decode(data) : null;
}

/**
 * Inflates one part's raw deflate data into at most `limit` bytes, throwing on data that is not deflate.
 * Data that inflates to more than `limit` gives some `limit` bytes: the caller then knows only that it
 * is longer (inflateWholeParts compares lengths and never uses such bytes).
 */
export type RawInflate = (data: Uint8Array, limit: number) => Uint8Array;

/** fflate's inflate (pure JS: the browser's), writing into a buffer of `limit` bytes that it never grows. */
export const fflateInflate: RawInflate = (data, limit) => inflateSync(data, { out: new Uint8Array(limit) });

/** Compressed bytes handed to fflate at a time: deflate inflates at most ~1,032×, so a chunk inflates to at most ~16 MB. */
const FEED = 16 * 1024;

/**
 * Inflates the parts `wanted` picks, in the order the zip stores them, handing each chunk to `onChunk`
 * (a chunk is at most ~16 MB, usually far less); `onChunk` returns true to stop everything. Nothing is
 * kept. Returns the names of the entries whose data could not be inflated.
 */
export function inflateParts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  onChunk: (name: string, chunk: Uint8Array) => boolean | void,
): string[] {
  let stopped = false;
  let current = '';
  const failed: string[] = [];
  const unzip = new Unzip((file: UnzipFile) => {
    const name = file.name.replace(/^\//, '');
    current = name;
    if (stopped || !wanted(name)) return;
    file.ondata = (err, chunk) => {
      if (stopped) return;
      if (err) failed.push(name);
      else if (chunk.length && onChunk(name, chunk)) {
        stopped = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !stopped; at += FEED) unzip.push(bytes.subarray(at, at + FEED), at + FEED >= bytes.length);
  } catch {
    failed.push(current);
  }
  return failed;
}

/**
 * Inflates every part in one piece, following the stored data as `inflateParts` does, into a buffer one
 * byte longer than `statedSize(name)` (what the directory states): a part is handed to `onPart` whole, and
 * at most one byte longer than stated, so a longer part shows that the directory understates it without
 * ever holding more. Several times cheaper than `inflateParts`, whose stream grows and copies its output
 * chunk by chunk; but what an understated part really holds is not measured. Returns, as `inflateParts`
 * does, the names of the entries whose data could not be inflated.
 */
export function inflateWholeParts(
  bytes: Uint8Array,
  statedSize: (name: string) => number,
  onPart: (name: string, data: Uint8Array) => void,
  inflate: RawInflate = fflateInflate,
): string[] {
  const failed: string[] = [];
  let current = '';
  const unzip = new Unzip((file: UnzipFile) => {
    const name = file.name.replace(/^\//, '');
    current = name;
    file.ondata = (err, data) => {
      if (err) failed.push(name);
      else onPart(name, data);
    };
    file.start();
  });
  /** fflate's decoder interface (`Unzip.register`): collects a part's stored bytes, inflates them on the last. */
  const whole = (compression: 0 | 8) =>
    class WholePart implements UnzipDecoder {
      static compression = compression;
      ondata: UnzipDecoder['ondata'] = () => undefined;
      private readonly chunks: Uint8Array<ArrayBufferLike>[] = [];
      private readonly name: string;
      constructor(name: string) {
        this.name = name.replace(/^\//, '');
      }
      push(chunk: Uint8Array<ArrayBufferLike>, final: boolean): void {
        if (chunk.length) this.chunks.push(chunk);
        if (!final) return;
        const limit = statedSize(this.name) + 1;
        const input = this.chunks.length === 1 ? this.chunks[0] : joinChunks(this.chunks);
        const emit = this.ondata as (err: FlateError | null, data: Uint8Array<ArrayBufferLike> | null, final: boolean) => void;
        try {
          // (fflate's inflateSync hands back the whole `out` for an empty input.)
          emit(null, compression === 0 || input.length === 0 ? input.subarray(0, limit) : inflate(input, limit), true);
        } catch (e) {
          emit(e as FlateError, null, true);
        }
      }
    };
  unzip.register(whole(0));
  unzip.register(whole(8));
  try {
    for (let at = 0; at < bytes.length; at += FEED) unzip.push(bytes.subarray(at, at + FEED), at + FEED >= bytes.length);
  } catch {
    failed.push(current);
  }
  return failed;
}

/** The chunks one after another in one array. */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Whether the entry's uncompressed bytes contain an ASCII string, stopping at the first hit. */
export function zipEntryContains(bytes: Uint8Array, entry: ZipEntry, ascii: string): boolean {
  const needle = Uint8Array.from(ascii, (c) => c.charCodeAt(0));
  let carry = new Uint8Array(0);
  let found = false;
  inflateParts(
    bytes,
    (name) => name === entry.name,
    (_, value) => {
      const chunk = carry.length ? concat(carry, value) : value;
      found = indexOfBytes(chunk, needle) >= 0;
      carry = chunk.slice(Math.max(0, chunk.length - needle.length + 1));
      return found;
    },
  );
  return found;
}

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
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
