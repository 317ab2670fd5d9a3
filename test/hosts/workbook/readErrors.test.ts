import { describe, expect, it } from 'vitest';
import { damageMessage, READ_MESSAGES, readWorkbook, type WorkbookReadError } from '../../../src/hosts/workbook';
import { directoryIntact } from '../../../src/hosts/workbook/damageMessage';
import { sampleWorkbook, toBytes } from './sampleWorkbook';
import { readFailure } from './readFailure';
import { unzipParts, zipParts } from './zipTools';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function oleFile(...streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(OLE, 0);
  let p = 1024;
  for (const name of streamNames) {
    for (let i = 0; i < name.length; i++) {
      bytes[p + 2 * i] = name.charCodeAt(i);
      bytes[p + 2 * i + 1] = 0;
    }
    p += 128;
  }
  return bytes;
}

const CHINESE = /[\u4e00-\u9fff]/;

describe('readWorkbook refuses what it cannot read, saying what to do', () => {
  it('a legacy .xls (OLE2 compound file)', async () => {
    const e = await readFailure(oleFile('Root Entry', 'Workbook', '\u0005SummaryInformation'));
    expect(e.reason).toBe('xls');
    expect(e.message).toBe(READ_MESSAGES.xls);
    expect(e.message).toContain('另存为');
    expect(e.message).toContain('.xlsx');
    // the bare signature and padding is an .xls too
    expect((await readFailure(oleFile())).reason).toBe('xls');
  });

  it('a password-protected workbook (encrypted OOXML in an OLE2 file)', async () => {
    const e = await readFailure(oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage'));
    expect(e.reason).toBe('encrypted');
    expect(e.message).toContain('密码');
    expect(e.message).toMatch(CHINESE);
  });

  it('random bytes, an empty file, an HTML table saved as .xls', async () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 2048 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    random[0] = 0x13;
    const e = await readFailure(random);
    expect(e.reason).toBe('not-a-workbook');
    expect(e.message).toBe(READ_MESSAGES.notAWorkbook);

    expect((await readFailure(new Uint8Array(0))).message).toBe(READ_MESSAGES.empty);

    const html = new TextEncoder().encode('<html><body><table><tr><td>项目名称</td></tr></table></body></html>');
    const h = await readFailure(html);
    expect(h.reason).toBe('not-a-workbook');
    expect(h.message).toBe(READ_MESSAGES.html);
  });

  it('a Word document and a plain zip', async () => {
    const enc = new TextEncoder();
    const docx = zipParts(new Map([['[Content_Types].xml', enc.encode('<Types/>')], ['word/document.xml', enc.encode('<w:document/>')]]));
    const w = await readFailure(docx);
    expect(w.reason).toBe('not-a-workbook');
    expect(w.message).toBe(READ_MESSAGES.word);
    const zip = zipParts(new Map([['readme.txt', enc.encode('hello')]]));
    expect((await readFailure(zip)).message).toBe(READ_MESSAGES.zip);
  });

  it('a truncated .xlsx is incomplete, in one Chinese message; the library’s reason only as detail', async () => {
    const bytes = await toBytes(sampleWorkbook());
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    const e = await readWorkbook(cut, {}).then(
      () => expect.fail('read'),
      (err: WorkbookReadError) => err,
    );
    expect(e.reason).toBe('corrupt');
    expect(e.message).toBe(damageMessage('incomplete'));
    // The reader's own words (Bad compressed size…) never reach the message.
    expect(e.detail).toBeTruthy();
    expect(e.message).not.toContain(e.detail!);
  });

  it('a package with broken XML is refused as damaged content, the reader’s words kept as detail', async () => {
    const parts = unzipParts(await toBytes(sampleWorkbook()));
    parts.set('xl/workbook.xml', new TextEncoder().encode('<workbook><sheets><sheet name="a" sheetId="1" r:id='));
    const e = await readFailure(zipParts(parts));
    expect(e.reason).toBe('corrupt');
    expect(e.message).toBe(damageMessage('content'));
  });

  it('tells a directory whose records can be walked from one with a broken record (content vs incomplete)', async () => {
    const bytes = await toBytes(sampleWorkbook());
    expect(directoryIntact(bytes)).toBe(true);
    // The first central-directory record's signature (PK\x01\x02) broken: the walk stops there.
    const broken = bytes.slice();
    const at = Buffer.from(broken).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(at).toBeGreaterThan(0);
    broken[at + 2] = 0x09;
    expect(directoryIntact(broken)).toBe(false);
    // No end-of-directory record at all.
    expect(directoryIntact(bytes.slice(0, bytes.length - 22))).toBe(false);
  });

  it('an .xlsx whose workbook part is missing is corrupt', async () => {
    const parts = unzipParts(await toBytes(sampleWorkbook()));
    parts.delete('xl/workbook.xml');
    const e = await readFailure(zipParts(parts));
    expect(e.reason).toBe('corrupt');
    expect(e.message).toBe(damageMessage('no-workbook-part'));
  });
});
