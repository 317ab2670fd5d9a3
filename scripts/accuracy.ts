/**
 * `npm run accuracy`: builds the fixtures, runs the product's check on the seed tables and the corpus of real
 * published tables (test/fixtures/realworld) the way the CLI does, and prints per table whether it was
 * recognized as its kind, whether 总分/等级 agree with the publisher's, which verified errors were found and
 * which errors are false; then one line per group and the summary line. `--verbose` also lists the errors the
 * data allows (true or debatable on the publication, or about a truncated copy) with the reason; `--json` prints
 * the outcomes.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accuracyCases } from './accuracy/cases';
import { matches, measure, summarize, summaryLine, type CaseOutcome } from './accuracy/measure';
import { buildAll, DEFAULT_OUT_DIR } from './build-fixtures';

const short = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, ' ');

function describe(o: CaseOutcome, verbose: boolean): string[] {
  const c = o.case;
  const kinds = o.forms.length ? o.forms.map((f) => `${f.kind} ${f.range}`).join('、') : '无';
  const head = [
    o.recognized ? '识别 ✓' : `识别 ✗（应为 ${c.kind}，得到 ${kinds}）`,
    o.totalsAgree === null ? '总分/等级 未发布' : `总分/等级 ${o.totalsAgree ? '✓' : '✗'} ${o.totalsNote}`,
    `已证实错误 ${o.found.length}/${c.verifiedErrors.length}`,
    `误报错误 ${o.falseErrors.length}`,
    ...(o.allowedErrors.length ? [`容许 ${o.allowedErrors.length}`] : []),
  ];
  const lines = [`${c.id}  [${c.province} · ${c.kind}${c.profile === o.profile ? (c.profile === 'mof' ? '' : ` · ${c.profile}`) : ` · 无 ${c.profile} 方案，按 ${o.profile}`}]`, `    ${head.join('  ')}`];
  if (o.unreadable) lines.push(`    读取失败：${o.unreadable}`);
  for (const e of o.missed) lines.push(`    漏报 ${e.code} @ ${e.cells.join('/')}：${e.note}`);
  for (const f of o.falseErrors) lines.push(`    误报 ${f.code} @ ${f.cell}：${short(f.message)}`);
  if (verbose)
    for (const f of o.allowedErrors)
      lines.push(`    容许 ${f.code} @ ${f.cell}（${c.allowed.find((a) => matches(f, a.code, a.cells))?.note ?? ''}）：${short(f.message)}`);
  return lines;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const verbose = process.argv.includes('--verbose');
  await buildAll(DEFAULT_OUT_DIR, { assetsDir: null });
  const outcomes = await measure(accuracyCases(), DEFAULT_OUT_DIR);
  if (json) {
    console.log(JSON.stringify(outcomes.map((o) => ({ ...o, case: o.case.id })), null, 2));
    return;
  }
  const groups: [string, CaseOutcome[]][] = [
    ['种子表（test/fixtures/seed-tables）', outcomes.filter((o) => o.case.group === 'seed')],
    ['真实发布的表（test/fixtures/realworld）', outcomes.filter((o) => o.case.group === 'real')],
  ];
  for (const [title, list] of groups) {
    console.log(`== ${title}`);
    for (const o of list) console.log(describe(o, verbose).join('\n'));
    console.log(`-- ${summaryLine(summarize(list))}\n`);
  }
  console.log(summaryLine(summarize(outcomes)));
}

const SELF = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && resolve(process.argv[1]).replace(/\.ts$/, '') === SELF.replace(/\.ts$/, '')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
