/**
 * What the ribbon commands do, once clicked: host → check → host. Loaded lazily by commands.ts (it pulls
 * in the Office.js host and the core), so that commands.ts itself can be in the page's first script and
 * associate its functions before anything else loads.
 */
import { check } from '../core/check';
import type { SheetCheck } from '../core/result';
import { ExcelHost } from '../hosts/excel/ExcelHost';
import { REPORT_SHEET } from '../hosts/excel/report';
import type { ApplySummary, Mode } from '../hosts/host';
import { SETTING_MODE, SETTING_PROFILE, SETTING_SCOPE, modeFromSetting, profileFromSetting, scopeFromSetting } from './settings';

let host: ExcelHost | undefined;

function excel(): ExcelHost {
  return (host ??= new ExcelHost());
}

export async function runCheck(): Promise<{ checks: SheetCheck[]; mode: Mode; summary: ApplySummary }> {
  const h = excel();
  const [profileText, modeText, scopeText] = await Promise.all([
    h.loadSetting(SETTING_PROFILE),
    h.loadSetting(SETTING_MODE),
    h.loadSetting(SETTING_SCOPE),
  ]);
  const profile = profileFromSetting(profileText);
  const mode = modeFromSetting(modeText);
  // The scope the user chose in the pane (全部工作表) holds for the ribbon button too; our own report
  // sheet is not a sheet to check.
  const names = scopeFromSetting(scopeText) === 'all' ? (await h.sheetNames()).filter((n) => n !== REPORT_SHEET) : [undefined];
  const sheets = await Promise.all(names.map((n) => h.readSheet(n)));
  const checks = sheets.map((sheet) => check(sheet, profile));
  const summary = await h.applyMarks(checks, mode);
  return { checks, mode, summary };
}

export async function runClear(): Promise<number> {
  return excel().clearMarks();
}

/** Takes the user to a cell (the first finding, when no dialog could show the result). */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await excel().selectCell(sheet, cell);
}
