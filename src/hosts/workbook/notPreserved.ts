/**
 * What an annotated copy written by ExcelJS will not carry over from the original workbook, named in
 * Chinese for the user (`图表`, `图片`, …). Found from the package's part names and, where that is not
 * enough, from the drawing and sheet parts themselves, compared with what ExcelJS loaded.
 *
 * ExcelJS keeps: cell values, formulas, styles, merges, column widths, row heights, freeze panes, data
 * validation, conditional formatting, defined names, tables, notes, pictures anchored to cells and sheet
 * backgrounds. It drops everything below.
 */
import type { Workbook } from 'exceljs';
import { worksheetParts, type PackageParts } from './packageParts';

export const LOST = {
  chart: '图表',
  picture: '图片',
  shape: '形状和文本框',
  smartArt: 'SmartArt 图形',
  pivot: '数据透视表',
  slicer: '切片器',
  timeline: '日程表',
  macro: '宏',
  formControl: '表单控件',
  activeX: 'ActiveX 控件',
  embedded: '嵌入的对象（OLE）',
  externalLink: '外部链接',
  connection: '数据连接',
  threadedComment: '新版批注（会话及回复，仅保留为普通批注）',
  note: '部分批注',
  sparkline: '迷你图',
} as const;

const BY_PART_NAME: [RegExp, string][] = [
  [/^xl\/(charts\/chart[^/]*\.xml|chartsheets\/)/i, LOST.chart],
  [/^xl\/diagrams\//i, LOST.smartArt],
  [/^xl\/(pivotTables|pivotCache)\//i, LOST.pivot],
  [/^xl\/(slicers|slicerCaches)\//i, LOST.slicer],
  [/^xl\/(timelines|timelineCaches)\//i, LOST.timeline],
  [/(^|\/)vbaProject\.bin$/i, LOST.macro],
  [/^xl\/ctrlProps\//i, LOST.formControl],
  [/^xl\/activeX\//i, LOST.activeX],
  [/^xl\/embeddings\//i, LOST.embedded],
  [/^xl\/externalLinks\//i, LOST.externalLink],
  [/^xl\/(connections\.xml|queryTables\/)/i, LOST.connection],
  [/^xl\/threadedComments\//i, LOST.threadedComment],
];

/** Features whose mere presence (a part of that kind) means they are lost. In the order of LOST. */
export function lostByPartNames(names: readonly string[]): string[] {
  const found = new Set<string>();
  for (const name of names) {
    for (const [re, label] of BY_PART_NAME) if (re.test(name)) found.add(label);
  }
  return ordered(found);
}

function ordered(found: Set<string>): string[] {
  return Object.values(LOST).filter((l) => found.has(l));
}

/** What the drawing parts hold, by kind of object. */
export interface DrawingContent {
  pictures: number;
  shapes: number;
  frames: number;
}

export function drawingContent(xml: string): DrawingContent {
  const count = (re: RegExp) => (xml.match(re) ?? []).length;
  return {
    pictures: count(/<(?:\w+:)?pic[\s>]/g),
    shapes: count(/<(?:\w+:)?(?:sp|cxnSp)[\s>]/g),
    frames: count(/<(?:\w+:)?graphicFrame[\s>]/g),
  };
}

/**
 * Everything the annotated copy loses. `notesMissing`: notes of the original that are not on the loaded
 * workbook even after restoring (see droppedNotes).
 */
export async function notPreservedIn(parts: PackageParts, workbook: Workbook, notesMissing = false): Promise<string[]> {
  const found = new Set(lostByPartNames(parts.names));
  if (notesMissing) found.add(LOST.note);

  // Pictures: every picture of the drawings must be on a worksheet, every media file used by one.
  const drawings = parts.names.filter((n) => /^xl\/drawings\/[^/]+\.xml$/i.test(n));
  let pictures = 0;
  for (const name of drawings) {
    const xml = await parts.text(name);
    if (!xml) continue;
    const c = drawingContent(xml);
    pictures += c.pictures;
    if (c.shapes > 0) found.add(LOST.shape);
    if (c.frames > 0 && !found.has(LOST.chart) && !found.has(LOST.smartArt)) found.add(LOST.chart);
  }
  const used = new Set<string>();
  let kept = 0;
  for (const ws of workbook.worksheets) {
    for (const image of ws.getImages()) {
      kept++;
      const medium = workbook.getImage(Number(image.imageId)) as { name?: string; extension?: string } | undefined;
      if (medium?.name) used.add(`${medium.name}.${medium.extension}`);
    }
    const background = ws.getBackgroundImageId() as unknown;
    if (background !== undefined && background !== null) {
      const medium = workbook.getImage(Number(background)) as { name?: string; extension?: string } | undefined;
      if (medium?.name) used.add(`${medium.name}.${medium.extension}`);
    }
  }
  const media = parts.names.filter((n) => /^xl\/media\/[^/]+$/i.test(n)).map((n) => n.slice('xl/media/'.length));
  if (pictures > kept || media.some((m) => !used.has(m))) found.add(LOST.picture);

  // Sparklines live in the worksheets' extension lists, which ExcelJS reads only for conditional formats.
  for (const part of (await worksheetParts(parts)).values()) {
    if (await parts.contains(part, 'sparklineGroup')) {
      found.add(LOST.sparkline);
      break;
    }
  }
  return ordered(found);
}
