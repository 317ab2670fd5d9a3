import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/** Why a file was not read, in Chinese: not a regular file, or larger than allowed. */
export class InputRefused extends Error {
  constructor(
    readonly reason: 'not-a-file' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return '一个文件夹';
  if (s.isFIFO()) return '一个命名管道（FIFO）';
  if (s.isCharacterDevice() || s.isBlockDevice()) return '一个设备';
  if (s.isSocket()) return '一个套接字';
  return '一个特殊文件';
}

const MB = 2 ** 20;
export const sizeText = (n: number): string => (n >= 2 ** 30 ? `${Number((n / 2 ** 30).toFixed(1))} GB` : `${Number((n / MB).toFixed(1))} MB`);

/**
 * The bytes of a regular file of at most `maxBytes`, its type and size checked before anything is read:
 * a symlink to /dev/zero, a FIFO or a huge file is refused (InputRefused) instead of hanging or filling
 * memory. Opened without blocking, so a FIFO put in its place meanwhile cannot stall the batch either.
 * `tooLarge` words the refusal of a file over the limit.
 */
export async function readRegularFile(path: string, maxBytes: number, tooLarge?: (size: number) => string): Promise<Uint8Array> {
  const refuse = (s: Stats): void => {
    if (!s.isFile()) throw new InputRefused('not-a-file', `“${path}”是${kindOf(s)}，不是普通文件，未读取。`);
    if (s.size > maxBytes) throw new InputRefused('too-large', tooLarge ? tooLarge(s.size) : `“${path}”有 ${sizeText(s.size)}，超过上限 ${sizeText(maxBytes)}，未读取。`);
  };
  refuse(await stat(path));
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const s = await file.stat();
    refuse(s);
    // What the file holds when opened; a file growing meanwhile is read up to that size.
    const data = new Uint8Array(s.size);
    let at = 0;
    while (at < data.length) {
      const { bytesRead } = await file.read(data, at, data.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === data.length ? data : data.subarray(0, at);
  } finally {
    await file.close();
  }
}
