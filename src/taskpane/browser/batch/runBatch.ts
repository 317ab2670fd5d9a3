/**
 * A batch of workbooks checked in the browser, the way `selfeval check --out` does it: each file checked
 * (审核 mode: marks only, no value written) with its annotated copy, the summary workbook over all of
 * them, and one zip holding the summary and every copy in the files' own folders. Runs in the batch
 * worker; no DOM.
 */
import { zipSync } from 'fflate';
import { checkBytes } from '../../../hosts/workbook/checkBytes';
import { builtInProfile } from '../../../core/rules/profile';
import { summaryRows, type SummaryRow } from '../../../core/summary';
import { summaryWorkbook, SUMMARY_FILE_NAME } from '../../../hosts/workbook';

export interface BatchFile {
  /** The file's path inside what was dropped or picked (`单位A/项目001.xlsx`), `/`-separated. */
  path: string;
  data: ArrayBuffer;
}

export interface BatchResult {
  rows: SummaryRow[];
  /** 校验汇总.xlsx and every annotated copy, as one zip. */
  zip: Uint8Array;
}

export type BatchProgress = (done: number, current: string) => void;

/** Where a file's copy goes in the zip: beside its path, the way the CLI names copies. */
export function copyPathOf(path: string): string {
  return `${path.replace(/\.xlsx$/i, '')}.checked.xlsx`;
}

export async function runBatch(files: readonly BatchFile[], onProgress: BatchProgress = () => {}): Promise<BatchResult> {
  const profile = builtInProfile('mof')!;
  const entries: Record<string, Uint8Array> = {};
  const inputs = [];
  for (const [i, f] of files.entries()) {
    onProgress(i, f.path);
    const checked = await checkBytes(f.path, new Uint8Array(f.data), profile, { copy: 'review' });
    const copy = checked.copy ? copyPathOf(f.path) : null;
    if (copy && checked.copy) entries[copy] = checked.copy.bytes;
    inputs.push({ result: checked.result, copy });
  }
  const rows = summaryRows(inputs);
  entries[SUMMARY_FILE_NAME] = await summaryWorkbook(rows);
  onProgress(files.length, '');
  // The parts are .xlsx files, compressed already: stored, not deflated again.
  return { rows, zip: zipSync(entries, { level: 0 }) };
}
