/**
 * Ribbon commands (manifest FunctionName checkAndScore, clearMarks). Wiring only: host → check → host.
 *
 * Telling the user: a ribbon command in the shared runtime has no toast, and a dialog
 * (displayDialogAsync) would need its own page and take the user's focus. So the command always opens the
 * task pane, which shows the run's summary (or its error) from `lastRun()` — one place for every result.
 * 清除标记 opens the pane only when it fails; the marks disappearing is its own feedback.
 */
import { check } from '../core/check';
import { ExcelHost } from '../hosts/excel/ExcelHost';
import { HostError } from '../hosts/host';
import { ProfileError } from '../core/rules/profileFile';
import { publishRun } from './lastRun';
import { SETTING_MODE, SETTING_PROFILE, SETTING_SCOPE, modeFromSetting, profileFromSetting, scopeFromSetting } from './settings';

let host: ExcelHost | undefined;

function excel(): ExcelHost {
  return (host ??= new ExcelHost());
}

function messageOf(e: unknown): string {
  if (e instanceof HostError || e instanceof ProfileError) return e.message;
  return `操作没有完成：${e instanceof Error ? e.message : String(e)}`;
}

export async function checkAndScore(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const h = excel();
    const [profileText, modeText, scopeText] = await Promise.all([
      h.loadSetting(SETTING_PROFILE),
      h.loadSetting(SETTING_MODE),
      h.loadSetting(SETTING_SCOPE),
    ]);
    const profile = profileFromSetting(profileText);
    const mode = modeFromSetting(modeText);
    // The scope the user chose in the pane (全部工作表) holds for the ribbon button too.
    const sheets = scopeFromSetting(scopeText) === 'all' ? await Promise.all((await h.sheetNames()).map((n) => h.readSheet(n))) : [await h.readSheet()];
    const checks = sheets.map((sheet) => check(sheet, profile));
    const summary = await h.applyMarks(checks, mode);
    publishRun({ kind: 'checked', at: Date.now(), checks, mode, summary });
    await Office.addin.showAsTaskpane();
  } catch (e) {
    publishRun({ kind: 'failed', at: Date.now(), action: 'checkAndScore', message: messageOf(e) });
    await Office.addin.showAsTaskpane().catch(() => undefined);
  } finally {
    event.completed();
  }
}

export async function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const cleared = await excel().clearMarks();
    publishRun({ kind: 'cleared', at: Date.now(), cleared });
  } catch (e) {
    publishRun({ kind: 'failed', at: Date.now(), action: 'clearMarks', message: messageOf(e) });
    await Office.addin.showAsTaskpane().catch(() => undefined);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('checkAndScore', checkAndScore);
  Office.actions.associate('clearMarks', clearMarks);
});
