/**
 * What the Excel ribbon commands do, once clicked: host → check → host (./runOn, on the Office.js host). Loaded lazily by commands.ts (it pulls
 * in the Office.js host and the core), so that commands.ts itself can be in the page's first script and
 * associate its functions before anything else loads.
 */
import type { SheetCheck } from '../core/result';
import { ExcelHost } from '../hosts/excel/ExcelHost';
import type { ApplySummary, Mode } from '../hosts/host';
import { runCheckOn, runClearOn } from './runOn';

let host: ExcelHost | undefined;

function excel(): ExcelHost {
  return (host ??= new ExcelHost());
}

export async function runCheck(): Promise<{ checks: SheetCheck[]; mode: Mode; summary: ApplySummary }> {
  return runCheckOn(excel());
}

export async function runClear(): Promise<number> {
  return runClearOn(excel());
}

/** Takes the user to a cell (the first finding, when no dialog could show the result). */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await excel().selectCell(sheet, cell);
}
