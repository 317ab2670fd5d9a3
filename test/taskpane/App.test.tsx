// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App, type CheckFn } from '../../src/taskpane/App';
import { HostError } from '../../src/hosts/host';
import type { SheetModel } from '../../src/core/sheet';
import type { FormResult, SheetCheck } from '../../src/core/result';
import { LINCANG, MOF, type Profile } from '../../src/core/rules/profile';
import { FakeHost } from './fakeHost';
import { publishRun } from '../../src/commands/lastRun';
import { profileFromSetting } from '../../src/commands/settings';

afterEach(() => cleanup());

const sheet = (name: string): SheetModel => ({ name, top: 0, left: 0, values: [['x']], merges: [] });

function form(sheetName: string, over: Partial<FormResult> = {}): FormResult {
  return {
    sheet: sheetName,
    kind: 'project',
    range: 'A1:J23',
    projectName: '大院保安转辅警经费',
    budget: { planned: 152.5, executed: 150, executionRate: 150 / 152.5, weight: 10, score: { stated: 10, computed: 9.84 } },
    indicators: [],
    total: { weight: 100, stated: 90, computed: 87.5 },
    grade: { stated: '优', computed: '良' },
    findings: [
      {
        code: 'EXECUTION_RATE_MISMATCH',
        severity: 'error',
        cell: 'H7',
        message: '执行率（H7）填写为 100%，应为 98.36%。',
        sheet: sheetName,
        fix: { cell: 'H7', value: 0.9836, numberFormat: '0.00%' },
        rule: '执行率 = 全年执行数 150 ÷ 全年预算数 152.5 = 98.36%',
      },
      {
        code: 'TOTAL_MISMATCH',
        severity: 'error',
        cell: 'H23',
        message: '总分（H23）填写为 90，计算为 87.5。',
        sheet: sheetName,
      },
      {
        code: 'SCORE_RULE_MISMATCH',
        severity: 'warning',
        cell: 'H14',
        message: '得分（H14）填写为 15，按规则应为 12.5。',
        sheet: sheetName,
        rule: '定量指标：实际 25人 < 目标 30人，得分 = 15 × 25 ÷ 30 = 12.5',
      },
      { code: 'OVERACHIEVEMENT_UNEXPLAINED', severity: 'info', cell: 'I16', message: '实际完成值超过目标 30% 以上。', sheet: sheetName },
    ],
    ...over,
  };
}

function fakeCheck(): CheckFn & { profiles: Profile[] } {
  const profiles: Profile[] = [];
  const fn = ((s: SheetModel, p: Profile): SheetCheck => {
    profiles.push(p);
    if (s.name === '表2') return { sheet: s.name, forms: [form(s.name, { projectName: '政务督查经费', findings: [] })], fills: [], findings: [] };
    if (s.name === '空表') return { sheet: s.name, forms: [], fills: [], findings: [] };
    return { sheet: s.name, forms: [form(s.name)], fills: [{ cell: 'I7', value: 9.84, label: '得分' }], findings: [] };
  }) as CheckFn & { profiles: Profile[] };
  fn.profiles = profiles;
  return fn;
}

function setup(sheets = ['表1', '表2']) {
  const host = new FakeHost(sheets.map(sheet));
  const checkSheet = fakeCheck();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} checkSheet={checkSheet} />
    </FluentProvider>,
  );
  return { host, checkSheet, user };
}

async function runCheck(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: '校验并计分' }));
  await screen.findByText(/校验完成/);
}

describe('task pane', () => {
  it('shows each form: 项目名称, 总分 computed (stated), 等级 and the counts', async () => {
    const { user, host } = setup();
    await runCheck(user);
    const card = screen.getByRole('group', { name: '表：大院保安转辅警经费' });
    expect(within(card).getByText('总分')).toBeTruthy();
    expect(within(card).getByTestId('total').textContent).toContain('87.5');
    expect(within(card).getByTestId('total').textContent).toContain('填报 90');
    expect(within(card).getByTestId('grade').textContent).toContain('良');
    expect(within(card).getByTestId('grade').textContent).toContain('填报 优');
    expect(within(card).getByText('错误 2')).toBeTruthy();
    expect(within(card).getByText('警告 1')).toBeTruthy();
    // Only the active sheet: read once, marks written in 填报 mode. No clearMarks first (the host reads
    // our earlier computed values as empty and applyMarks replaces the earlier marks), as the ribbon does.
    expect(host.callsOf('clearMarks')).toEqual([]);
    // The active sheet is read without asking its name first (its name comes with the read).
    expect(host.callsOf('readSheet')).toEqual([[undefined]]);
    expect(host.callsOf('applyMarks')[0][1]).toBe('fill');
    expect((host.callsOf('applyMarks')[0][0] as { sheet: string }[]).map((c) => c.sheet)).toEqual(['表1']);
    expect(host.calls.map((c) => c[0]).filter((n) => n !== 'loadSetting')).toEqual(['readSheet', 'applyMarks']);
    expect(screen.getByRole('status').textContent).toMatch(/1 张表，错误 2 个，警告 1 个，提示 1 个/);
  });

  it('groups findings by severity (错误/警告/提示) with the rule line', async () => {
    const { user } = setup();
    await runCheck(user);
    const errors = screen.getByRole('list', { name: '错误（2）' });
    const warnings = screen.getByRole('list', { name: '警告（1）' });
    const infos = screen.getByRole('list', { name: '提示（1）' });
    expect(within(errors).getAllByRole('listitem')).toHaveLength(2);
    expect(within(warnings).getByText(/得分（H14）填写为 15/)).toBeTruthy();
    expect(within(warnings).getByText(/计分规则：定量指标/)).toBeTruthy();
    expect(within(infos).getAllByRole('listitem')).toHaveLength(1);
  });

  it('click on a finding selects its cell', async () => {
    const { user, host } = setup();
    await runCheck(user);
    await user.click(screen.getByRole('button', { name: /单元格 H14/ }));
    expect(host.callsOf('selectCell')).toEqual([['表1', 'H14']]);
  });

  it('keyboard: arrows move between findings, Enter selects the cell', async () => {
    const { user, host } = setup();
    await runCheck(user);
    const first = screen.getByRole('button', { name: /^错误，单元格 H7/ });
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /单元格 H23/ }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /单元格 H14/ }));
    await user.keyboard('{Enter}');
    expect(host.callsOf('selectCell')).toEqual([['表1', 'H14']]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /单元格 I16/ }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
  });

  it('采用计算值 writes the fix and checks again', async () => {
    const { user, host } = setup();
    await runCheck(user);
    await user.click(screen.getByRole('button', { name: /采用计算值 98\.36% 写入单元格 H7/ }));
    await waitFor(() => expect(host.callsOf('applyFix')).toEqual([['表1', 'H7', 0.9836, '0.00%']]));
    await waitFor(() => expect(host.callsOf('applyMarks')).toHaveLength(2));
    expect(host.callsOf('readSheet')).toEqual([[undefined], ['表1']]);
    expect(host.callsOf('clearMarks')).toEqual([]);
    await screen.findByText(/已采用计算值写入 表1!H7/);
  });

  it('审核 mode marks with applyMarks(…, "review") and remembers the mode', async () => {
    const { user, host } = setup();
    await user.click(screen.getByRole('radio', { name: '审核' }));
    expect(host.callsOf('saveSetting')).toContainEqual(['mode', 'review']);
    await runCheck(user);
    expect(host.callsOf('applyMarks')[0][1]).toBe('review');
    expect(host.callsOf('applyFix')).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain('未改写任何单元格的值');
  });

  it('the profile choice is saved and used', async () => {
    const { user, host, checkSheet } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: '评分方案' }), 'lincang');
    expect(host.callsOf('saveSetting')).toContainEqual(['profile', 'lincang']);
    await runCheck(user);
    expect(checkSheet.profiles.at(-1)).toBe(LINCANG);
  });

  it('settings are restored from the host', async () => {
    const host = new FakeHost([sheet('表1'), sheet('表2')]);
    host.settings.set('mode', 'review');
    host.settings.set('scope', 'all');
    host.settings.set('profile', 'lincang');
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} checkSheet={fakeCheck()} />
      </FluentProvider>,
    );
    await waitFor(() => expect((screen.getByRole('radio', { name: '审核' }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByRole('radio', { name: '全部工作表' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: '评分方案' }) as HTMLSelectElement).value).toBe('lincang');
  });

  it('a profile JSON file is parsed, used and saved', async () => {
    const { user, host, checkSheet } = setup();
    const json = JSON.stringify({ extends: 'mof', id: 'hubei', name: '湖北省', budgetWeight: 20 });
    await user.upload(screen.getByLabelText('选择评分方案 JSON 文件'), new File([json], 'hubei.json', { type: 'application/json' }));
    await screen.findByText('已加载评分方案：湖北省。');
    // Saved resolved, as the ribbon command reads it (src/commands/settings.ts).
    const saved = host.callsOf('saveSetting').find((c) => c[0] === 'profile')?.[1] as string;
    expect(JSON.parse(saved)).toMatchObject({ id: 'hubei', name: '湖北省', budgetWeight: 20, grades: MOF.grades });
    expect(profileFromSetting(saved)).toMatchObject({ id: 'hubei', budgetWeight: 20 });
    expect((screen.getByRole('combobox', { name: '评分方案' }) as HTMLSelectElement).value).toBe('custom');
    await runCheck(user);
    expect(checkSheet.profiles.at(-1)).toMatchObject({ id: 'hubei', budgetWeight: 20 });
    expect(checkSheet.profiles.at(-1)).not.toBe(MOF);
    // And it is restored as the custom profile.
    cleanup();
    const again = new FakeHost([sheet('表1')]);
    again.settings.set('profile', saved);
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={again} checkSheet={fakeCheck()} />
      </FluentProvider>,
    );
    await waitFor(() => expect((screen.getByRole('combobox', { name: '评分方案' }) as HTMLSelectElement).value).toBe('custom'));
    expect(screen.getByRole('option', { name: '自定义：湖北省' })).toBeTruthy();
  });

  it('a broken profile file shows the error, never crashes', async () => {
    const { user } = setup();
    await user.upload(screen.getByLabelText('选择评分方案 JSON 文件'), new File(['{oops'], 'bad.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toContain('评分方案文件不是有效的 JSON');
  });

  it('全部工作表: checks every sheet and shows a per-sheet summary', async () => {
    const { user, host } = setup(['表1', '表2', '校验报告']);
    await user.click(screen.getByRole('radio', { name: '全部工作表' }));
    expect(host.callsOf('saveSetting')).toContainEqual(['scope', 'all']);
    await runCheck(user);
    // The report sheet the pane writes itself is never checked.
    expect(host.callsOf('readSheet')).toEqual([['表1'], ['表2']]);
    expect(host.callsOf('clearMarks')).toEqual([]);
    const table = screen.getByRole('table', { name: '各工作表汇总' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain('表1');
    expect(rows[2].textContent).toContain('表2');
    expect(screen.getByRole('group', { name: '表：政务督查经费' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '工作表：表2' })).toBeTruthy();
  });

  it('导出校验报告 sends a summary row per form, then one row per finding; 清除标记 clears', async () => {
    const { user, host } = setup();
    await runCheck(user);
    await user.click(screen.getByRole('button', { name: '导出校验报告' }));
    await waitFor(() => expect(host.callsOf('exportReport')).toHaveLength(1));
    const all = host.callsOf('exportReport')[0][0] as { cell: string; severity: string; code: string; message: string }[];
    const summaries = all.filter((r) => r.code === '');
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries[0].message).toMatch(/^项目支出绩效自评表：总分 \d+/);
    const rows = all.filter((r) => r.code !== '');
    expect(rows.map((r) => r.cell)).toEqual(['H7', 'H23', 'H14', 'I16']);
    expect(rows[0]).toMatchObject({ sheet: '表1', severity: '错误', code: 'EXECUTION_RATE_MISMATCH' });
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    await screen.findByText(/已清除/);
    expect(host.callsOf('clearMarks').at(-1)).toEqual([['表1']]);
    expect(screen.queryByRole('list', { name: '错误（2）' })).toBeNull();
  });

  it('a HostError is shown as a message bar with its Chinese text', async () => {
    const { user, host } = setup();
    host.failNext.applyMarks = new HostError('工作表“表1”受保护，无法写入标记。请先撤销工作表保护。', 'protected');
    await user.click(screen.getByRole('button', { name: '校验并计分' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('工作表“表1”受保护，无法写入标记。');
    await user.click(screen.getByRole('button', { name: '关闭提示' }));
    expect(screen.queryByRole('alert')).toBeNull();
    // The pane still works afterwards.
    await runCheck(user);
  });

  it('a WorkbookReadError or a stray error never crashes the pane', async () => {
    const { user, host } = setup();
    const err = new Error('文件已损坏或不完整，无法读取。');
    err.name = 'WorkbookReadError';
    host.failNext.readSheet = err;
    await user.click(screen.getByRole('button', { name: '校验并计分' }));
    expect((await screen.findByRole('alert')).textContent).toContain('文件已损坏或不完整，无法读取。');
    host.failNext.selectCell = new TypeError('boom');
    await runCheck(user);
    await user.click(screen.getByRole('button', { name: /^错误，单元格 H7/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('操作未完成：boom');
  });

  it('a sheet without a form says so', async () => {
    const { user } = setup(['空表']);
    await runCheck(user);
    expect(screen.getByText(/未在工作表“空表”中找到绩效自评表（表中需有“一级指标、二级指标、三级指标”及“得分”（或“自评分数”、“预算指标值”）表头）/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('未找到绩效自评表');
  });

  it('shows what a ribbon command did (shared runtime)', async () => {
    setup();
    const c: SheetCheck = { sheet: '表1', forms: [form('表1')], fills: [], findings: [] };
    act(() => publishRun({ kind: 'checked', at: Date.now(), checks: [c], mode: 'fill', summary: { marked: 3, filled: 0, notesSupported: true } }));
    expect(await screen.findByRole('group', { name: '表：大院保安转辅警经费' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/^功能区命令校验完成/);
    act(() => publishRun({ kind: 'failed', at: Date.now(), action: 'clearMarks', message: '工作表受保护，无法清除标记。' }));
    expect((await screen.findByRole('alert')).textContent).toContain('工作表受保护，无法清除标记。');
    act(() => publishRun({ kind: 'cleared', at: Date.now(), cleared: 4 }));
    expect(await screen.findByText('已清除 4 个单元格的标记。')).toBeTruthy();
  });

  it('every control is labelled', async () => {
    setup();
    for (const name of ['填报', '审核', '本工作表', '全部工作表']) expect(screen.getByRole('radio', { name })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: '模式' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: '范围' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '评分方案' })).toBeTruthy();
    expect(screen.getByLabelText('选择评分方案 JSON 文件')).toBeTruthy();
    for (const name of ['校验并计分', '清除标记', '导出校验报告', '从 JSON 文件加载…']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    void vi;
  });
});
