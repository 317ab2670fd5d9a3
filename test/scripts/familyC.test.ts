import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { WUHUA_EVALUATION, YANJIANG_DEPARTMENT_SCORE, YANJIANG_PROJECT_SCORES, YANJIANG_TARGETS } from '../seedFacts';
import {
  buildBesideAC,
  buildCleanEvaluation,
  buildCleanScoring,
  buildStackedAC,
  buildWuhuaEvaluation,
  buildWuhuaUnmerged40,
  buildYanjiangScoring,
  buildYanjiangStacked,
  buildYanjiangTargets,
  cleanEvaluationTable,
  cleanScoringTable,
  effectiveLevels,
  isTargetIndicator,
  labelKey,
  newWorkbook,
  titledSegments,
  workbookBuffer,
  writeEvaluationTable,
  writeScoringTable,
  writeTargetsTable,
  wuhuaEvaluation,
  yanjiangDepartmentScoring,
  yanjiangName,
  yanjiangProjectScoring,
  yanjiangScoring,
  yanjiangTargets,
  type EvaluationRow,
} from '../../scripts/build-fixtures';

const trim = (v: unknown): string => String(v ?? '').replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
const num = (v: unknown): number => Number(trim(v));
/** The weight inside a label: `项目立项规范性（5分）` → 5. */
const labelWeight = (s: unknown): number | null => {
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]/u.exec(String(s));
  return m ? Number(m[1]) : null;
};

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const out = new ExcelJS.Workbook();
  await out.xlsx.load((await workbookBuffer(wb)) as unknown as ArrayBuffer);
  return out;
}
const merges = (ws: ExcelJS.Worksheet): string[] => ws.model.merges ?? [];

describe('segments of the seed text', () => {
  it('run from the title to the end of the named row, or to the text after two blank lines', () => {
    const text = ['x', 'T', '\ta', '\tb', '', '\t合计', '\t1', '', '', '附表2', 'T', '\tc', '', '\td', '', '', '下文'].join('\n');
    expect(titledSegments(text, (k) => k === 'T', '合计')).toEqual([['T', '\ta', '\tb', '', '\t合计', '\t1']]);
    expect(titledSegments(text, (k) => k === 'T')).toEqual([
      ['T', '\ta', '\tb', '', '\t合计', '\t1', '', ''],
      ['T', '\tc', '', '\td', '', ''],
    ]);
  });
});

describe('seed 003 (雁江) 自评计分表', () => {
  const all = yanjiangScoring();
  const projects = yanjiangProjectScoring();

  it('nine tables: the 部门整体 table first, then the eight projects in document order with their 合计', () => {
    expect(all).toHaveLength(9);
    expect(all[0].projectLine).toBeNull();
    expect(projects.map((t) => yanjiangName(t))).toEqual(YANJIANG_PROJECT_SCORES.map((p) => p.project));
    expect(projects.map((t) => num(t.total.score))).toEqual(YANJIANG_PROJECT_SCORES.map((p) => p.total));
    for (const t of all) {
      expect(t.source).toMatch(/^003#计分表\d（.+）$/u);
      expect(t.unitLine).toMatch(/自评等级：优$/u);
    }
  });

  it('the 部门整体 table: 单位名称 line, 合计 96.83, 优', () => {
    const d = yanjiangDepartmentScoring();
    expect(d.title).toBe('2022年度雁江区整体支出绩效自评计分表');
    expect(d.unitLine.startsWith(`单位名称：${YANJIANG_DEPARTMENT_SCORE.unit}`)).toBe(true);
    expect(d.unitLine.endsWith(`自评等级：${YANJIANG_DEPARTMENT_SCORE.grade}`)).toBe(true);
    expect(num(d.total.score)).toBe(YANJIANG_DEPARTMENT_SCORE.total);
    expect(d.total.label).toBe('合      计');
  });

  it('every 合计 is the sum of its 三级 scores, and every weight the sum of the weights under it', () => {
    for (const t of all) {
      const sum = t.rows.reduce((s, r) => s + num(r.score), 0);
      expect(Math.round(sum * 100) / 100, t.source).toBe(num(t.total.score));
      const levels = effectiveLevels({ indicators: t.rows });
      const by = new Map<string, number>();
      t.rows.forEach((r, i) => {
        for (const key of [levels[i].level1, `${levels[i].level1}/${levels[i].level2}`]) by.set(key, (by.get(key) ?? 0) + (labelWeight(r.level3) ?? NaN));
      });
      for (const [key, w] of by) expect(w, `${t.source} ${key}`).toBe(labelWeight(key.split('/').pop()));
    }
  });

  it('keeps cells as written: U+3000 before scores, repeated labels after a page break, 合计 `　100`', () => {
    const t = projects[0];
    expect(t.header[0]).toBe('一级\n指标');
    expect(t.rows[0]).toMatchObject({ level1: '投   入（25分）', level2: '项目\n立项（15分）', level3: '项目立项规范性（5分）', score: '　5', basis: '　' });
    expect(t.rows[2].score).toBe('5.80');
    expect(t.rows.filter((r) => r.level1 === '效   果（30分）')).toHaveLength(2);
    expect(t.rows[1]).toMatchObject({ level1: null, level2: null });
    expect(projects[7].total.score).toBe('　100');
  });
});

describe('seed 004 (五华区) 部门评价表', () => {
  const e = wuhuaEvaluation();

  it('header block, funds, 总分 91, 评价等次 优 and its thresholds', () => {
    expect(e.title).toBe('五华区区级预算支出部门评价表');
    expect(e.projectName).toBe(WUHUA_EVALUATION.project);
    expect(e.fundsHeader).toEqual(['项目支出明细内容', '年初预算数', '实际到位数', '实际支出数', '执行率']);
    const district = e.funds.find((f) => trim(f[0]) === '区级财政')!;
    const { planned, received, spent, rate } = WUHUA_EVALUATION.funds;
    expect([num(district[1]), num(district[2]), num(district[3]), district[4]]).toEqual([planned, received, spent, rate]);
    expect(e.funds.map((f) => trim(f[0]))).toEqual(['合      计', '其中：中央财政', '省级财政', '市级财政', '区级财政', '其他']);
    expect(num(e.total[6])).toBe(WUHUA_EVALUATION.total);
    expect(e.total).toEqual(['总分', '100', '', '100', '', '100', '91']);
    // The chosen grade is the one without a box.
    const chosen = [...String(e.grade).matchAll(/([优良中差])\s*(□?)/gu)].filter((m) => m[2] === '').map((m) => m[1]);
    expect(chosen).toEqual([WUHUA_EVALUATION.grade]);
    expect(e.thresholds).toBe(WUHUA_EVALUATION.thresholds);
  });

  it('the 40 continues over 决策 and 过程, the 60 over 产出 and the 效益 groups, each adding up', () => {
    const blocks: { weight: number; rows: EvaluationRow[] }[] = [];
    for (const r of e.rows) {
      if (r.weight1 !== null) blocks.push({ weight: num(r.weight1), rows: [] });
      blocks[blocks.length - 1].rows.push(r);
    }
    expect(blocks.map((b) => ({ weight: b.weight, rows: b.rows.length, sum: b.rows.reduce((s, r) => s + num(r.weight3), 0) }))).toEqual(
      WUHUA_EVALUATION.level1Weights.map(({ weight, rows, sum }) => ({ weight, rows, sum })),
    );
    expect(blocks[0].rows.map((r) => r.level1).filter((l) => l !== null)).toEqual(['决策', '过程']);
    const l1 = effectiveLevels({ indicators: e.rows });
    const sumOf = (name: string): number => e.rows.reduce((s, r, i) => s + (l1[i].level1 === name ? num(r.weight3) : 0), 0);
    expect([sumOf('决策'), sumOf('过程')]).toEqual([WUHUA_EVALUATION.decisionSum, WUHUA_EVALUATION.processSum]);
    const effect = [...WUHUA_EVALUATION.misplacedEffectGroups, ...WUHUA_EVALUATION.notApplicable];
    for (const g of effect) expect(l1[e.rows.findIndex((r) => r.level2 === g)].level1, g).toBe('产出');
    for (const g of WUHUA_EVALUATION.notApplicable) expect(e.rows.find((r) => r.level2 === g)).toMatchObject({ level3: '不涉及', weight3: '', score: '' });
    expect(e.rows.reduce((s, r) => s + num(r.score), 0)).toBe(WUHUA_EVALUATION.total);
  });

  it('repeated 二级 labels with the weight on one row; two 资金管理 groups', () => {
    const quality = e.rows.filter((r) => r.level2 === '产出质量');
    expect(quality.map((r) => r.weight2)).toEqual(['', '', '9', '', '', '']);
    expect(e.rows.filter((r) => r.level2 === '产出数量')).toHaveLength(17);
    expect(e.rows.filter((r) => r.level2 === '资金管理').map((r) => r.weight2)).toEqual(['6', '7']);
    expect(e.rows.find((r) => r.level2 === '组织实施　')).toBeTruthy();
  });
});

describe('seed 003 (雁江) 绩效目标完成情况表', () => {
  const all = yanjiangTargets();

  it('nine tables with their names and 预算执行情况 合计', () => {
    expect(all.map((t) => (t.projectName ? trim(t.projectName[1]) : null))).toEqual(YANJIANG_TARGETS.map((x) => x.project));
    expect(all.map((t) => [num(t.budget.rows[0][1]), num(t.budget.rows[0][2])])).toEqual(YANJIANG_TARGETS.map((x) => [x.budget, x.executed]));
    for (const t of all) {
      expect(t.title).toMatch(/^2022年度区本级(项目|部门整体)支出绩效目标完成情况表$/u);
      expect(labelKey(t.unit[0])).toBe(labelKey('部门（单位）名称'));
      // 扶贫基金's table writes `执行额（万元` (no closing bracket).
      expect(t.budget.header.map((h) => labelKey(String(h)).replace(/\(.*$/u, ''))).toEqual(['项目', '预算额', '执行额', '当年结转结余额', '结转结余率%', '结转结余变动率%']);
      expect(labelKey(t.indicatorsLabel)).toBe('年度绩效指标');
    }
    expect(all[0].budget.rows.map((r) => r[0])).toEqual(['合计', '基本支出', '政策和项目支出']);
    expect(all[1].budget.rows.map((r) => trim(r[0]))).toEqual(['合   计', '财政拨款', '其他资金']);
    expect(all[1].structure.label).toBe('财政拨款结构');
    expect(all[0].structure.label).toBe('预算\n结构');
  });

  it('indicator rows as written: `指标1:` rows with their content, template rows, the cut-off last row', () => {
    const t = all[1];
    expect(t.indicators[0]).toMatchObject({ section: null, level1: '项目\n完成', level2: '数量\n指标', level3: '指标1:', target: '公开政务信息9万余条', result: '全面完成政务信息公开9万余条' });
    // The page break repeats 年度绩效指标 and 项目完成 beside the third 数量 row.
    expect(t.indicators[2]).toMatchObject({ section: '年度绩\n效指标', level1: '项目\n完成', level2: '数量\n指标', level3: '指标3' });
    const empty = t.indicators.find((r) => r.level2 === '经济效益指标')!;
    expect(isTargetIndicator(empty)).toBe(false);
    expect(isTargetIndicator(t.indicators[0])).toBe(true);
    const last = all[8].indicators[all[8].indicators.length - 1];
    expect(last).toEqual({ section: null, level1: null, level2: '…….', level3: null, target: null, result: null, deviation: null });
  });
});

describe('family C and targets writers', () => {
  it('计分表 at the template addresses, anywhere on a sheet', () => {
    const t = yanjiangProjectScoring()[0];
    const L = writeScoringTable(newWorkbook().addWorksheet('t'), t, { row: 1, col: 1 });
    expect(L).toMatchObject({ range: 'A1:G25', title: 'A1', projectLine: 'A2', unitLine: 'A3', grade: 'A3', headerRow: 4, totalRow: 25, totalLabel: 'A25', totalScore: 'F25', totalBasis: 'G25' });
    expect(L.rows.map((r) => r.row)).toEqual(Array.from({ length: 20 }, (_, k) => 5 + k));
    expect(L.rows[0]).toMatchObject({ level1: 'A5', level2: 'B5', level3: 'C5', explanation: 'D5', standard: 'E5', score: 'F5', basis: 'G5' });
    expect(L.rows[4]).toMatchObject({ level1: 'A5', level2: 'B8', score: 'F9' });
    const d = writeScoringTable(newWorkbook().addWorksheet('t'), yanjiangDepartmentScoring(), { row: 3, col: 2 });
    expect(d).toMatchObject({ range: 'B3:H34', projectLine: null, unitLine: 'B4', headerRow: 5, totalScore: 'G34' });
  });

  it('评价表 at the template addresses', () => {
    const L = writeEvaluationTable(newWorkbook().addWorksheet('t'), wuhuaEvaluation(), { row: 1, col: 1 });
    expect(L).toMatchObject({ title: 'A1', yearLine: 'A2', projectName: 'B3', department: 'B4', implementer: 'E4', manager: 'B5', type: 'B6', fundsHeaderRow: 7 });
    expect(L.detail).toMatchObject({ row: 8, label: 'B8', planned: 'C8', received: 'D8', spent: 'E8', rate: 'F8' });
    expect(L.funds.map((f) => f.row)).toEqual([13, 14, 15, 16, 17, 18]);
    expect(L.funds[4]).toMatchObject({ label: 'A17', planned: 'C17', received: 'D17', spent: 'E17', rate: 'F17' });
    expect([L.goalsRow, L.headerRow]).toEqual([19, 22]);
    expect(L.rows[0]).toMatchObject({ row: 23, level1: 'A23', weight1: 'B23', level2: 'C23', weight2: 'D23', level3: 'E23', weight3: 'F23', score: 'G23' });
    expect(L.rows[6]).toMatchObject({ level1: 'A29', weight1: 'B23', level2: 'C29' }); // 过程 under the 40
    expect(L.rows[13]).toMatchObject({ level2: 'C36', weight2: 'D36' }); // 产出数量 repeated: its own cells
    expect(L).toMatchObject({ totalRow: 68, totalWeight1: 'B68', totalWeight2: 'D68', totalWeight3: 'F68', totalScore: 'G68', gradeRow: 69, grade: 'B69', thresholds: 'B70', range: 'A1:G70' });
  });

  it('targets table at the template addresses', () => {
    const t = yanjiangTargets();
    const L = writeTargetsTable(newWorkbook().addWorksheet('t'), t[1], { row: 1, col: 1 });
    expect(L).toMatchObject({ title: 'A1', projectName: 'B2', unit: 'B5', unitCode: 'F5', budgetHeaderRow: 6, structureHeaderRow: 10, goalsHeaderRow: 16, indicatorHeaderRow: 22 });
    expect(L.budget[0]).toMatchObject({ row: 7, label: 'B7', amount: 'C7', executed: 'D7', carryover: 'E7', carryoverRate: 'F7', changeRate: 'G7' });
    expect(L.goals[0]).toMatchObject({ row: 17, goal: 'B17', result: 'D17', deviation: 'F17' });
    expect(L.indicators[0]).toMatchObject({ row: 23, section: 'A22', level1: 'B23', level2: 'C23', level3: 'D23', target: 'E23', result: 'F23', deviation: 'G23' });
    expect(L.indicators[2]).toMatchObject({ section: 'A25', level1: 'B25', level2: 'C25' });
    expect(L.range).toBe(`A1:G${22 + t[1].indicators.length}`);
    const d = writeTargetsTable(newWorkbook().addWorksheet('t'), t[0], { row: 1, col: 1 });
    expect(d).toMatchObject({ projectName: null, unit: 'B2', budgetHeaderRow: 3 });
  });
});

describe('family C fixture workbooks', () => {
  it('yanjiang-scoring: nine sheets, totals and scores at the layout addresses, merges', async () => {
    const built = buildYanjiangScoring();
    const wb = await reload(built.wb);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['部门整体', ...YANJIANG_PROJECT_SCORES.map((p) => p.project)]);
    built.layouts.forEach(({ sheet, layout }, k) => {
      const ws = wb.getWorksheet(sheet)!;
      const total = ws.getCell(layout.totalScore).value;
      expect(num(total), sheet).toBe(k === 0 ? YANJIANG_DEPARTMENT_SCORE.total : YANJIANG_PROJECT_SCORES[k - 1].total);
      expect(String(ws.getCell(layout.unitLine).value)).toMatch(/自评等级：优$/u);
    });
    const ws = wb.getWorksheet('运行运转保障经费')!;
    expect(ws.getCell('F5').value).toBe('　5'); // as written
    expect(ws.getCell('F7').value).toBe(5.8);
    expect(ws.getCell('F25').value).toBe(99.35);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:G1', 'A2:G2', 'A3:G3', 'A5:A9', 'B5:B7', 'B8:B9', 'A25:E25']));
    // `效   果（30分）` repeated after the page break: two cells, not one merge.
    const effect: string[] = [];
    ws.eachRow((row) => {
      const c = row.getCell(1);
      if (c.master.address === c.address && c.value === '效   果（30分）') effect.push(c.address);
    });
    expect(effect).toEqual(['A20', 'A22']);
    expect(wb.getWorksheet('预算管理一体化系统会计核算培训及运维费')!.getCell('F25').value).toBe('　100');
  });

  it('wuhua-evaluation: the 40 merged over 决策 and 过程, the 60 over the rest; the variant stops the 40 at 决策', async () => {
    const built = buildWuhuaEvaluation();
    const ws = (await reload(built.wb)).getWorksheet('部门评价表')!;
    const L = built.layouts[0].layout;
    const m = merges(ws);
    expect(m).toEqual(expect.arrayContaining(['B23:B33', 'B34:B67', 'A23:A28', 'A29:A33', 'A34:A67', 'C23:C24', 'D23:D24', 'A7:A12', 'A13:B13', 'F7:G7', 'A69:A70', 'B69:G69']));
    expect(m.some((r) => r.startsWith('C36:'))).toBe(false);
    expect([ws.getCell(L.rows[0].weight1).value, ws.getCell(L.rows[11].weight1).value]).toEqual([40, 60]);
    expect(ws.getCell(L.totalScore).value).toBe(91);
    expect(ws.getCell(L.grade).value).toBe('优        良□       中 □       差□');
    expect(ws.getCell(L.funds[4].rate).value).toBeCloseTo(0.7368, 10);
    expect(ws.getCell(L.funds[4].rate).numFmt).toBe('0.00%');
    expect(ws.getCell(L.funds[4].planned).value).toBe(397.8);

    const v = (await reload(buildWuhuaUnmerged40().wb)).getWorksheet('部门评价表')!;
    expect(merges(v)).toEqual(expect.arrayContaining(['B23:B28', 'B29:B33', 'B34:B67']));
    expect(merges(v)).not.toContain('B23:B33');
    expect([v.getCell('B23').value, v.getCell('B29').value]).toEqual([40, null]);
  });

  it('yanjiang-targets: nine sheets, budget and indicator cells at the layout addresses', async () => {
    const built = buildYanjiangTargets();
    const wb = await reload(built.wb);
    expect(wb.worksheets.map((w) => w.name)).toEqual(YANJIANG_TARGETS.map((x) => x.project ?? '部门整体'));
    built.layouts.forEach(({ sheet, layout }, k) => {
      const ws = wb.getWorksheet(sheet)!;
      expect(num(ws.getCell(layout.budget[0].amount).value), sheet).toBe(YANJIANG_TARGETS[k].budget);
      expect(num(ws.getCell(layout.budget[0].executed).value), sheet).toBe(YANJIANG_TARGETS[k].executed);
    });
    const ws = wb.getWorksheet('运行运转保障经费')!;
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:G1', 'B2:G2', 'A3:A4', 'D3:E3', 'A6:A9', 'A10:A15', 'B17:C17', 'A22:A24', 'B23:B24']));
    expect([ws.getCell('D23').value, ws.getCell('E23').value]).toEqual(['指标1:', '公开政务信息9万余条']);
  });

  it('stacked-family-a-c: a family A form and a 计分表 under it', async () => {
    const built = buildStackedAC();
    expect(built.form.range).toBe('A1:J23');
    expect(built.scoring.range).toBe('A27:G51');
    const ws = (await reload(built.wb)).getWorksheet('汇总')!;
    expect([ws.getCell('A1').value, ws.getCell('A27').value, ws.getCell(built.scoring.totalScore).value]).toEqual([
      '项目支出绩效自评表',
      '2022年度区本级项目支出绩效自评计分表',
      99.35,
    ]);
  });

  it('yanjiang-stacked: every project 计分表 then its targets table, sixteen tables on one sheet', async () => {
    const built = buildYanjiangStacked();
    expect(built.scoring).toHaveLength(8);
    expect(built.targets).toHaveLength(8);
    expect(built.scoring[0].range).toBe('A1:G25');
    expect(built.targets[0].top).toBe(25 + 3 + 1);
    expect(built.scoring[1].top).toBe(built.targets[0].bottom + 4);
    const ws = (await reload(built.wb)).getWorksheet('附表')!;
    built.scoring.forEach((s, k) => {
      expect(ws.getCell(s.projectLine!).value).toBe(`（${YANJIANG_PROJECT_SCORES[k].project}）`);
      expect(num(ws.getCell(s.totalScore).value)).toBe(YANJIANG_PROJECT_SCORES[k].total);
      expect(trim(ws.getCell(built.targets[k].projectName!).value)).toBe(YANJIANG_TARGETS[k + 1].project);
    });
  });

  it('beside-family-a-c: a family A form and the 004 table beside it', async () => {
    const built = buildBesideAC();
    expect(built.form.range).toBe('A1:J23');
    expect(built.evaluation).toMatchObject({ range: 'L1:R70', projectName: 'M3', totalScore: 'R68', grade: 'M69' });
    expect(built.evaluation.rows[0]).toMatchObject({ weight1: 'M23', score: 'R23' });
    const ws = (await reload(built.wb)).getWorksheet('汇总')!;
    expect([ws.getCell('A1').value, ws.getCell('L1').value, ws.getCell('K1').value, ws.getCell('R68').value]).toEqual(['项目支出绩效自评表', '五华区区级预算支出部门评价表', null, 91]);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A1:J1', 'L1:R1', 'M23:M33']));
  });

  it('clean-scoring: numbers only, full scores, 合计 100, no repeated labels', async () => {
    const t = cleanScoringTable();
    expect(t.rows.every((r) => num(r.score) === labelWeight(r.level3))).toBe(true);
    expect(t.rows.filter((r) => r.level1 !== null).map((r) => labelWeight(r.level1))).toEqual([25, 25, 20, 30]);
    const built = buildCleanScoring();
    const ws = (await reload(built.wb)).getWorksheet('计分表')!;
    const L = built.layouts[0].layout;
    for (const r of L.rows) expect(typeof ws.getCell(r.score).value).toBe('number');
    expect(ws.getCell(L.totalScore).value).toBe(100);
    expect(ws.getCell(L.unitLine).value).toBe('部门（单位）名称：资阳市雁江区人民政府办公室   预算单位编码：105001   自评等级：优');
  });

  it('clean-evaluation: 决策 20 / 过程 20 / 产出 42 / 效益 18 over their own rows, every group weight on its first row, full scores and funds', async () => {
    const t = cleanEvaluationTable();
    expect(t.rows.filter((r) => r.level1 !== null).map((r) => [r.level1, r.weight1])).toEqual([
      ['决策', '20'],
      ['过程', '20'],
      ['产出', '42'],
      ['效益', '18'],
    ]);
    // Every stated weight is the sum of the rows it covers, every score its weight.
    let w1 = -1;
    let w2 = -1;
    const sums1 = new Map<number, number>();
    const sums2 = new Map<number, number>();
    t.rows.forEach((r, i) => {
      if (r.weight1 !== null) w1 = i;
      if (r.weight2 !== null) w2 = i;
      expect(r.level2 === null).toBe(r.weight2 === null);
      sums1.set(w1, (sums1.get(w1) ?? 0) + num(r.weight3));
      sums2.set(w2, (sums2.get(w2) ?? 0) + num(r.weight3));
      expect(r.score).toBe(r.weight3);
    });
    for (const [i, sum] of sums1) expect(num(t.rows[i].weight1)).toBe(sum);
    for (const [i, sum] of sums2) expect(num(t.rows[i].weight2), String(t.rows[i].level2)).toBe(sum);
    expect(t.rows.filter((r) => r.level2 === '资金管理').map((r) => r.weight2)).toEqual(['6', '7']);
    expect(t.rows.some((r) => r.level3 === '不涉及')).toBe(false);

    const built = buildCleanEvaluation();
    const L = built.layouts[0].layout;
    const ws = (await reload(built.wb)).getWorksheet('部门评价表')!;
    expect([ws.getCell(L.totalScore).value, ws.getCell(L.grade).value]).toEqual([100, '优        良□       中□       差□']);
    for (const f of [L.detail, L.funds[0], L.funds[4]]) {
      expect([ws.getCell(f.planned).value, ws.getCell(f.received).value, ws.getCell(f.spent).value, ws.getCell(f.rate).value]).toEqual([397.8, 397.8, 397.8, 1]);
    }
    expect(merges(ws)).toEqual(expect.arrayContaining(['B23:B28', 'B29:B33', 'B34:B59', 'A60:A65', 'B60:B65', 'C34:C50', 'D34:D50']));
  });
});
