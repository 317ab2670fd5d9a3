/**
 * Where the ET object model comes from: WPS puts `Application` (and its alias `wps`) on the window of
 * every page it opens for an add-in — the ribbon's page and the task pane alike (et-jsapi-declare:
 * `interface Window { readonly Application; readonly wps }`). Anywhere else neither exists.
 */
import type { EtApplication } from './et';

/** The ET Application of this page, or null outside WPS 表格. */
export function wpsApplication(scope: unknown = globalThis): EtApplication | null {
  const w = scope as { Application?: unknown; wps?: unknown };
  const app = (w.Application ?? w.wps) as { ActiveWorkbook?: unknown; Worksheets?: unknown } | undefined;
  // 表格's Application has workbooks; 文字's (Documents) and 演示's (Presentations) do not.
  if (!app || typeof app !== 'object') return null;
  if (!('ActiveWorkbook' in app) && app.ActiveWorkbook === undefined && app.Worksheets === undefined) return null;
  return app as unknown as EtApplication;
}
