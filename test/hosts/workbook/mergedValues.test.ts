/**
 * A value stored under a merged cell (Excel keeps only the master's when merging, but a generated or
 * edited file can hold one) survives the annotated copy: issue 15 found 17 such values dropped by the
 * ExcelJS writer in one fuzz run; the patcher leaves every cell it does not mark as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes } from '../../../src/hosts/workbook';
import { MOF } from '../../../src/core/rules/profile';
import { partText, setPartText, unzipParts, zipParts } from './zipTools';

const SAMPLE = join(__dirname, '../../../assets/sample.xlsx');
const HIDDEN = '<c r="C1" s="1" t="inlineStr"><is><t>合并区域下的值</t></is></c>';

describe('the annotated copy keeps values under merged cells', () => {
  it('a value in C1, under the merged title A1:J1, is in the copy as it was', async () => {
    const parts = unzipParts(new Uint8Array(readFileSync(SAMPLE)));
    const sheet = partText(parts, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<mergeCell ref="A1:J1"/>');
    expect(sheet).toContain('<c r="C1" s="1"/>');
    setPartText(parts, 'xl/worksheets/sheet1.xml', sheet.replace('<c r="C1" s="1"/>', HIDDEN));
    const r = await checkBytes('合并.xlsx', zipParts(parts), MOF, { copy: 'fill' });
    expect(r.copyFailure).toBeNull();
    // The sheet was marked (the sample's first form has an error), so its XML was rewritten by the patcher.
    expect(r.result.forms[0].findings.some((f) => f.severity === 'error')).toBe(true);
    const copied = partText(unzipParts(r.copy!.bytes), 'xl/worksheets/sheet1.xml');
    expect(copied).not.toBe(sheet.replace('<c r="C1" s="1"/>', HIDDEN));
    expect(copied).toContain(HIDDEN);
  });
});
