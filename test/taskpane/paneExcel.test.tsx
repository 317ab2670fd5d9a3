// @vitest-environment jsdom
/**
 * The pane on the real ExcelHost over the fake workbook (test/hosts/excel/fakeExcel.ts) and the real
 * check: 校验并计分 twice leaves the sheet as once, with no 清除标记 before the read — the same path as
 * the ribbon command (one read sync, one write sync).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { ExcelHost } from '../../src/hosts/excel/ExcelHost';
import type { SheetModel } from '../../src/core/sheet';
import { fixtureSheets } from '../loadFixture';
import { FakeWorkbook } from '../hosts/excel/fakeExcel';
import { fakeSheetOf, recordIn } from '../hosts/excel/helpers';
import { stackForms } from '../hosts/excel/forms';

afterEach(() => cleanup());

let akto: SheetModel;
beforeAll(async () => {
  [akto] = await fixtureSheets('akto-empty-scores.xlsx');
});

describe('task pane on ExcelHost', () => {
  it('校验并计分 twice: the same sheet as once; each run reads once and marks without clearing first', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    const ws = fakeSheetOf(wb, akto, '表1');
    ws.put('H33', 5).put('H34', 5);
    const env = wb.env();
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={new ExcelHost(env)} />
      </FluentProvider>,
    );
    const button = screen.getByRole('button', { name: '校验并计分' });
    const click = async () => {
      const from = wb.syncs.length;
      await user.click(button);
      await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/校验完成/));
      await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
      return wb.since(from);
    };

    const first = await click();
    const once = ws.snapshot();
    const record = recordIn(wb);
    expect(record.filter((e) => e.value !== undefined).length).toBeGreaterThanOrEqual(22);
    expect(ws.value('H14')).toBe(2);

    const second = await click();
    expect(ws.snapshot()).toBe(once);
    expect(recordIn(wb)).toEqual(record);

    // The active sheet read (its name comes with it), the mark record (its own sync, outside the undo
    // group), the write; the second run reads the sheet and its record part and has nothing to write.
    expect(first.map((s) => s.writes > 0)).toEqual([false, true, true]);
    expect(second.map((s) => s.writes > 0)).toEqual([false, false]);
    console.info(`pane 校验并计分: first run ${first.length} syncs, second ${second.length}`);
  });

  it('one sheet of 1,000 stacked forms: 校验并计分 is one read sync, the record and one write sync', async () => {
    const wb = new FakeWorkbook('desktop', '1.20');
    stackForms(wb.addSheet('汇总'), 1000);
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={new ExcelHost(wb.env())} />
      </FluentProvider>,
    );
    const button = screen.getByRole('button', { name: '校验并计分' });
    const from = wb.syncs.length;
    await user.click(button);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toMatch(/校验完成/), { timeout: 150_000 });
    const syncs = wb.since(from);
    expect(syncs.map((s) => s.writes > 0)).toEqual([false, true, true]);
    console.info(`pane 校验并计分, 1,000 forms: ${syncs.length} syncs`);
    // It counts syncs, not time: jsdom draws the 1,000 summary cards in ~20 s alone, over 30 s beside the rest of the suite.
  }, 180_000);
});
