/**
 * The ribbon command and the task pane share one runtime (manifest: SharedRuntime), so the command hands
 * its result to the pane through this module: the pane reads `lastRun()` when it opens and subscribes with
 * `onRun` while it is open.
 */
import type { ApplySummary, Mode } from '../hosts/host';
import type { SheetCheck } from '../core/result';

export type CommandRun =
  | { kind: 'checked'; at: number; checks: SheetCheck[]; mode: Mode; summary: ApplySummary }
  | { kind: 'cleared'; at: number; cleared: number }
  | { kind: 'failed'; at: number; action: 'checkAndScore' | 'clearMarks'; message: string };

type Listener = (run: CommandRun) => void;

let last: CommandRun | null = null;
const listeners = new Set<Listener>();

export function lastRun(): CommandRun | null {
  return last;
}

export function onRun(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishRun(run: CommandRun): void {
  last = run;
  for (const l of listeners) l(run);
}
