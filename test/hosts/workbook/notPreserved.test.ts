import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { annotateWorkbook, LOST, lostByPartNames, readWorkbook, writeWorkbook } from '../../../src/hosts/workbook';
import { drawingContent } from '../../../src/hosts/workbook/notPreserved';
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

describe('notPreserved: what the annotated copy loses', () => {
  it('a picture anchored to cells is kept by ExcelJS, so it is not reported', async () => {
    const loaded = await readWorkbook(await workbookWithImage());
    expect(loaded.notPreserved).toEqual([]);
    const copy = await writeWorkbook(loaded);
    expect(unzipParts(copy).has('xl/media/image1.png')).toBe(true);
    const again = await reread(copy);
    const images = again.getWorksheet('表1')!.getImages();
    expect(images).toHaveLength(1);
    expect(images[0].range.tl.nativeCol).toBe(2);
    expect(images[0].range.tl.nativeRow).toBe(2);
  });

  it('charts, text boxes, a shape’s picture and sparklines are reported — and really are dropped', async () => {
    const original = await workbookWithChartShapeAndSparkline();
    const loaded = await readWorkbook(original);
    expect(loaded.notPreserved).toEqual([LOST.chart, LOST.picture, LOST.shape, LOST.sparkline]);
    expect(loaded.sheets[0].values).toEqual([['项目名称']]);

    annotateWorkbook(loaded, [], 'review');
    const copy = unzipParts(await writeWorkbook(loaded));
    expect([...copy.keys()].filter((n) => n.startsWith('xl/charts/'))).toEqual([]);
    expect(copy.has('xl/media/image1.png')).toBe(true); // the cell picture survives
    const drawing = partText(copy, 'xl/drawings/drawing1.xml');
    expect(drawingContent(drawing)).toEqual({ pictures: 1, shapes: 0, frames: 0 });
    expect(partText(copy, 'xl/worksheets/sheet1.xml')).not.toContain('sparkline');
  });

  it('names features from the package’s part names', () => {
    expect(
      lostByPartNames([
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/pivotTables/pivotTable1.xml',
        'xl/pivotCache/pivotCacheDefinition1.xml',
        'xl/slicers/slicer1.xml',
        'xl/slicerCaches/slicerCache1.xml',
        'xl/vbaProject.bin',
        'xl/charts/chart1.xml',
        'xl/charts/style1.xml',
        'xl/threadedComments/threadedComment1.xml',
        'xl/externalLinks/externalLink1.xml',
        'xl/ctrlProps/ctrlProp1.xml',
        'xl/diagrams/data1.xml',
        'xl/media/image1.png',
        'xl/drawings/drawing1.xml',
      ]),
    ).toEqual([LOST.chart, LOST.smartArt, LOST.pivot, LOST.slicer, LOST.macro, LOST.formControl, LOST.externalLink, LOST.threadedComment]);
    expect(lostByPartNames(['xl/workbook.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/tables/table1.xml'])).toEqual([]);
  });

  it('keeps a note on an empty cell, which ExcelJS alone would drop', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.getCell('A1').value = '项目名称';
    ws.getCell('A1').note = '有值的单元格';
    ws.getCell('C3').note = { texts: [{ text: '李四:', font: { bold: true } }, { text: '\n空单元格的批注 & <备注>' }] };
    const bytes = await toBytes(wb);

    const plain = await reread(bytes);
    expect(plain.getWorksheet('表1')!.getCell('C3').note).toBeUndefined(); // what ExcelJS does by itself

    const loaded = await readWorkbook(bytes);
    expect(loaded.notPreserved).toEqual([]);
    const out = await writeWorkbook(loaded);
    // the copy holds the note as Excel writes one (a comment on a cell absent from the sheet data) …
    expect(partText(unzipParts(out), 'xl/comments1.xml')).toContain('<comment ref="C3"');
    // … which is why plain ExcelJS cannot see it in the copy either; our reader can
    const copy = (await readWorkbook(out)).workbook;
    const c3 = copy.getWorksheet('表1')!.getCell('C3').note;
    expect(typeof c3 === 'object' ? c3.texts : c3).toEqual([
      { text: '李四:', font: { bold: true } },
      { text: '\n空单元格的批注 & <备注>' },
    ]);
    expect(copy.getWorksheet('表1')!.getCell('A1').note).toBe('有值的单元格');
  });
});
