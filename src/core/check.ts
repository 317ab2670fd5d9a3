import { SheetView, type SheetModel } from './sheet';
import type { Fill, FormResult, SheetCheck } from './result';
import { findForms } from './recognize/findForms';
import { MOF, type Profile } from './rules/profile';

/** Recognize every form on the sheet, check and score it. Pure: reads the model, returns a result. */
export function check(sheet: SheetModel, profile: Profile = MOF): SheetCheck {
  const view = new SheetView(sheet);
  const forms: FormResult[] = [];
  const fills: Fill[] = [];
  for (const { family, layout } of findForms(view)) {
    const { form, fills: formFills } = family.check(view, layout, profile);
    forms.push(form);
    fills.push(...formFills);
  }
  return { sheet: sheet.name, forms, fills, findings: [] };
}
