import { a1, type SheetView } from '../../sheet';
import { fmt, type FindingList } from '../../findings';
import type { Pos } from '../../recognize/layout';
import { parseNumberCell } from '../../values/number';
import { roundHalfUp } from '../../values/round';
import { differs } from '../../values/tolerance';

/** One level's label on a row: the cell (a merge master), its name and the weight its text states (`项目立项（15分）`). */
export interface LevelLabel {
  pos: Pos;
  /** The cell belongs to this row (not a merge from above, not a blank carried down). */
  own: boolean;
  key: string;
  name: string;
  labelWeight: number | null;
}

export interface BlockRow {
  row: number;
  real: boolean;
  weight: number | null;
}

/** A run of rows under one 一级 or 二级 label. */
export interface Block<R extends BlockRow = BlockRow> {
  label: LevelLabel;
  rows: R[];
  /** The 分值 cells (merge masters) its rows read, by address. */
  weightCells: Map<string, Pos>;
  parent: Block<R> | null;
}

const WEIGHT_IN_LABEL = /\((\d+(?:\.\d+)?)分\)$/u;

/** `项目\n立项（15分）` → name 项目立项, weight 15 (from the normalized key). */
export function splitLabel(key: string): { name: string; weight: number | null } {
  const m = WEIGHT_IN_LABEL.exec(key);
  return m ? { name: key.slice(0, m.index), weight: Number(m[1]) } : { name: key, weight: null };
}

/**
 * Groups rows into blocks: adjacent rows with the same label are one block (a page break repeats the label;
 * 五华 004 repeats 产出数量 on every row). A label written again with a 分值 of its own, where the block
 * already states one on its own rows, starts a new block: 资金管理 6 and 资金管理 7 are two groups.
 */
export function groupBlocks<R extends BlockRow>(
  view: SheetView,
  rows: R[],
  labelOf: (r: R) => LevelLabel,
  weightCol: number | null,
  parentOf: (r: R) => Block<R> | null,
): Map<R, Block<R>> {
  const out = new Map<R, Block<R>>();
  let cur: Block<R> | null = null;
  for (const r of rows) {
    const label = labelOf(r);
    const parent = parentOf(r);
    const w = weightCol === null ? null : view.master(r.row, weightCol);
    const ownWeight = w !== null && w.row === r.row && !view.isEmpty(w.row, w.col);
    const statedHere = cur !== null && [...cur.weightCells.values()].some((p) => cur!.rows.some((x) => x.row === p.row));
    const continues =
      cur !== null && cur.parent === parent && (label.key === '' || label.key === cur.label.key) && !(label.own && ownWeight && statedHere);
    if (!continues) cur = { label, rows: [], weightCells: new Map(), parent };
    const block = cur!;
    block.rows.push(r);
    if (w && !view.isEmpty(w.row, w.col)) block.weightCells.set(a1(w.row, w.col), w);
    out.set(r, block);
  }
  return out;
}

/**
 * SPEC §3 family C: every stated weight equals the Σ of the rows it covers. A 分值 cell merged over several
 * blocks (五华 004's 40 over 决策 and 过程) covers all their rows, so blocks sharing a 分值 cell are judged
 * together; a weight written in the label covers its own block.
 */
export function checkBlockWeights<R extends BlockRow>(
  view: SheetView,
  blocks: Block<R>[],
  level: string,
  findings: FindingList,
): void {
  const groups: { blocks: Block<R>[]; cells: Map<string, Pos> }[] = [];
  for (const b of blocks) {
    if (b.weightCells.size === 0) continue;
    const joined = groups.filter((g) => [...b.weightCells.keys()].some((k) => g.cells.has(k)));
    const merged = { blocks: [b], cells: new Map(b.weightCells) };
    for (const g of joined) {
      merged.blocks.push(...g.blocks);
      for (const [k, p] of g.cells) merged.cells.set(k, p);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  for (const g of groups) {
    const stated = [...g.cells.values()].map((p) => parseNumberCell(view.value(p.row, p.col), view.format(p.row, p.col), view.text(p.row, p.col)));
    if (stated.some((s) => !s.ok)) continue;
    const statedSum = roundHalfUp(stated.reduce((s, x) => s + (x.ok ? x.value : 0), 0), 2);
    const rows = g.blocks.flatMap((b) => b.rows).filter((r) => r.real);
    reportIfDifferent(level, g.blocks, [...g.cells.values()][0], statedSum, rows, findings);
  }
  for (const b of blocks) {
    if (b.weightCells.size > 0 || b.label.labelWeight === null) continue;
    reportIfDifferent(level, [b], b.label.pos, b.label.labelWeight, b.rows.filter((r) => r.real), findings);
  }
}

function reportIfDifferent(level: string, blocks: Block[], at: Pos, stated: number, rows: BlockRow[], findings: FindingList): void {
  if (rows.length === 0 || rows.some((r) => r.weight === null)) return;
  const sum = roundHalfUp(rows.reduce((s, r) => s + (r.weight as number), 0), 2);
  if (!differs(sum, stated)) return;
  const names = [...new Set(blocks.sort((a, b) => a.rows[0].row - b.rows[0].row).map((b) => `“${b.label.name}”`))].join('');
  findings.add(
    'WEIGHT_SUM_MISMATCH',
    at,
    `${level}${names}标明分值 ${fmt(stated)}（${a1(at.row, at.col)}），其下各三级指标分值合计 ${fmt(sum)}；请把分值改为 ${fmt(sum)}，或调整其下三级指标的分值使合计为 ${fmt(stated)}。`,
  );
}
