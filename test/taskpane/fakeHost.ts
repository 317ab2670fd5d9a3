import type { ApplySummary, Host, Mode, ReportRow } from '../../src/hosts/host';
import type { SheetModel } from '../../src/core/sheet';
import type { SheetCheck } from '../../src/core/result';

export type Call = [string, ...unknown[]];

/** A Host that keeps sheets in memory and records every call, for the pane's component tests. */
export class FakeHost implements Host {
  readonly kind = 'browser' as const;
  calls: Call[] = [];
  settings = new Map<string, string>();
  active: string;
  /** Set to make the next call of that method reject. */
  failNext: Partial<Record<keyof Host, Error>> = {};

  constructor(readonly sheets: SheetModel[]) {
    this.active = sheets[0]?.name ?? 'Sheet1';
  }

  private rec(name: keyof Host, ...args: unknown[]): void {
    this.calls.push([name, ...args]);
    const err = this.failNext[name];
    if (err) {
      delete this.failNext[name];
      throw err;
    }
  }

  callsOf(name: keyof Host): unknown[][] {
    return this.calls.filter((c) => c[0] === name).map((c) => c.slice(1));
  }

  async sheetNames(): Promise<string[]> {
    this.rec('sheetNames');
    return this.sheets.map((s) => s.name);
  }
  async activeSheetName(): Promise<string> {
    this.rec('activeSheetName');
    return this.active;
  }
  async readSheet(name?: string): Promise<SheetModel> {
    this.rec('readSheet', name);
    const s = this.sheets.find((m) => m.name === (name ?? this.active));
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  async applyMarks(checks: SheetCheck[], mode: Mode): Promise<ApplySummary> {
    this.rec('applyMarks', checks, mode);
    return { marked: checks.length, filled: mode === 'fill' ? 1 : 0, notesSupported: true };
  }
  async clearMarks(sheets?: string[]): Promise<number> {
    this.rec('clearMarks', sheets);
    return 0;
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.rec('selectCell', sheet, cell);
  }
  async applyFix(sheet: string, cell: string, value: number | string, numberFormat?: string): Promise<void> {
    this.rec('applyFix', sheet, cell, value, numberFormat);
  }
  async exportReport(rows: ReportRow[]): Promise<void> {
    this.rec('exportReport', rows);
  }
  async loadSetting(key: string): Promise<string | null> {
    this.rec('loadSetting', key);
    return this.settings.get(key) ?? null;
  }
  async saveSetting(key: string, value: string): Promise<void> {
    this.rec('saveSetting', key, value);
    this.settings.set(key, value);
  }
}
