import type { FileResult, Finding, FormResult } from '../core/result';
import { SEVERITY_LABEL } from '../core/marks';
import { factsText, KIND_LABEL } from '../core/formFacts';

function count(findings: Finding[], severity: Finding['severity']): number {
  return findings.filter((f) => f.severity === severity).length;
}

function formBlock(f: FormResult): string[] {
  const kind = f.kind === 'project' ? '' : `  [${KIND_LABEL[f.kind]}]`;
  const lines = [
    `  ${f.sheet}!${f.range}  ${f.projectName ?? '（未填项目名称）'}${kind}`,
    `    ${factsText(f)}  错误 ${count(f.findings, 'error')}  警告 ${count(f.findings, 'warning')}  提示 ${count(f.findings, 'info')}`,
  ];
  for (const x of f.findings) lines.push(`    ${SEVERITY_LABEL[x.severity]}  ${x.cell.padEnd(5)} ${x.code}  ${x.message}`);
  return lines;
}

/** The readable report of one file: per form its sheet, range, 项目名称, 总分, 等级, counts, then each finding. */
export function textReport(file: FileResult): string {
  const lines = [`文件：${file.file}`];
  for (const f of file.findings) lines.push(`  ${SEVERITY_LABEL[f.severity]}  ${f.code}  ${f.message}`);
  if (file.forms.length === 0 && file.findings.length === 0) lines.push('  未识别到自评表。');
  for (const f of file.forms) lines.push(...formBlock(f));
  return lines.join('\n');
}

export function summaryLine(files: FileResult[]): string {
  const forms = files.flatMap((f) => f.forms);
  const all = [...files.flatMap((f) => f.findings), ...forms.flatMap((f) => f.findings)];
  const withErrors = forms.filter((f) => f.findings.some((x) => x.severity === 'error')).length;
  const bare = files.flatMap((f) => f.findings).filter((x) => x.code === 'NO_FORM_FOUND' && x.severity === 'info').length;
  return `共 ${files.length} 个文件、${forms.length} 张表${bare ? `（另有 ${bare} 个工作表未识别到自评表）` : ''}；${withErrors} 张表有错误；错误 ${count(all, 'error')}，警告 ${count(all, 'warning')}，提示 ${count(all, 'info')}。`;
}
