/**
 * The per-document settings the ribbon command reads (the pane writes them through Host.saveSetting).
 *   profile: a built-in profile id ('mof', 'lincang') or a whole profile as JSON text; absent → 'mof'
 *   mode:    'fill' (填报: fill computed values into empty cells) or 'review' (审核); absent → 'fill'
 *   scope:   'sheet' (the active sheet) or 'all' (every sheet of the workbook); absent → 'sheet'
 */
import { parseProfileText, ProfileError } from '../core/rules/profileFile';
import type { Mode } from '../hosts/host';
import { MOF, builtInProfile, type Profile } from '../core/rules/profile';

export const SETTING_PROFILE = 'profile';
export const SETTING_MODE = 'mode';
export const SETTING_SCOPE = 'scope';

/**
 * The profile saved in the document: a built-in id, or a profile file's JSON (as the pane stores it).
 * A broken saved profile is an error the user sees (ProfileError, in Chinese), never a silent fallback.
 */
export function profileFromSetting(text: string | null): Profile {
  if (!text) return MOF;
  const builtIn = builtInProfile(text.trim());
  if (builtIn) return builtIn;
  try {
    return parseProfileText(text);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    throw new ProfileError(`文档中保存的评分方案无法使用：${e.message}请在任务窗格的“评分方案”中重新选择，或重新加载方案文件。`);
  }
}

export function modeFromSetting(text: string | null): Mode {
  return text === 'review' ? 'review' : 'fill';
}

export function scopeFromSetting(text: string | null): 'sheet' | 'all' {
  return text === 'all' ? 'all' : 'sheet';
}
