import type { SheetView } from '../sheet';
import type { LabelCell } from './labelGrid';
import { isLabel } from './labels';

/** A cell that starts another form: an indicator header, a 项目名称 or a table title. Scanning down stops at it. */
export function startsAnotherForm(c: LabelCell): boolean {
  return isLabel(c.key, 'level1') || isLabel(c.key, 'projectName') || /绩效自评表|计分表|评价表|完成情况表/.test(c.key);
}

/** No value of its own in the row between left and right (cells merged from above do not count). */
export function isBlankRow(view: SheetView, r: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const m = view.mergeAt(r, c);
    if (m && (m.top !== r || m.left !== c)) continue;
    if (!view.isEmpty(r, c)) return false;
  }
  return true;
}
