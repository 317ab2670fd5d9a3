/** `Office.context.document.settings`: per-document, per-add-in, stored in the workbook on save. */
import { HostError } from '../host';
import type { SettingsBag } from './env';

export function readSetting(bag: SettingsBag, key: string): string | null {
  const v = bag.get(key);
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Persists the in-memory settings into the document (they travel with the file from then on). */
export function persistSettings(bag: SettingsBag): Promise<void> {
  return new Promise((resolve, reject) => {
    bag.saveAsync((result) => {
      if (result.status === 'failed') {
        reject(new HostError(`无法把设置保存到工作簿中：${result.error?.message ?? '未知错误'}`, 'write-failed'));
      } else {
        resolve();
      }
    });
  });
}
