/**
 * The WPS加载项's ribbon (ribbon.xml: 校验并计分, 清除标记, 打开面板), in the add-in's index.html — the page
 * WPS loads when a 表格 window opens and whose `window.ribbon` the ribbon's `onLoad` / `onAction` name.
 *
 * The callbacks are plain synchronous functions that return at once: `async` ribbon callbacks have been
 * reported to break the ribbon on some builds (the issue). The run they start needs nothing asynchronous
 * from WPS — every ET call is synchronous, and everything is in this bundle (no lazy chunk) — so it is
 * done within the same task, in the microtasks right after the callback returns; its result is shown in
 * a message box (alert, as the wpsjs samples do) and the pane, when open, checks again on its own.
 */
import '../hosts/wps/polyfills';
import { WpsHost } from '../hosts/wps/WpsHost';
import { wpsApplication } from '../hosts/wps/env';
import { HostError } from '../hosts/host';
import { ProfileError } from '../core/rules/profileFile';
import { feedbackOf } from './feedback';
import type { CommandRun } from './lastRun';
import { runCheckOn, runClearOn } from './runOn';

/** The ids of ribbon.xml's buttons. */
export const BUTTONS = { check: 'selfevalCheck', clear: 'selfevalClear', pane: 'selfevalPane' } as const;
const PANE_ID_KEY = 'selfeval_taskpane_id';
export const PANE_TITLE = '绩效自评表校验';

interface Control {
  Id: string;
}

interface WpsAddon {
  CreateTaskPane(url: string, title?: string): { ID: number; Visible: boolean };
  GetTaskPane(id: number): { ID: number; Visible: boolean } | null;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

export interface RibbonDeps {
  /** The page's global scope (window), where WPS puts `Application`. */
  scope: unknown;
  /** Shows a message to the user (alert). */
  tell(text: string): void;
  /** This page's URL: the pane is its sibling taskpane.html. */
  base: string;
}

export function makeRibbon(deps: RibbonDeps) {
  let host: WpsHost | undefined;
  const wps = () => {
    const app = wpsApplication(deps.scope);
    if (!app) throw new HostError('没有找到 WPS 表格的对象模型（Application）。此加载项只能在 WPS 表格中使用。', 'unsupported');
    return (host ??= new WpsHost(app));
  };

  const show = (run: CommandRun) => {
    const f = feedbackOf(run);
    if (run.kind === 'cleared') return deps.tell(run.cleared ? `已清除 ${run.cleared} 个单元格的标记。` : '没有需要清除的标记。');
    if (!f) return;
    const lines = [f.summary, ...f.lines, ...(f.more > 0 ? [`另有 ${f.more} 条，打开面板查看全部。`] : [])];
    deps.tell(`${f.title}\n\n${lines.join('\n')}`);
  };

  const failed = (action: 'checkAndScore' | 'clearMarks') => (e: unknown) =>
    show({ kind: 'failed', at: Date.now(), action, message: messageOf(e) });

  function OnAddinLoad(_ribbonUI: unknown): boolean {
    return true;
  }

  /** Synchronous: starts the run and returns; the run ends within this task (see the header). */
  function OnAction(control: Control): boolean {
    switch (control?.Id) {
      case BUTTONS.check:
        start(() => runCheckOn(wps()).then((r) => show({ kind: 'checked', at: Date.now(), ...r })), failed('checkAndScore'));
        break;
      case BUTTONS.clear:
        start(() => runClearOn(wps()).then((cleared) => show({ kind: 'cleared', at: Date.now(), cleared })), failed('clearMarks'));
        break;
      case BUTTONS.pane:
        try {
          togglePane();
        } catch (e) {
          deps.tell(`无法打开面板：${messageOf(e)}`);
        }
        break;
    }
    return true;
  }

  function GetImage(control: Control): string {
    if (control?.Id === BUTTONS.clear) return 'assets/icon-clear-32.png';
    if (control?.Id === BUTTONS.pane) return 'assets/icon-pane-32.png';
    return 'assets/icon-32.png';
  }

  function togglePane(): void {
    const app = (deps.scope as { Application?: WpsAddon }).Application;
    if (!app?.CreateTaskPane) throw new Error('此版本的 WPS 不支持任务窗格（CreateTaskPane）');
    const id = Number(app.PluginStorage.getItem(PANE_ID_KEY));
    const existing = id ? app.GetTaskPane(id) : null;
    if (existing) {
      existing.Visible = !existing.Visible;
      return;
    }
    const pane = app.CreateTaskPane(new URL('taskpane.html', deps.base).toString(), PANE_TITLE);
    app.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
    pane.Visible = true;
  }

  return { OnAddinLoad, OnAction, GetImage };
}

function start(run: () => Promise<void>, onError: (e: unknown) => void): void {
  try {
    run().catch(onError);
  } catch (e) {
    onError(e);
  }
}

function messageOf(e: unknown): string {
  if (e instanceof HostError || e instanceof ProfileError) return e.message;
  return `操作没有完成：${e instanceof Error ? e.message : String(e)}`;
}

/** On the add-in's page: the callbacks ribbon.xml names. */
if (typeof window !== 'undefined') {
  (window as unknown as { ribbon: ReturnType<typeof makeRibbon> }).ribbon = makeRibbon({
    scope: window,
    tell: (text) => window.alert(text),
    base: window.location.href,
  });
}
