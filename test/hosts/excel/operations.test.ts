/**
 * How many operations a check of 1,000 stacked forms sends to Excel (what the README's Excel section
 * quotes). Per-cell formatting is Excel's slow path: cells that get the same fill are painted by one
 * `getRanges("A1,B5,…")` write per colour (fills.ts groupFills), and restored grouped by original fill.
 */
import { expect, it } from 'vitest';
import { cellSyncs, recordSyncs } from './helpers';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { FakeWorkbook, type SyncRecord } from './fakeExcel';
import { stackForms } from './forms';

function describeSync(s: SyncRecord): string {
  const to = Object.entries(s.writesTo)
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `${s.writes} writes (${to}), ${s.ranges} range objects, ${s.loads} loads`;
}

it('1,000 forms: fills painted per colour and restored per original fill, not per cell', async () => {
  const wb = new FakeWorkbook('desktop', '1.20');
  const ws = wb.addSheet('汇总');
  const forms = stackForms(ws, 1000);
  // Some of the cells we mark carry the user's own fills: restored grouped by that fill.
  forms.forEach((f, i) => ws.paint(f.grade, i % 2 ? '#FFFF00' : '#FFFFFF'));
  const before = ws.snapshot();
  const host = new ExcelHost(wb.env());

  const model = await host.readSheet('汇总');
  const c = check(model, MOF);
  let from = wb.syncs.length;
  const summary = await host.applyMarks([c], 'fill');
  const [record, write] = wb.since(from); // the record on its own, then the cells
  expect(Object.keys(record.writesTo)).toEqual(['CustomXmlPart']);
  const recordBytes = wb.xmlParts.reduce((n, p) => n + Buffer.byteLength(p.xml, 'utf8'), 0);
  const cells = summary.marked + summary.filled;
  expect(cells).toBe(3000);
  // 3 colours (error, warning, computed), each in getRanges addresses of at most 4,000 characters
  // (and 500 areas), each group a clear() then the colour (fills.ts paintFill).
  expect(write.writesTo.RangeFill).toBeLessThanOrEqual(2 * 3 * Math.ceil((cells * 8) / 4000));
  expect(write.writesTo.RangeFill).toBeLessThan(cells / 50);

  from = wb.syncs.length;
  await host.clearMarks();
  const clear = cellSyncs(wb.since(from)).filter((s) => s.writes > 0);
  expect(clear).toHaveLength(1);
  expect(recordSyncs(wb.since(from))).toHaveLength(1); // the emptied part deleted after the cells
  // Put back: no fill (one group), white, yellow: each a clear() and a colour per group of addresses.
  expect(clear[0].writesTo.RangeFill).toBeLessThan(cells / 50);
  expect(ws.snapshot()).toBe(before);
  console.info(
    `operations, 1,000 forms (${cells} cells marked): mark ${describeSync(write)}; clear ${describeSync(clear[0])}; ` +
      `mark record ${(recordBytes / 1e6).toFixed(2)} MB`,
  );
}, 120_000);
