/**
 * Where the parts of one recognized form are on the sheet: absolute 0-based coordinates of the cells the
 * rules read. Recognition produces this; it says nothing about whether the values are right.
 */
import type { CellRange } from '../sheet';
import type { FormKind } from '../result';

export interface Pos {
  row: number;
  col: number;
}

export interface FundsLayout {
  headerRow: number;
  /** Columns of the funds header (null when the form has no such column). */
  cols: {
    initial: number | null;
    annual: number | null;
    executed: number | null;
    weight: number | null;
    rate: number | null;
    score: number | null;
  };
  /** The 年度资金总额 row, when found. */
  totalRow: number | null;
  /** The block lists every part of its template (a 其他资金 row closes the list): Σ parts must equal the total. */
  complete: boolean;
  /** Points the funds line is worth where the table states them in a header (`预算执行情况(20分)`) rather than in a 分值 column. */
  labelWeight: number | null;
  /** Every row of the funds block, 年度资金总额 included. */
  rows: { row: number; label: string }[];
  /** The label text of the annual-budget column, as written (`全年预算数` or `调整后预算数`). */
  annualLabel: string;
  /**
   * Family B writes the planned amount as text after a label in one cell (`资金总额：2677.71`); the label
   * to strip before reading the number, or null.
   */
  annualPrefix: string | null;
  /** The label of the executed column as the form words it (`全年执行数`, `预算执行数`, `执行数`). */
  executedLabel: string;
}

export interface IndicatorCols {
  level1: number;
  level2: number;
  level3: number;
  /** 年度指标值, or the three split columns 指标性质 / 指标值 / 度量单位. */
  target: number | { nature: number | null; value: number; unit: number | null };
  actual: number;
  /** Null where the table has no per-indicator 分值 column (湖北-style: weights, if any, in the labels). */
  weight: number | null;
  /** Null in an unscored table (no 得分 column). */
  score: number | null;
  reason: number | null;
}

export interface IndicatorRowLayout {
  row: number;
  /** The cell holding this row's 一级 / 二级 (a merge master), for findings. */
  level1Cell: Pos;
  level2Cell: Pos;
}

export interface FormLayout {
  kind: FormKind;
  range: CellRange;
  projectName: { label: Pos; value: Pos | null } | null;
  department: { label: Pos; value: Pos | null } | null;
  implementer: { label: Pos; value: Pos | null } | null;
  funds: FundsLayout | null;
  indicatorHeaderRow: number;
  indicatorCols: IndicatorCols;
  indicatorRows: IndicatorRowLayout[];
  totalRow: number | null;
  /** The cell after the 自评等级 label in the total row (or elsewhere in the form), when there is one. */
  gradeCell: Pos | null;
  /** The value cell of 其他需要说明的事项, when the form has that row. */
  otherNotesCell: Pos | null;
  /** Header cells of the indicator and funds bands that have no role: read by nothing, reported once. */
  unread: { row: number; col: number; text: string }[];
  /** A name in brackets in the title (`…计分表（运行运转保障经费）`), for a form without a 项目名称 cell. */
  titleName: string | null;
}
