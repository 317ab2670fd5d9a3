import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../loadFixture';
import { partText, setPartText, unzipParts, zipParts } from './zipTools';

/** A real form with one more merge beside it, the way the file holds it. */
export function withMerge(ref: string): Uint8Array {
  const parts = unzipParts(new Uint8Array(readFileSync(join(FIXTURES, 'clean.xlsx'))));
  const name = 'xl/worksheets/sheet1.xml';
  const xml = partText(parts, name);
  setPartText(parts, name, xml.replace(/<mergeCells count="(\d+)">/, (_, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="${ref}"/>`));
  return zipParts(parts);
}

