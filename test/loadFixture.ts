import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SheetModel } from '../src/core/sheet';
import { readWorkbook } from '../src/hosts/workbook/read';

export const FIXTURES = join(__dirname, 'fixtures');

/** The sheets of a fixture built from the seeds by scripts/build-fixtures.ts (vitest's globalSetup). */
export async function fixtureSheets(name: string): Promise<SheetModel[]> {
  const loaded = await readWorkbook(new Uint8Array(readFileSync(join(FIXTURES, name))));
  return loaded.sheets;
}
