/**
 * The text the user reads when something fails. Host, workbook and profile errors carry a plain Chinese
 * message already; anything else is wrapped. Errors are told apart by name, not by class, so that this
 * module imports neither the workbook adapter (SheetJS) nor a host.
 */
const USER_ERRORS = new Set(['HostError', 'WorkbookReadError', 'ProfileError']);

export function errorMessage(err: unknown): string {
  if (err instanceof Error || (typeof err === 'object' && err !== null && 'message' in err)) {
    const e = err as Error;
    if (USER_ERRORS.has(e.name)) return e.message;
    if (e.name === 'ChunkLoadError') return '无法加载程序文件，请检查网络后刷新页面。';
    return `操作未完成：${e.message || String(err)}`;
  }
  return `操作未完成：${String(err)}`;
}
