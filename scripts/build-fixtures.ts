/**
 * Builds the .xlsx test fixtures from the seeds (`npm run fixtures`; vitest's globalSetup calls `buildAll`).
 * See test/fixtures/README.md for what each file holds.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import {
  aktoForm,
  buildBesideAC,
  buildBlankColumns,
  buildClean,
  buildCleanEvaluation,
  buildCleanScoring,
  buildErrors,
  buildFormulas,
  buildLabelVariants,
  buildOffset,
  buildSideBySide,
  buildSplitTarget,
  buildStackedAC,
  buildWuhuaEvaluation,
  buildWuhuaUnmerged40,
  buildYanjiangScoring,
  buildYanjiangStacked,
  buildYanjiangTargets,
  departmentForm,
  hengyangForms,
  lincangForm,
  newWorkbook,
  realTables,
  realWorkbook,
  REPO_ROOT,
  saveWorkbook,
  writeDepartmentForm,
  writeForm,
  writeScoringTable,
  writeTargetsTable,
  yanjiangName,
  yanjiangScoring,
  yanjiangTargets,
  type FormData,
} from './fixtures/index';

export * from './fixtures/index';

export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'test', 'fixtures');
export const DEFAULT_ASSETS_DIR = join(REPO_ROOT, 'assets');

/** Rows left empty between stacked forms. */
export const STACK_GAP = 3;

export function hengyangOnePerSheet(): ExcelJS.Workbook {
  const wb = newWorkbook();
  hengyangForms().forEach((f, k) => writeForm(wb.addWorksheet(`表${k + 1}`), f, { row: 1, col: 1 }));
  return wb;
}

export function hengyangStacked(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('汇总');
  let row = 1;
  for (const f of hengyangForms()) row = writeForm(ws, f, { row, col: 1 }).bottom + STACK_GAP + 1;
  return wb;
}

/** The 部门整体支出绩效自评表 of seed 002 (附件3) on sheet `部门整体`, at A1. */
export function hengyangDepartment(): ExcelJS.Workbook {
  const wb = newWorkbook();
  writeDepartmentForm(wb.addWorksheet('部门整体'), departmentForm(), { row: 1, col: 1 });
  return wb;
}

function oneForm(sheet: string, form: FormData): ExcelJS.Workbook {
  const wb = newWorkbook();
  writeForm(wb.addWorksheet(sheet), form, { row: 1, col: 1 });
  return wb;
}

/** The 003 project whose 计分表 and targets table the sample carries. */
export const SAMPLE_FAMILY_C = '运行运转保障经费';

/**
 * The bundled sample for the browser preview: three 002 forms (主管部门 filled, the real problems kept:
 * 执行率 against 年初预算数, `31..5`), the 000 临沧 form (a score below the rule with no reason, template
 * rows, 自评等级), the 001 阿克陶 form with its scores left empty (what 填报 fills in), then the 003
 * 运行运转保障经费 计分表 (family C, 合计 99.35) and its 绩效目标完成情况表.
 */
export function sampleWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const forms = hengyangForms();
  // The first sheet has findings, so the first click on 校验并计分 shows what the product does.
  const pick: [string, number][] = [
    ['大院维护费', 1],
    ['大院保安转辅警经费', 0],
    ['政务督查经费', 11],
  ];
  for (const [sheet, k] of pick) {
    const f = forms[k];
    f.department = '衡阳市人民政府办公室';
    writeForm(wb.addWorksheet(sheet), f, { row: 1, col: 1 });
  }
  writeForm(wb.addWorksheet('驻京联络处工作经费'), lincangForm(), { row: 1, col: 1 });
  writeForm(wb.addWorksheet('阿克陶工作经费（待计分）'), aktoForm(), { row: 1, col: 1 });
  // Family C and its companion targets table (003 运行运转保障经费), after the family A sheets.
  const scoring = yanjiangScoring().find((t) => yanjiangName(t) === SAMPLE_FAMILY_C);
  const targets = yanjiangTargets().find((t) => yanjiangName(t) === SAMPLE_FAMILY_C);
  if (!scoring || !targets) throw new Error(`003: no ${SAMPLE_FAMILY_C} tables`);
  writeScoringTable(wb.addWorksheet(`${SAMPLE_FAMILY_C}计分表`), scoring, { row: 1, col: 1 });
  writeTargetsTable(wb.addWorksheet(`${SAMPLE_FAMILY_C}目标完成情况`), targets, { row: 1, col: 1 });
  return wb;
}

export interface BuildOptions {
  /** Where `sample.xlsx` goes (default `<repo>/assets`); null: do not write it. */
  assetsDir?: string | null;
}

/** Writes every fixture into `outDir` (and assets/sample.xlsx); returns the paths written. */
export async function buildAll(outDir = DEFAULT_OUT_DIR, options: BuildOptions = {}): Promise<string[]> {
  const assetsDir = options.assetsDir === undefined ? DEFAULT_ASSETS_DIR : options.assetsDir;
  const books: [string, ExcelJS.Workbook][] = [
    ['hengyang-one-per-sheet.xlsx', hengyangOnePerSheet()],
    ['hengyang-stacked.xlsx', hengyangStacked()],
    ['hengyang-department.xlsx', hengyangDepartment()],
    ['lincang-template.xlsx', oneForm('自评表', lincangForm())],
    ['akto-empty-scores.xlsx', oneForm('自评表', aktoForm())],
    ['offset.xlsx', buildOffset().wb],
    ['side-by-side.xlsx', buildSideBySide().wb],
    ['blank-columns.xlsx', buildBlankColumns().wb],
    ['label-variants.xlsx', buildLabelVariants().wb],
    ['split-target.xlsx', buildSplitTarget().wb],
    ['formulas.xlsx', buildFormulas().wb],
    ['errors.xlsx', buildErrors().wb],
    ['clean.xlsx', buildClean().wb],
    ['yanjiang-scoring.xlsx', buildYanjiangScoring().wb],
    ['yanjiang-targets.xlsx', buildYanjiangTargets().wb],
    ['yanjiang-stacked.xlsx', buildYanjiangStacked().wb],
    ['wuhua-evaluation.xlsx', buildWuhuaEvaluation().wb],
    ['wuhua-evaluation-40-unmerged.xlsx', buildWuhuaUnmerged40().wb],
    ['stacked-family-a-c.xlsx', buildStackedAC().wb],
    ['beside-family-a-c.xlsx', buildBesideAC().wb],
    ['clean-scoring.xlsx', buildCleanScoring().wb],
    ['clean-evaluation.xlsx', buildCleanEvaluation().wb],
  ];
  // The real published tables (realworld/<id>.json), one workbook each.
  for (const t of realTables()) books.push([join('realworld', `${t.id}.xlsx`), realWorkbook(t)]);
  const written: string[] = [];
  for (const [name, wb] of books) written.push(await saveWorkbook(wb, join(outDir, name)));
  if (assetsDir) written.push(await saveWorkbook(sampleWorkbook(), join(assetsDir, 'sample.xlsx')));
  return written;
}

const SELF = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]).replace(/\.ts$/, '') === SELF.replace(/\.ts$/, '');
if (invokedDirectly) {
  const t0 = Date.now();
  buildAll(process.argv[2] ? resolve(process.argv[2]) : undefined)
    .then((files) => {
      for (const f of files) console.log(f);
      console.log(`${files.length} files in ${Date.now() - t0} ms`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
