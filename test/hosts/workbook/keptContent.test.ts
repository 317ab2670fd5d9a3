import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { annotateSheets, checkBytes, patchPackage, readWorkbook } from '../../../src/hosts/workbook';
import { MOF } from '../../../src/core/rules/profile';
import type { SheetCheck } from '../../../src/core/result';
import { reread, TINY_PNG, toBytes } from './sampleWorkbook';
import { partText, setPartText, unzipParts, zipParts } from './zipTools';

async function workbookWithImage(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getCell('A1').value = '项目名称';
  ws.addImage(wb.addImage({ buffer: TINY_PNG as unknown as ExcelJS.Buffer, extension: 'png' }), 'C3:D5');
  return toBytes(wb);
}

const CHART_ANCHOR =
  '<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
  '<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/>' +
  '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';

const SHAPE_ANCHOR =
  '<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
  '<xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>24</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="4" name="文本框 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>' +
  '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>' +
  '<a:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId10"/></a:blipFill></xdr:spPr>' +
  '<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>说明</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>';

const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  '<c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>';

const SPARKLINES =
  '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup><x14:sparklines>' +
  '<x14:sparkline><xm:f>表1!A1:A1</xm:f><xm:sqref>B1</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';

/** The image workbook plus, in its drawing, a chart and a text box filled with a second picture, and a sparkline. */
async function workbookWithChartShapeAndSparkline(): Promise<Uint8Array> {
  const parts = unzipParts(await workbookWithImage());
  const drawing = partText(parts, 'xl/drawings/drawing1.xml');
  setPartText(parts, 'xl/drawings/drawing1.xml', drawing.replace('</xdr:wsDr>', `${CHART_ANCHOR}${SHAPE_ANCHOR}</xdr:wsDr>`));
  const rels = partText(parts, 'xl/drawings/_rels/drawing1.xml.rels');
  setPartText(
    parts,
    'xl/drawings/_rels/drawing1.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/>' +
        '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image2.png"/></Relationships>',
    ),
  );
  setPartText(parts, 'xl/charts/chart1.xml', CHART_XML);
  parts.set('xl/media/image2.png', TINY_PNG);
  const types = partText(parts, '[Content_Types].xml');
  setPartText(
    parts,
    '[Content_Types].xml',
    types.replace('</Types>', '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'),
  );
  const sheet = partText(parts, 'xl/worksheets/sheet1.xml');
  setPartText(parts, 'xl/worksheets/sheet1.xml', sheet.replace('</worksheet>', `${SPARKLINES}</worksheet>`));
  return zipParts(parts);
}

/** Marks on A1 (a finding) of sheet 表1. */
const MARK_A1: SheetCheck = {
  sheet: '表1',
  forms: [],
  fills: [],
  findings: [{ code: 'REQUIRED_FIELD_MISSING', severity: 'error', cell: 'A1', message: '请填写项目名称。' }],
};

async function copyOf(original: Uint8Array, checks: SheetCheck[] = [MARK_A1]): Promise<Uint8Array> {
  const loaded = await readWorkbook(original);
  return patchPackage(original, annotateSheets(loaded.sheets, checks, 'review').edits);
}

describe('the annotated copy keeps what ExcelJS dropped (issue 16)', () => {
  it('charts, text boxes, a shape’s picture and sparklines: every such part is the original’s, byte for byte', async () => {
    const original = await workbookWithChartShapeAndSparkline();
    const copy = unzipParts(await copyOf(original));
    const before = unzipParts(original);
    for (const name of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/media/image1.png', 'xl/media/image2.png']) {
      expect(copy.get(name), name).toEqual(before.get(name));
    }
    expect(partText(copy, 'xl/worksheets/sheet1.xml')).toContain('<x14:sparkline>');
    expect(partText(copy, 'xl/worksheets/sheet1.xml')).toContain('<drawing r:id=');
    const images = (await reread(await copyOf(original))).getWorksheet('表1')!.getImages();
    expect(images).toHaveLength(1);
  });

  it('keeps a note on an empty cell, which ExcelJS alone would drop, beside ours', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.getCell('A1').value = '项目名称';
    ws.getCell('A1').note = '有值的单元格';
    ws.getCell('C3').note = { texts: [{ text: '李四:', font: { bold: true } }, { text: '\n空单元格的批注 & <备注>' }] };
    const bytes = await toBytes(wb);
    const out = await copyOf(bytes);
    const comments = partText(unzipParts(out), 'xl/comments1.xml');
    expect(comments).toContain('<comment ref="C3"');
    expect(comments).toMatch(/<comment ref="A1"[^>]*><text><r>(?:(?!<\/text>)[\s\S])*有值的单元格(?:(?!<\/text>)[\s\S])*【绩效自评校验】/);
    expect(comments).toContain('<r><rPr><b/></rPr><t>李四:</t></r>'); // the user's note on an empty cell, as it was
  });
});
