/**
 * Parses the seed documents into the committed data the fixtures are built from:
 * `npm run seed-tables -- <seeds dir>` (the steering repo's seed documents) rewrites
 * `test/fixtures/seed-tables/*.json`. Run it when a seed or a parser changes, and commit the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildAktoForm,
  parseDepartmentForm,
  parseHengyangForms,
  parseEvaluationTable,
  parseLincangForm,
  parseYanjiangScoring,
  parseYanjiangTargets,
  readSeedText,
  seedFileName,
  SEED_TABLES_DIR,
  seedTableJson,
} from './fixtures/index';

/** One committed table file: its name, the seed it comes from, which part, and how it is parsed. */
export interface SeedTableSpec {
  name: string;
  seed: string;
  part: string;
  parse: (text: string) => unknown;
}

export const SEED_TABLE_SPECS: SeedTableSpec[] = [
  { name: '000-lincang-project', seed: '000', part: '附件1 项目支出绩效自评表（临沧）', parse: parseLincangForm },
  { name: '001-akto-project', seed: '001', part: '阿克陶 工作经费：自评表由报告正文重建（阶段性目标、指标分析）', parse: buildAktoForm },
  { name: '002-hengyang-projects', seed: '002', part: '附件4 项目支出绩效自评表 ×12（衡阳）', parse: parseHengyangForms },
  { name: '002-hengyang-department', seed: '002', part: '附件3 部门整体支出绩效自评表（衡阳）', parse: parseDepartmentForm },
  { name: '003-yanjiang-scoring', seed: '003', part: '自评计分表 ×9（雁江：部门整体，然后八个项目，按文档顺序）', parse: parseYanjiangScoring },
  { name: '003-yanjiang-targets', seed: '003', part: '绩效目标完成情况表 ×9（雁江：部门整体，然后八个项目，按文档顺序）', parse: parseYanjiangTargets },
  { name: '004-wuhua-evaluation', seed: '004', part: '附件1 五华区区级预算支出部门评价表（政务服务专项工作经费）', parse: parseEvaluationTable },
];

/** The committed text of every table file, parsed from the seeds in `dir`. */
export function extractSeedTables(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of SEED_TABLE_SPECS) {
    const source = `${seedFileName(dir, spec.seed)}: ${spec.part}`;
    out.set(spec.name, seedTableJson({ source, data: spec.parse(readSeedText(dir, spec.seed)) }));
  }
  return out;
}

const SELF = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]).replace(/\.ts$/, '') === SELF.replace(/\.ts$/, '');
if (invokedDirectly) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run seed-tables -- <seeds dir>   (the steering repo\'s seed documents)');
    process.exit(2);
  }
  mkdirSync(SEED_TABLES_DIR, { recursive: true });
  for (const [name, text] of extractSeedTables(resolve(dir))) {
    const path = join(SEED_TABLES_DIR, `${name}.json`);
    writeFileSync(path, text);
    console.log(`${path} (${text.length} chars)`);
  }
}
