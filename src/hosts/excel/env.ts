/**
 * Everything the Excel host takes from the Office runtime, in one place, so tests can hand in a fake
 * workbook instead of the `Excel` and `Office` globals.
 */
import type { Platform } from './limits';

export interface RunOptions {
  /** ExcelApi 1.20: every sync of this run is one undo step. */
  mergeUndoGroup?: boolean;
}

/** The part of `Office.Settings` we use. */
export interface SettingsBag {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export interface ExcelEnv {
  run<T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  platform: Platform;
  settings: SettingsBag;
}

/** The real thing: `Excel.run` and `Office.context`, available after `Office.onReady`. */
export function officeEnv(): ExcelEnv {
  const platform: Platform =
    Office.context.diagnostics?.platform === Office.PlatformType.OfficeOnline ? 'web' : 'desktop';
  return {
    run: (options, batch) => (options.mergeUndoGroup ? Excel.run(options, batch) : Excel.run(batch)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    platform,
    settings: Office.context.document.settings as unknown as SettingsBag,
  };
}
