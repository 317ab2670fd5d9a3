/**
 * What 校验并计分 and 清除标记 do on any host: read → check → write marks. The Excel ribbon (./run) and the
 * WPS ribbon (./wpsRibbon) both run this; only the host differs.
 */
import { check } from '../core/check';
import type { SheetCheck } from '../core/result';
import { REPORT_SHEET, type ApplySummary, type Host, type Mode } from '../hosts/host';
import { SETTING_MODE, SETTING_PROFILE, SETTING_SCOPE, modeFromSetting, profileFromSetting, scopeFromSetting } from './settings';

export async function runCheckOn(h: Host): Promise<{ checks: SheetCheck[]; mode: Mode; summary: ApplySummary }> {
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

export async function runClearOn(h: Host): Promise<number> {
  return h.clearMarks();
}
