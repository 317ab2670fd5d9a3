import { describe, expect, it } from 'vitest';
import { parseProfile, parseProfileText, ProfileError } from '../../../src/core/rules/profileFile';
import { LINCANG, MOF } from '../../../src/core/rules/profile';
import { check } from '../../../src/core/check';
import { projectForm, STANDARD_ROWS } from '../formBuilder';

describe('profile files', () => {
  it('an empty object is mof under another id', () => {
    expect(parseProfile({})).toEqual({ ...MOF, id: 'mof-custom' });
  });

  it('extends a built-in profile and overrides only what it names', () => {
    const p = parseProfile({ extends: 'lincang', id: 'lc2', budgetWeight: 20, qualitativeBands: { partial: 0.5 } });
    expect(p).toEqual({ ...LINCANG, id: 'lc2', budgetWeight: 20, qualitativeBands: { achieved: 0.8, partial: 0.5 } });
    expect(LINCANG.budgetWeight).toBe(10);
  });

  it('sorts grades highest first and requires a bottom grade at 0', () => {
    const p = parseProfile({ grades: [{ label: '差', min: 0 }, { label: '优', min: 95 }] });
    expect(p.grades.map((g) => g.label)).toEqual(['优', '差']);
    expect(() => parseProfile({ grades: [{ label: '优', min: 90 }] })).toThrow(/min 应为 0/);
  });

  it.each([
    [{ budgetWieght: 20 }, '未知配置项“budgetWieght”'],
    [{ budgetWeight: '20' }, 'budgetWeight 应为数字'],
    [{ reverseFormula: 'log' }, 'reverseFormula 应为 "ratio"'],
    [{ extends: 'guangxi' }, 'extends 应为内置方案'],
    [{ level1Weights: { 决策: 20 } }, 'level1Weights 的键'],
    [{ qualitativeBands: { achieved: 0.5, partial: 0.6 } }, 'partial 不能大于 achieved'],
    [[1, 2], '应为一个 JSON 对象'],
  ])('refuses %j with a message naming the field', (json, message) => {
    expect(() => parseProfile(json)).toThrow(ProfileError);
    expect(() => parseProfile(json)).toThrow(message);
  });

  it('reports JSON syntax errors in Chinese', () => {
    expect(() => parseProfileText('{ "grades": [ }')).toThrow(/不是有效的 JSON/);
  });

  it('a province profile changes the scores: budget worth 20, linear reverse scoring', () => {
    const hubei = parseProfile({ budgetWeight: 20, reverseFormula: 'linear', level1Weights: {} });
    const rows = STANDARD_ROWS.map((r, i) => (i === 3 ? { ...r, actual: '4000元', score: null } : r));
    const r = check(projectForm({ rows, funds: [100, 100, 90, 20, null, null], total: { score: null, weight: 110 } }), hubei);
    expect(r.forms[0].budget.score.computed).toBe(18);
    expect(r.forms[0].indicators[3].score.computed).toBe(9.47);
    expect(r.forms[0].findings.map((f) => f.code)).toContain('WEIGHT_SUM_MISMATCH');
  });

  it('Sichuan: 执行率 below 90% needs a reason (an error)', () => {
    const sichuan = parseProfile({ reasonRequired: { executionRateBelow: 0.9 } });
    const r = check(projectForm({ funds: [100, 100, 85, 10, '85%', 8.5], total: { score: 98.5 } }), sichuan);
    const f = r.forms[0].findings.find((x) => x.code === 'DEVIATION_REASON_MISSING');
    expect(f).toMatchObject({ severity: 'error', cell: 'H6' });
    expect(f!.message).toContain('85.00%');
    expect(check(projectForm({ funds: [100, 100, 85, 10, '85%', 8.5], total: { score: 98.5 } })).forms[0].findings).toEqual([]);
  });

  it('Guangxi: overachievement by 30% without a reason is an error', () => {
    const guangxi = parseProfile({ reasonRequired: { overachievementAt: 1.3 } });
    const rows = STANDARD_ROWS.map((r, i) => (i === 0 ? { ...r, actual: '40人' } : r));
    const f = check(projectForm({ rows }), guangxi).forms[0].findings.find((x) => x.code === 'OVERACHIEVEMENT_UNEXPLAINED');
    expect(f?.severity).toBe('error');
  });
});

describe('profile files: strict at every depth', () => {
  it.each([
    [{ reasonRequired: { belowWeigth: true } }, '未知配置项“reasonRequired.belowWeigth”'],
    [{ qualitativeBands: { achieved: 0.8, partal: 0.5 } }, '未知配置项“qualitativeBands.partal”'],
    [{ grades: [{ label: '优', min: 90, colour: 'red' }, { label: '差', min: 0 }] }, '未知配置项“grades[0].colour”'],
    [{ grades: [{ label: '', min: 90 }, { label: '差', min: 0 }] }, 'grades[0].label 应为非空'],
    [{ grades: [{ label: '  ', min: 90 }, { label: '差', min: 0 }] }, 'grades[0].label 应为非空'],
    [{ grades: [{ label: '=HYPERLINK("http://x","优")', min: 90 }, { label: '差', min: 0 }] }, '不能以 =、+、-、@ 开头'],
    [{ grades: [{ label: '@SUM(A1)', min: 90 }, { label: '差', min: 0 }] }, '不能以 =、+、-、@ 开头'],
    [{ grades: [{ label: '优\u001b[2J', min: 90 }, { label: '差', min: 0 }] }, '不能含有控制字符'],
    [{ grades: [{ label: '优', min: 90 }, { label: '优', min: 0 }] }, '等级“优”出现了两次'],
    [{ grades: [{ label: '优', min: 80 }, { label: '良', min: 80 }, { label: '差', min: 0 }] }, '两个等级的 min 都是 80'],
  ])('%j is refused: %s', (json, message) => {
    expect(() => parseProfile(json)).toThrow(ProfileError);
    expect(() => parseProfile(json)).toThrow(message);
  });

  it('accepts a file saved with a UTF-8 byte-order mark (Notepad)', () => {
    expect(parseProfileText('\uFEFF{"extends":"lincang","id":"lc-bom"}')).toMatchObject({ id: 'lc-bom', grades: LINCANG.grades });
  });

  it('a resolved profile (as the pane saves it) reads back whole', () => {
    const p = parseProfile({ extends: 'mof', id: 'hubei', budgetWeight: 20 });
    expect(parseProfileText(JSON.stringify(p))).toEqual(p);
  });
});
