/**
 * Family C values a reviewer can type by mistake (issue 15, case 9): a negative 分值, a huge score, a date
 * in a score cell. Each is NUMBER_INVALID at its own cell, never a number in a message or a total.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli';
import { buildWuhuaEvaluation, workbookBuffer } from '../../scripts/build-fixtures';
import type { FormResult } from '../../src/core/result';

async function evaluationWith(edit: (ws: import('exceljs').Worksheet, rows: ReturnType<typeof buildWuhuaEvaluation>['layouts'][0]['layout']['rows']) => void): Promise<string> {
  const { wb, layouts } = buildWuhuaEvaluation();
  edit(wb.getWorksheet(layouts[0].sheet)!, layouts[0].layout.rows);
  const path = join(mkdtempSync(join(tmpdir(), 'selfeval-familyc-')), 'c.xlsx');
  writeFileSync(path, new Uint8Array(await workbookBuffer(wb)));
  return path;
}

async function form(path: string): Promise<FormResult> {
  return (JSON.parse((await cli('check', '--json', path)).out) as { forms: FormResult[] }[])[0].forms[0];
}

describe('family C: weights and scores out of range are NUMBER_INVALID at their cell', () => {
  it('a negative 分值 is not used: no 应在 0 到分值 -100, no 请把分值改为 -83', async () => {
    let at = '';
    const f = await form(
      await evaluationWith((ws, rows) => {
        at = rows[0].weight3;
        ws.getCell(at).value = -100;
      }),
    );
    expect(f.findings).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', cell: at }));
    const text = f.findings.map((x) => x.message).join('\n');
    expect(text).not.toMatch(/-100 之间|改为 -\d/);
    expect(f.indicators.every((i) => i.weight === null || i.weight >= 0)).toBe(true);
  });

  it('a huge score is NUMBER_INVALID, never printed as 1.7976931348623157e+308, and the total is not computed from it', async () => {
    let at = '';
    const f = await form(
      await evaluationWith((ws, rows) => {
        at = rows[1].score;
        ws.getCell(at).value = 1.7976931348623157e308;
      }),
    );
    expect(f.findings).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', cell: at }));
    expect(JSON.stringify(f)).not.toContain('e+308');
    expect(f.total?.computed ?? null).toBeNull();
  });

  it('a date typed into a score cell is not a score: no 总分 44751, no grade 优', async () => {
    let at = '';
    const f = await form(
      await evaluationWith((ws, rows) => {
        at = rows[2].score;
        ws.getCell(at).value = new Date(Date.UTC(2022, 6, 9));
        // A style of its own: the fixture's cells share style objects.
        ws.getCell(at).style = { ...ws.getCell(at).style, numFmt: 'yyyy/m/d' };
      }),
    );
    expect(f.findings.filter((x) => x.code === 'NUMBER_INVALID')).toEqual([expect.objectContaining({ cell: at, message: expect.stringContaining('是日期“2022/7/9”') })]);
    expect(f.total?.computed ?? null).toBeNull();
    expect(f.grade?.computed ?? null).toBeNull();
  });

  it('a score past its weight is SCORE_EXCEEDS_WEIGHT and the total stays within what the weights allow', async () => {
    let at = '';
    const f = await form(
      await evaluationWith((ws, rows) => {
        at = rows[0].score;
        ws.getCell(at).value = 99;
      }),
    );
    expect(f.findings.map((x) => `${x.code} ${x.cell}`)).toContain(`SCORE_EXCEEDS_WEIGHT ${at}`);
    expect(f.total?.computed ?? null).toBeNull();
  });
});
