import { describe, expect, it, vi } from 'vitest';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { HostError } from '../../../src/hosts/host';
import type { MarkEntry } from '../../../src/hosts/sheetHost/record';
import { COMPUTED_FILL, SEVERITY_FILL } from '../../../src/core/marks';
import { parseA1 } from '../../../src/core/sheet';
import { SNAPSHOT_MAX_AGE_MS, WEB_PAYLOAD_BUDGET } from '../../../src/hosts/excel/limits';
import type { SheetCheck } from '../../../src/core/result';
import { FakeWorkbook, type FakeSheet } from './fakeExcel';
import { stackForms, writeForm, type FormCells } from './forms';
import { cellSyncs, checkOfForms, recordIn, recordSyncs, sheetCheck } from './helpers';

const ERROR = `#${SEVERITY_FILL.error}`;
const WARNING = `#${SEVERITY_FILL.warning}`;
const COMPUTED = `#${COMPUTED_FILL}`;
const PREFIX = '【绩效自评校验】';

function setup(opts: { platform?: 'web' | 'desktop'; api?: string } = {}) {
  const wb = new FakeWorkbook(opts.platform ?? 'desktop', opts.api ?? '1.20');
  const ws = wb.addSheet('表1');
  const f = writeForm(ws, 1);
  const env = wb.env();
  return { wb, ws, f, env, host: new ExcelHost(env) };
}

/** Record entries without their defined names (fresh ones every run). */
function unnamed(record: MarkEntry[]): Omit<MarkEntry, 'name'>[] {
  return record.map(({ name: _n, ...e }) => e);
}

function ourNotes(ws: FakeSheet): string[] {
  return [...ws.notes.entries()].filter(([, n]) => n.content.startsWith(PREFIX)).map(([cell]) => cell);
}

describe('ExcelHost.applyMarks / clearMarks', () => {
  it('1,000 stacked forms: one read sync, then ONE write sync (one undo group), nothing loaded in between', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    const ws = wb.addSheet('汇总');
    const forms = stackForms(ws, 1000);
    const env = wb.env();
    const host = new ExcelHost(env);

    let from = wb.syncs.length;
    await host.readSheet('汇总');
    expect(wb.since(from)).toHaveLength(1);

    from = wb.syncs.length;
    const summary = await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
    const all = wb.since(from);
    // The record first, into the sheet's own part, in a sync of its own outside the undo group; then
    // ONE write of fills, notes and values, from what the read saw. The settings were not touched.
    expect(all.map((x) => [x.writesTo.CustomXmlPart ?? 0, x.undoGroup])).toEqual([
      [1, false],
      [0, true],
    ]);
    const syncs = cellSyncs(all);
    expect(syncs).toHaveLength(1);
    expect(syncs[0].writes).toBeGreaterThan(0);
    expect(wb.xmlParts).toHaveLength(1);
    expect(env.settings.saves).toBe(0);
    console.info(
      `marks for 1,000 forms after the read: 1 sync, ${(syncs[0].requestBytes / 1e6).toFixed(2)} MB req / ` +
        `${(syncs[0].responseBytes / 1e6).toFixed(2)} MB resp (the values re-read just before writing)`,
    );

    expect(summary).toEqual({ marked: 2000, filled: 2000, notesSupported: true });
    const f = forms[500];
    expect(ws.fill(f.rate)?.color).toBe(ERROR);
    expect(ws.fill(f.formulaScore)?.color).toBe(WARNING);
    expect(ws.value(f.emptyScore)).toBe(10);
    expect(ws.fill(f.emptyScore)?.color).toBe(COMPUTED);
    expect(ws.value(f.grade)).toBe('优'); // column J: right of the used range, in the read's margin
    // Never written over: a formula, a typed value.
    expect(ws.cell(f.formulaScore)?.formula).toBe(`=G${f.top + 12}`);
    expect(ws.value(f.typedScore)).toBe(10);
    expect(ws.fill(f.typedScore)).toBeUndefined(); // a refused fill leaves no trace
    expect(ws.notes.get(f.rate)?.content).toMatch(/^【绩效自评校验】\n错误：执行率应为/);

    // Clearing gives the sheet back (the record's originals came from the read).
    const before = new FakeWorkbook('desktop', '1.20');
    stackForms(before.addSheet('汇总'), 1000);
    await host.clearMarks();
    expect(ws.snapshot()).toBe(before.sheet('汇总').snapshot());
  }, 120_000);

  it('applyMarks with no read just before (or an old one): the sheet id and parts, one load sync, then the write', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    const ws = wb.addSheet('汇总');
    const forms = stackForms(ws, 1000);
    const host = new ExcelHost(wb.env());

    let from = wb.syncs.length;
    await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
    // The sheet's id and the list of record parts (none); the load: fills, notes, emptiness, protection.
    let syncs = cellSyncs(wb.since(from)).slice(1);
    expect(wb.since(from).map((x) => x.writes > 0)).toEqual([false, false, true, true]);
    expect(recordSyncs(wb.since(from))).toHaveLength(1);
    expect(syncs.map((x) => x.undoGroup)).toEqual([false, true]); // the load outside the group, the write in it
    console.info(
      `marks for 1,000 forms with no read before: load ${(syncs[0].requestBytes / 1e6).toFixed(2)} MB req / ` +
        `${(syncs[0].responseBytes / 1e6).toFixed(2)} MB resp, write ${(syncs[1].requestBytes / 1e6).toFixed(2)} MB req`,
    );

    // A read older than SNAPSHOT_MAX_AGE_MS is not trusted either.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await host.readSheet('汇总');
      vi.setSystemTime(Date.now() + SNAPSHOT_MAX_AGE_MS + 1);
      ws.put(forms[0].emptyScore, 7); // typed meanwhile: the load sees it
      from = wb.syncs.length;
      const summary = await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
      syncs = wb.since(from);
      // The record is read again too (a co-author may have changed it): the list of parts, the part;
      // the load; the record; the write.
      expect(syncs.map((x) => x.writes > 0)).toEqual([false, false, false, true, true]);
      expect(ws.value(forms[0].emptyScore)).toBe(7);
      expect(summary.filled).toBe(1999);
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);

  it('the 1,000-form marks on the web stay under 5 MB per sync', async () => {
    const wb = new FakeWorkbook('web', '1.20');
    const ws = wb.addSheet('汇总');
    const forms = stackForms(ws, 1000);
    const host = new ExcelHost(wb.env());
    const from = wb.syncs.length;
    await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
    const syncs = wb.since(from);
    expect(syncs.every((s) => !s.failed && s.requestBytes < 5e6 && s.responseBytes < 5e6)).toBe(true);
    console.info(`marks for 1,000 forms on the web: ${syncs.length} syncs`);
  });

  it('on the web, read + marks of 1,000 forms: every sync under 5 MB; the rows whose fills the read left out are loaded once', async () => {
    const wb = new FakeWorkbook('web', '1.20');
    const ws = wb.addSheet('汇总');
    const forms = stackForms(ws, 1000);
    const host = new ExcelHost(wb.env());
    let from = wb.syncs.length;
    await host.readSheet('汇总');
    const read = wb.since(from);
    from = wb.syncs.length;
    await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
    const apply = wb.since(from);
    for (const x of [...read, ...apply]) {
      expect(x.failed).toBeUndefined();
      expect(x.requestBytes).toBeLessThan(WEB_PAYLOAD_BUDGET);
      expect(x.responseBytes).toBeLessThan(WEB_PAYLOAD_BUDGET);
    }
    expect(apply.map((x) => x.writes > 0)).toEqual([false, true, true]); // load, record, write
    expect(ws.value(forms[999].grade)).toBe('优');
    console.info(`1,000 forms on the web: read ${read.length} syncs + marks ${apply.length} (1 load + 1 write)`);
  });

  it('on the web, a sheet of 60 forms (1,800 rows): the read brings the fills too, marks are one write sync', async () => {
    const wb = new FakeWorkbook('web', '1.20');
    const ws = wb.addSheet('汇总');
    const forms = stackForms(ws, 60);
    const host = new ExcelHost(wb.env());
    let from = wb.syncs.length;
    await host.readSheet('汇总');
    const read = wb.since(from);
    from = wb.syncs.length;
    await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
    const apply = wb.since(from);
    expect(read.length).toBe(2);
    expect(cellSyncs(apply).map((x) => x.writes > 0)).toEqual([true]);
    expect(recordSyncs(apply)).toHaveLength(1);
    expect([...read, ...apply].every((x) => !x.failed && x.responseBytes < WEB_PAYLOAD_BUDGET)).toBe(true);
  });

  describe('right after a read (one write sync, from what the read saw)', () => {
    /**
     * readSheet then applyMarks, as the ribbon command and the pane do; the syncs of applyMarks that touch
     * cells (the record's own sync before the write left out: cellSyncs).
     */
    async function readAndMark(wb: FakeWorkbook, host: ExcelHost, check: SheetCheck, between?: () => void) {
      await host.readSheet(check.sheet);
      between?.();
      const from = wb.syncs.length;
      const out = await host.applyMarks([check], 'fill').then(
        (summary) => ({ summary, error: undefined }),
        (error: unknown) => ({ summary: undefined, error: error as HostError }),
      );
      return { ...out, syncs: cellSyncs(wb.since(from)), all: wb.since(from) };
    }

    it('restores fills exactly: no fill, white, the user’s yellow and pattern (the originals from the read)', async () => {
      const { wb, ws, f, host } = setup();
      ws.paint(f.formulaScore, '#FFFFFF');
      ws.paint(f.emptyScore, '#FFFF00');
      ws.paint(f.grade, '#FFFFFF', 'Gray25', '#FF0000'); // J: in the read's margin
      const before = ws.snapshot();
      const { syncs } = await readAndMark(wb, host, checkOfForms('表1', [f]));
      expect(syncs.map((x) => x.writes > 0)).toEqual([true]);
      expect(ws.fill(f.grade)?.color).toBe(COMPUTED);

      expect(await host.clearMarks()).toBe(4);
      expect(ws.fill(f.rate)).toBeUndefined();
      expect(ws.fill(f.formulaScore)).toEqual({ color: '#FFFFFF', pattern: 'Solid', patternColor: null });
      expect(ws.fill(f.emptyScore)).toEqual({ color: '#FFFF00', pattern: 'Solid', patternColor: null });
      expect(ws.fill(f.grade)).toEqual({ color: '#FFFFFF', pattern: 'Gray25', patternColor: '#FF0000' });
      expect(ws.snapshot()).toBe(before);
    });

    it('a second run: our old notes were read with the sheet, so it is one write sync again, and idempotent', async () => {
      const { wb, ws, f, host, env } = setup();
      ws.note(f.formulaScore, '请核对公式'); // the user's note on a cell we mark: kept, no note of ours
      const first = await readAndMark(wb, host, checkOfForms('表1', [f]));
      expect(first.syncs.map((x) => x.writes > 0)).toEqual([false, true]); // a note elsewhere: load first
      const once = ws.snapshot();
      const record = recordIn(wb);

      // The user's note is now at a recorded cell: the read finds every note.
      const fewer = checkOfForms('表1', [f]);
      fewer.forms[0].findings = fewer.forms[0].findings.filter((x) => x.cell !== f.rate);
      const second = await readAndMark(wb, host, fewer);
      expect(second.syncs.map((x) => x.writes > 0)).toEqual([true]);
      expect(ws.notes.has(f.rate)).toBe(false);
      expect(ws.notes.get(f.formulaScore)).toEqual({ content: '请核对公式', author: '张三' });

      const third = await readAndMark(wb, host, checkOfForms('表1', [f]));
      expect(third.syncs.map((x) => x.writes > 0)).toEqual([true]);
      expect(ws.snapshot()).toBe(once);
      const byCell = (r: MarkEntry[]) => unnamed(r).sort((x, y) => x.cell.localeCompare(y.cell));
      expect(byCell(recordIn(wb))).toEqual(byCell(record));
      const fourth = await readAndMark(wb, host, checkOfForms('表1', [f]));
      expect(fourth.syncs).toEqual([]); // everything in place: no sync at all
      expect(ws.snapshot()).toBe(once);
    });

    it('a protected sheet: HostError before any sync of applyMarks (the read saw the protection)', async () => {
      const { wb, ws, f, host, env } = setup();
      ws.protected = true;
      const before = ws.snapshot();
      const { error, syncs } = await readAndMark(wb, host, checkOfForms('表1', [f]));
      expect(error).toBeInstanceOf(HostError);
      expect(error!.reason).toBe('protected');
      expect(error!.message).toContain('“表1”');
      expect(syncs).toEqual([]);
      expect(ws.snapshot()).toBe(before);
      expect(recordIn(wb)).toEqual([]);
    });

    it('protected between the read and the write: refused, nothing changed', async () => {
      const { wb, ws, f, host, env } = setup();
      const before = ws.snapshot();
      const { error } = await readAndMark(wb, host, checkOfForms('表1', [f]), () => (ws.protected = true));
      expect(error).toBeInstanceOf(HostError);
      expect(error!.reason).toBe('protected');
      expect(ws.snapshot()).toBe(before);
      expect(recordIn(wb)).toEqual([]);
    });

    it('a write that fails part-way is undone from the read’s originals: sheet as before the run', async () => {
      const { wb, ws, f, host, env } = setup();
      const g = writeForm(ws, 31);
      ws.paint(g.rate, '#FFFFFF');
      ws.paint(g.emptyScore, '#FFFF00');
      await readAndMark(wb, host, checkOfForms('表1', [f])); // old marks on the first form
      const before = ws.snapshot();
      const record = recordIn(wb);

      const { error, all } = await readAndMark(wb, host, checkOfForms('表1', [g]), () => (wb.failWritesAfter = 7));
      expect(error).toBeInstanceOf(HostError);
      expect(error!.reason).toBe('write-failed');
      expect(error!.message).toContain('已撤回');
      // the record, the write (fails), then rollback: load + write; then the record is put back (its
      // part was there: one save)
      expect(all.map((x) => !!x.failed)).toEqual([false, true, false, false, false]);
      expect(recordSyncs(all)).toHaveLength(2);
      expect(ws.snapshot()).toBe(before);
      expect(recordIn(wb)).toEqual(record);
    });

    it('a value typed between the read and the write is given back, and the cell marked as if typed before', async () => {
      const { wb, ws, f, host, env } = setup();
      const check = checkOfForms('表1', [f]);
      const { summary, syncs } = await readAndMark(wb, host, check, () => ws.put(f.emptyScore, 8));
      expect(syncs.map((x) => x.writes > 0)).toEqual([true, true]); // the write, then the repair
      expect(ws.value(f.emptyScore)).toBe(8);
      expect(summary!.filled).toBe(1);

      // The same as a run where the value was there before the read.
      const fresh = setup();
      fresh.ws.put(fresh.f.emptyScore, 8);
      await readAndMark(fresh.wb, fresh.host, checkOfForms('表1', [fresh.f]));
      expect(ws.snapshot()).toBe(fresh.ws.snapshot());
      expect(unnamed(recordIn(wb))).toEqual(unnamed(recordIn(fresh.wb)));
    });

    it('the repair sync itself fails: HostError naming the cell, and the record still covers every mark', async () => {
      const { wb, ws, f, env } = setup();
      const before = ws.snapshot();
      // Fail the sync after the write (the repair), whatever it holds.
      let syncs = 0;
      let armed = false;
      const run = env.run;
      env.run = (options, batch) =>
        run(options, (context) => {
          const sync = context.sync.bind(context);
          context.sync = (async () => {
            if (armed && ++syncs === 3) wb.failWritesAfter = 0; // the record, the write, the repair
            return sync();
          }) as typeof context.sync;
          return batch(context);
        });
      const host = new ExcelHost(env);
      await host.readSheet('表1');
      ws.put(f.emptyScore, 8);
      armed = true;
      const err = (await host.applyMarks([checkOfForms('表1', [f])], 'fill').then(() => undefined, (e: unknown) => e)) as HostError;
      expect(err).toBeInstanceOf(HostError);
      expect(err.reason).toBe('write-failed');
      expect(err.message).toContain(`表1!${f.emptyScore}`);
      expect(syncs).toBe(3); // the record saved before the write describes the sheet as the write left it
      expect(recordIn(wb).map((e) => e.cell).sort()).toEqual([f.emptyScore, f.formulaScore, f.grade, f.rate].sort());
      armed = false;
      await host.clearMarks();
      ws.put(f.emptyScore, 8); // what the failed repair could not give back
      const typed = setup().ws.put(f.emptyScore, 8).snapshot();
      expect(ws.snapshot()).toBe(typed);
      expect(ws.snapshot()).not.toBe(before);
    });

    it('a note the user added between the read and the write: the write fails, is undone, the user’s note stays', async () => {
      const { wb, ws, f, host } = setup();
      const before = ws.snapshot();
      const { error } = await readAndMark(wb, host, checkOfForms('表1', [f]), () => ws.note(f.rate, '刚加的备注'));
      expect(error).toBeInstanceOf(HostError);
      expect(error!.reason).toBe('write-failed');
      expect(ws.notes.get(f.rate)).toEqual({ content: '刚加的备注', author: '张三' });
      ws.notes.delete(f.rate);
      expect(ws.snapshot()).toBe(before);
    });

    it('a mark beyond what the read covered: that cell alone is loaded first', async () => {
      const { wb, ws, f, host } = setup();
      const far = sheetCheck('表1', [{ code: 'TOTAL_MISMATCH', severity: 'error', cell: 'N5', message: '远处的单元格' }]);
      ws.paint('N5', '#00B050');
      const { syncs } = await readAndMark(wb, host, far);
      expect(syncs.map((x) => x.writes > 0)).toEqual([false, true]);
      expect(syncs[0].loads).toBeLessThan(10);
      expect(ws.fill('N5')?.color).toBe(ERROR);
      await host.clearMarks();
      expect(ws.fill('N5')?.color).toBe('#00B050');
      expect(ws.value(f.emptyScore)).toBeUndefined();
    });
  });

  it('restores fills exactly: no fill stays no fill, white stays white, the user’s yellow and pattern stay', async () => {
    const { ws, f, host } = setup();
    ws.paint(f.formulaScore, '#FFFFFF'); // white
    ws.paint(f.emptyScore, '#FFFF00'); // the user's yellow
    ws.paint(f.grade, '#FFFFFF', 'Gray25', '#FF0000'); // a pattern
    const before = ws.snapshot();
    expect(ws.fill(f.rate)).toBeUndefined(); // no fill

    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    expect(ws.fill(f.rate)?.color).toBe(ERROR);
    expect(ws.fill(f.formulaScore)?.color).toBe(WARNING);
    expect(ws.fill(f.emptyScore)?.color).toBe(COMPUTED);
    expect(ws.fill(f.grade)?.color).toBe(COMPUTED);

    expect(await host.clearMarks()).toBe(4);
    expect(ws.fill(f.rate)).toBeUndefined();
    expect(ws.fill(f.formulaScore)).toEqual({ color: '#FFFFFF', pattern: 'Solid', patternColor: null });
    expect(ws.fill(f.emptyScore)).toEqual({ color: '#FFFF00', pattern: 'Solid', patternColor: null });
    expect(ws.fill(f.grade)).toEqual({ color: '#FFFFFF', pattern: 'Gray25', patternColor: '#FF0000' });
    expect(ws.snapshot()).toBe(before); // the computed values are gone too
  });

  it('never writes over a formula or a typed value, and keeps the user’s notes', async () => {
    const { ws, f, host } = setup();
    ws.note(f.rate, '请财务科核对');
    const check = sheetCheck(
      '表1',
      [
        { code: 'EXECUTION_RATE_MISMATCH', severity: 'error', cell: f.rate, message: '执行率不符' },
        { code: 'TOTAL_MISMATCH', severity: 'error', cell: f.total, message: '总分不符' },
      ],
      [
        { cell: f.total, value: 95, label: '总分' },
        { cell: f.typedScore, value: 1, label: '得分' },
        { cell: f.rate, value: 0.5, numberFormat: '0.00%', label: '执行率' },
      ],
    );
    const before = ws.snapshot();
    const summary = await host.applyMarks([check], 'fill');
    expect(summary.filled).toBe(0);
    expect(ws.cell(f.total)?.formula).toMatch(/^=H6\+SUM/);
    expect(ws.value(f.total)).toBe(90);
    expect(ws.value(f.typedScore)).toBe(10);
    expect(ws.value(f.rate)).toBe(1);
    expect(ws.notes.get(f.rate)).toEqual({ content: '请财务科核对', author: '张三' });
    expect(ws.notes.get(f.total)?.content).toContain('总分不符');

    await host.clearMarks();
    expect(ws.snapshot()).toBe(before);
  });

  it('checking twice leaves one set of marks; a re-check with fewer findings restores the fixed cells', async () => {
    const { wb, ws, f, host, env } = setup();
    ws.paint(f.rate, '#00B050'); // the user's green under our red
    const before = ws.snapshot();
    const check = checkOfForms('表1', [f]);

    await host.applyMarks([check], 'fill');
    const once = ws.snapshot();
    const recordOnce = recordIn(wb);
    await host.applyMarks([check], 'fill');
    expect(ws.snapshot()).toBe(once);
    expect(recordIn(wb)).toEqual(recordOnce);

    // The user fixed 执行率: the next check no longer flags it.
    const fewer = checkOfForms('表1', [f]);
    fewer.forms[0].findings = fewer.forms[0].findings.filter((x) => x.cell !== f.rate);
    await host.applyMarks([fewer], 'fill');
    expect(ws.fill(f.rate)).toEqual({ color: '#00B050', pattern: 'Solid', patternColor: null });
    expect(ws.notes.has(f.rate)).toBe(false);
    expect(ws.fill(f.formulaScore)?.color).toBe(WARNING);

    await host.clearMarks();
    expect(ws.snapshot()).toBe(before);
    expect(recordIn(wb)).toEqual([]);
  });

  it('clears from the record saved in the document alone (a fresh host = the workbook reopened)', async () => {
    const { wb, ws, f, host } = setup();
    ws.paint(f.formulaScore, '#FFFFFF');
    const before = ws.snapshot();
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    expect(ourNotes(ws).length).toBeGreaterThan(0);

    const reopened = new ExcelHost(wb.env()); // settings loaded from the file, nothing in memory
    expect(await reopened.clearMarks()).toBe(4);
    expect(ws.snapshot()).toBe(before);
    expect(wb.persistedSettings['selfeval.marks']).toBeUndefined();
  });

  it('leaves alone what the user changed after marking', async () => {
    const { ws, f, host } = setup();
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    ws.put(f.emptyScore, 8); // typed over our computed 10
    ws.paint(f.rate, '#0070C0'); // repainted our red
    ws.notes.delete(f.formulaScore); // deleted our note …
    ws.note(f.formulaScore, '已核实'); // … and wrote one of their own

    await host.clearMarks();
    expect(ws.value(f.emptyScore)).toBe(8);
    expect(ws.fill(f.rate)?.color).toBe('#0070C0');
    expect(ws.notes.get(f.formulaScore)?.content).toBe('已核实');
    expect(ws.fill(f.formulaScore)).toBeUndefined(); // our warning colour was still there: restored
    expect(ws.value(f.grade)).toBeUndefined(); // untouched computed value removed
    expect(ourNotes(ws)).toEqual([]);
  });

  it('after the user undid the marks (Ctrl+Z), clearing changes nothing', async () => {
    const { wb, ws, f, host, env } = setup();
    const before = ws.snapshot();
    const cells = new Map([...ws.cells].map(([k, c]) => [k, structuredClone(c)]));
    const notes = new Map(ws.notes);
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    // Undo puts the cells back; the settings record is not part of the undo stack.
    ws.cells.clear();
    for (const [k, c] of cells) ws.cells.set(k, c);
    ws.notes.clear();
    for (const [k, n] of notes) ws.notes.set(k, n);
    ws.paint(f.emptyScore, '#FFC000'); // and then the user painted a cell we had marked

    await host.clearMarks();
    expect(ws.fill(f.emptyScore)?.color).toBe('#FFC000');
    const { row, col } = parseA1(f.emptyScore);
    ws.edit(row, col).fill = undefined;
    expect(ws.snapshot()).toBe(before);
    expect(recordIn(wb)).toEqual([]);
  });

  it('a protected sheet: HostError naming the sheet, nothing written', async () => {
    const { wb, ws, f, host, env } = setup();
    ws.protected = true;
    const before = ws.snapshot();
    const from = wb.syncs.length;
    const err = await host.applyMarks([checkOfForms('表1', [f])], 'fill').catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.reason).toBe('protected');
    expect(err.message).toContain('“表1”');
    expect(wb.since(from).every((s) => s.writes === 0)).toBe(true);
    expect(ws.snapshot()).toBe(before);
    expect(recordIn(wb)).toEqual([]);
  });

  it('a write that fails part-way is undone: HostError naming the sheet, sheet as before the run', async () => {
    const { wb, ws, f, host, env } = setup();
    const g = writeForm(ws, 31);
    await host.applyMarks([checkOfForms('表1', [f])], 'fill'); // old marks on the first form
    const before = ws.snapshot();
    const record = recordIn(wb);

    wb.failWritesAfter = 7;
    const err = await host.applyMarks([checkOfForms('表1', [g])], 'fill').catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.reason).toBe('write-failed');
    expect(err.message).toContain('“表1”');
    expect(err.message).toContain('已撤回');
    expect(ws.snapshot()).toBe(before);
    expect(recordIn(wb)).toEqual(record);
  });

  it('without ExcelApi 1.18 there are no notes (notesSupported false) and no undo group below 1.20', async () => {
    const { wb, ws, f, host } = setup({ api: '1.17' });
    const from = wb.syncs.length;
    const summary = await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    expect(summary.notesSupported).toBe(false);
    expect(ws.notes.size).toBe(0);
    expect(ws.fill(f.rate)?.color).toBe(ERROR);
    expect(wb.since(from).some((s) => s.undoGroup)).toBe(false);
  });

  it('mode review marks but writes no value', async () => {
    const { ws, f, host } = setup();
    const summary = await host.applyMarks([checkOfForms('表1', [f])], 'review');
    expect(summary.filled).toBe(0);
    expect(ws.value(f.emptyScore)).toBeUndefined();
    expect(ws.fill(f.emptyScore)).toBeUndefined();
    expect(ws.fill(f.rate)?.color).toBe(ERROR);
  });

  it('clearing one sheet leaves the other sheet’s marks and record', async () => {
    const { wb, ws, f, host, env } = setup();
    const ws2 = wb.addSheet('表2');
    const g: FormCells = writeForm(ws2, 1);
    await host.applyMarks([checkOfForms('表1', [f]), checkOfForms('表2', [g])], 'fill');
    expect(await host.clearMarks(['表1'])).toBe(4);
    expect(ourNotes(ws)).toEqual([]);
    expect(ourNotes(ws2)).toHaveLength(4); // two findings, two computed values
    expect(recordIn(wb).every((e) => e.sheet === '表2')).toBe(true);
  });

  it('a sheet renamed after marking is still cleared (the record keeps the sheet id)', async () => {
    const { wb, ws, f, host } = setup();
    const before = ws.snapshot();
    await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    ws.name = '表1（修订）';
    wb.activeName = ws.name;
    expect(await new ExcelHost(wb.env()).clearMarks()).toBe(4);
    expect(ws.snapshot()).toBe(before.replace('"name":"表1"', '"name":"表1（修订）"'));
  });

  it('when the record cannot be saved into the file, nothing is written and the user is told so', async () => {
    const { wb, ws, f, host } = setup();
    const before = ws.snapshot();
    wb.failXmlWrite = true;
    const from = wb.syncs.length;
    const err = await host.applyMarks([checkOfForms('表1', [f])], 'fill').catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toContain('没有写入任何标记');
    // The record's own sync failed; no sync touched a cell.
    expect(wb.since(from).some((x) => x.failed === 'GeneralException')).toBe(true);
    expect(cellSyncs(wb.since(from)).every((x) => x.writes === 0)).toBe(true);
    expect(ws.snapshot()).toBe(before);
    expect(recordIn(wb)).toEqual([]);
    expect(wb.names.size).toBe(0);
    // The record in memory is as before too: the next run marks normally.
    const summary = await host.applyMarks([checkOfForms('表1', [f])], 'fill');
    expect(summary.marked).toBe(2);
    expect(recordIn(wb).length).toBeGreaterThan(0);
  });

  it('the 1,000-form record is one part of its sheet, well under what a web request carries', async () => {
    const wb = new FakeWorkbook('web', '1.20');
    const ws = wb.addSheet('汇总');
    const forms = stackForms(ws, 1000);
    const host = new ExcelHost(wb.env());
    await host.readSheet('汇总');
    await host.applyMarks([checkOfForms('汇总', forms)], 'fill');
    expect(wb.xmlParts).toHaveLength(1);
    const bytes = Buffer.byteLength(wb.xmlParts[0].xml, 'utf8');
    expect(bytes).toBeLessThan(WEB_PAYLOAD_BUDGET / 2);
    expect(wb.persistedSettings['selfeval.marks']).toBeUndefined();
    console.info(`mark record of 1,000 forms: one part of ${(bytes / 1e6).toFixed(2)} MB`);
  });

  it('a sheet with no form: nothing to write; one sync tells there is no record either (clearing: two, the second for the sheet’s names)', async () => {
    const { wb, host } = setup();
    const from = wb.syncs.length;
    const summary = await host.applyMarks([{ sheet: '表1', forms: [], fills: [], findings: [] }], 'fill');
    expect(summary).toEqual({ marked: 0, filled: 0, notesSupported: true });
    // The record is in the workbook, not in memory: the sheet's id and the list of parts (no XML).
    expect(wb.since(from).map((x) => x.writes)).toEqual([0]);
    expect(await host.clearMarks()).toBe(0);
    expect(wb.since(from).map((x) => x.writes)).toEqual([0, 0, 0]);
  });
});
