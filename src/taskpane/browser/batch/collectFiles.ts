/**
 * The workbooks in what the user dropped or picked: files, folders (recursively) or both, each with its
 * path inside the selection. Only .xlsx files that are submissions: no Excel lock files, no copies or
 * summaries we wrote (isSubmittedWorkbook, shared with the CLI).
 */
import { isSubmittedWorkbook } from '../../../core/summary';
import type { BatchFile } from './runBatch';

/** From a file input (with `webkitdirectory`, each File carries its path in webkitRelativePath). */
export async function filesFromInput(list: FileList | readonly File[]): Promise<BatchFile[]> {
  const out: BatchFile[] = [];
  for (const f of Array.from(list)) {
    const path = f.webkitRelativePath || f.name;
    if (isSubmittedWorkbook(path)) out.push({ path, data: await f.arrayBuffer() });
  }
  return sorted(out);
}

/** From a drop: folders are walked through the File and Directory Entries API where the browser gives entries. */
export async function filesFromDrop(dt: DataTransfer): Promise<BatchFile[]> {
  const entries = Array.from(dt.items ?? [])
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => !!e);
  // Files handed over without entries (a synthetic drop, an old browser): the plain file list.
  if (entries.length === 0) return filesFromInput(dt.files);
  const out: BatchFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return sorted(out);
}

async function walk(entry: FileSystemEntry, out: BatchFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\/+/, '');
  if (entry.isFile) {
    if (!isSubmittedWorkbook(path)) return;
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path, data: await file.arrayBuffer() });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries gives at most 100 entries a call: read until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const e of batch) await walk(e, out);
  }
}

function sorted(files: BatchFile[]): BatchFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
