/** Builds 项目支出绩效自评表 blocks on a fake sheet, the way the MoF template lays them out (30 rows, A:J). */
import type { FakeSheet } from './fakeExcel';

export const FORM_ROWS = 30;

export interface FormCells {
  /** 1-based first row. */
  top: number;
  /** 执行率 of 年度资金总额 (stated 100%, a number formatted 0.00%). */
  rate: string;
  /** 得分 of the first indicator: a formula. */
  formulaScore: string;
  /** 得分 of the second indicator: left empty (a computed value may go here). */
  emptyScore: string;
  /** 得分 of the third indicator: typed by the user. */
  typedScore: string;
  /** 总分 得分: a formula. */
  total: string;
  /** 自评等级 value: empty. */
  grade: string;
}

/** Writes one form whose first row is `top` (1-based) and returns the cells tests care about. */
export function writeForm(ws: FakeSheet, top: number, name = `项目${top}`): FormCells {
  const r = (i: number) => top + i; // row i of the form, 1-based sheet row
  const at = (col: string, i: number) => `${col}${r(i)}`;
  ws.put(at('A', 0), '项目支出绩效自评表').merge(`${at('A', 0)}:${at('J', 0)}`);
  ws.put(at('A', 1), '（2022年度）').merge(`${at('A', 1)}:${at('J', 1)}`);
  ws.put(at('A', 2), '项目名称').put(at('B', 2), name).merge(`${at('B', 2)}:${at('J', 2)}`);
  ws.put(at('A', 3), '主管部门').put(at('B', 3), '某市财政局').merge(`${at('B', 3)}:${at('D', 3)}`);
  ws.put(at('E', 3), '实施单位').put(at('F', 3), '某市公安局').merge(`${at('F', 3)}:${at('J', 3)}`);
  ws.put(at('A', 4), '项目资金（万元）').merge(`${at('A', 4)}:${at('A', 8)}`);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => ws.put(at('CDEFGH'[i], 4), h));
  const funds: [string, number][] = [
    ['年度资金总额', 152.5],
    ['其中：当年财政拨款', 152.5],
    ['上年结转资金', 0],
    ['其他资金', 0],
  ];
  funds.forEach(([label, v], i) => {
    ws.put(at('B', 5 + i), label).put(at('C', 5 + i), v).put(at('D', 5 + i), v).put(at('E', 5 + i), v);
  });
  ws.put(at('F', 5), 10).put(at('G', 5), 1, '0.00%').put(at('H', 5), 10);
  ws.put(at('A', 9), '年度总体目标').put(at('B', 9), '预期目标').merge(`${at('B', 9)}:${at('E', 9)}`);
  ws.put(at('F', 9), '实际完成情况').merge(`${at('F', 9)}:${at('J', 9)}`);
  ws.put(at('B', 10), '保障大院安全').merge(`${at('B', 10)}:${at('E', 10)}`);
  ws.put(at('F', 10), '已完成').merge(`${at('F', 10)}:${at('J', 10)}`);
  ws.put(at('A', 11), '绩效指标').merge(`${at('A', 11)}:${at('A', 27)}`);
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) =>
    ws.put(at('BCDEFGHI'[i], 11), h),
  );
  ws.merge(`${at('I', 11)}:${at('J', 11)}`);
  const level1: [string, number, number][] = [
    ['产出指标(50分)', 12, 19],
    ['效益指标(30分)', 20, 25],
    ['满意度指标(10分)', 26, 27],
  ];
  for (const [label, a, b] of level1) ws.put(at('B', a), label).merge(`${at('B', a)}:${at('B', b)}`);
  const level2: [string, number, number][] = [
    ['数量指标', 12, 15],
    ['质量指标', 16, 17],
    ['时效指标', 18, 19],
    ['社会效益指标', 20, 22],
    ['可持续影响指标', 23, 25],
    ['服务对象满意度指标', 26, 27],
  ];
  for (const [label, a, b] of level2) ws.put(at('C', a), label).merge(`${at('C', a)}:${at('C', b)}`);
  const weights = [10, 10, 10, 5, 5, 5, 5, 5, 10, 10, 5, 5, 5, 5, 5, 5];
  for (let i = 0; i < 16; i++) {
    const row = 12 + i;
    ws.put(at('D', row), `指标${i + 1}`).put(at('E', row), '≥95%').put(at('F', row), '96%').put(at('G', row), weights[i]);
    if (i === 0) ws.putFormula(at('H', row), `=G${r(row)}`, weights[i]);
    else if (i === 1) {
      /* left empty */
    } else ws.put(at('H', row), weights[i]);
    ws.merge(`${at('I', row)}:${at('J', row)}`);
  }
  ws.put(at('A', 28), '总分').put(at('G', 28), 100);
  ws.putFormula(at('H', 28), `=H${r(5)}+SUM(H${r(12)}:H${r(27)})`, 90);
  ws.put(at('I', 28), '自评等级');
  return {
    top,
    rate: at('G', 5),
    formulaScore: at('H', 12),
    emptyScore: at('H', 13),
    typedScore: at('H', 14),
    total: at('H', 28),
    grade: at('J', 28),
  };
}

/** `n` forms stacked one under another, each followed by a blank row. */
export function stackForms(ws: FakeSheet, n: number, firstRow = 1): FormCells[] {
  const out: FormCells[] = [];
  for (let i = 0; i < n; i++) out.push(writeForm(ws, firstRow + i * FORM_ROWS));
  return out;
}
