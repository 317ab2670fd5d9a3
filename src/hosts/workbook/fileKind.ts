/**
 * What a file is, from its first bytes: an .xlsx (a zip), a legacy .xls or a password-protected
 * workbook (both OLE2 compound files), or something else.
 */

export type FileKind =
  | 'zip'
  /** OLE2 compound file holding an Excel 97-2003 workbook. */
  | 'xls'
  /** OLE2 compound file holding an encrypted OOXML package (a workbook with an opening password). */
  | 'encrypted'
  /** OLE2 compound file of another Office program (Word .doc, PowerPoint .ppt). */
  | 'ole-other'
  | 'empty'
  | 'unknown';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function fileKindOf(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP_SIGNATURE)) return 'zip';
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) return 'encrypted';
    if (containsUtf16(bytes, 'WordDocument') || containsUtf16(bytes, 'PowerPoint Document')) return 'ole-other';
    // Any other compound file (normally with a `Workbook` or `Book` stream) is taken for an .xls.
    return 'xls';
  }
  return 'unknown';
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[i] !== signature[i]) return false;
  return true;
}

/** Whether the bytes contain `name` encoded as UTF-16LE (how OLE2 directory entries store names). */
export function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) {
    needle[2 * i] = name.charCodeAt(i) & 0xff;
    needle[2 * i + 1] = name.charCodeAt(i) >> 8;
  }
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let p = bytes.indexOf(first); p !== -1 && p <= last; p = bytes.indexOf(first, p + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[p + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}
