import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/hosts/workbook/read';
import { realBlocks, realTableProblems, realTables, REALWORLD_DIR, typed, type RealTable } from '../../scripts/build-fixtures';
import { FIXTURES } from '../loadFixture';

const tables = realTables();

describe('the corpus of real published tables (test/fixtures/realworld)', () => {
  it('holds the ten tables of the steering repo and more: fifteen or more, from six provinces or more', () => {
    const ids = tables.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['P02', 'P03', 'P05', 'P06', 'P07', 'P10', 'P11', 'P12', 'P16', 'T04']) expect(ids.some((x) => x.startsWith(`${id}_`))).toBe(true);
    expect(tables.length).toBeGreaterThanOrEqual(15);
    expect(new Set(tables.map((t) => t.province)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(tables.map((t) => [t.id, t] as const))('%s names its source, province, kind and expectations, and its rows are a grid', (id, t) => {
    expect(realTableProblems(t, `${id}.json`)).toEqual([]);
  });

  it('finds what is wrong with a malformed table', () => {
    const good = tables[0];
    const bad: RealTable = {
      ...good,
      id: 'X',
      source: { ...good.source, url: 'www.example.cn' },
      province: '廊坊',
      kind: 'scoring' as RealTable['kind'],
      rows: [...good.rows.slice(0, 5), [null, 'a'], ...good.rows.slice(5)],
      verifiedErrors: [{ code: 'FUNDS_SUM', cells: ['Z99'], note: '' }],
    };
    const problems = realTableProblems(bad, `${good.id}.json`).join('\n');
    for (const want of ['file name', 'source.url', 'province 廊坊', 'kind scoring', 'row 6: 2 columns', 'unknown code FUNDS_SUM', 'Z99 is outside', 'no note'])
      expect(problems).toContain(want);
  });

  it('reads merged cells from spans and continuations', () => {
    const { blocks, problems } = realBlocks({
      columns: 3,
      rows: [
        [{ t: 'A', span: 2 }, 'B'],
        [null, null, 'C'],
        ['D', null, ''],
      ],
    });
    expect(problems).toEqual(['row 3: the block at A1 is continued on some of its columns only']);
    expect(blocks[0]).toEqual({ r1: 0, c1: 0, r2: 2, c2: 1, text: 'A' });
    expect(realBlocks({ columns: 2, rows: [[null, 'x']] }).problems).toEqual(['row 1: null at column 1 continues nothing']);
  });

  it.each(tables.map((t) => [t.id, t] as const))('%s: the built workbook holds the table as written', async (id, t) => {
    const path = join(FIXTURES, 'realworld', `${id}.xlsx`);
    expect(existsSync(path)).toBe(true);
    const [sheet, ...others] = (await readWorkbook(new Uint8Array(readFileSync(path)))).sheets;
    expect(others).toEqual([]);
    expect(sheet.name).toBe(t.sheet);
    const at = (r: number, c: number) => sheet.values[r - sheet.top]?.[c - sheet.left] ?? null;
    const { blocks } = realBlocks(t);
    for (const b of blocks) {
      const want = typed(b.text).value;
      expect(at(b.r1, b.c1), `${id} row ${b.r1 + 1} col ${b.c1 + 1}`).toEqual(want);
    }
    const merged = blocks.filter((b) => b.r2 > b.r1 || b.c2 > b.c1).map((b) => ({ top: b.r1, left: b.c1, bottom: b.r2, right: b.c2 }));
    expect([...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual(merged.sort((a, b) => a.top - b.top || a.left - b.left));
    expect(existsSync(join(REALWORLD_DIR, `${id}.json`))).toBe(true);
  });
});
