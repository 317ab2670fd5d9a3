/**
 * Ribbon commands (manifest FunctionName checkAndScore, clearMarks), in the page's first script.
 *
 * office.js looks a command's function up once, when the button is clicked, and ends the click with an
 * error when nothing is associated yet (office-js #5176, #3378). So the functions are associated when this
 * module is evaluated — office.js is a plain script tag in the page's head and has run by then, as in
 * Microsoft's command samples (Office-Add-in-samples PR #307 moved associate out of onReady) — before the
 * pane probes its host or loads any lazy chunk. The handler itself awaits what it needs (./run).
 *
 * Telling the user: `Office.addin.showAsTaskpane()` is ignored for add-ins from the store (docs:
 * show-hide-add-in), so the result goes to a small dialog (./feedback) and to the pane through lastRun,
 * which shows it when it is open. `event.completed()` is called on every path, right after the run, and
 * never waits for the dialog. When the dialog cannot open (12009: the user ignored Office on the web's
 * prompt; 12011: pop-ups blocked; dialog-handle-errors-events.md), the result is shown another way:
 * `showAsTaskpane()` (it still opens the pane of a sideloaded or centrally deployed add-in) and, after a
 * check, the first error's cell is selected, so the user lands on the mark and its note.
 */
import { HostError } from '../hosts/host';
import { ProfileError } from '../core/rules/profileFile';
import { firstFindingCell, showFeedback } from './feedback';
import { publishRun, type CommandRun } from './lastRun';

function messageOf(e: unknown): string {
  if (e instanceof HostError || e instanceof ProfileError) return e.message;
  return `操作没有完成：${e instanceof Error ? e.message : String(e)}`;
}

async function complete(event: Office.AddinCommands.Event, work: () => Promise<CommandRun>, action: 'checkAndScore' | 'clearMarks') {
  let run: CommandRun;
  try {
    run = await work();
  } catch (e) {
    run = { kind: 'failed', at: Date.now(), action, message: messageOf(e) };
  }
  try {
    publishRun(run);
    void showFeedback(run).then(
      (outcome) => (outcome === 'unshown' ? showElsewhere(run) : undefined),
      () => showElsewhere(run),
    );
  } finally {
    event.completed();
  }
}

/** No dialog could open: the pane where Office still opens it, and the first finding's cell selected. */
async function showElsewhere(run: CommandRun): Promise<void> {
  try {
    void Office.addin?.showAsTaskpane?.()?.catch(() => undefined);
  } catch {
    /* not available on this platform */
  }
  const at = firstFindingCell(run);
  if (!at) return;
  try {
    const { selectCell } = await import(/* webpackChunkName: "excel-host" */ './run');
    await selectCell(at.sheet, at.cell);
  } catch {
    /* the sheet went away meanwhile: the pane still has the run */
  }
}

export function checkAndScore(event: Office.AddinCommands.Event): Promise<void> {
  return complete(
    event,
    async () => {
      const { runCheck } = await import(/* webpackChunkName: "excel-host" */ './run');
      return { kind: 'checked', at: Date.now(), ...(await runCheck()) };
    },
    'checkAndScore',
  );
}

export function clearMarks(event: Office.AddinCommands.Event): Promise<void> {
  return complete(
    event,
    async () => {
      const { runClear } = await import(/* webpackChunkName: "excel-host" */ './run');
      return { kind: 'cleared', at: Date.now(), cleared: await runClear() };
    },
    'clearMarks',
  );
}

/** Associates the ribbon functions; false outside Office (no office.js on the page). */
export function associateCommands(): boolean {
  if (typeof Office === 'undefined' || !Office.actions?.associate) return false;
  Office.actions.associate('checkAndScore', checkAndScore);
  Office.actions.associate('clearMarks', clearMarks);
  return true;
}

associateCommands();
