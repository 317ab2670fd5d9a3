/**
 * Workbook bombs, made at test time (never committed): a real fixture with one part replaced by a part
 * that inflates to `inflatedMB` megabytes from about 1/130 of that on disk (deflate level 1), or a sheet of
 * `rows` real rows.
 */
import { readFileSync } from 'node:fs';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { FIXTURES } from '../../loadFixture';
import { crc32 as crcOf, unzipParts, zipRaw, type RawEntry } from './zipTools';
import { join } from 'node:path';

export interface BombOptions {
  /** The part replaced: a worksheet or the shared strings. */
  part: 'xl/worksheets/sheet1.xml' | 'xl/sharedStrings.xml';
  /** Size of the part: megabytes of repeated rows, or (numbered) a count of rows of two cells. */
  inflatedMB?: number;
  /** State 1 KB as the part's inflated size in the zip's directory, as a hostile file would. */
  lie?: boolean;
  /** Numbered rows (`<row r="…">`) of two cells, that many, so that ExcelJS can load the sheet: a real, just very large, workbook. */
  rows?: number;
}

const ROW = '<row><c t="s"><v>0</v></c><c><v>1</v></c></row>';
function numberedRows(first: number, count: number): Buffer {
  let xml = '';
  for (let r = first; r < first + count; r++) xml += `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>${r}</v></c></row>`;
  return Buffer.from(xml);
}

const SST_ITEM = '<si><t>绩效自评表校验用的很长很长的一段共享字符串</t></si>';

export async function workbookBomb({ part, inflatedMB = 0, lie = false, rows }: BombOptions): Promise<Uint8Array> {
  const isSheet = part.startsWith('xl/worksheets/');
  const head = isSheet
    ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  const tail = isSheet ? '</sheetData></worksheet>' : '</sst>';
  const body = Buffer.from((isSheet ? ROW : SST_ITEM).repeat(20000));
  const repeats = rows ? Math.ceil(rows / 20000) : Math.ceil((inflatedMB * 2 ** 20) / body.length);

  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(Buffer.from(head));
  for (let k = 0; k < repeats; k++) await write(rows ? numberedRows(k * 20000 + 1, 20000) : body);
  await write(Buffer.from(tail));
  deflate.end();
  await done;

  const parts = unzipParts(new Uint8Array(readFileSync(join(FIXTURES, 'clean.xlsx'))));
  const entries: RawEntry[] = [];
  for (const [name, data] of parts) {
    if (name === part) continue;
    entries.push({ name, method: 0, data, size: data.length, crc: crcOf(data) });
  }
  entries.push({ name: part, method: 8, data: Buffer.concat(out), size: lie ? 1024 : size, crc });
  return zipRaw(entries);
}
