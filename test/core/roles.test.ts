import { describe, expect, it } from 'vitest';
import { check } from '../../src/core/check';
import { parseProfile, ProfileError } from '../../src/core/rules/profileFile';
import { isLabel, labelKey } from '../../src/core/recognize/labels';
import { stripDecorations } from '../../src/core/recognize/lexicon';
import type { CellValue, SheetModel } from '../../src/core/sheet';
import { projectForm } from './formBuilder';
import { sheetOf } from './sheetOf';

const codes = (r: ReturnType<typeof check>) => r.forms.flatMap((f) => f.findings.map((x) => `${x.code}@${x.cell}`));
const errors = (r: ReturnType<typeof check>) => r.forms.flatMap((f) => f.findings.filter((x) => x.severity === 'error').map((x) => `${x.code}@${x.cell}`));

/** The standard form with some cells replaced (A1 → value). */
function edited(changes: Record<string, CellValue>, base: SheetModel = projectForm()): SheetModel {
  const values = base.values.map((r) => [...r]);
  for (const [ref, v] of Object.entries(changes)) {
    const col = ref.charCodeAt(0) - 65;
    const row = Number(ref.slice(1)) - 1;
    while (values[row].length <= col) for (const r of values) r.push(null);
    values[row][col] = v;
  }
  return { ...base, values };
}

describe('the role lexicon', () => {
  it.each([
    ['全年预算数(A)', 'plannedYear'],
    ['全年执行数（B）', 'executed'],
    ['执行率(B/A)', 'rate'],
    ['预算执行率(B/A×100%)', 'rate'],
    ['年初预算', 'plannedStart'],
    ['得分\n(20分*执行率)', 'score'],
    ['年初目标值(A)', 'target'],
    ['全年实际值', 'actual'],
    ['实施单位\n(盖章)', 'implementer'],
    ['★权重', 'weight'],
    ['年度资金总额：', 'totalFunds'],
  ] as const)('%j plays the role %s', (text, role) => {
    expect(isLabel(labelKey(text), role)).toBe(true);
  });

  it('strips decorations only: the words stay', () => {
    expect(stripDecorations('预算执行情况(万元)(20分)')).toBe('预算执行情况');
    expect(stripDecorations('★补助鱼塘面积')).toBe('补助鱼塘面积');
    expect(stripDecorations('发放(缴纳)覆盖率')).toBe('发放(缴纳)覆盖率');
  });

  it('a header worded 全年完成值 / 权重 / 自评得分 is read like the template’s 实际完成值 / 分值 / 得分', () => {
    const r = check(edited({ F10: '全年完成值', G10: '权重', H10: '自评得分' }));
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].total).toMatchObject({ weight: 100, computed: 100 });
    expect(errors(r)).toEqual([]);
  });

  it('a province’s own wording is added by its profile, without code', () => {
    const sheet = edited({ F10: '实际完成情况' });
    expect(check(sheet).forms).toHaveLength(0);
    const profile = parseProfile({ name: '某省', wordings: { actual: ['实际完成情况'] } });
    const r = check(sheet, profile);
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].indicators[0].actual).toBe('30人');
    expect(errors(r)).toEqual([]);
    // The wording is the profile's only: the next check without it does not know it.
    expect(check(sheet).forms).toHaveLength(0);
  });

  it('a profile’s wordings are validated like its other fields', () => {
    for (const [json, message] of [
      [{ wordings: { actuall: ['实际完成情况'] } }, '未知配置项“wordings.actuall”'],
      [{ wordings: { actual: [] } }, 'wordings.actual 应为非空的写法数组'],
      [{ wordings: { actual: [''] } }, 'wordings.actual[0] 应为非空字符串'],
      [{ wordings: ['实际完成情况'] }, 'wordings 应为对象'],
    ] as const) {
      expect(() => parseProfile(json)).toThrow(ProfileError);
      expect(() => parseProfile(json)).toThrow(message);
    }
  });
});

describe('precision first', () => {
  it('a header column with no role is named once as info, and nothing reads it', () => {
    // 备注 between 得分 and 偏差原因分析.
    const base = projectForm({ rows: undefined });
    const values = base.values.map((r) => [...r.slice(0, 8), null, ...r.slice(8)]);
    values[9][8] = '备注';
    values[10][8] = '不是数字';
    const r = check({ ...base, values, merges: base.merges.map((m) => (m.right >= 8 ? { ...m, right: m.right + 1, left: m.left >= 8 ? m.left + 1 : m.left } : m)) });
    const unread = r.forms[0].findings.filter((x) => x.code === 'COLUMNS_UNRECOGNIZED');
    expect(unread).toEqual([expect.objectContaining({ severity: 'info', cell: 'I10', message: expect.stringContaining('未能识别的列：“备注”（I10）') })]);
    expect(errors(r)).toEqual([]);
  });

  it('a 计分表-shaped table without weights in a column or in its labels is not forced into family C', () => {
    const sheet = sheetOf([
      ['一级指标', '二级指标', '三级指标', '得分'],
      ['决策', '项目立项', '立项依据充分性', 5],
      [null, null, '立项程序规范性', 4],
      ['合计', null, null, 9],
    ]);
    expect(check(sheet).forms).toEqual([]);
    // The same table with its weights in the labels is one.
    const weighted = sheetOf([
      ['一级指标', '二级指标', '三级指标', '得分'],
      ['决策（10分）', '项目立项（10分）', '立项依据充分性（5分）', 5],
      [null, null, '立项程序规范性（5分）', 4],
      ['合计', null, null, 9],
    ]);
    expect(check(weighted).forms[0].kind).toBe('framework');
  });

  it('weights stated in percent are points of the 100-point form its 得分 are in', () => {
    const rows = [
      { l1: '产出指标', l2: '数量指标', l3: '发放覆盖率', target: '=100%', actual: '100%', weight: '50%', score: 50 },
      { l1: '效益指标', l2: '社会效益指标', l3: '足额保障率', target: '=100%', actual: '100%', weight: '30%', score: 30 },
      { l1: '满意度指标', l2: '服务对象满意度指标', l3: '职工满意度', target: '≥90%', actual: '95%', weight: '10%', score: 10 },
    ];
    const r = check(projectForm({ rows, funds: [100, 100, 100, '10%', '100%', 10] }));
    expect(r.forms[0].total).toEqual({ weight: 100, stated: 100, computed: 100 });
    expect(r.forms[0].indicators.map((i) => i.weight)).toEqual([50, 30, 10]);
    expect(errors(r)).toEqual([]);
  });

  it('a project name in brackets at the end of the title names a form without a 项目名称 row', () => {
    const base = projectForm();
    const values = base.values.filter((_, i) => i !== 2).map((r) => [...r]);
    values[0][0] = '2022年度项目支出绩效自评表（运行运转保障经费）';
    const merges = base.merges.filter((m) => m.top !== 2).map((m) => (m.top > 2 ? { ...m, top: m.top - 1, bottom: m.bottom - 1 } : m.bottom >= 2 ? { ...m, bottom: m.bottom - 1 } : m));
    const r = check({ ...base, values, merges });
    expect(r.forms[0].projectName).toBe('运行运转保障经费');
    expect(codes(r).filter((c) => c.startsWith('REQUIRED_FIELD_MISSING'))).toEqual([]);
  });

  it('a 计分表 title `…计分表（运行运转保障经费）` in one cell names the table, not its unit', () => {
    const sheet = sheetOf([
      ['2022年度区本级项目支出绩效自评计分表（运行运转保障经费）'],
      ['部门（单位）名称：资阳市雁江区人民政府办公室   自评等级：优'],
      ['一级指标', '二级指标', '三级指标', '自评分数'],
      ['决策（10分）', '项目立项（10分）', '立项依据充分性（5分）', 5],
      [null, null, '立项程序规范性（5分）', 5],
      ['合计', null, null, 10],
    ]);
    expect(check(sheet).forms[0].projectName).toBe('运行运转保障经费');
  });
});

describe('FUNDS_SUM_MISMATCH', () => {
  /** The standard form's funds: 年度资金总额 at row 6, 其中 at row 7; `other` adds a 其他资金 row (the template's full list). */
  function funds(total: number[], parts: CellValue[][], other: boolean): SheetModel {
    const base = projectForm({ funds: [total[0], total[1], total[2], 10, null, null] });
    const values = base.values.map((r) => [...r]);
    values[6] = [null, '其中：当年财政拨款', null, ...parts[0]];
    const extra: CellValue[][] = parts.slice(1).map((p, i) => [null, i === parts.length - 2 && other ? '其他资金' : '上年结转资金', null, ...p]);
    values.splice(7, 0, ...extra);
    const shift = extra.length;
    const merges = base.merges.map((m) => (m.top > 6 ? { ...m, top: m.top + shift, bottom: m.bottom + shift } : m.bottom >= 6 && m.top < 6 ? { ...m, bottom: m.bottom + shift } : m));
    return { ...base, values, merges };
  }

  it('a total below the Σ of its parts is an error at the total cell', () => {
    const r = check(funds([100, 100, 90], [[80, 80, 70], [30, 30, 20]], false));
    const f = r.forms[0].findings.filter((x) => x.code === 'FUNDS_SUM_MISMATCH');
    expect(f.map((x) => [x.cell, x.severity])).toEqual([['D6', 'error'], ['E6', 'error']]);
  });

  it('a total above the Σ of the parts listed is a warning when the block lists only some parts, an error when it lists every one', () => {
    const some = check(funds([100, 100, 90], [[80, 80, 70]], false)).forms[0].findings.filter((x) => x.code === 'FUNDS_SUM_MISMATCH');
    expect(some.map((x) => [x.cell, x.severity])).toEqual([['D6', 'warning'], ['E6', 'warning'], ['F6', 'warning']]);
    const all = check(funds([100, 100, 90], [[80, 80, 70], [10, 10, 10]], true)).forms[0].findings.filter((x) => x.code === 'FUNDS_SUM_MISMATCH');
    expect(all.map((x) => [x.cell, x.severity])).toEqual([['D6', 'error'], ['E6', 'error'], ['F6', 'error']]);
  });

  it('parts that sum to the total at its precision, `—` parts and `50万元` amounts agree', () => {
    const r = check(funds([50.01, 50.01, 50], [['50万元', '50万元', '50万元'], ['—', '—', '—'], [0.006, 0.006, null]], true));
    // The form and its funds were read (an unread block would report nothing either).
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].budget.planned).toBe(50.01);
    expect(codes(r).filter((c) => c.startsWith('FUNDS_SUM') || c.startsWith('NUMBER_INVALID'))).toEqual([]);
    // The same parts under a total they do not reach disagree.
    const off = check(funds([60, 60, 60], [['50万元', '50万元', '50万元'], ['—', '—', '—'], [0.006, 0.006, null]], true));
    expect(codes(off).filter((c) => c.startsWith('FUNDS_SUM_MISMATCH@'))).toEqual(['FUNDS_SUM_MISMATCH@D6', 'FUNDS_SUM_MISMATCH@E6', 'FUNDS_SUM_MISMATCH@F6']);
  });
});
