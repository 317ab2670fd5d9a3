import type { CellValue, SheetModel } from '../../src/core/sheet';
import { a1 } from '../../src/core/sheet';
import { sheetOf } from './sheetOf';
import { wuhuaEvaluation, yanjiangProjectScoring, yanjiangTargets, type FormCell } from '../../scripts/build-fixtures';

/**
 * Family C and targets tables laid out as the seeds show them (Word tables flattened to text, where an
 * empty cell continues the merged cell above). In `rows`, `''` in a column listed in `mergeCols` continues
 * the cell above (a vertical merge, blanked as Excel does); elsewhere it is an empty cell.
 */
export interface TableSpec {
  /** Rows above the table proper: title, （项目名）, unit line, header block … each spanning `width` when one cell. */
  above: CellValue[][];
  header: string[];
  rows: CellValue[][];
  below: CellValue[][];
  mergeCols: number[];
  top?: number;
  left?: number;
  name?: string;
}

export function tableSheet(spec: TableSpec): SheetModel {
  const top = spec.top ?? 0;
  const left = spec.left ?? 0;
  const width = spec.header.length;
  const grid: CellValue[][] = [];
  const merges: string[] = [];
  const at = (r: number, c: number) => a1(top + r, left + c);
  for (const line of spec.above) {
    grid.push(line);
    if (line.length === 1) merges.push(`${at(grid.length - 1, 0)}:${at(grid.length - 1, width - 1)}`);
  }
  grid.push(spec.header);
  const first = grid.length;
  for (const r of spec.rows) grid.push(r.map((v) => v));
  for (const c of spec.mergeCols) {
    let start = -1;
    for (let i = 0; i <= spec.rows.length; i++) {
      const v = i < spec.rows.length ? spec.rows[i][c] : 'end';
      if (v === '' && start >= 0) continue;
      if (start >= 0 && i - start > 1) merges.push(`${at(first + start, c)}:${at(first + i - 1, c)}`);
      start = v === '' ? -1 : i;
    }
  }
  for (const r of grid) for (let c = 0; c < r.length; c++) if (r[c] === '') r[c] = null;
  for (const line of spec.below) {
    grid.push(line);
    if (line.length === 1) merges.push(`${at(grid.length - 1, 0)}:${at(grid.length - 1, width - 1)}`);
  }
  return sheetOf(grid, { top, left, merges, name: spec.name });
}

const orEmpty = (v: FormCell | null): CellValue => (v === null ? '' : (v as CellValue));

/**
 * 五华区 部门评价表 (seed 004), its indicator part from the committed seed table: 一级 | 分值 | 二级 | 分值 |
 * 三级 | 分值 | 得分, values as written, '' where the seed continues the merged cell above.
 */
export const WUHUA_ROWS: CellValue[][] = wuhuaEvaluation().rows.map((r) =>
  [r.level1, r.weight1, r.level2, r.weight2, r.level3, r.weight3, r.score].map(orEmpty),
);

export function wuhuaSheet(opts: { rows?: CellValue[][]; total?: CellValue; choice?: string; top?: number; left?: number; name?: string } = {}): SheetModel {
  return tableSheet({
    top: opts.top,
    left: opts.left,
    name: opts.name,
    above: [
      ['五华区区级预算支出部门评价表'],
      ['（  2023  ）年度'],
      ['项目名称', '政务服务专项工作经费'],
      ['主管部门', '昆明市五华区财政局', null, '项目实施单位', '昆明市五华区政务服务管理局'],
      ['项目资金（万元）', '项目支出明细内容', '年初预算数', '实际到位数', '实际支出数', '执行率'],
      [null, '2023年档案整理服务费、办公耗材费用', '397.80', '397.80', '293.08', '73.68%'],
      [null, '合      计'],
      [null, '                      区级财政', '397.80', '397.80', '293.08', '73.68%'],
      ['年度总体目标', '预期目标', null, null, '实际完成情况'],
      ['二、绩效评价指标评分（参考）'],
    ],
    header: ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
    rows: opts.rows ?? WUHUA_ROWS,
    mergeCols: [0, 1, 2, 3],
    below: [
      ['总分', 100, null, 100, null, 100, opts.total === undefined ? 91 : opts.total],
      ['评价等次', opts.choice ?? '优        良□       中 □       差□'],
      ['100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差'],
    ],
  });
}

/** 雁江区 自评计分表 (seed 003) of 运行运转保障经费, from the committed seed table: weights in the labels. */
export const YANJIANG_ROWS: CellValue[][] = yanjiangProjectScoring()[0].rows.map((r) =>
  [r.level1, r.level2, r.level3, r.explanation, r.standard, r.score, r.basis].map(orEmpty),
);

export function yanjiangSheet(opts: { rows?: CellValue[][]; total?: CellValue; grade?: string; top?: number; left?: number; name?: string } = {}): SheetModel {
  return tableSheet({
    top: opts.top,
    left: opts.left,
    name: opts.name,
    above: [
      ['2022年度区本级项目支出绩效自评计分表'],
      ['（运行运转保障经费）'],
      [`部门（单位）名称：资阳市雁江区人民政府办公室   预算单位编码：105001   自评等级：${opts.grade ?? '优'}`],
    ],
    header: ['一级\n指标', '二级\n指标', '三级\n指标', '指标解释', '指标说明（评价计分标准）', '自评\n分数', '自评依据及说明'],
    rows: opts.rows ?? YANJIANG_ROWS,
    mergeCols: [0, 1],
    below: [['合计', null, null, null, null, opts.total === undefined ? '99.35' : opts.total, '\u3000']],
  });
}

/** 雁江 003 附表2, 绩效目标完成情况表 of 运行运转保障经费, its indicator rows from the committed seed table. */
export const TARGETS_ROWS: CellValue[][] = yanjiangTargets()
  .find((t) => JSON.stringify(t.projectName).includes('运行运转保障经费'))!
  .indicators.map((r) => [r.section, r.level1, r.level2, r.level3, r.target, r.result, r.deviation].map(orEmpty));

export function targetsSheet(opts: { rows?: CellValue[][]; funds?: CellValue[]; top?: number; name?: string } = {}): SheetModel {
  const funds = opts.funds ?? [181.87, 181.87, 0, 0, 0];
  return tableSheet({
    top: opts.top,
    name: opts.name,
    above: [
      ['2022年度区本级项目支出绩效目标完成情况表'],
      ['项目\n名称', '\u3000运行运转保障经费'],
      ['部门（单位）名称', '资阳市雁江区人民政府办公室', null, null, '预算单位编码', '\u3000105001'],
      ['预算执行情况', '项目', '预算额（万元）', '执行额（万元）', '当年结转结余额（万元）', '结转结余率%', '结转结余变动率%'],
      [null, '合   计', ...funds],
      [null, '财政拨款', ...funds],
      [null, '其他资金'],
      ['财政拨款结构', '项目', '合计', '一般公共预算安排', '政府性基金预算安排'],
      [null, '预算额\n（万元）', 181.87, 181.87],
      ['年度总体目标', '预算总体目标', '预算总体目标执行结果', '偏差情况及原因分析'],
    ],
    header: ['年度绩\n效指标', '一级\n指标', '二级指标', '三级\n指标', '预算指标值（包含数字及文字描述）', '预算指标值执行结果（包含数字及文字描述）', '预算指标值与预算指标值执行结果偏差情况及原因分析'],
    rows: opts.rows ?? TARGETS_ROWS,
    mergeCols: [0, 1, 2],
    below: [],
  });
}
