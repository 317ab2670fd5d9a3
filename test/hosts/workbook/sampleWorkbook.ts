/** A small 项目支出绩效自评表-like workbook built with ExcelJS, placed at D5, with the awkward cells a real one has. */
import ExcelJS from 'exceljs';

export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A 1×1 PNG. */
export const TINY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export function sampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getColumn('D').width = 18;
  ws.getColumn('J').width = 12;
  ws.getRow(5).height = 30;

  for (let r = 5; r <= 9; r++) for (let c = 4; c <= 10; c++) ws.getCell(r, c).border = THIN;

  ws.mergeCells('D5:J5');
  ws.getCell('D5').value = '项目支出绩效自评表';
  ws.getCell('D5').font = { bold: true, size: 16 };
  ws.getCell('D5').alignment = { horizontal: 'center' };

  ws.getCell('D6').value = '项目名称';
  ws.mergeCells('E6:J6');
  ws.getCell('E6').value = '大院保安转辅警经费';

  ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((t, i) => {
    ws.getCell(7, 4 + i).value = t;
  });

  ws.getCell('D8').value = '年度资金总额';
  ws.getCell('E8').value = '\u3000152.5';
  ws.getCell('F8').value = 152.5;
  ws.getCell('F8').numFmt = '#,##0.00';
  ws.getCell('G8').value = { formula: 'F8', result: 152.5 };
  ws.getCell('H8').value = 10;
  ws.getCell('I8').value = 1.3658;
  ws.getCell('I8').numFmt = '0.00%';
  // J8 empty (bordered): a fill target

  ws.getCell('D9').value = '偏差';
  ws.getCell('E9').value = { error: '#DIV/0!' };
  ws.getCell('F9').value = { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] };
  ws.getCell('G9').value = 'x';
  ws.getCell('G9').note = '用户批注';
  ws.getCell('H9').value = 5;
  ws.getCell('I9').value = { formula: 'G8/F8', result: 1 };
  ws.getCell('I9').numFmt = '0.00%';
  ws.getCell('J9').value = '\u3000';

  untyped(ws).dataValidations.add('H8:H9', { type: 'decimal', operator: 'between', formulae: [0, 100], allowBlank: true });
  ws.addConditionalFormatting({
    ref: 'H8:H9',
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        priority: 1,
        formulae: ['100'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF0000' } } },
      },
    ],
  });

  const other = wb.addWorksheet('说明');
  other.getCell('A1').value = '填表说明';
  other.getCell('A1').font = { italic: true };
  other.getCell('B2').value = { formula: 'SUM(表1!F8:G8)', result: 305 };
  other.getColumn('A').width = 40;
  return wb;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

/** Every stored cell of every sheet: address → what it holds and how it looks. */
export function cellSnapshot(wb: ExcelJS.Workbook): Map<string, { value: string; style: string; note: string }> {
  const out = new Map<string, { value: string; style: string; note: string }>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, {
          value: JSON.stringify(cell.value ?? null),
          style: JSON.stringify(cell.style ?? {}),
          note: JSON.stringify(cell.note ?? null),
        });
      });
    });
  }
  return out;
}

/** The sheet-level things that must survive: merges, widths, heights, validation, conditional formats. */
export function sheetSnapshot(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    merges: [...ws.model.merges].sort(),
    widths: ws.columns.map((c) => c.width ?? null),
    heights: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height ?? null),
    validations: untyped(ws).dataValidations.model,
    conditional: untyped(ws).conditionalFormattings,
  }));
}

/** Parts of a worksheet ExcelJS has but does not declare in its typings. */
function untyped(ws: ExcelJS.Worksheet): {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void; model: unknown };
  conditionalFormattings: unknown;
} {
  return ws as unknown as ReturnType<typeof untyped>;
}
