/**
 * What the user sees after a ribbon click, where the pane may not open: `Office.addin.showAsTaskpane()` is
 * ignored for add-ins installed from the store (docs: develop/show-hide-add-in), so the result is shown
 * in a small dialog (`Office.context.ui.displayDialogAsync`, page dialog.html). The pane, when open, shows
 * the same run through lastRun.
 *
 * How the dialog gets its content (docs: develop/dialog-api-in-office-add-ins, "Pass information to the
 * dialog box"): the page opens with a bare URL, initializes Office.js, registers its
 * DialogParentMessageReceived handler and then tells us it is ready (READY_MESSAGE); we answer with
 * `dialog.messageChild(JSON)` (DialogApi 1.2). Only where DialogApi 1.2 is missing does the content ride in
 * the URL's query, cut to a few lines: parent-to-dialog.md says query values are "best for small values".
 *
 * Opening is serialized and survives what the docs say can go wrong (dialog-handle-errors-events.md,
 * "Errors from displayDialogAsync"):
 *   - one dialog at a time, and `Dialog.close()` is asynchronous with no callback: opening right after it
 *     can fail with 12007 (dialog-best-practices.md, "Open another dialog immediately after closing one"),
 *     so 12007 is retried after a pause, a bounded number of times;
 *   - 12009 (the user chose Ignore on Office on the web's prompt), 12011 (the browser blocks pop-ups) and
 *     any other failure: no dialog. `showFeedback` then resolves 'unshown' and the caller shows the result
 *     another way (commands.ts: the pane where showAsTaskpane still works, the first marked cell selected).
 */
import { sheetFindings, resultAnnouncement } from '../core/runSummary';
import type { CommandRun } from './lastRun';

export interface Feedback {
  title: string;
  summary: string;
  /** `表1!H7 执行率…` — errors first, then warnings. */
  lines: string[];
  /** More findings than lines. */
  more: number;
}

export const MAX_LINES = 8;
export const MAX_LINE_CHARS = 90;
export const FEEDBACK_PARAM = 'r';

/** The dialog's content for a run; null when the run needs no dialog (marks cleared, nothing left behind). */
export function feedbackOf(run: CommandRun): Feedback | null {
  if (run.kind === 'failed') {
    return { title: run.action === 'clearMarks' ? '清除标记未完成' : '校验未完成', summary: run.message, lines: [], more: 0 };
  }
  if (run.kind === 'cleared') return null;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const findings = run.checks
    .flatMap((c) => sheetFindings(c).map((f) => ({ ...f, sheet: f.sheet ?? c.sheet })))
    .filter((f) => f.severity !== 'info')
    .sort((a, b) => rank[a.severity] - rank[b.severity]);
  const lines = findings.slice(0, MAX_LINES).map((f) => cut(`${f.severity === 'error' ? '错误' : '警告'} ${f.sheet}!${f.cell} ${f.message}`));
  return {
    title: '校验并计分',
    summary: resultAnnouncement(run.checks, run.summary.filled, run.mode),
    lines,
    more: findings.length - lines.length,
  };
}

/** The first error's (else warning's) cell of a checked run: where to take the user when no dialog opens. */
export function firstFindingCell(run: CommandRun): { sheet: string; cell: string } | null {
  if (run.kind !== 'checked') return null;
  for (const severity of ['error', 'warning'] as const) {
    for (const c of run.checks) {
      const f = sheetFindings(c).find((x) => x.severity === severity && x.cell);
      if (f) return { sheet: f.sheet ?? c.sheet, cell: f.cell };
    }
  }
  return null;
}

function cut(s: string): string {
  return s.length > MAX_LINE_CHARS ? `${s.slice(0, MAX_LINE_CHARS - 1)}…` : s;
}

/** The dialog page's URL; with `feedback` (DialogApi 1.2 missing), the content in its query, cut short. */
export function feedbackUrl(base: string, feedback?: Feedback): string {
  const url = new URL('dialog.html', base);
  if (feedback) {
    const lines = feedback.lines.slice(0, URL_MAX_LINES);
    const short: Feedback = { ...feedback, lines, more: feedback.more + feedback.lines.length - lines.length };
    url.searchParams.set(FEEDBACK_PARAM, JSON.stringify(short));
  }
  return url.toString();
}

/** Lines that ride in the URL where messageChild is missing (about 1 KB encoded). */
export const URL_MAX_LINES = 2;

/** The dialog page's side: the feedback in its own URL, or null. */
export function feedbackFromUrl(href: string): Feedback | null {
  try {
    const raw = new URL(href).searchParams.get(FEEDBACK_PARAM);
    return raw ? feedbackFromText(raw) : null;
  } catch {
    return null;
  }
}

/** The feedback in a message (messageChild) or a query value, or null when it is not one. */
export function feedbackFromText(text: string): Feedback | null {
  try {
    const f = JSON.parse(text) as Feedback;
    return f && typeof f.title === 'string' && typeof f.summary === 'string' && Array.isArray(f.lines) ? f : null;
  } catch {
    return null;
  }
}

/** The message dialog.html sends when the user closes it. */
export const CLOSE_MESSAGE = 'close';
/** The message dialog.html sends once Office.js is ready and its handler for our message is registered. */
export const READY_MESSAGE = 'ready';

/** 12007: a dialog is still open (or still closing) from this host window. */
export const DIALOG_ALREADY_OPEN = 12007;
/** Pause before trying again after 12007, and how many tries in all (about 3 seconds). */
export const REOPEN_DELAY_MS = 250;
export const REOPEN_TRIES = 12;

export type FeedbackOutcome = 'shown' | 'unshown' | 'none';

let open: Office.Dialog | null = null;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Opens the dialog for the run, closing the previous one first. Resolves when the dialog is open
 * ('shown'), could not be opened ('unshown': the error code is logged, the caller shows the run another
 * way), or was not needed ('none'). Calls are serialized: a second run waits for the first one's dialog.
 */
export function showFeedback(run: CommandRun, base = typeof location !== 'undefined' ? location.href : 'https://localhost/'): Promise<FeedbackOutcome> {
  const next = queue.then(() => display(run, base));
  queue = next.catch(() => undefined);
  return next;
}

async function display(run: CommandRun, base: string): Promise<FeedbackOutcome> {
  const feedback = feedbackOf(run);
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (!feedback) return 'none';
  if (!ui?.displayDialogAsync) return 'unshown';
  if (open) {
    try {
      open.close(); // asynchronous, no callback: the next open may meet 12007 and wait
    } catch {
      /* already closed by the user */
    }
    open = null;
  }
  const viaMessage = !!Office.context.requirements?.isSetSupported?.('DialogApi', '1.2');
  const url = feedbackUrl(base, viaMessage ? undefined : feedback);
  for (let attempt = 1; ; attempt++) {
    const result = await new Promise<Office.AsyncResult<Office.Dialog>>((resolve) =>
      ui.displayDialogAsync(url, { height: 40, width: 30, displayInIframe: true }, resolve),
    );
    if (result.status !== Office.AsyncResultStatus.Failed) {
      attach(result.value, viaMessage ? JSON.stringify(feedback) : null);
      return 'shown';
    }
    if (result.error?.code === DIALOG_ALREADY_OPEN && attempt < REOPEN_TRIES) {
      await new Promise((r) => setTimeout(r, REOPEN_DELAY_MS));
      continue;
    }
    console.warn(`校验结果对话框未能打开（${result.error?.code}：${result.error?.message}）`);
    return 'unshown';
  }
}

/** Our handlers on an open dialog: its content on READY (messageChild), CLOSE, and the user's X (12006). */
function attach(dialog: Office.Dialog, message: string | null): void {
  open = dialog;
  dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
    if (!('message' in arg)) return;
    if (arg.message === READY_MESSAGE && message !== null) dialog.messageChild(message);
    if (arg.message === CLOSE_MESSAGE) {
      dialog.close();
      if (open === dialog) open = null;
    }
  });
  dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
    if (open === dialog) open = null;
  });
}
