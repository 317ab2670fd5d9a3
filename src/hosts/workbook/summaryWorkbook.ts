/**
 * The batch summary as an .xlsx (校验汇总.xlsx): one row per form and per unreadable file, errors first,
 * a frozen header with an autofilter, numbers stored as numbers, and a link to each annotated copy.
 * A small new workbook, written as its OOXML parts and zipped with fflate. Bytes out; the caller saves them.
 */
import { strToU8, zipSync, type Unzipped } from 'fflate';
import { SEVERITY_FILL } from '../../core/marks';
import { NOT_SCORED } from '../../core/formFacts';
import { inert } from '../../core/values/inert';
import { markFiles, markFirst } from './copyMark';
import { ENTRY_TIME } from './entryTime';
import { columnLetters } from '../../core/sheet';
import type { SummaryRow } from '../../core/summary';
import { encodeXstring } from './xstring';
import { escapeXmlAttribute, escapeXmlText } from './patch/xmlScan';

export { SUMMARY_FILE_NAME } from '../../core/summary';
export const SUMMARY_SHEET_NAME = '校验汇总';

type Value = string | number | null;

interface Column {
  header: string;
  width: number;
  value: (r: SummaryRow) => Value;
  /** Long text: wrapped within the column (and the row made tall enough), never clipped by the next one. */
  wrap?: true;
}

/** Excel's limit on the characters of one cell (Excel specifications and limits). */
export const MAX_CELL_CHARS = 32_767;

/**
 * Text as a summary cell shows it: controls and bidi overrides escaped as the report shows them, and cut to
 * what a cell can hold, ending in an ellipsis.
 */
export function cellText(s: string | null): string | null {
  if (!s) return null;
  const t = inert(s);
  if (t.length <= MAX_CELL_CHARS) return t;
  let cut = MAX_CELL_CHARS - 1;
  // Never half of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(t[cut - 1])) cut--;
  return `${t.slice(0, cut)}…`;
}

/** Characters kept as they are in a link: letters and digits, the few marks a URI never reads, and non-ASCII text. */
const PLAIN = /^[A-Za-z0-9\-_.~]$|^[^\u0000-\u007f\u0080-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\uffff\ud800-\udfff]$/u;

/**
 * A copy's path relative to the summary (`单位A/a#b.checked.xlsx`) as a relative URI: each segment
 * percent-encoded (`#`, `%`, `?`, `:`, `\`, spaces, controls, invisible and bidi characters), so that a
 * name is never read as a fragment, a scheme, a host or another folder. Leading `..` segments may climb to
 * the copies' folder; any other `..`, `.` or empty segment is refused (null: no link).
 */
export function copyLink(path: string): string | null {
  const segments = path.split('/');
  let climbing = true;
  const out: string[] = [];
  for (const seg of segments) {
    if (seg === '..' && climbing) {
      out.push(seg);
      continue;
    }
    climbing = false;
    if (seg === '' || seg === '.' || seg === '..') return null;
    let encoded = '';
    for (const ch of seg) {
      if (PLAIN.test(ch)) encoded += ch;
      else {
        try {
          encoded += encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
        } catch {
          return null; // a lone surrogate: no URI spells it
        }
      }
    }
    out.push(encoded);
  }
  return climbing ? null : out.join('/');
}


const COLUMNS: Column[] = [
  { header: '文件', width: 36, value: (r) => cellText(r.file), wrap: true },
  { header: '工作表', width: 18, value: (r) => cellText(r.sheet), wrap: true },
  { header: '表类型', width: 22, value: (r) => cellText(r.kind), wrap: true },
  { header: '项目名称', width: 32, value: (r) => cellText(r.name), wrap: true },
  { header: '总分', width: 8, value: (r) => (r.notScored ? NOT_SCORED : r.total) },
  { header: '等级', width: 8, value: (r) => (r.notScored ? NOT_SCORED : cellText(r.grade)) },
  { header: '错误', width: 6, value: (r) => r.errors },
  { header: '警告', width: 6, value: (r) => r.warnings },
  { header: '提示', width: 6, value: (r) => r.infos },
  // A relative link: Excel and LibreOffice resolve it against the summary's own folder.
  { header: '标注副本', width: 12, value: (r) => (r.copy && copyLink(r.copy) ? '打开副本' : null) },
  { header: '说明', width: 60, value: (r) => cellText(r.note), wrap: true },
];

/** Points per line of 11-point text, CJK included (Noto Sans CJK / 等线 need more than Latin's 15). */
const LINE_HEIGHT = 16;

/** Width of text in column-width units: a CJK or full-width character takes 1.8 (LibreOffice, Noto Sans CJK), others one. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 1.8 : 1;
  return w;
}

/**
 * How many lines the wrapped cells of a row take. Excel does not fit a row's height to wrapped text when
 * the file is opened, so the height is set from the text: a character per unit of width (looked at in
 * LibreOffice's PDF of a batch summary).
 */
function linesOf(values: readonly Value[]): number {
  let lines = 1;
  COLUMNS.forEach((c, k) => {
    const v = values[k];
    if (!c.wrap || typeof v !== 'string') return;
    const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(textWidth(part) / c.width)), 0);
    lines = Math.max(lines, n);
  });
  return lines;
}

const ERROR_COLUMN = COLUMNS.findIndex((c) => c.header === '错误');
const WARNING_COLUMN = COLUMNS.findIndex((c) => c.header === '警告');
const LINK_COLUMN = COLUMNS.findIndex((c) => c.header === '标注副本');
const NOTE_COLUMN = COLUMNS.length - 1;

/** Cell formats of styles.xml below. */
const XF = { plain: 0, header: 1, note: 2, error: 3, warning: 4, link: 5 } as const;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  `<fill><patternFill patternType="solid"><fgColor rgb="FF${SEVERITY_FILL.error}"/><bgColor indexed="64"/></patternFill></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FF${SEVERITY_FILL.warning}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export async function summaryWorkbook(rows: readonly SummaryRow[]): Promise<Uint8Array> {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      stringIndex.set(s, (i = strings.length));
      strings.push(s);
    }
    return i;
  };
  const cell = (row: number, col: number, v: Value, xf: number): string => {
    const ref = `${columnLetters(col)}${row}`;
    const s = xf ? ` s="${xf}"` : '';
    if (v === null) return xf ? `<c r="${ref}"${s}/>` : '';
    if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
    return `<c r="${ref}"${s} t="s"><v>${shared(v)}</v></c>`;
  };

  const sheetRows: string[] = [];
  sheetRows.push(`<row r="1">${COLUMNS.map((c, k) => cell(1, k, c.header, XF.header)).join('')}</row>`);
  const links: { ref: string; id: string; target: string }[] = [];
  rows.forEach((r, i) => {
    const n = i + 2;
    const values = COLUMNS.map((c) => c.value(r));
    const cells = COLUMNS.map((c, k) => {
      // Long text wraps and sits at the top, so a tall row reads from its first line.
      let xf: number = c.wrap ? XF.note : XF.plain;
      // The severity colours of the marks, on the count cells that are not zero.
      if (k === ERROR_COLUMN && (r.errors === null || r.errors > 0)) xf = XF.error;
      if (k === WARNING_COLUMN && r.warnings !== null && r.warnings > 0) xf = XF.warning;
      const target = k === LINK_COLUMN && r.copy ? copyLink(r.copy) : null;
      if (target) {
        xf = XF.link;
        links.push({ ref: `${columnLetters(k)}${n}`, id: `rId${links.length + 1}`, target });
      }
      return cell(n, k, values[k], xf);
    });
    const lines = linesOf(values);
    const height = lines > 1 ? ` ht="${lines * LINE_HEIGHT}" customHeight="1"` : '';
    sheetRows.push(`<row r="${n}"${height}>${cells.join('')}</row>`);
  });

  const last = `${columnLetters(COLUMNS.length - 1)}${Math.max(1, rows.length + 1)}`;
  const cols = COLUMNS.map((c, k) => `<col min="${k + 1}" max="${k + 1}" width="${c.width}" customWidth="1"${k === NOTE_COLUMN ? ` style="${XF.note}"` : ''}/>`).join('');
  const sheet =
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${sheetRows.join('')}</sheetData>` +
    `<autoFilter ref="A1:${last}"/>` +
    (links.length ? `<hyperlinks>${links.map((l) => `<hyperlink ref="${l.ref}" r:id="${l.id}"/>`).join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    // Printed: landscape, all columns on one page wide, the header on every page (Print_Titles below).
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>';
  const sheetRels =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    links.map((l) => `<Relationship Id="${l.id}" Type="${REL}/hyperlink" Target="${escapeXmlAttribute(l.target)}" TargetMode="External"/>`).join('') +
    '</Relationships>';
  const sheetName = `'${SUMMARY_SHEET_NAME}'`;
  const workbook =
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<bookViews><workbookView/></bookViews><sheets><sheet name="${SUMMARY_SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${sheetName}!$A$1:$${last.replace(/(\d+)$/, '$$$1')}</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">${sheetName}!$1:$1</definedName></definedNames>` +
    '</workbook>';
  const sst = `${XML_HEAD}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t xml:space="preserve">${escapeXmlText(encodeXstring(s))}</t></si>`)
    .join('')}</sst>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/worksheets/_rels/sheet1.xml.rels': sheetRels,
    'xl/styles.xml': STYLES,
    'xl/sharedStrings.xml': sst,
  };
  const files: Unzipped = {};
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  markFiles(files, 'summary');
  return zipSync(markFirst(files), { level: 6, mtime: ENTRY_TIME });
}
