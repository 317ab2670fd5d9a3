import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSeedTables, SEED_TABLE_SPECS } from '../../scripts/extract-seed-tables';
import { SEED_TABLES_DIR, type SeedTableFile } from '../../scripts/fixtures/seedData';

// The seed documents live outside this repository; where a copy is named by SEEDS_DIR, the committed
// data must be exactly what the parsers make of it today.
const seeds = process.env.SEEDS_DIR;

describe('committed seed tables', () => {
  it('are one file per spec, each naming the document it comes from', () => {
    const files = readdirSync(SEED_TABLES_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(SEED_TABLE_SPECS.map((s) => `${s.name}.json`).sort());
    for (const spec of SEED_TABLE_SPECS) {
      const file = JSON.parse(readFileSync(join(SEED_TABLES_DIR, `${spec.name}.json`), 'utf8')) as SeedTableFile<unknown>;
      expect(file.source).toMatch(new RegExp(`^${spec.seed}_[0-9a-f]+\\.txt: `));
      expect(file.data).toBeTruthy();
    }
  });

  it.skipIf(!seeds)('match a fresh parse of the seed documents (SEEDS_DIR)', () => {
    for (const [name, text] of extractSeedTables(seeds!)) {
      expect(readFileSync(join(SEED_TABLES_DIR, `${name}.json`), 'utf8'), name).toBe(text);
    }
  });
});
