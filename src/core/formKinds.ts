import type { FormKind } from './result';

/** The name of each kind of form, as the pane, the report sheet and the summary workbook show it. */
export const KIND_LABEL: Record<FormKind, string> = {
  project: '项目支出绩效自评表',
  department: '部门整体支出绩效自评表',
  framework: '评价指标体系计分表',
};

/** A kind's name; a kind this build has no name for shows as itself rather than as nothing. */
export function kindLabel(kind: string): string {
  return (KIND_LABEL as Record<string, string>)[kind] ?? kind;
}
