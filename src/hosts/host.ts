/**
 * What the task pane and the ribbon commands need from wherever the workbook lives: Excel (Office.js) or
 * the browser preview (a .xlsx file held in memory). A host only moves cells in and out; every decision
 * about the form is made by the core's `check`.
 */
import type { SheetModel } from '../core/sheet';
import type { SheetCheck } from '../core/result';

/** The sheet exportReport writes; never a sheet to check. */
export const REPORT_SHEET = '校验报告';

/** 填报: fill computed values into empty cells and mark problems. 审核: mark only, write no value. */
export type Mode = 'fill' | 'review';

export interface ApplySummary {
  /** Cells coloured and noted. */
  marked: number;
  /** Empty cells that received a computed value. */
  filled: number;
  /** Whether notes could be written (Excel: ExcelApi 1.18); when false the pane alone shows the messages. */
  notesSupported: boolean;
}

export interface ReportRow {
  sheet: string;
  form: string;
  cell: string;
  severity: string;
  code: string;
  message: string;
}

export interface Host {
  readonly kind: 'excel' | 'wps' | 'browser';
  /** Names of all worksheets, in workbook order. */
  sheetNames(): Promise<string[]>;
  activeSheetName(): Promise<string>;
  /**
   * Reads the whole used range of a sheet (the active one when no name), as the user left it: a computed
   * value an earlier 填报 run wrote into an empty cell reads as empty while the cell still holds exactly
   * that value (one the user typed over it is the user's). So a run needs no `clearMarks` first.
   */
  readSheet(name?: string): Promise<SheetModel>;
  /**
   * Writes one run's marks in a single batch: removes our previous marks on these sheets first (so a
   * second run leaves one set), then fills and notes, then computed values (mode 'fill' only, empty cells
   * only — a cell still holding the computed value we wrote counts as empty and gets the new one). All
   * or nothing: on failure the sheets are left as they were and the promise rejects with a HostError.
   */
  applyMarks(checks: SheetCheck[], mode: Mode): Promise<ApplySummary>;
  /** Removes every mark we made on these sheets (all sheets when omitted), restoring cells exactly. */
  clearMarks(sheets?: string[]): Promise<number>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes one value the user accepted (“采用计算值”); refuses when the cell holds a formula. */
  applyFix(sheet: string, cell: string, value: number | string, numberFormat?: string): Promise<void>;
  /** Adds (or replaces) a sheet 校验报告 listing the findings. */
  exportReport(rows: ReportRow[]): Promise<void>;
  /**
   * Calls `listener` with the sheet on view now and whenever the user turns to another, so the pane can
   * follow it; returns the unsubscribe. Optional: a host without it leaves the pane showing every result.
   */
  watchActiveSheet?(listener: (sheet: string | null) => void): () => void;
  /** Per-document settings (profile id or JSON, mode, scope). */
  loadSetting(key: string): Promise<string | null>;
  saveSetting(key: string, value: string): Promise<void>;
}

/** A failure the user must read: `message` is plain Chinese and names the sheet or cell. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly reason: 'protected' | 'no-form' | 'write-failed' | 'read-failed' | 'formula' | 'unsupported',
  ) {
    super(message);
    this.name = 'HostError';
  }
}
