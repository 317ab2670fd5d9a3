/**
 * Entry of taskpane.html (the page Excel opens; office.js is a plain script tag in its head; in the WPS
 * build, the page WPS's task pane opens, without office.js: WpsHost when `Application` is there) and of
 * preview.html (the browser preview's page, without office.js). Inside Excel (Office.onReady reports
 * Excel) the pane runs on ExcelHost. Anywhere else — no office.js on the page, or office.js reporting no
 * host in a plain browser — it opens the browser preview, whose code (and SheetJS) is a lazy chunk.
 */
// First: the ribbon commands associate their functions as this script is evaluated (commands.ts).
import '../commands/commands';
import { createRoot, type Root } from 'react-dom/client';
import { Spinner } from '@fluentui/react-components';
import { Shell } from './Shell';
import { ErrorBar } from './components/ErrorBar';
import { errorMessage } from './errors';
import { createExcelHost, createWpsHost } from './hostFactory';
import { wpsApplication } from '../hosts/wps/env';

/**
 * The Office host this page runs in ('Excel', 'Word', …), or null outside Office. office.js, when on the
 * page, has run before this script (a plain script tag in the head); its onReady resolves with a null
 * host in a plain browser, so there is no timeout to guess: a slow Office start never shows the preview.
 */
export async function detectOfficeHost(): Promise<string | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  try {
    const info = await Office.onReady();
    return info?.host ? String(info.host) : null;
  } catch {
    return null;
  }
}

function Loading({ label }: { label: string }) {
  return (
    <div style={{ padding: 24 }}>
      <Spinner size="small" label={label} />
    </div>
  );
}

async function start(root: Root): Promise<void> {
  root.render(
    <Shell>
      <Loading label="正在启动…" />
    </Shell>,
  );
  // WPS 表格 puts its object model on the page (Application); it has no office.js.
  const wps = wpsApplication();
  if (wps) {
    const [{ App }, host] = await Promise.all([import(/* webpackChunkName: "pane" */ './App'), createWpsHost(wps)]);
    root.render(
      <Shell>
        <App host={host} showTitle />
      </Shell>,
    );
    return;
  }
  const officeHost = await detectOfficeHost();
  if (officeHost === 'Excel') {
    // The pane itself (its controls, the findings list, the core's check) is a chunk of its own, fetched
    // beside the Excel host's: the first paint (this spinner) needs only React and a few Fluent parts.
    const [{ App }, host] = await Promise.all([import(/* webpackChunkName: "pane" */ './App'), createExcelHost()]);
    root.render(
      <Shell>
        <App host={host} showTitle />
      </Shell>,
    );
    return;
  }
  if (officeHost) {
    root.render(
      <Shell>
        <div style={{ padding: 12 }}>
          <ErrorBar message={`此加载项只能在 Excel 中使用（当前：${officeHost}）。`} />
        </div>
      </Shell>,
    );
    return;
  }
  root.render(
    <Shell>
      <Loading label="正在加载浏览器预览…" />
    </Shell>,
  );
  const { BrowserApp } = await import(/* webpackChunkName: "browser" */ './browser/BrowserApp');
  root.render(
    <Shell>
      <BrowserApp />
    </Shell>,
  );
}

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  start(root).catch((err: unknown) => {
    root.render(
      <Shell>
        <div style={{ padding: 12 }}>
          <ErrorBar title="无法启动" message={errorMessage(err)} />
        </div>
      </Shell>,
    );
  });
}
