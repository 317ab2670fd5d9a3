import type { CellValue, SheetModel } from '../../src/core/sheet';
import { sheetOf } from './sheetOf';

export interface RowSpec {
  l1: string;
  l2: string;
  l3: string;
  target: CellValue;
  actual: CellValue;
  weight: CellValue;
  score: CellValue;
  reason?: CellValue;
}

export interface FormSpec {
  name?: CellValue;
  department?: CellValue;
  implementer?: CellValue;
  /** 年初, 全年, 执行数, 分值, 执行率, 得分 of 年度资金总额 */
  funds?: CellValue[];
  rows?: RowSpec[];
  total?: { weight?: CellValue; score?: CellValue; grade?: CellValue };
  top?: number;
  left?: number;
}

export const STANDARD_ROWS: RowSpec[] = [
  { l1: '产出指标(50分)', l2: '数量指标', l3: '预计转辅警人', target: '30人', actual: '30人', weight: 15, score: 15 },
  { l1: '产出指标(50分)', l2: '质量指标', l3: '人员阶段考核合格率', target: '100%', actual: '100%', weight: 15, score: 15 },
  { l1: '产出指标(50分)', l2: '时效指标', l3: '每轮排版值班时间', target: '8小时', actual: '8小时', weight: 10, score: 10 },
  { l1: '产出指标(50分)', l2: '成本指标', l3: '每名辅警的平均月工资数', target: '不高于3800元', actual: '100%', weight: 10, score: 10 },
  { l1: '效益指标(30分)', l2: '社会效益指标', l3: '政府机关大院安全', target: '财产物品不丢失不损坏', actual: '100%', weight: 30, score: 30 },
  { l1: '满意度指标(10分)', l2: '服务对象满意度指标', l3: '社会公众', target: '≥95%', actual: '96%', weight: 10, score: 10 },
];

/**
 * A family-A form in the standard 10-column layout (A..J), rows relative to `top`:
 * 0 title, 1 年度, 2 项目名称, 3 主管部门/实施单位, 4 funds header, 5 年度资金总额, 6 其中, 7 目标 header,
 * 8 目标, 9 indicator header, 10.. indicators, then 总分.
 */
export function projectForm(spec: FormSpec = {}): SheetModel {
  const top = spec.top ?? 0;
  const left = spec.left ?? 0;
  const rows = spec.rows ?? STANDARD_ROWS;
  const funds = spec.funds ?? [152.5, 152.5, 152.5, 10, '100%', 10];
  const g: CellValue[][] = [
    ['项目支出绩效自评表'],
    ['（2022年度）'],
    ['项目名称', null, spec.name === undefined ? '大院保安转辅警经费' : spec.name],
    ['主管部门', null, spec.department === undefined ? '衡阳市人民政府办公室' : spec.department, null, null, null, '实施单位', null, spec.implementer === undefined ? '保卫信访科' : spec.implementer],
    ['项目资金\n（万元）', null, null, '年初\n预算数', '全年\n预算数', '全年\n执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', null, ...funds],
    [null, '其中：当年财政拨款', null, funds[0], funds[1], funds[2]],
    ['年度总体目标', '预期目标', null, null, null, null, '实际完成情况'],
    [null, '提供正常安全工作环境', null, null, null, null, '圆满完成'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  for (const r of rows) g.push([null, r.l1, r.l2, r.l3, r.target, r.actual, r.weight, r.score, r.reason ?? null]);
  g.push(['总分', null, null, null, null, null, pick(spec.total, 'weight', 100), pick(spec.total, 'score', 100), '自评等级', pick(spec.total, 'grade', '优')]);
  const T = (r: number) => top + r + 1;
  const L = (c: number) => String.fromCharCode(65 + left + c);
  const merges = [
    `${L(0)}${T(0)}:${L(9)}${T(0)}`,
    `${L(0)}${T(1)}:${L(9)}${T(1)}`,
    `${L(0)}${T(2)}:${L(1)}${T(2)}`,
    `${L(2)}${T(2)}:${L(9)}${T(2)}`,
    `${L(0)}${T(3)}:${L(1)}${T(3)}`,
    `${L(2)}${T(3)}:${L(5)}${T(3)}`,
    `${L(6)}${T(3)}:${L(7)}${T(3)}`,
    `${L(8)}${T(3)}:${L(9)}${T(3)}`,
    `${L(1)}${T(4)}:${L(2)}${T(4)}`,
    `${L(1)}${T(5)}:${L(2)}${T(5)}`,
    `${L(1)}${T(6)}:${L(2)}${T(6)}`,
    `${L(8)}${T(4)}:${L(9)}${T(4)}`,
    `${L(8)}${T(5)}:${L(9)}${T(5)}`,
    `${L(8)}${T(6)}:${L(9)}${T(6)}`,
    `${L(0)}${T(4)}:${L(0)}${T(6)}`,
    `${L(0)}${T(7)}:${L(0)}${T(8)}`,
    `${L(0)}${T(9)}:${L(0)}${T(9 + rows.length)}`,
    `${L(0)}${T(10 + rows.length)}:${L(5)}${T(10 + rows.length)}`,
  ];
  // Merge runs of equal 一级 (B) and 二级 (C) cells, blanking the covered ones as Excel does.
  for (const col of [1, 2]) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const key = (k: number) => (col === 1 ? rows[k].l1 : `${rows[k].l1}|${rows[k].l2}`);
      if (i === rows.length || key(i) !== key(start)) {
        if (i - start > 1) {
          merges.push(`${L(col)}${T(10 + start)}:${L(col)}${T(9 + i)}`);
          for (let k = start + 1; k < i; k++) g[10 + k][col] = null;
        }
        start = i;
      }
    }
  }
  return sheetOf(
    g.map((r) => r.map((v) => v)),
    { top, left, merges },
  );
}

function pick<K extends 'weight' | 'score' | 'grade'>(t: FormSpec['total'], key: K, fallback: CellValue): CellValue {
  return t && key in t ? (t[key] as CellValue) : fallback;
}
