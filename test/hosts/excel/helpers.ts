/** Hand-built check results for the host tests (the core's check is not involved). */
import type { Fill, Finding, FormResult, SheetCheck } from '../../../src/core/result';
import { isCellError, type SheetModel } from '../../../src/core/sheet';
import type { FakeSheet, FakeWorkbook } from './fakeExcel';
import type { MarkEntry } from '../../../src/hosts/sheetHost/record';
import { entriesOfXml } from '../../../src/hosts/excel/recordParts';
import type { FormCells } from './forms';

export function form(sheet: string, findings: Finding[]): FormResult {
  return {
    sheet,
    kind: 'project',
    range: 'A1:J29',
    projectName: null,
    budget: { planned: null, executed: null, executionRate: null, weight: null, score: { stated: null, computed: null } },
    indicators: [],
    total: { weight: null, stated: null, computed: null },
    grade: { stated: null, computed: null },
    findings,
  };
}

export function sheetCheck(sheet: string, findings: Finding[], fills: Fill[] = []): SheetCheck {
  return { sheet, forms: [form(sheet, findings)], fills, findings: [] };
}

/** Per form: an error on 执行率, a warning on the formula score, fills for the empty cells (and, wrongly,
 * for a formula cell and a typed cell, which the host must refuse). */
export function checkOfForms(sheet: string, forms: FormCells[]): SheetCheck {
  return {
    sheet,
    forms: forms.map((f) =>
      form(sheet, [
        { code: 'EXECUTION_RATE_MISMATCH', severity: 'error', cell: f.rate, message: '执行率应为 全年执行数 / 全年预算数 = 100.00%' },
        { code: 'SCORE_RULE_MISMATCH', severity: 'warning', cell: f.formulaScore, message: '得分与计算值不符' },
      ]),
    ),
    fills: forms.flatMap((f) => [
      { cell: f.emptyScore, value: 10, label: '得分' },
      { cell: f.grade, value: '优', label: '自评等级' },
      { cell: f.formulaScore, value: 99, label: '得分' },
      { cell: f.typedScore, value: 1, label: '得分' },
    ]),
    findings: [],
  };
}

/** Puts a SheetModel (a fixture read by the workbook adapter) on a new fake sheet, as Excel would hold it. */
export function fakeSheetOf(wb: FakeWorkbook, model: SheetModel, name = model.name): FakeSheet {
  const ws = wb.addSheet(name);
  model.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const formula = model.formulas?.[i]?.[j] ?? null;
      const format = model.formats?.[i]?.[j] ?? null;
      const hasFormat = !!format && format !== 'General';
      if (v === null && !formula && !hasFormat) return;
      const cell = ws.edit(model.top + i, model.left + j);
      if (formula) cell.formula = formula;
      if (isCellError(v)) cell.error = v.error;
      else if (v !== null) cell.value = v;
      if (hasFormat) cell.format = format;
    }),
  );
  for (const m of model.merges) ws.merges.push({ ...m });
  return ws;
}

/** The mark record as saved in the workbook: the entries of every record part, in part order. */
export function recordIn(wb: FakeWorkbook): MarkEntry[] {
  return wb.xmlParts.flatMap((p) => entriesOfXml(p.xml));
}

/**
 * The syncs without the mark record's own: the record's part is saved in a sync of its own just before the
 * cells' write, outside its undo group (reconcile.ts; office-js#6415, #4484).
 */
export function cellSyncs<T extends { writes: number; writesTo: Record<string, number> }>(syncs: T[]): T[] {
  return syncs.filter((x) => !(x.writes > 0 && Object.keys(x.writesTo).every((k) => k === 'CustomXmlPart')));
}

/** The record's own syncs (part writes and nothing else). */
export function recordSyncs<T extends { writes: number; writesTo: Record<string, number> }>(syncs: T[]): T[] {
  return syncs.filter((x) => x.writes > 0 && Object.keys(x.writesTo).every((k) => k === 'CustomXmlPart'));
}
