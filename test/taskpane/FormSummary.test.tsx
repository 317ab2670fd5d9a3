// @vitest-environment jsdom
/** The pane's form summary shows each kind with its own fields, from what the core makes of real tables. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { FormSummary } from '../../src/taskpane/components/FormSummary';
import { check } from '../../src/core/check';
import type { FormResult } from '../../src/core/result';
import { fixtureSheets } from '../loadFixture';

afterEach(() => cleanup());

const show = (form: FormResult) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <FormSummary form={form} sheet={form.sheet} />
    </FluentProvider>,
  );

describe('FormSummary per kind', () => {
  let framework: FormResult;
  let targets: FormResult;
  beforeAll(async () => {
    [framework, targets] = check((await fixtureSheets('yanjiang-stacked.xlsx'))[0]).forms;
  });

  it('a 计分表: its kind, 总分 computed (stated) and 等级, no 执行率 where the table has no funds', () => {
    show(framework);
    const card = screen.getByRole('group', { name: '表：运行运转保障经费' });
    expect(within(card).getByText(/评价指标体系计分表 · 附表!A1:G25/)).toBeTruthy();
    expect(within(card).getByTestId('total').textContent).toBe('99.35 （填报 99.35，一致）');
    expect(within(card).getByTestId('grade').textContent).toBe('优 （填报 优，一致）');
    expect(within(card).queryByTestId('rate')).toBeNull();
  });

  it('a targets table: 无评分 instead of 总分 —, no 等级, its 预算额 / 执行额 / 执行率 and indicator count', () => {
    show(targets);
    const card = screen.getByRole('group', { name: '表：运行运转保障经费' });
    expect(within(card).getByText(/绩效目标完成情况表 · 附表!A29:G80/)).toBeTruthy();
    expect(within(card).getByTestId('total').textContent).toBe('无评分（绩效目标完成情况表不计分）');
    expect(within(card).queryByText('总分')).toBeNull();
    expect(within(card).queryByTestId('grade')).toBeNull();
    expect(within(card).getByTestId('planned').textContent).toBe('181.87');
    expect(within(card).getByTestId('executed').textContent).toBe('181.87');
    expect(within(card).getByTestId('rate').textContent).toBe('100.00%');
    expect(within(card).getByTestId('indicators').textContent).toBe('16 项');
  });
});
