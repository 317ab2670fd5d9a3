/**
 * The annotated copy is the original plus our marks (issue 16), on a corpus of workbooks holding what
 * ExcelJS dropped or altered when it wrote the copies: one written by LibreOffice (from the committed
 * test/fixtures/corpus/libreoffice.fods: a pivot table, a picture, a note, data validation, a hyperlink, a
 * defined name, a protected sheet, an array formula), one written here as raw OOXML (a chart, a threaded
 * comment with its note, conditional formats, shared and array formulas, rich text, inline strings, a cell
 * in column XFD, rows and cells without `r`, a note on an empty cell), and the seed fixtures. For each:
 * every part outside the changed list is byte-identical, the copy reads back in SheetJS and ExcelJS with
 * every mark, values and formulas are the original's except the filled cells, and LibreOffice converts
 * the copy to PDF.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { check as checkSheet } from '../../../src/core/check';
import { COMPUTED_FILL, SEVERITY_FILL } from '../../../src/core/marks';
import type { SheetCheck } from '../../../src/core/result';
import { MOF } from '../../../src/core/rules/profile';
import { parseA1, type SheetModel } from '../../../src/core/sheet';
import { annotateSheets, isOurCopy, patchPackage, readWorkbook, type CopyEdits } from '../../../src/hosts/workbook';
import { FIXTURES } from '../../loadFixture';
import { reread } from './sampleWorkbook';
import { unzipParts } from './zipTools';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? null;
// Required in CI (.ci/run installs it), as Chromium is for the browser tests: there the LibreOffice cases
// must run, not be skipped.
if (!SOFFICE && process.env.CI) throw new Error('LibreOffice (soffice) is required when CI is set: apt-get install libreoffice-calc-nogui');
if (!SOFFICE) console.warn('LibreOffice (soffice) not found: the LibreOffice-built workbook and the PDF conversions are skipped.');

/** Parts the patcher may change or add; everything else must be the original's bytes. */
const MAY_CHANGE = /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/custom\.xml|xl\/workbook\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml)$/;

const finding = (cell: string, severity: 'error' | 'warning' | 'info' = 'error') => ({ code: 'NUMBER_INVALID' as const, severity, cell, message: `${cell} 有误。` });

function sheetCheck(sheet: string, cells: string[], fills: SheetCheck['fills'] = []): SheetCheck {
  return { sheet, forms: [], fills, findings: cells.map((c, i) => finding(c, (['error', 'warning', 'info'] as const)[i % 3])) };
}

// ---- the raw OOXML workbook --------------------------------------------------------------------------

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const rels = (items: [string, string, string, string?][]) =>
  `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target, mode]) => `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${REL}/${type}`}" Target="${target}"${mode ? ` TargetMode="${mode}"` : ''}/>`)
    .join('')}</Relationships>`;

function rawWorkbook(): Uint8Array {
  const sheet1 =
    `${HEAD}<worksheet ${NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    '<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:XFD6"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    '<cols><col min="1" max="1" width="20" customWidth="1"/><col min="5" max="5" width="12" style="1" customWidth="1"/></cols><sheetData>' +
    '<row r="1" spans="1:16384"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>内联文本</t></is></c><c r="C1" t="s"><v>1</v></c><c r="XFD1"><v>16384</v></c></row>' +
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>2</v></c><c r="C2"><f t="array" ref="C2:C3">A2:A3*10</f><v>10</v></c><c r="D2" s="2"/></row>' +
    '<row><c><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="C3"><v>20</v></c><c/><c><v>7</v></c></row>' +
    '<row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>6</v></c></row>' +
    '<row r="6" s="2" customFormat="1"><c r="A6" t="s"><v>2</v></c></row>' +
    '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>' +
    '<conditionalFormatting sqref="A2:A4"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="A2:A4"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>' +
    '<hyperlinks><hyperlink ref="C1" r:id="rId1"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<drawing r:id="rId2"/><legacyDrawing r:id="rId3"/></worksheet>';
  const sheet2 = `${HEAD}<worksheet ${NS}><dimension ref="A1"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const styles =
    `${HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><color rgb="FF0000FF"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"><alignment horizontal="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs></styleSheet>';
  const shared =
    `${HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><r><rPr><b/></rPr><t>项目</t></r><r><t>名称</t></r></si><si><t>链接</t></si><si><t>行格式</t></si></sst>`;
  const comments =
    `${HEAD}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>tc={5F2A}</author><author>李四</author></authors><commentList>` +
    '<comment ref="A1" authorId="0" shapeId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment.\n\nComment:\n    请核对项目名称</t></text></comment>' +
    '<comment ref="D2" authorId="1" shapeId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>李四:</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve">\n空单元格的批注</t></r></text></comment></commentList></comments>';
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    ['<x:Row>0</x:Row><x:Column>0</x:Column>', '<x:Row>1</x:Row><x:Column>3</x:Column>']
      .map(
        (rc, i) =>
          `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:100pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill>${rc}</x:ClientData></v:shape>`,
      )
      .join('') +
    '</xml>';
  const threaded =
    `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="A1" dT="2024-01-15T08:00:00.00" personId="{11111111-1111-1111-1111-111111111111}" id="{5F2A0000-0000-0000-0000-000000000001}"><text>请核对项目名称</text></threadedComment></ThreadedComments>`;
  const persons =
    `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="王五" id="{11111111-1111-1111-1111-111111111111}" userId="wangwu" providerId="None"/></personList>`;
  const drawing =
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>';
  const chart =
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>表1!$A$2:$A$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>2</c:v></c:pt><c:pt idx="2"><c:v>3</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>' +
    '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';
  const types =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
    '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
    '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>';
  const workbook =
    `${HEAD}<workbook ${NS}><bookViews><workbookView/></bookViews><sheets><sheet name="表1" sheetId="1" r:id="rId1"/><sheet name="空表" sheetId="2" r:id="rId2"/></sheets>` +
    '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">表1!$A$1:$F$8</definedName><definedName name="数据区">表1!$A$2:$A$4</definedName></definedNames><calcPr calcId="191029"/></workbook>';
  const parts: Record<string, string> = {
    '[Content_Types].xml': types,
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId2', 'worksheet', 'worksheets/sheet2.xml'],
      ['rId3', 'styles', 'styles.xml'],
      ['rId4', 'sharedStrings', 'sharedStrings.xml'],
      ['rId5', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml'],
    ]),
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/sheet2.xml': sheet2,
    'xl/worksheets/_rels/sheet1.xml.rels': rels([
      ['rId1', 'hyperlink', 'https://example.com/', 'External'],
      ['rId2', 'drawing', '../drawings/drawing1.xml'],
      ['rId3', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
      ['rId4', 'comments', '../comments1.xml'],
      ['rId5', 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml'],
    ]),
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': shared,
    'xl/comments1.xml': comments,
    'xl/drawings/vmlDrawing1.vml': vml,
    'xl/threadedComments/threadedComment1.xml': threaded,
    'xl/persons/person.xml': persons,
    'xl/drawings/drawing1.xml': drawing,
    'xl/drawings/_rels/drawing1.xml.rels': rels([['rId1', 'chart', '../charts/chart1.xml']]),
    'xl/charts/chart1.xml': chart,
  };
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files);
}

function libreOfficeWorkbook(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-lo-'));
  writeFileSync(join(dir, 'corpus.fods'), readFileSync(join(__dirname, '../../fixtures/corpus/libreoffice.fods')));
  execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', dir, join(dir, 'corpus.fods')], { stdio: 'pipe', timeout: 180_000 });
  return new Uint8Array(readFileSync(join(dir, 'corpus.xlsx')));
}

// ---- the promises ----------------------------------------------------------------------------------------

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill;
  return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
}

function noteOf(cell: ExcelJS.Cell): string {
  const n = cell.note;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

/** Every cell of a model: address → value and formula. */
function cellsOf(s: SheetModel): Map<string, string> {
  const out = new Map<string, string>();
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const f = s.formulas?.[i]?.[j] ?? null;
      if (v !== null || f) out.set(`${String.fromCharCode(65)}${s.top + i}:${s.left + j}`, JSON.stringify([v, f]));
    }),
  );
  return out;
}

async function copyKeepsTheOriginal(original: Uint8Array, checks: SheetCheck[], mode: 'fill' | 'review'): Promise<{ copy: Uint8Array; edits: CopyEdits }> {
  const before = await readWorkbook(original);
  const { edits } = annotateSheets(before.sheets, checks, mode);
  const copy = patchPackage(original, edits);
  expect(isOurCopy(copy)).toBe(true);

  // Every part outside the changed list is the original's, byte for byte; none is lost.
  const a = unzipParts(original);
  const b = unzipParts(copy);
  for (const [name, data] of a) {
    expect(b.has(name), name).toBe(true);
    if (!MAY_CHANGE.test(name)) expect(Buffer.from(b.get(name)!).equals(Buffer.from(data)), name).toBe(true);
  }
  for (const name of b.keys()) if (!a.has(name)) expect(name, 'a new part').toMatch(MAY_CHANGE);

  // SheetJS reads it back; values and formulas are the original's except the filled cells.
  const after = await readWorkbook(copy);
  expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  before.sheets.forEach((s, k) => {
    const filled = new Set([...(edits.sheets.get(s.name) ?? [])].filter(([, e]) => e.value !== undefined).map(([cell]) => cell));
    const key = (cell: string) => {
      const p = parseA1(cell);
      return `A${p.row}:${p.col}`;
    };
    const filledKeys = new Set([...filled].map(key));
    const x = cellsOf(s);
    const y = cellsOf(after.sheets[k]);
    for (const [at, v] of x) if (!filledKeys.has(at)) expect(y.get(at), `${s.name} ${at}`).toBe(v);
    for (const at of y.keys()) if (!x.has(at)) expect(filledKeys.has(at), `${s.name} ${at} appeared`).toBe(true);
  });

  // ExcelJS reads it back with every mark: the fill and the note on each marked cell.
  const wb = await reread(copy);
  for (const [sheet, cells] of edits.sheets) {
    const ws = wb.getWorksheet(sheet)!;
    for (const [cell, edit] of cells) {
      if (edit.fill) expect(fillOf(ws.getCell(cell)), `${sheet}!${cell}`).toBe(`FF${edit.fill}`);
      if (edit.note) expect(noteOf(ws.getCell(cell)), `${sheet}!${cell}`).toContain(edit.note);
    }
  }
  return { copy, edits };
}

function convertsToPdf(copy: Uint8Array, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-pdf-'));
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, copy);
  const r = spawnSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 180_000 });
  expect(r.status, r.stderr).toBe(0);
  // Debian's LibreOffice always warns that it has no Java (javaldx); anything else is a complaint.
  expect(r.stderr.split('\n').filter((l) => l.trim() && !/javaldx/.test(l))).toEqual([]);
  const pdf = join(dir, `${name}.pdf`);
  expect(existsSync(pdf)).toBe(true);
  expect(readFileSync(pdf).length).toBeGreaterThan(1000);
  return pdf;
}

describe('the annotated copy is the original plus our marks', () => {
  it('a raw OOXML workbook: chart, threaded comment, notes, shared/array formulas, rich text, inline strings, column XFD', async () => {
    const original = rawWorkbook();
    const checks = [
      sheetCheck('表1', ['A1', 'B1', 'C1', 'XFD1', 'B3', 'D2', 'C3', 'A6', 'D8', 'E3'], [
        { cell: 'D3', value: 0.95, numberFormat: '0.00%', label: '执行率' }, // a cell without r, after one without r
        { cell: 'E5', value: '优', label: '自评等级' }, // a row that does not exist
        { cell: 'B2', value: 1, label: '得分' }, // a formula: refused
      ]),
    ];
    const { copy } = await copyKeepsTheOriginal(original, checks, 'fill');
    const parts = unzipParts(copy);
    const sheet = new TextDecoder().decode(parts.get('xl/worksheets/sheet1.xml'));
    // CT_Worksheet order kept: drawing, legacyDrawing; the sheet's own legacyDrawing reused.
    expect(sheet.match(/<legacyDrawing /g)).toHaveLength(1);
    expect(sheet).toMatch(/<drawing r:id="rId2"\/><legacyDrawing r:id="rId3"\/><\/worksheet>$/);
    const wb = await reread(copy);
    const ws = wb.getWorksheet('表1')!;
    expect(ws.getCell('D3').value).toBe(0.95);
    expect(ws.getCell('D3').numFmt).toBe('0.00%');
    expect(fillOf(ws.getCell('D3'))).toBe(`FF${COMPUTED_FILL}`);
    expect(ws.getCell('E5').value).toBe('优');
    expect((ws.getCell('B2').value as ExcelJS.CellFormulaValue).formula).toBe('A2*2');
    // The cell's own format stays under our fill: bold blue font, thin border, centred.
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FF0000FF' } });
    expect(ws.getCell('A1').border.left).toMatchObject({ style: 'thin' });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('D2').numFmt).toBe('0.000');
    // The user's note on the empty D2 keeps its text and bold run above ours; the threaded comment's note too.
    expect(noteOf(ws.getCell('D2'))).toMatch(/^李四:\n空单元格的批注\n\n【绩效自评校验】/);
    expect(noteOf(ws.getCell('A1'))).toMatch(/^\[Threaded comment\][\s\S]*请核对项目名称\n\n【绩效自评校验】/);
    expect(ws.getCell('XFD1').value).toBe(16384);
    expect(fillOf(ws.getCell('XFD1'))).toBe(`FF${SEVERITY_FILL.error}`);
    writeFileSync(join(tmpdir(), 'selfeval-corpus-raw.checked.xlsx'), copy); // to look at
    if (SOFFICE) convertsToPdf(copy, 'raw');
  }, 300_000);

  it.skipIf(!SOFFICE)('a workbook LibreOffice wrote: pivot table, picture, note, validation, hyperlink, defined name, protection', async () => {
    const original = libreOfficeWorkbook();
    const names = [...unzipParts(original).keys()];
    expect(names).toContain('xl/pivotTables/pivotTable1.xml');
    expect(names).toContain('xl/media/image1.png');
    const checks = [
      sheetCheck('表1', ['A1', 'C1', 'E1', 'D2', 'C7'], [{ cell: 'B3', value: 0.5, numberFormat: '0.00%', label: '执行率' }]),
      sheetCheck('数据', ['B3', 'H20']),
    ];
    const { copy } = await copyKeepsTheOriginal(original, checks, 'fill');
    const ws = (await reread(copy)).getWorksheet('表1')!;
    const was = (await reread(original)).getWorksheet('表1')!;
    expect(noteOf(ws.getCell('C1'))).toMatch(/^原有批注\n\n【绩效自评校验】/);
    for (const cell of ['A1', 'E1']) {
      expect(ws.getCell(cell).font, cell).toEqual(was.getCell(cell).font);
      expect(ws.getCell(cell).border, cell).toEqual(was.getCell(cell).border);
    }
    writeFileSync(join(tmpdir(), 'selfeval-corpus-libreoffice.checked.xlsx'), copy); // to look at
    convertsToPdf(copy, 'libreoffice');
  }, 300_000);

  it('every seed fixture, checked and copied in 填报 mode', async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const original = new Uint8Array(readFileSync(join(FIXTURES, f)));
      const loaded = await readWorkbook(original);
      await copyKeepsTheOriginal(original, loaded.sheets.map((s) => checkSheet(s, MOF)), 'fill');
    }
  }, 300_000);
});
