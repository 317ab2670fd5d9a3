/**
 * What a form's summary shows, per kind — the same facts for the CLI report, the pane's form summary and the
 * 校验报告 sheet. A scored form shows 总分, 等级 and 执行率; a targets table is not scored and says so,
 * with its 预算额, 执行额 and 执行率 instead.
 */
import type { FormKind, FormResult } from './result';
import { fmt, pct } from './findings';

export const KIND_LABEL: Record<FormKind, string> = {
  project: '项目支出绩效自评表',
  department: '部门整体支出绩效自评表',
  framework: '评价指标体系计分表',
  targets: '绩效目标完成情况表',
};

/** What the name of a form of this kind is called. */
export const NAME_LABEL: Record<FormKind, string> = {
  project: '项目名称',
  department: '部门名称',
  framework: '项目名称',
  targets: '项目名称',
};

/** Shown where a score would be, for a form that has none. */
export const NOT_SCORED = '无评分';

export interface FormFact {
  /** `total`, `grade`, … : stable, for tests and styling. */
  id: 'total' | 'grade' | 'rate' | 'planned' | 'executed' | 'indicators';
  label: string;
  value: string;
  /** What the form itself states, when it states something (总分, 等级). */
  stated?: string | null;
  /** Said without its label in a line of text (`无评分（…）`, not `评分 无评分（…）`). */
  bare?: true;
}

const show = (n: number | null | undefined): string => (n === null || n === undefined || !Number.isFinite(n) ? '—' : fmt(Math.round(n * 100) / 100));

/** A form is scored when it has a total and a grade to compute (a targets table has neither). */
export function isScored(form: FormResult): form is FormResult & { total: NonNullable<FormResult['total']>; grade: NonNullable<FormResult['grade']> } {
  return Boolean(form.total && form.grade);
}

export function formFacts(form: FormResult): FormFact[] {
  const rate: FormFact = { id: 'rate', label: '执行率', value: form.budget.executionRate === null ? '—' : pct(form.budget.executionRate) };
  if (!isScored(form)) {
    return [
      { id: 'total', label: '评分', value: `${NOT_SCORED}（${KIND_LABEL[form.kind]}不计分）`, bare: true },
      { id: 'planned', label: '预算额', value: show(form.budget.planned) },
      { id: 'executed', label: '执行额', value: show(form.budget.executed) },
      rate,
      { id: 'indicators', label: '指标', value: `${form.indicators.length} 项` },
    ];
  }
  const facts: FormFact[] = [
    { id: 'total', label: '总分', value: show(form.total.computed), stated: form.total.stated === null ? null : show(form.total.stated) },
    { id: 'grade', label: '等级', value: form.grade.computed ?? '—', stated: form.grade.stated },
  ];
  // A 计分表 without a funds block (雁江 003) has no 执行率 to show.
  if (form.kind !== 'framework' || form.budget.executionRate !== null) facts.push(rate);
  return facts;
}

/** The facts as one line: `总分 91（表内填报 91）  等级 优  执行率 73.68%` (the stated grade only where it differs). */
export function factsText(form: FormResult, separator = '  '): string {
  return formFacts(form)
    .map((x) => `${x.bare ? '' : `${x.label} `}${x.value}${x.stated && (x.id === 'total' || x.stated !== x.value) ? `（表内填报 ${x.stated}）` : ''}`)
    .join(separator);
}
