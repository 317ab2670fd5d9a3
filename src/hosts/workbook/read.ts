/**
 * Reading an .xlsx file's bytes into the core's SheetModels (with SheetJS, sheetjsRead.ts), with a plain-Chinese
 * refusal for what cannot be read (legacy .xls, password-protected, not a workbook, damaged).
 * No Node built-ins: the CLI and the browser both hand over bytes.
 */
import type { SheetModel } from '../../core/sheet';
import { fileKindOf } from './fileKind';
import { damageMessage, directoryIntact, type DamageKind } from './damageMessage';
import { breachMessage, DEFAULT_LIMITS, inflateWithinLimits, type InflatedParts, type LimitBreach, type ReadLimits } from './limits';
import { tooManyParts } from './partCount';
import { packagePartsOf, type PackageParts } from './packageParts';
import type { RawInflate } from './zip';

export type WorkbookReadFailure = 'xls' | 'encrypted' | 'not-a-workbook' | 'corrupt' | 'too-large';

export class WorkbookReadError extends Error {
  readonly reason: WorkbookReadFailure;
  /** The underlying library's message (or our own English note), for `corrupt`: never in `message`. */
  readonly detail?: string;

  constructor(reason: WorkbookReadFailure, message: string, detail?: string) {
    super(message);
    this.name = 'WorkbookReadError';
    this.reason = reason;
    this.detail = detail;
  }
}

/** What a check needs: the sheet models. */
export interface ReadSheets {
  /** One per worksheet, in workbook order (chart sheets have none). */
  sheets: SheetModel[];
  /** The package's parts as the read inflated them, when asked for (`keepParts`) and inflated whole. */
  parts?: InflatedParts;
  /** Per sheet, merged ranges of the file that overlap another and were not applied (see linearMerges). */
  overlappingMerges: { sheet: string; pairs: [string, string][] }[];
}

const SAVE_AS_XLSX = '请在 Excel 中“文件 → 另存为 → Excel 工作簿 (*.xlsx)”后再试；WPS 同理。';

export const READ_MESSAGES = {
  xls: `这是旧版 Excel 97-2003 (.xls) 文件，本工具只读取 .xlsx。${SAVE_AS_XLSX}`,
  encrypted:
    '工作簿设有打开密码（文件已加密），本工具无法读取。请先在 Excel 中取消密码：“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存；WPS 在“文件 → 文档加密 → 密码加密”中取消。然后再试。',
  empty: '文件是空的（0 字节），无法读取。请确认文件已完整保存或下载后再试。',
  html: `这是网页 (HTML) 格式的表格（常见于系统导出的“.xls”），不是真正的 Excel 工作簿。请用 Excel 打开它，${SAVE_AS_XLSX.replace('请在 Excel 中', '再')}`,
  word: '这是 Word 文档，不是 Excel 工作簿。请把表格复制到 Excel 中，保存为 Excel 工作簿 (*.xlsx) 后再试。',
  powerpoint: '这是 PowerPoint 演示文稿，不是 Excel 工作簿。请把表格复制到 Excel 中，保存为 Excel 工作簿 (*.xlsx) 后再试。',
  oleOther: '这是 Word 或 PowerPoint 的旧版文件，不是 Excel 工作簿。请把表格复制到 Excel 中，保存为 Excel 工作簿 (*.xlsx) 后再试。',
  xlsb: `这是 Excel 二进制工作簿 (.xlsb)，本工具只读取 .xlsx。${SAVE_AS_XLSX}`,
  ods: '这是 OpenDocument 表格 (.ods)，本工具只读取 .xlsx。请在 WPS、Excel 或 LibreOffice 中另存为 Excel 工作簿 (*.xlsx) 后再试。',
  zip: '这是一个压缩包 (zip)，里面没有 Excel 工作簿。请先解压，再选择其中的 .xlsx 文件。',
  notAWorkbook: `这不是 Excel 工作簿 (.xlsx) 文件，无法读取。请选择 .xlsx 文件；其他格式的表格${SAVE_AS_XLSX.replace('请在 Excel 中', '请先在 Excel 中打开并')}`,
};

/** A damaged package: one message per kind of damage (damageMessage.ts), the reader's words as detail. */
function damaged(kind: DamageKind, detail: string, part?: string): WorkbookReadError {
  return new WorkbookReadError('corrupt', damageMessage(kind, part), detail);
}

/** Damage a reader ran into: told by the package (a directory that cannot be read), not by the reader's words. */
function readerFailed(bytes: Uint8Array, parts: PackageParts | null, e: unknown): WorkbookReadError {
  const detail = e instanceof Error ? e.message : String(e);
  return damaged(parts && directoryIntact(bytes) ? 'content' : 'incomplete', detail);
}

/** The warning for a sheet whose merged ranges overlap, naming them. */
export function overlappingMergesMessage(sheet: string, pairs: readonly [string, string][]): string {
  const shown = pairs.slice(0, 5).map(([a, b]) => `${a} 与 ${b}`).join('，');
  const more = pairs.length > 5 ? ` 等 ${pairs.length} 处` : '';
  return `工作表“${sheet}”中有相互重叠的合并单元格：${shown}${more}。文件可能已损坏（Excel 打开时会提示修复）；检查时这些区域按未合并处理，副本中的合并区域保持原样。请在 Excel 中取消并重新合并这些单元格。`;
}

export interface ReadOptions {
  /** Refuse workbooks past these before parsing (DEFAULT_LIMITS when absent). */
  limits?: ReadLimits;
  /** How each part is inflated: fflate's (pure JS) when absent; the CLI hands over Node's zlib. */
  inflate?: RawInflate;
  /** Hand back the inflated parts (for an annotated copy, which then does not inflate them again). */
  keepParts?: boolean;
}

/**
 * The sheet models, read with SheetJS from the parts inflated once for both the limits and the parse. An
 * annotated copy needs nothing more: it patches the original package (patch/).
 */
export async function readWorkbook(data: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<ReadSheets> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const parts = refuseWhatIsNotAnXlsx(bytes);
  const limits = options.limits ?? DEFAULT_LIMITS;
  let inflated: InflatedParts | undefined;
  if (parts) {
    const crowded = tooManyParts(parts.entries);
    if (crowded) throw new WorkbookReadError('too-large', crowded);
    const within = inflateWithinLimits(bytes, parts.entries, limits, options.inflate);
    if (within.breach) refuseBreach(within.breach, limits);
    inflated = within.parts ?? undefined;
  }
  const read = await sheetsViaSheetJS(bytes, parts, inflated);
  return options.keepParts && inflated ? { ...read, parts: inflated } : read;
}

function refuseBreach(breach: LimitBreach, limits: ReadLimits): never {
  if (breach.kind === 'unmeasured') {
    throw damaged('part', `part ${breach.part} does not inflate to the size its directory entry states`, breach.part);
  }
  throw new WorkbookReadError('too-large', breachMessage(breach, limits));
}

async function sheetsViaSheetJS(bytes: Uint8Array, parts: PackageParts | null, inflated: InflatedParts | undefined): Promise<ReadSheets> {
  // Imported on demand: the pane's first load does not carry SheetJS.
  const { readWithSheetJS } = await import('./sheetjsRead');
  try {
    const { sheets, overlappingMerges } = readWithSheetJS(bytes, inflated);
    return { sheets, overlappingMerges };
  } catch (e) {
    throw readerFailed(bytes, parts, e);
  }
}

/** Throws for anything that is not a zip holding a workbook; returns the package's parts when readable. */
function refuseWhatIsNotAnXlsx(bytes: Uint8Array): PackageParts | null {
  const kind = fileKindOf(bytes);
  switch (kind) {
    case 'empty':
      throw new WorkbookReadError('not-a-workbook', READ_MESSAGES.empty);
    case 'xls':
      throw new WorkbookReadError('xls', READ_MESSAGES.xls);
    case 'encrypted':
      throw new WorkbookReadError('encrypted', READ_MESSAGES.encrypted);
    case 'ole-other':
      throw new WorkbookReadError('not-a-workbook', READ_MESSAGES.oleOther);
    case 'unknown':
      throw new WorkbookReadError('not-a-workbook', looksLikeHtml(bytes) ? READ_MESSAGES.html : READ_MESSAGES.notAWorkbook);
    case 'zip':
      break;
  }
  const parts = packagePartsOf(bytes);
  if (!parts) return null; // no readable directory: the reader may still manage; if not, it is 'incomplete'
  const names = new Set(parts.names);
  if (names.has('xl/workbook.xml')) return parts;
  if (names.has('xl/workbook.bin')) throw new WorkbookReadError('not-a-workbook', READ_MESSAGES.xlsb);
  if (names.has('word/document.xml')) throw new WorkbookReadError('not-a-workbook', READ_MESSAGES.word);
  if (parts.names.some((n) => n.startsWith('ppt/'))) throw new WorkbookReadError('not-a-workbook', READ_MESSAGES.powerpoint);
  if (names.has('mimetype') && names.has('content.xml')) throw new WorkbookReadError('not-a-workbook', READ_MESSAGES.ods);
  if (names.has('[Content_Types].xml')) throw damaged('no-workbook-part', 'missing xl/workbook.xml');
  throw new WorkbookReadError('not-a-workbook', READ_MESSAGES.zip);
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<') && /<(html|table|!doctype html|\?xml[^>]*>\s*<\?mso|meta)/.test(head);
}
