/**
 * Entry of taskpane.html. Inside Excel (office.js loaded by the page's inline loader, Office.onReady
 * reports Excel) the pane runs on ExcelHost. Anywhere else — a plain browser, or Office.js absent or not
 * answering within 1.5 s — it opens the browser preview, whose code (and ExcelJS) is a lazy chunk.
 */
// First: the ribbon commands associate their functions as this script is evaluated (commands.ts).
import '../commands/commands';
import { createRoot, type Root } from 'react-dom/client';
import { Spinner } from '@fluentui/react-components';
import { App } from './App';
import { Shell } from './Shell';
import { ErrorBar } from './components/ErrorBar';
import { errorMessage } from './errors';
import { createExcelHost } from './hostFactory';

declare global {
  interface Window {
    /** Set by the inline loader in taskpane.html: true when the page runs inside Office. */
    __selfevalInOffice?: boolean;
  }
}

const NO_HOST_TIMEOUT_MS = 1500;
const IN_OFFICE_TIMEOUT_MS = 20000;

/** The Office host this page runs in ('Excel', 'Word', …), or null in a plain browser. */
export async function detectOfficeHost(timeoutMs?: number): Promise<string | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const wait = timeoutMs ?? (window.__selfevalInOffice ? IN_OFFICE_TIMEOUT_MS : NO_HOST_TIMEOUT_MS);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), wait));
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
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
  const officeHost = await detectOfficeHost();
  if (officeHost === 'Excel') {
    const host = await createExcelHost();
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
