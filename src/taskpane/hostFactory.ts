/**
 * Where the pane gets its host. Each is loaded with a dynamic import(), so that the first paint loads
 * only what its mode needs: Excel mode never downloads the browser preview or SheetJS, and the browser
 * preview never downloads the Office.js host.
 */
import type { Host } from '../hosts/host';

/**
 * Inside Excel: the Office.js host. (The ribbon commands share this page's runtime but are not loaded
 * here: index.tsx imports them first, so they are associated before any lazy chunk.)
 */
export async function createExcelHost(): Promise<Host> {
  const mod = await import(/* webpackChunkName: "excel-host" */ '../hosts/excel');
  return new mod.ExcelHost();
}

/** Inside WPS 表格: the ET host (the WPS build's pane; src/hosts/wps). */
export async function createWpsHost(app: import('../hosts/wps/et').EtApplication): Promise<Host> {
  const mod = await import(/* webpackChunkName: "wps-host" */ '../hosts/wps/WpsHost');
  return new mod.WpsHost(app);
}
