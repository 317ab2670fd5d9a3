/**
 * A project's name written in brackets in or under a table's title, for a form without a 项目名称 cell:
 * `2022年度区本级项目支出绩效自评计分表（运行运转保障经费）` or a line `（运行运转保障经费）` under it. A year
 * (`（2022年度）`), a unit (`（万元）`) or a stamp (`（盖章）`) is not a name.
 */
const TRAILING = /(?:表|计分表|评价表|自评表)\s*[(（]([^()（）]+)[)）]\s*$/u;
const ALONE = /^\s*[(（]([^()（）]+)[)）]\s*$/u;
const NOT_A_NAME = /^\s*(?:\d{4}\s*年?度?|万元|元|盖章|\d{4}\s*年度?.*|[A-Z](?:\/[A-Z])?)\s*$/u;

export function bracketName(text: string): string | null {
  const m = TRAILING.exec(text) ?? ALONE.exec(text);
  if (!m) return null;
  const name = m[1].trim();
  return name && !NOT_A_NAME.test(name.normalize('NFKC')) ? name : null;
}

/** A title line: the table's name (`…绩效自评表`, `…计分表`, `…评价表`, `…完成情况表`), possibly with a bracketed name after it. */
export const TITLE = /绩效自评表|自评计分表|计分表|评价表|完成情况表|绩效目标自评表/u;
