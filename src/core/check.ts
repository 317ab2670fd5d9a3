import { parseA1, rangeA1, parseRangeA1, SheetView, type CellRange, type SheetModel } from './sheet';
import type { Fill, FormResult, SheetCheck } from './result';
import { findForms } from './recognize/findForms';
import { MOF, type Profile } from './rules/profile';
import { withWordings } from './recognize/labels';

/** Recognize every form on the sheet, check and score it. Pure: reads the model, returns a result. */
export function check(sheet: SheetModel, profile: Profile = MOF): SheetCheck {
  return withWordings(profile.wordings, () => checkSheet(sheet, profile));
}

function checkSheet(sheet: SheetModel, profile: Profile): SheetCheck {
  const view = new SheetView(sheet);
  const forms: FormResult[] = [];
  const fills: Fill[] = [];
  for (const { family, layout } of findForms(view)) {
    const { form, fills: formFills } = family.check(view, layout, profile);
    form.range = rangeA1(covering(parseRangeA1(form.range), [...form.findings.map((f) => f.cell), ...formFills.map((f) => f.cell)]));
    forms.push(form);
    fills.push(...formFills);
  }
  return { sheet: sheet.name, forms, fills, findings: [] };
}

/**
 * The form's range grown to hold every cell it reports or fills: a finding on a damaged form can sit on
 * a merged cell that starts left of the recognised columns, and the pane and the SPEC §5 contract
 * promise that each finding lies inside its form.
 */
function covering(range: CellRange, cells: string[]): CellRange {
  const out = { ...range };
  for (const cell of cells) {
    if (!cell) continue;
    const p = parseA1(cell);
    out.top = Math.min(out.top, p.row);
    out.left = Math.min(out.left, p.col);
    out.bottom = Math.max(out.bottom, p.row);
    out.right = Math.max(out.right, p.col);
  }
  return out;
}
