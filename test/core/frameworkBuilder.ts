import type { CellValue, SheetModel } from '../../src/core/sheet';
import { a1 } from '../../src/core/sheet';
import { sheetOf } from './sheetOf';

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

/** 五华区 部门评价表 (seed 004), indicator part as the seed has it: 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分. */
export const WUHUA_ROWS: CellValue[][] = [
  ['决策', 40, '项目立项', 7, '立项依据充分性', 4, 4],
  ['', '', '', '', '立项程序规范性', 3, 3],
  ['', '', '绩效目标', 6, '绩效目标合理性', 3, 3],
  ['', '', '', '', '绩效指标明确性', 3, 3],
  ['', '', '资金投入', 7, '预算编制科学性', 4, 4],
  ['', '', '', '', '资金分配合理性', 3, 3],
  ['过程', '', '资金管理', 6, '资金到位率', 3, 3],
  ['', '', '', '', '预算执行率', 3, 2],
  ['', '', '资金管理', 7, '资金使用合规性', 7, 7],
  ['', '', '组织实施\u3000', 7, '管理制度健全性', 4, 4],
  ['', '', '', '', '制度执行有效性', 3, 3],
  ['产出', 60, '产出数量', 27, '大厅绿植的租用及养护', 2, 2],
  ...(
    [
      ['政务中心通讯费', 2, 2],
      ['设备维护及耗材工作', 1, 1],
      ['创文工作任务指标数量完成', 2, 2],
      ['档案电子化整理', 1, 0],
      ['制作宣传类画册', 2, 2],
      ['咨询工作', 2, 2],
      ['咨询台新建数量', 1, 0],
      ['发布信息次数', 2, 2],
      ['免费刻制印章数量', 1, 0],
      ['组织培训次数', 1, 0],
      ['快递送达件数', 2, 2],
      ['订水票数量', 2, 2],
      ['开展党建工作次数', 2, 2],
      ['周三值班次数', 1, 0],
      ['公众号发布信息期数', 1, 0],
      ['复印纸采购数量', 2, 2],
    ] as CellValue[][]
  ).map((r) => ['', '', '产出数量', '', ...r]),
  ['', '', '产出质量', '', '公众号正常运行达标率', 1, 1],
  ['', '', '产出质量', '', '专线通信保障率', 1, 1],
  ['', '', '产出质量', 9, '绿植合同约定要求完成率', 2, 2],
  ['', '', '产出质量', '', '创文考核指标达标率', 2, 2],
  ['', '', '产出质量', '', '档案管理验收合格率', 1, 1],
  ['', '', '产出质量', '', '应付未付审批手续合规性', 2, 2],
  ['', '', '产出时效', 4, '全年预算执行进度', 2, 1],
  ['', '', '产出时效', '', '资金拨付及时性', 2, 1],
  ['', '', '产出成本', 2, '成本节约率', 2, 2],
  ['', '', '经济效益', '', '不涉及', null, null],
  ['', '', '社会效益', 6, '政务服务标准化', 2, 2],
  ['', '', '社会效益', '', '提升大厅窗口工作人员的服务水平', 1, 1],
  ['', '', '社会效益', '', '服务对象投诉率', 1, 1],
  ['', '', '社会效益', '', '加强部门党建工作，提升群众体验感和满意度', 2, 2],
  ['', '', '环境效益', '', '不涉及', null, null],
  ['', '', '可持续影响', 2, '持续保障政务服务中心持续运行', 2, 2],
  ['', '', '满意度', 10, '社会公众或服务对象满意度', 10, 10],
];

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

/** 雁江区 自评计分表 (seed 003) in its layout: weights inside the labels, a 合计 row, the grade in the unit line. */
export const YANJIANG_ROWS: CellValue[][] = [
  ['投   入（25分）', '项目\n立项（15分）', '项目立项规范性（5分）', '项目的申请、设立过程是否符合相关要求', '①项目是否按照规定的程序申请设立；（1分）', '\u30005', '\u3000'],
  ['', '', '绩效目标合理性（4分）', '…', '…', '\u30004', '\u3000'],
  ['', '', '绩效指标明确性（6分）', '…', '…', '5.80', '\u3000'],
  ['', '资金\n落实（10分）', '资金到位率（5分）', '…', '资金到位率=（实际到位资金/计划投入资金）×100%。（达到目标值得5分，每少一个百分点扣1分，扣完为止）', '4.55', '\u3000'],
  // A page break repeats the 一级 and 二级 labels.
  ['投   入（25分）', '资金\n落实（10分）', '到位及时率（5分）', '…', '…', '\u30005', '\u3000'],
  ['过   程（25分）', '业务\n管理（13分）', '管理制度健全性（4分）', '…', '…', '\u30004', '\u3000'],
  ['', '', '制度执行有效性（6分）', '…', '…', '\u30006', '\u3000'],
  ['', '', '项目质量可控性（3分）', '…', '…', '\u30003', '\u3000'],
  ['', '财务\n管理（12分）', '管理制度健全性（3分）', '…', '…', '\u30003', '\u3000'],
  ['', '', '资金使用合规性（7分）', '…', '…', '7', '\u3000'],
  ['', '', '财务监控有效性（2分）', '…', '…', '2', '\u3000'],
  ['产   出（20分）', '项目\n产出（20分）', '实际完成率（4分）', '…', '（得分=实际完成率*4分）', '\u30004', '\u3000'],
  ['', '', '完成及时率（6分）', '…', '…', '\u30006', '\u3000'],
  ['', '', '质量达标率（5分）', '…', '（得分=达标率*5分）', '\u30005', '\u3000'],
  ['', '', '成本节约率（5分）', '…', '…', '\u30005', '\u3000'],
  ['效   果（30分）', '项目\n效益（30分）', '经济效益（5分）', '…', '…', '\u30005', '\u3000'],
  ['', '', '社会效益（5分）', '…', '', '\u30005', '\u3000'],
  ['', '', '生态效益（5分）', '…', '', '\u30005', '\u3000'],
  ['', '', '可持续影响（5分）', '…', '', '\u30005', '\u3000'],
  ['', '', '社会公众或服务对象满意度（10分）', '…', '…', '\u300010', '\u3000'],
];

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

/** 雁江 003 附表2, 绩效目标完成情况表 (运行运转保障经费) as the seed has it, indicator part abridged. */
export const TARGETS_ROWS: CellValue[][] = [
  ['', '项目\n完成', '数量\n指标', '指标1:', '公开政务信息9万余条', '全面完成政务信息公开9万余条', ''],
  ['', '', '', '指标2:', '制定区政府、区政府办公室相关文件1000件', '完成区政府、区政府办公室相关文件1094件', ''],
  // A page break repeats the left labels.
  ['年度绩\n效指标', '项目\n完成', '数量\n指标', '指标3', '系统维护合格率达到100%', '全面完成', ''],
  ['', '', '质量\n指标', '指标1:', '区政府、区政府办公室相关文件出错率', '文件出错率低于0.3%', '\u3000'],
  ['', '', '时效\n指标', '指标1:', '政务信息及时性', '及时公开', ''],
  ['', '', '', '……..', '\u3000', '\u3000', '\u3000'],
  ['', '', '成本\n指标', '指标1:', '打印复印经费控制在80万元以内', '全年用于印刷文件及资料编撰经费70余万元。', '\u3000'],
  ['', '', '', '指标2:', '运行运转保障经费数实现181.87万元', '\u3000', ''],
  ['', '项目\n效益', '经济效益指标', '指标1:', '', '', ''],
  ['', '', '社会效益指标', '指标1:', '区政府、区政府办公室相关精神传达率', '各类精神及时传达到区级各部门及镇街', ''],
  ['', '满意度\n指标', '服务对象满意度指标', '指标1:', '群众满意度≥95%', '群众满意度90%', ''],
];

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
