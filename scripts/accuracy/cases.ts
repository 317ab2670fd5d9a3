/**
 * The tables `npm run accuracy` measures, each with what it should give: the seed tables (their facts from
 * test/seedFacts.ts, as the seed tests assert them) and the real published tables (test/fixtures/realworld).
 * Each case is one table alone on one sheet of a workbook the fixture setup builds.
 */
import {
  HENGYANG_INVALID_NUMBER,
  HENGYANG_PROJECTS,
  HENGYANG_RATE_MISSTATED,
  WUHUA_EVALUATION,
  YANJIANG_DEPARTMENT_SCORE,
  YANJIANG_PROJECT_SCORES,
  YANJIANG_TARGETS,
} from '../../test/seedFacts';
import { realTables, type AllowedFinding, type ExpectedFinding, type RealKind } from '../fixtures/realworld';

export interface AccuracyCase {
  /** `002-衡阳 表2` or the real table's id. */
  id: string;
  group: 'seed' | 'real';
  /** Where the table comes from: the seed document, or the page's address. */
  source: string;
  province: string;
  /** The workbook, relative to test/fixtures, and the sheet the table is alone on. */
  file: string;
  sheet: string;
  kind: RealKind;
  /** The profile the table's rules come from (a built-in id); `mof` by default. */
  profile: string;
  /** What the publisher states: null where the table states none (or the copy ends before it). */
  published: { total: number | null; grade: string | null };
  verifiedErrors: ExpectedFinding[];
  allowed: AllowedFinding[];
}

function seedCases(): AccuracyCase[] {
  const cases: AccuracyCase[] = [];
  const seed = (c: Omit<AccuracyCase, 'group' | 'profile' | 'allowed' | 'verifiedErrors'> & Partial<AccuracyCase>): void => {
    cases.push({ group: 'seed', profile: 'mof', allowed: [], verifiedErrors: [], ...c });
  };
  HENGYANG_PROJECTS.forEach((name, k) => {
    const verifiedErrors: ExpectedFinding[] = [{ code: 'REQUIRED_FIELD_MISSING', cells: ['C5'], note: '主管部门 is blank (U+3000 only) on every form of 002' }];
    if (HENGYANG_RATE_MISSTATED[k])
      verifiedErrors.push({ code: 'EXECUTION_RATE_MISMATCH', cells: ['H7'], note: `执行率 stated ${HENGYANG_RATE_MISSTATED[k]} where 全年执行数 ÷ 全年预算数 = 100%` });
    if (k === HENGYANG_INVALID_NUMBER.form)
      verifiedErrors.push({ code: 'NUMBER_INVALID', cells: [HENGYANG_INVALID_NUMBER.cell], note: `全年执行数 written ${HENGYANG_INVALID_NUMBER.text}` });
    seed({
      id: `002-衡阳 表${k + 1} ${name}`,
      source: '002 附件4 项目支出绩效自评表',
      province: '湖南',
      file: 'hengyang-one-per-sheet.xlsx',
      sheet: `表${k + 1}`,
      kind: 'project',
      published: { total: 100, grade: null },
      verifiedErrors,
    });
  });
  seed({
    id: '002-衡阳 部门整体',
    source: '002 附件3 部门整体支出绩效自评表',
    province: '湖南',
    file: 'hengyang-department.xlsx',
    sheet: '部门整体',
    kind: 'department',
    // 总分 得分 is empty in the document.
    published: { total: null, grade: null },
    verifiedErrors: [{ code: 'EXECUTION_RATE_MISMATCH', cells: ['F4'], note: '资金执行率 143.91% where 4848.13 ÷ 2677.71 = 181.06%' }],
  });
  seed({
    id: '000-临沧 驻京联络处',
    source: '000 附件1 项目支出绩效自评表',
    province: '云南',
    file: 'lincang-template.xlsx',
    sheet: '自评表',
    kind: 'project',
    profile: 'lincang',
    published: { total: 99, grade: '优' },
  });
  seed({
    id: '001-阿克陶 工作经费',
    source: '001 (rebuilt from the prose, scores left empty)',
    province: '新疆',
    file: 'akto-empty-scores.xlsx',
    sheet: '自评表',
    kind: 'project',
    published: { total: null, grade: null },
    allowed: [{ code: 'SCORE_MISSING', cells: ['H1:H100'], note: 'the rebuilt form leaves every 得分 empty: a qualitative row cannot be computed' }],
  });
  seed({
    id: '003-雁江 计分表 部门整体',
    source: '003 2022年度雁江区整体支出绩效自评计分表',
    province: '四川',
    file: 'yanjiang-scoring.xlsx',
    sheet: '部门整体',
    kind: 'framework',
    published: { total: YANJIANG_DEPARTMENT_SCORE.total, grade: YANJIANG_DEPARTMENT_SCORE.grade },
  });
  for (const p of YANJIANG_PROJECT_SCORES)
    seed({
      id: `003-雁江 计分表 ${p.project}`,
      source: '003 2022年度区本级项目支出绩效自评计分表',
      province: '四川',
      file: 'yanjiang-scoring.xlsx',
      sheet: p.project,
      kind: 'framework',
      published: { total: p.total, grade: '优' },
    });
  for (const t of YANJIANG_TARGETS)
    seed({
      id: `003-雁江 目标表 ${t.project ?? '部门整体'}`,
      source: '003 绩效目标完成情况表',
      province: '四川',
      file: 'yanjiang-targets.xlsx',
      sheet: t.project ?? '部门整体',
      kind: 'targets',
      published: { total: null, grade: null },
    });
  seed({
    id: '004-五华 部门评价表',
    source: '004 附件1 五华区区级预算支出部门评价表',
    province: '云南',
    file: 'wuhua-evaluation.xlsx',
    sheet: '部门评价表',
    kind: 'framework',
    published: { total: WUHUA_EVALUATION.total, grade: WUHUA_EVALUATION.grade },
  });
  return cases;
}

function realCases(): AccuracyCase[] {
  return realTables().map((t) => ({
    id: t.id,
    group: 'real',
    source: t.source.url,
    province: t.province,
    file: `realworld/${t.id}.xlsx`,
    sheet: t.sheet,
    kind: t.kind,
    profile: t.profile ?? 'mof',
    published: { total: t.published.total, grade: t.published.grade },
    verifiedErrors: t.verifiedErrors,
    allowed: t.allowed,
  }));
}

/** Every case: the seed tables, then the real ones. */
export function accuracyCases(): AccuracyCase[] {
  return [...seedCases(), ...realCases()];
}
