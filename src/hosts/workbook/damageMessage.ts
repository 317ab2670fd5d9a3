/**
 * One Chinese message per kind of damage, whichever reader met it. The kind is told from the package
 * itself (its zip directory, its parts), not from the reader's error text: SheetJS and fflate word the
 * same damage differently, and neither in Chinese (a cut file is `Bad compressed size` to one, an
 * `unexpected EOF` to the other). The library's words go
 * to `detail` only (`--verbose`, the JSON's `detail` field), never into the message.
 */

export type DamageKind =
  /** The zip's directory at the end of the file is missing or unreadable: cut short, or not fully written. */
  | 'incomplete'
  /** The directory reads, but a part's data does not inflate to what the directory states. */
  | 'part'
  /** A package with content types but no workbook part. */
  | 'no-workbook-part'
  /** The package is whole, but the reader could not make sense of its contents (broken XML, …). */
  | 'content';

const TAIL = '如文件是下载或拷贝得来的，请重新获取完整文件；否则请在 Excel 中用“文件 → 打开 → 打开并修复”打开，另存为新的 .xlsx 后再试。';

export function damageMessage(kind: DamageKind, part?: string): string {
  switch (kind) {
    case 'incomplete':
      return `文件不完整或已损坏，无法读取：压缩包的目录缺失或已损坏（常见于下载或拷贝没有完成）。${TAIL}`;
    case 'part':
      return `文件已损坏，无法读取：其中的部件 ${part ?? ''} 无法解压。${TAIL}`;
    case 'no-workbook-part':
      return `文件已损坏，无法读取：缺少工作簿部件 xl/workbook.xml。${TAIL}`;
    case 'content':
      return `文件已损坏，无法读取：工作簿的内容无法解析。${TAIL}`;
  }
}

/**
 * Whether the zip's central directory is whole: its end record found and every record it counts starting
 * with its signature. fflate lists a directory whose records' signatures are broken, where JSZip and
 * SheetJS refuse it, so this decides between 'incomplete' and 'content' the same way for both readers.
 * (APPNOTE.TXT 4.3.12, 4.3.16: end record 0x06054b50, 22 bytes + comment; file header 0x02014b50.)
 */
export function directoryIntact(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let p = bytes.length - 22; p >= lowest; p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end < 0) return false;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  if (count === 0xffff || p === 0xffffffff) return true; // ZIP64: not ours to walk; the reader's words stand as 'content'
  for (let k = 0; k < count; k++) {
    if (p + 46 > end || view.getUint32(p, true) !== 0x02014b50) return false;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return true;
}
