/**
 * What the user sees after a ribbon click, where the pane may not open: `Office.addin.showAsTaskpane()` is
 * ignored for add-ins installed from the store (docs: develop/show-hide-add-in), so the result is shown
 * in a small dialog (`Office.context.ui.displayDialogAsync`, page dialog.html). The pane, when open, shows
 * the same run through lastRun.
 *
 * The message travels in the dialog URL's query (docs: develop/parent-to-dialog, "Query parameters: best
 * for small values"; messageChild needs DialogApi 1.2 and a round trip): the summary line and at most
 * MAX_LINES findings, each cut to MAX_LINE_CHARS.
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

function cut(s: string): string {
  return s.length > MAX_LINE_CHARS ? `${s.slice(0, MAX_LINE_CHARS - 1)}…` : s;
}

export function feedbackUrl(base: string, feedback: Feedback): string {
  const url = new URL('dialog.html', base);
  url.searchParams.set(FEEDBACK_PARAM, JSON.stringify(feedback));
  return url.toString();
}

/** The dialog page's side: the feedback in its own URL, or null. */
export function feedbackFromUrl(href: string): Feedback | null {
  try {
    const raw = new URL(href).searchParams.get(FEEDBACK_PARAM);
    const f = raw ? (JSON.parse(raw) as Feedback) : null;
    return f && typeof f.title === 'string' && typeof f.summary === 'string' && Array.isArray(f.lines) ? f : null;
  } catch {
    return null;
  }
}

/** The message dialog.html sends when the user closes it. */
export const CLOSE_MESSAGE = 'close';

let open: Office.Dialog | null = null;

/**
 * Opens the dialog for the run (closing the previous one: Office allows one dialog at a time). Returns at
 * once; a dialog that cannot open (no dialog API, a pop-up blocked on the web) leaves the pane to show it.
 */
export function showFeedback(run: CommandRun, base = typeof location !== 'undefined' ? location.href : 'https://localhost/'): void {
  const feedback = feedbackOf(run);
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (!feedback || !ui?.displayDialogAsync) return;
  if (open) {
    try {
      open.close();
    } catch {
      /* already closed by the user */
    }
    open = null;
  }
  ui.displayDialogAsync(feedbackUrl(base, feedback), { height: 40, width: 30, displayInIframe: true }, (result) => {
    if (result.status === Office.AsyncResultStatus.Failed) return;
    const dialog = result.value;
    open = dialog;
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      if ('message' in arg && arg.message === CLOSE_MESSAGE) {
        dialog.close();
        if (open === dialog) open = null;
      }
    });
    dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
      if (open === dialog) open = null;
    });
  });
}
