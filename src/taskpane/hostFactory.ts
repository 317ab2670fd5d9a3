/**
 * Where the pane gets its host. Each is loaded with a dynamic import(), so that the first paint loads
 * only what its mode needs: Excel mode never downloads the browser preview or ExcelJS, and the browser
 * preview never downloads the Office.js host.
 */
import type { Host } from '../hosts/host';

/**
 * Inside Excel: the Office.js host, and the ribbon commands. The commands share this page's runtime
 * (manifest.xml: SharedRuntime, FunctionFile = taskpane.html), so loading them here registers their
 * actions (Office.actions.associate) and lets them hand their results to the pane (src/commands/lastRun).
 */
export async function createExcelHost(): Promise<Host> {
  const [mod] = await Promise.all([
    import(/* webpackChunkName: "excel-host" */ '../hosts/excel'),
    import(/* webpackChunkName: "excel-host" */ '../commands/commands'),
  ]);
  return new mod.ExcelHost();
}
