import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli';
import { hengyangForms, newWorkbook, workbookBuffer, writeForm } from '../../scripts/build-fixtures';
import { partText, setPartText, unzipParts, zipParts } from '../hosts/workbook/zipTools';

/** Escape sequences as OOXML stores them (ST_Xstring `_xHHHH_`): set the window title, bell, clear the screen, a C1 CSI. */
const HOSTILE = '_x001B_]0;pwned_x0007__x001B_[2J_x009B_31m';

async function hostileWorkbook(): Promise<string> {
  const form = structuredClone(hengyangForms()[0]);
  form.projectName = 'PLACEHOLDER';
  form.indicators[0].actual = 'ACTUALHOLDER';
  const wb = newWorkbook();
  writeForm(wb.addWorksheet('表1'), form, { row: 1, col: 1 });
  const parts = unzipParts(new Uint8Array(await workbookBuffer(wb)));
  const name = [...parts.keys()].find((n) => n === 'xl/sharedStrings.xml') ?? 'xl/worksheets/sheet1.xml';
  setPartText(parts, name, partText(parts, name).replace('PLACEHOLDER', HOSTILE).replace('ACTUALHOLDER', `${HOSTILE}人`));
  const path = join(mkdtempSync(join(tmpdir(), 'selfeval-hostile-')), 'hostile.xlsx');
  writeFileSync(path, zipParts(parts));
  return path;
}

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('hostile text is inert', () => {
  it('the text report shows control characters escaped, never raw', async () => {
    const r = await cli('check', await hostileWorkbook());
    expect(r.out).toContain('\\x1B]0;pwned\\x07\\x1B[2J\\x9B31m');
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(r.err).not.toMatch(RAW_CONTROL);
  });

  it('--json escapes them too, C1 controls included', async () => {
    const r = await cli('check', '--json', await hostileWorkbook());
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(r.out)[0].forms[0].projectName).toBe('\u001b]0;pwned\u0007\u001b[2J\u009b31m');
  });
});
