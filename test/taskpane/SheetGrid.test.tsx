// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SheetGrid } from '../../src/taskpane/browser/SheetGrid';
import type { SheetModel } from '../../src/core/sheet';
import type { GridMark } from '../../src/hosts/browser/BrowserHost';

afterEach(() => cleanup());

const model: SheetModel = {
  name: '表1',
  top: 0,
  left: 0,
  values: [
    ['项目支出绩效自评表', null, null],
    ['执行率', 0.985, null],
    ['得分', 9.5, 'x'],
  ],
  texts: [
    ['项目支出绩效自评表', null, null],
    ['执行率', '98.50%', null],
    ['得分', '9.5', 'x'],
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
};

function renderGrid(marks?: Map<string, GridMark>, onSelectCell = vi.fn(), selected: string | null = null) {
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid model={model} marks={marks} selected={selected} colWidths={[80, 60, 60]} onSelectCell={onSelectCell} />
    </FluentProvider>,
  );
  return onSelectCell;
}

const td = (cell: string) => document.querySelector<HTMLElement>(`td[data-cell="${cell}"]`)!;

describe('SheetGrid', () => {
  it('draws column letters, row numbers, merges and displayed text', () => {
    renderGrid();
    expect(screen.getByRole('grid', { name: '工作表 表1' })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['', 'A', 'B', 'C']);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['1', '2', '3']);
    expect(td('A1').getAttribute('colspan')).toBe('3');
    expect(td('B1')).toBeNull();
    expect(td('B2').textContent).toBe('98.50%');
  });

  it('colours marked cells, shows filled values and the note on focus', () => {
    const marks = new Map<string, GridMark>([
      ['B2', { fill: 'FFC7CE', note: '【绩效自评校验】\n错误：执行率不对', severity: 'error' }],
      ['C2', { fill: 'E2EFDA', note: '【绩效自评校验】计算值（得分）', severity: null, filledText: '10' }],
    ]);
    renderGrid(marks);
    expect(td('B2').style.backgroundColor).toBe('rgb(255, 199, 206)');
    expect(td('C2').style.backgroundColor).toBe('rgb(226, 239, 218)');
    expect(td('C2').textContent).toBe('10');
    expect(td('A2').style.backgroundColor).toBe('');
    fireEvent.focus(td('B2'));
    expect(screen.getByTestId('grid-tooltip').textContent).toBe('【绩效自评校验】\n错误：执行率不对');
    fireEvent.blur(td('B2'));
    expect(screen.queryByTestId('grid-tooltip')).toBeNull();
    fireEvent.mouseEnter(td('C2'));
    expect(screen.getByTestId('grid-tooltip').textContent).toContain('计算值（得分）');
    // The note is the cell's accessible description.
    const describedBy = td('B2').getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toContain('执行率不对');
  });

  it('selects by mouse and moves with the arrow keys (out of a merge from its edge)', () => {
    const onSelect = renderGrid(undefined, vi.fn(), 'A1');
    expect(td('A1').getAttribute('aria-selected')).toBe('true');
    expect(td('A1').tabIndex).toBe(0);
    fireEvent.keyDown(td('A1'), { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith('A2');
    fireEvent.keyDown(td('A1'), { key: 'ArrowRight' });
    // A1:C1 is merged and C is the last column: the selection stays on the merge.
    expect(onSelect).toHaveBeenLastCalledWith('A1');
    fireEvent.mouseDown(td('C3'));
    expect(onSelect).toHaveBeenLastCalledWith('C3');
  });
});
