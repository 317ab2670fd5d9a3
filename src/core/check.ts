import type { SheetModel } from './sheet';
import type { SheetCheck } from './result';
import { MOF, type Profile } from './rules/profile';

/** Recognize every form on the sheet, check and score it. Pure: reads the model, returns a result. */
export function check(sheet: SheetModel, profile: Profile = MOF): SheetCheck {
  void profile;
  return { sheet: sheet.name, forms: [], fills: [], findings: [] };
}
