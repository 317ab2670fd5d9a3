/**
 * Marks that survive the user's edits: rows and columns inserted or deleted, rows sorted, marked cells
 * edited, text added to our notes — between marking and 清除标记 (or the next run). Each case is compared
 * with a twin workbook that got the same edit and was never marked.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/check';
import { MOF } from '../../../src/core/rules/profile';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { HostError } from '../../../src/hosts/host';
import { SEVERITY_FILL } from '../../../src/core/marks';
import { FakeWorkbook, type FakeSheet } from './fakeExcel';
import { writeForm, type FormCells } from './forms';
import { recordIn, sheetCheck } from './helpers';

const PREFIX = '【绩效自评校验】';
const ERROR = `#${SEVERITY_FILL.error}`;

interface Doc {
  wb: FakeWorkbook;
  ws: FakeSheet;
  f: FormCells;
}

/** Two forms, the first from row 3, the user's yellow fill and note beside them. */
function doc(): Doc {
  const wb = new FakeWorkbook('desktop', '1.20');
  const ws = wb.addSheet('表1');
  ws.put('A1', '说明：本表由项目单位填写');
  const f = writeForm(ws, 3);
  writeForm(ws, 33);
  ws.paint('K10', '#FFFF00').note('K11', '张三的批注');
  return { wb, ws, f };
}

/** The ribbon's run: read, check, mark. */
async function run(host: ExcelHost, sheet = '表1') {
  const model = await host.readSheet(sheet);
  const c = check(model, MOF);
  const summary = await host.applyMarks([c], 'fill');
  return { check: c, summary };
}

function ours(ws: FakeSheet): string[] {
  return [...ws.notes.entries()].filter(([, n]) => n.content.startsWith(PREFIX)).map(([cell]) => cell);
}

describe('our defined names never outlive a clear (office-js#4772; nameditem.yml: hidden names)', () => {
  it('names are scoped to their sheet and hidden: none in the workbook scope', async () => {
    const { wb, ws } = doc();
    await run(new ExcelHost(wb.env()));
    expect([...wb.names.keys()]).toEqual([]);
    expect(ws.names.size).toBeGreaterThan(0);
    expect([...ws.names.values()].every((n) => !n.visible)).toBe(true);
  });

  it('a marked sheet deleted: its names went with it, and 清除标记 deletes its record part', async () => {
    const { wb, ws } = doc();
    wb.addSheet('表2');
    await run(new ExcelHost(wb.env()));
    expect(wb.xmlParts).toHaveLength(1);
    wb.deleteSheet(ws);
    expect(wb.allNames()).toEqual([]);
    expect(await new ExcelHost(wb.env()).clearMarks()).toBe(0);
    expect(wb.xmlParts).toEqual([]);
  });

  it('the previous version’s workbook-scoped names: a deleted sheet leaves them as =#REF!$H$7, 清除标记 deletes them', async () => {
    const { wb, ws } = doc();
    const other = wb.addSheet('表2');
    await run(new ExcelHost(wb.env()));
    // As the previous version named its marks: workbook scope, hidden; on both sheets.
    for (const [name, sheet, row] of [['SelfEval_m0abc_0', ws, 6], ['SelfEval_m0abc_1', other, 2]] as const) {
      wb.names.set(name, { sheet, at: { row, col: 7 }, visible: false });
    }
    wb.deleteSheet(ws);
    const env = wb.env();
    await wb.run({}, async (context) => {
      const n = context.workbook.names.getItem('SelfEval_m0abc_0');
      n.load('formula');
      await context.sync();
      expect(n.formula).toBe('=#REF!$H$7');
    });
    expect(await new ExcelHost(env).clearMarks()).toBe(0);
    expect(wb.allNames()).toEqual([]);
  });

  it('a clear of one sheet deletes that sheet’s names only', async () => {
    const { wb } = doc();
    const ws2 = wb.addSheet('表2');
    writeForm(ws2, 3);
    const host = new ExcelHost(wb.env());
    await run(host, '表1');
    await run(host, '表2');
    const names2 = [...ws2.names.keys()];
    expect(names2.length).toBeGreaterThan(0);
    await new ExcelHost(wb.env()).clearMarks(['表1']);
    expect(wb.sheet('表1').names.size).toBe(0);
    expect([...ws2.names.keys()]).toEqual(names2);
  });
});

describe('marks that survive edits', () => {
  const edits: [string, (wb: FakeWorkbook, ws: FakeSheet) => void][] = [
    ['two rows inserted above the forms', (wb, ws) => wb.insertRows(ws, 2, 2)],
    ['a row inserted inside a form', (wb, ws) => wb.insertRows(ws, 20)],
    ['a column inserted left of the forms', (wb, ws) => wb.insertColumns(ws, 'A')],
    ['a row deleted above the forms', (wb, ws) => wb.deleteRows(ws, 2)],
  ];

  for (const [what, edit] of edits) {
    it(`${what}, then 清除标记 (after reopening): every mark of ours is gone, nothing of the user's is touched`, async () => {
      const marked = doc();
      const twin = doc();
      const first = await run(new ExcelHost(marked.wb.env()));
      expect(first.summary.marked + first.summary.filled).toBeGreaterThan(0);
      edit(marked.wb, marked.ws);
      edit(twin.wb, twin.ws);

      const cleared = await new ExcelHost(marked.wb.env()).clearMarks();
      expect(cleared).toBeGreaterThan(0);
      expect(marked.ws.snapshot()).toBe(twin.ws.snapshot());
      expect(ours(marked.ws)).toEqual([]);
      expect(marked.wb.allNames()).toEqual([]); // our names go with the marks
      expect(recordIn(marked.wb)).toEqual([]);
    });

    it(`${what}, then a second run: one set of marks, as if the sheet had been checked only once`, async () => {
      const marked = doc();
      const twin = doc();
      const host = new ExcelHost(marked.wb.env());
      await run(host);
      edit(marked.wb, marked.ws);
      edit(twin.wb, twin.ws);

      const again = await run(host);
      const once = await run(new ExcelHost(twin.wb.env()));
      expect(again.check.fills).toEqual(once.check.fills);
      expect(again.summary).toEqual(once.summary);
      expect(marked.ws.snapshot()).toBe(twin.ws.snapshot());
    });
  }

  it('a deleted row took a marked cell: the mark moved into its place keeps ITS original fill (the user’s yellow); the lost one is named', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    const ws = wb.addSheet('表1');
    writeForm(ws, 1);
    ws.paint('H8', '#FFFF00'); // the user's yellow under what we paint
    const host = new ExcelHost(wb.env());
    await host.readSheet('表1');
    const finding = (cell: string) => ({ code: 'SCORE_MISSING' as const, severity: 'error' as const, cell, message: `${cell} 的得分为空` });
    await host.applyMarks([sheetCheck('表1', [finding('H7'), finding('H8')])], 'fill');
    expect(ws.fill('H7')?.color).toBe(ERROR);
    expect(ws.fill('H8')?.color).toBe(ERROR);

    wb.deleteRows(ws, 7); // H8 (ours over the user's yellow) is H7 now; the old H7 is gone
    const error = await new ExcelHost(wb.env()).clearMarks().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toContain('已清除 1 个单元格的标记');
    expect((error as HostError).message).toContain('“表1”!H7');
    expect(ws.fill('H7')).toEqual({ color: '#FFFF00', pattern: 'Solid', patternColor: null });
    expect(ours(ws)).toEqual([]);
    expect(recordIn(wb)).toEqual([]); // named once, then forgotten
    expect(wb.allNames()).toEqual([]); // the lost mark's name (=表1!#REF!) is deleted too
    expect(await new ExcelHost(wb.env()).clearMarks()).toBe(0);
  });


  it('a marked cell the user edited after rows were inserted: the typed value stays, our fill and note go', async () => {
    const marked = doc();
    await run(new ExcelHost(marked.wb.env()));
    marked.wb.insertRows(marked.ws, 1, 3);
    const cells = ours(marked.ws); // our marks moved down with their cells
    expect(cells.length).toBeGreaterThan(1);
    for (const cell of cells) {
      expect(marked.ws.fill(cell)).toBeDefined();
      marked.ws.put(cell, 7);
    }

    await new ExcelHost(marked.wb.env()).clearMarks();
    for (const cell of cells) {
      expect(marked.ws.value(cell)).toBe(7);
      expect(marked.ws.fill(cell)).toBeUndefined();
      expect(marked.ws.notes.has(cell)).toBe(false);
    }
    expect(ours(marked.ws)).toEqual([]);
  });

  it('text the user added inside our note is kept: by 清除标记, and by a re-run under our new text', async () => {
    const { wb, ws } = doc();
    const host = new ExcelHost(wb.env());
    await run(host);
    const [cell] = ours(ws);
    const note = ws.notes.get(cell)!;
    note.content = `${note.content}\n张三：已与财务核对，下周更正。`;

    await run(host); // the same findings: our text stays, the user's stays under it
    expect(ws.notes.get(cell)?.content).toBe(note.content);

    await host.clearMarks();
    expect(ws.notes.get(cell)?.content).toBe('张三：已与财务核对，下周更正。');
  });

  it('a note whose text of ours the user rewrote is the user’s now: left alone', async () => {
    const { wb, ws } = doc();
    const host = new ExcelHost(wb.env());
    await run(host);
    const [cell] = ours(ws);
    const note = ws.notes.get(cell)!;
    note.content = `${PREFIX}\n已改正，见附件。`;
    await host.clearMarks();
    expect(ws.notes.get(cell)?.content).toBe(`${PREFIX}\n已改正，见附件。`);
  });

  it('rows sorted after marking (names stay, contents move): 清除标记 finds each mark by its note and restores ITS fill', async () => {
    const make = () => {
      const wb = new FakeWorkbook('desktop', '1.20');
      const ws = wb.addSheet('表1');
      writeForm(ws, 1);
      ws.paint('H9', '#FFFF00'); // the user's yellow under one of our marks
      return { wb, ws };
    };
    const marked = make();
    const twin = make();
    const host = new ExcelHost(marked.wb.env());
    await host.readSheet('表1');
    const finding = (cell: string, message: string) => ({ code: 'SCORE_MISSING' as const, severity: 'error' as const, cell, message });
    await host.applyMarks([sheetCheck('表1', [finding('H7', '第一条'), finding('H9', '第三条')])], 'fill');

    // The user sorts rows 7..9 the other way round: H7 ⇄ H9 (contents, fills and notes).
    marked.wb.sortRows(marked.ws, 7, 9, [9, 8, 7]);
    twin.wb.sortRows(twin.ws, 7, 9, [9, 8, 7]);
    expect(marked.ws.notes.get('H7')?.content).toContain('第三条');

    expect(await new ExcelHost(marked.wb.env()).clearMarks()).toBe(2);
    expect(marked.ws.fill('H7')).toEqual({ color: '#FFFF00', pattern: 'Solid', patternColor: null });
    expect(marked.ws.fill('H9')).toBeUndefined();
    expect(ours(marked.ws)).toEqual([]);
    expect(marked.ws.snapshot()).toBe(twin.ws.snapshot());
    expect(marked.wb.allNames()).toEqual([]);
  });
});
