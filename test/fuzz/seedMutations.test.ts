/**
 * Property test (fast-check): the seed forms, damaged at random the way received workbooks are, go
 * through the whole file path — written to .xlsx, read by the workbook host, checked, annotated, written
 * again and read back — and the check's promises hold on every one:
 * - nothing throws;
 * - the SPEC §5 contract: every number finite (no NaN or Infinity), executionRate a fraction or null,
 *   each indicator's effective score = stated, else computed;
 * - every finding's cell lies inside its form's range;
 * - a computed 总分 lies within 0 and what the form's weights allow;
 * - the annotated copy differs from the original only in the cells the check filled.
 *
 * FUZZ_RUNS (default 2,000) and FUZZ_SEED replay a run; a failure prints its seed and path.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type ExcelJS from 'exceljs';
import { check } from '../../src/core/check';
import type { FormResult, SheetCheck } from '../../src/core/result';
import { MOF } from '../../src/core/rules/profile';
import { parseA1, parseRangeA1, type CellValue, type SheetModel } from '../../src/core/sheet';
import { annotateSheets, patchPackage, readWorkbook } from '../../src/hosts/workbook';
import {
  aktoForm,
  departmentForm,
  hengyangForms,
  lincangForm,
  newWorkbook,
  workbookBuffer,
  writeDepartmentForm,
  writeEvaluationTable,
  writeForm,
  writeScoringTable,
  writeTargetsTable,
  wuhuaEvaluation,
  yanjiangScoring,
  yanjiangTargets,
  type FormData,
} from '../../scripts/build-fixtures';
import { partText, setPartText, unzipParts, zipParts } from '../hosts/workbook/zipTools';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);

const SEEDS: FormData[] = [...hengyangForms(), lincangForm(), aktoForm()];

// ---- the damage -------------------------------------------------------------------------------------

type RowOp = { kind: 'delete' | 'duplicate'; at: number };
type CellOp = { row: number; col: number; value: CellValue };
/** Every family: A (the seed forms, or the department form), C (003 计分表, 004 评价表), targets (003). */
type Family = 'A' | 'scoring' | 'evaluation' | 'targets';

interface Damage {
  /** Absent: family A. */
  family?: Family;
  seed: number;
  department: boolean;
  rows: RowOp[];
  cells: CellOp[];
  swap: [number, number] | null;
  merges: string[];
}

const col = (n: number) => String.fromCharCode(64 + n);

const hostileValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }), // huge, tiny, negative, ±0
  fc.constantFrom(1e-7, 1e21, -1e21, 1.7976931348623157e308, 5e-324, -0.5, 150, 0),
  fc.string({ unit: 'grapheme', maxLength: 12 }), // random unicode
  fc.string({ unit: 'binary', maxLength: 8 }), // lone surrogates, controls
  fc.constantFrom('31..5', '十五', '１００％', '95%以上', '≥', '=1+1', '-', '—', '_x001B_[2J', '\u001b]0;x\u0007', '9'.repeat(400)),
  fc.constant(null),
  fc.constantFrom({ error: '#DIV/0!' }, { error: '#REF!' }),
);

const SCORING = yanjiangScoring();
const TARGETS = yanjiangTargets();

const damage: fc.Arbitrary<Damage> = fc.record({
  family: fc.constantFrom<Family>('A', 'A', 'scoring', 'evaluation', 'targets'),
  seed: fc.nat(SEEDS.length - 1),
  department: fc.boolean().map((b) => b && Math.random() < 0.15),
  rows: fc.array(fc.record({ kind: fc.constantFrom<'delete' | 'duplicate'>('delete', 'duplicate'), at: fc.nat(30) }), { maxLength: 4 }),
  cells: fc.array(fc.record({ row: fc.integer({ min: 1, max: 45 }), col: fc.integer({ min: 1, max: 11 }), value: hostileValue }), { maxLength: 8 }),
  swap: fc.option(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })), { nil: null }),
  merges: fc.array(
    fc.tuple(fc.integer({ min: 1, max: 45 }), fc.integer({ min: 1, max: 11 }), fc.nat(3), fc.nat(3)).map(([r, c, h, w]) => `${col(c)}${r}:${col(Math.min(c + w, 26))}${r + h}`),
    { maxLength: 3 },
  ),
});

/** Rows deleted or duplicated in the form's data, keeping the 一级/二级 blocks whole. */
function withRowOps(form: FormData, ops: RowOp[]): FormData {
  const f = structuredClone(form);
  for (const op of ops) {
    if (f.indicators.length <= 1) break;
    const i = op.at % f.indicators.length;
    if (op.kind === 'delete') {
      const [gone] = f.indicators.splice(i, 1);
      const next = f.indicators[i];
      if (next && next.level1 === null && gone.level1 !== null) next.level1 = gone.level1;
      if (next && next.level2 === null && gone.level2 !== null) next.level2 = gone.level2;
    } else {
      f.indicators.splice(i + 1, 0, { ...structuredClone(f.indicators[i]), level1: null, level2: null });
    }
  }
  return f;
}

async function damagedWorkbook(d: Damage): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('表1');
  const at = { row: 1, col: 1 };
  if (d.family === 'scoring') writeScoringTable(ws, SCORING[d.seed % SCORING.length], at);
  else if (d.family === 'evaluation') writeEvaluationTable(ws, wuhuaEvaluation(), at);
  else if (d.family === 'targets') writeTargetsTable(ws, TARGETS[d.seed % TARGETS.length], at);
  else if (d.department) writeDepartmentForm(ws, departmentForm(), at);
  else writeForm(ws, withRowOps(SEEDS[d.seed], d.rows), at);
  if (d.swap) swapColumns(ws, d.swap[0], d.swap[1]);
  for (const c of d.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (cell.isMerged && cell.master !== cell) continue;
    cell.value = c.value as ExcelJS.CellValue;
  }
  const bytes = new Uint8Array(await workbookBuffer(wb));
  if (d.merges.length === 0) return bytes;
  // Extra merges go into the file as written, overlapping or not: ExcelJS would refuse to make them.
  const parts = unzipParts(bytes);
  const name = 'xl/worksheets/sheet1.xml';
  const refs = d.merges.map((r) => `<mergeCell ref="${r}"/>`).join('');
  const xml = partText(parts, name);
  setPartText(
    parts,
    name,
    /<mergeCells\b/.test(xml)
      ? xml.replace(/<mergeCells count="(\d+)">/, (_, n) => `<mergeCells count="${Number(n) + d.merges.length}">${refs}`)
      : xml.replace('</sheetData>', `</sheetData><mergeCells count="${d.merges.length}">${refs}</mergeCells>`),
  );
  return zipParts(parts);
}

/** Two columns' values swapped, merged cells left alone. */
function swapColumns(ws: ExcelJS.Worksheet, a: number, b: number): void {
  for (let r = 1; r <= ws.rowCount; r++) {
    const x = ws.getCell(r, a);
    const y = ws.getCell(r, b);
    if (x.isMerged || y.isMerged) continue;
    const v = x.value;
    x.value = y.value;
    y.value = v;
  }
}

// ---- the promises -----------------------------------------------------------------------------------

function finiteEverywhere(x: unknown, path: string): void {
  if (typeof x === 'number') expect(Number.isFinite(x), `${path} = ${x}`).toBe(true);
  else if (Array.isArray(x)) x.forEach((v, i) => finiteEverywhere(v, `${path}[${i}]`));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) finiteEverywhere(v, `${path}.${k}`);
}

function contractHolds(form: FormResult): void {
  finiteEverywhere(form, form.range);
  expect(JSON.stringify(form)).not.toMatch(/NaN|Infinity/);
  const rate = form.budget.executionRate;
  expect(rate === null || (typeof rate === 'number' && Number.isFinite(rate))).toBe(true);
  for (const i of form.indicators) expect(i.score.effective).toBe(i.score.stated ?? i.score.computed);
  // A total never outside what its weights allow (and never past 100 where they are unknown).
  const total = form.total?.computed ?? null;
  if (total !== null) {
    expect(total, `总分 of ${form.range}`).toBeGreaterThanOrEqual(0);
    expect(total, `总分 of ${form.range}`).toBeLessThanOrEqual((form.total?.weight ?? 100) + 0.005);
  }
  const range = parseRangeA1(form.range);
  for (const f of form.findings) {
    if (f.cell === '') continue;
    const p = parseA1(f.cell);
    expect(p.row >= range.top && p.row <= range.bottom && p.col >= range.left && p.col <= range.right, `${f.code} at ${f.cell} outside ${form.range}`).toBe(true);
  }
}

const cellKey = (row: number, col: number) => `${row},${col}`;

/** Every stored value and formula of a sheet model, by 0-based position. */
function cellsOf(s: SheetModel): Map<string, { value: CellValue; formula: string | null }> {
  const out = new Map<string, { value: CellValue; formula: string | null }>();
  s.values.forEach((row, i) =>
    row.forEach((value, j) => {
      const formula = s.formulas?.[i]?.[j] ?? null;
      if (value !== null || formula !== null) out.set(cellKey(s.top + i, s.left + j), { value, formula });
    }),
  );
  return out;
}

function copyDiffersOnlyInFills(before: SheetModel, after: SheetModel, check: SheetCheck): void {
  const filled = new Map(check.fills.map((f) => [cellKey(parseA1(f.cell).row, parseA1(f.cell).col), f.value]));
  const a = cellsOf(before);
  const b = cellsOf(after);
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (filled.has(key)) {
      expect(b.get(key)?.value, `filled ${key}`).toEqual(filled.get(key));
      continue;
    }
    expect(b.get(key), `cell ${key}`).toEqual(a.get(key));
  }
  const merges = (s: SheetModel) => s.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
  expect(merges(after)).toEqual(merges(before));
}

/** Counterexamples the property found once, each a fixed bug; run first on every run. */
const FOUND: Damage[] = [
  // A one-cell merge was dropped from the copy.
  { seed: 0, department: false, rows: [], cells: [], swap: null, merges: ['D6:D6'] },
  // ESC in a cell (stored as _x001B_) was dropped from the copy.
  { seed: 0, department: false, rows: [], cells: [{ row: 13, col: 1, value: '_x001B_[2J' }], swap: null, merges: [] },
  // 实际完成值 1.8e308: 达到目标的 Infinity%.
  { seed: 0, department: false, rows: [], cells: [{ row: 14, col: 6, value: 1.7976931348623157e308 }], swap: null, merges: [] },
  // 得分 H19:H22 merged over four empty 得分 cells of 阿克陶: each row's computed score was written into H19.
  { seed: 13, department: false, rows: [], cells: [], swap: null, merges: ['H19:H22'] },
  // A finding on the 总分 row's merged label (A23) outside the form's range B5:J23.
  { seed: 0, department: false, rows: [], cells: [{ row: 13, col: 1, value: { error: '#DIV/0!' } }], swap: [3, 7], merges: [] },
  // 004: the 预算执行率 score emptied: its effective score was null beside a computed 3.
  { family: 'evaluation', seed: 0, department: false, rows: [], cells: [{ row: 29, col: 7, value: null }], swap: null, merges: [] },
  // 003 计分表: a score far past its weight made a 总分 outside 0–100.
  { family: 'scoring', seed: 1, department: false, rows: [], cells: [{ row: 8, col: 6, value: 1e21 }, { row: 9, col: 6, value: -0.5 }], swap: null, merges: [] },
  // 003 targets table with its figures garbled.
  { family: 'targets', seed: 2, department: false, rows: [], cells: [{ row: 6, col: 3, value: -1e21 }, { row: 6, col: 4, value: '十五' }], swap: [2, 5], merges: ['B6:C8'] },
  // A targets table's 执行额 1.8e308: its 结转结余率 compared with -Infinity%.
  { family: 'targets', seed: 3, department: false, rows: [], cells: [{ row: 7, col: 4, value: 1.7976931348623157e308 }], swap: null, merges: [] },
  // 004 评价表: 实际到位数 5e-324 made its 执行率 Infinity.
  { family: 'evaluation', seed: 0, department: false, rows: [], cells: [{ row: 8, col: 4, value: 5e-324 }], swap: null, merges: [] },
];

describe('seed forms damaged at random (fast-check)', () => {
  it(`${RUNS} mutations: no throw, the §5 contract, findings inside their form, the copy changes only filled cells`, async () => {
    const started = Date.now();
    try {
      await fc.assert(
        fc.asyncProperty(damage, async (d) => {
          const original = await damagedWorkbook(d);
          const loaded = await readWorkbook(original);
          const before = loaded.sheets.map((s) => structuredClone(s));
          const checks = loaded.sheets.map((s) => check(s, MOF));
          for (const c of checks) for (const form of c.forms) contractHolds(form);
          const { edits } = annotateSheets(loaded.sheets, checks, 'fill');
          const copy = await readWorkbook(patchPackage(original, edits));
          before.forEach((s, k) => copyDiffersOnlyInFills(s, copy.sheets[k], checks[k]));
        }),
        // The examples count within numRuns: RUNS random mutations come after them.
        { numRuns: RUNS + FOUND.length, seed: SEED, examples: FOUND.map((d) => [d] as [Damage]) },
      );
    } catch (e) {
      // fast-check's message carries the seed and the shrunk path; say how to replay it.
      const cause = (e as Error).cause as Error | undefined;
      throw new Error(`FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} replays this run.\n${(e as Error).message}\n${cause?.message ?? ''}`);
    }
    console.log(`fuzz: ${RUNS} mutations in ${((Date.now() - started) / 1000).toFixed(1)} s (FUZZ_SEED=${SEED})`);
  }, 900_000);
});
