/**
 * The merges' cell count (mergeArea.ts) reads each `<mergeCell ref=…>` from the bytes, without a string
 * per merge (issue 20: 35,000 merges cost ~100 ms as strings and regular expressions). It must count
 * exactly what the reading by regular expression counted, however the XML is cut into chunks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRangeA1 } from '../../../src/core/sheet';
import { MergeArea } from '../../../src/hosts/workbook/mergeArea';

/** The reading before: the tag as Latin-1 text, its `ref` by regular expression, the range by parseRangeA1. */
function referenceCount(xml: string): { cells: number; largest: { ref: string; cells: number } | null } {
  let cells = 0;
  let largest: { ref: string; cells: number } | null = null;
  const tag = /mergeCell[ \t\n\r][^>]*(?=>)/g;
  for (const m of xml.matchAll(tag)) {
    const ref = /\sref\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
    if (!ref) continue;
    let n: number;
    try {
      const r = parseRangeA1(ref.replace(/\$/g, ''));
      n = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    } catch {
      continue;
    }
    if (!Number.isFinite(n) || n <= 0) continue;
    cells += n;
    if (!largest || n > largest.cells) largest = { ref, cells: n };
  }
  return { cells, largest };
}

const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function countInChunks(xml: string, sizes: number[]): MergeArea {
  const bytes = latin1Bytes(xml);
  const m = new MergeArea();
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes.length ? sizes[k % sizes.length] : bytes.length;
    m.push(bytes.subarray(at, at + size));
    at += size;
  }
  return m;
}

const cellRef = fc
  .tuple(fc.constantFrom('', '$', '$$'), fc.stringMatching(/^[A-Za-z]{0,4}$/), fc.constantFrom('', '$'), fc.stringMatching(/^[0-9]{0,17}$/))
  .map((parts) => parts.join(''));
const refText = fc.oneof(
  cellRef,
  fc.tuple(cellRef, cellRef).map(([a, b]) => `${a}:${b}`),
  fc.tuple(cellRef, cellRef, cellRef).map(([a, b, c]) => `${a}:${b}:${c}`),
  fc.stringMatching(/^[ A-Z0-9:$\t\u00a0]{0,12}$/),
);
const space = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0');
const quote = fc.constantFrom('"', "'");
const mergeTag = fc
  .tuple(
    fc.constantFrom('', 'x:'),
    space,
    fc.constantFrom('', 'id="7"', 'xr:uid="{A}"'),
    fc.constantFrom(' ', '\u00a0', '\f', '\v', '\u0085'),
    fc.constantFrom('ref', 'REF', 'xref'),
    fc.constantFrom('=', ' = ', '\t='),
    quote,
    refText,
    quote,
    fc.constantFrom('/', ' /', ''),
  )
  .map(([prefix, sp, before, sep, name, eq, q1, ref, q2, close]) => `<${prefix}mergeCell${sp}${before ? before + sep : ''}${name}${eq}${q1}${ref}${q2}${close}>`);
const noise = fc.constantFrom('<row r="1" customHeight="1">', '<c r="A1" t="s"><v>3</v></c>', '</row>', '<mergeCells count="3">', '</mergeCells>', 'mmm', '<mergeCell>', '<mergeCellx ref="A1:B9"/>');
const sheetXml = fc.array(fc.oneof(mergeTag, noise), { maxLength: 12 }).map((parts) => parts.join(''));

describe('the merges of a worksheet part count by the cells they cover', () => {
  it('as the reading by regular expression counted, however the bytes are cut', () => {
    fc.assert(
      fc.property(sheetXml, fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 }), (xml, sizes) => {
        const expected = referenceCount(xml);
        const m = countInChunks(xml, sizes);
        expect(m.cells).toBe(expected.cells);
        expect(m.largest).toEqual(expected.largest);
      }),
      { numRuns: 3000 },
    );
  });

  it('names the largest merge as written, dollars and all', () => {
    const m = countInChunks('<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="$AA$1:$XFD$1048576"/><mergeCell ref="C3:D9"/></mergeCells>', [5]);
    expect(m.largest).toEqual({ ref: '$AA$1:$XFD$1048576', cells: (16384 - 26) * 1048576 });
    expect(m.cells).toBe(4 + (16384 - 26) * 1048576 + 14);
  });
});
