/**
 * The per-document settings the ribbon command reads (the pane writes them through Host.saveSetting).
 *   profile: a built-in profile id ('mof', 'lincang') or a whole profile as JSON text; absent → 'mof'
 *   mode:    'fill' (填报: fill computed values into empty cells) or 'review' (审核); absent → 'fill'
 */
import type { Mode } from '../hosts/host';
import { MOF, builtInProfile, type Profile } from '../core/rules/profile';

export const SETTING_PROFILE = 'profile';
export const SETTING_MODE = 'mode';

export function profileFromSetting(text: string | null): Profile {
  if (!text) return MOF;
  const builtIn = builtInProfile(text.trim());
  if (builtIn) return builtIn;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && Array.isArray((parsed as Profile).grades)) {
      // Parameters the JSON leaves out keep the MoF values.
      return { ...MOF, ...(parsed as Partial<Profile>) } as Profile;
    }
  } catch {
    /* not JSON: fall through */
  }
  return MOF;
}

export function modeFromSetting(text: string | null): Mode {
  return text === 'review' ? 'review' : 'fill';
}
