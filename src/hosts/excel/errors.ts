/** Office errors → HostError with a plain Chinese message that names the sheet. */
import { HostError } from '../host';

/** `OfficeExtension.Error.code` (ItemNotFound, AccessDenied, InvalidArgument, …), or '' for other errors. */
export function officeCode(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return '';
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** The sheet's name as the user sees it, in Chinese quotes. */
export function quoted(sheet: string): string {
  return `“${sheet}”`;
}

export function protectedError(sheet: string): HostError {
  return new HostError(
    `工作表${quoted(sheet)}受保护，无法写入标记或数值。请先在“审阅 → 撤消工作表保护”中取消保护，再运行校验。工作表未作任何改动。`,
    'protected',
  );
}

export function readError(sheet: string | undefined, e: unknown): HostError {
  if (e instanceof HostError) return e;
  const where = sheet ? `工作表${quoted(sheet)}` : '当前工作表';
  if (officeCode(e) === 'ItemNotFound') {
    return new HostError(`找不到${where}，它可能已被删除或改名。`, 'read-failed');
  }
  return new HostError(`读取${where}时出错：${errorText(e)}`, 'read-failed');
}

export function writeError(sheets: string[], e: unknown, restored: boolean): HostError {
  if (e instanceof HostError) return e;
  const where = sheets.length ? `工作表${sheets.map(quoted).join('、')}` : '工作簿';
  if (officeCode(e) === 'AccessDenied') {
    return new HostError(`${where}不允许写入（可能受保护或只读）：${errorText(e)}。`, 'protected');
  }
  const after = restored
    ? '已撤回本次写入的内容，工作表保持运行前的样子。'
    : '撤回本次写入时也出错，部分标记可能已写入，请点击“清除标记”。';
  return new HostError(`写入${where}时出错：${errorText(e)}。${after}`, 'write-failed');
}
