/** The page's side of the batch worker: send the files, hear the progress, get the rows and the zip. */
import type { SummaryRow } from '../../../core/summary';
import type { BatchChoice, BatchFile, BatchResult } from './runBatch';

export type WorkerReply =
  | { type: 'progress'; done: number; total: number; current: string }
  | { type: 'done'; rows: SummaryRow[]; zip: Uint8Array }
  | { type: 'error'; message: string };

export function checkInWorker(
  files: BatchFile[],
  choice: BatchChoice,
  onProgress: (done: number, total: number, current: string) => void,
): Promise<BatchResult> {
  // webpack 5 bundles the worker from this URL into its own chunk.
  const worker = new Worker(new URL('./batch.worker.ts', import.meta.url));
  return new Promise<BatchResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.done, m.total, m.current);
      else {
        worker.terminate();
        if (m.type === 'done') resolve({ rows: m.rows, zip: m.zip });
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || '批量校验的后台线程出错。'));
    };
    // The originals stay with the page (a row opens its workbook): the worker gets copies.
    worker.postMessage({ files: files.map((f) => ({ path: f.path, data: f.data.slice(0) })), choice });
  });
}
