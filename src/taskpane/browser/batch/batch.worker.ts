/** The batch worker: checks the files it is sent off the page's thread, so the page stays responsive. */
import { runBatch, type BatchChoice, type BatchFile } from './runBatch';
import type { WorkerReply } from './batchClient';

// The DOM typings describe a window; this is a dedicated worker's scope.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ files: BatchFile[]; choice: BatchChoice }>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { files, choice } = e.data;
  runBatch(files, (done, current) => scope.postMessage({ type: 'progress', done, total: files.length, current }), choice).then(
    ({ rows, zip }) => scope.postMessage({ type: 'done', rows, zip }, [zip.buffer]),
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
