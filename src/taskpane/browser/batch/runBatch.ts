/**
 * A batch of workbooks checked in the browser, the way `selfeval check --out` does it: each file checked
 * in the pane's mode and profile (审核 and mof unless told) with its annotated copy, the summary workbook over all of
 * them, and one zip holding the summary and every copy in the files' own folders. Runs in the batch
 * worker; no DOM.
 */
import { zipSync } from 'fflate';
import { checkBytes } from '../../../hosts/workbook/checkBytes';
import { MOF, type Profile } from '../../../core/rules/profile';
import type { Mode } from '../../../hosts/host';
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

/** How a batch checks: the mode and profile chosen in the pane. */
export interface BatchChoice {
  mode: Mode;
  profile: Profile;
}

export const DEFAULT_BATCH_CHOICE: BatchChoice = { mode: 'review', profile: MOF };

/** Where a file's copy goes in the zip: beside its path, the way the CLI names copies. */
export function copyPathOf(path: string): string {
  return `${path.replace(/\.xlsx$/i, '')}.checked.xlsx`;
}

export async function runBatch(
  files: readonly BatchFile[],
  onProgress: BatchProgress = () => {},
  { mode, profile }: BatchChoice = DEFAULT_BATCH_CHOICE,
): Promise<BatchResult> {
  const entries: Record<string, Uint8Array> = {};
  const inputs = [];
  for (const [i, f] of files.entries()) {
    onProgress(i, f.path);
    const checked = await checkBytes(f.path, new Uint8Array(f.data), profile, { copy: mode });
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
