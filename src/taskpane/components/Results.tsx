import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, SheetCheck } from '../../core/result';
import { countFindings, sheetFindings } from '../report';
import { FindingsList } from './FindingsList';
import { FormSummary } from './FormSummary';
import { NO_FORM_HINT } from '../../core/findings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px' },
  sheet: { display: 'flex', flexDirection: 'column', gap: '4px' },
  sheetHeading: { margin: '4px 0 0', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: '2px 4px', fontWeight: tokens.fontWeightSemibold },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px' },
  num: { textAlign: 'right' },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface ResultsProps {
  checks: readonly SheetCheck[];
  showSheetSummary: boolean;
  /** The sheet on view: its section is scrolled into view when it changes (several sheets' results). */
  activeSheet?: string | null;
  busy: boolean;
  onSelect: (sheet: string, cell: string) => void;
  onFix: (sheet: string, fix: NonNullable<Finding['fix']>) => void;
}

/** Arrow keys, Home and End move between the findings of the whole result list. */
function onNavKey(e: KeyboardEvent<HTMLElement>): void {
  const target = e.target as HTMLElement;
  if (!target.hasAttribute('data-finding-nav')) return;
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[data-finding-nav]'));
  const i = items.indexOf(target);
  if (i < 0) return;
  let next = i;
  if (e.key === 'ArrowDown') next = Math.min(items.length - 1, i + 1);
  else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
  else if (e.key === 'Home') next = 0;
  else next = items.length - 1;
  e.preventDefault();
  items[next].focus();
}

export function Results({ checks, showSheetSummary, activeSheet = null, busy, onSelect, onFix }: ResultsProps) {
  const s = useStyles();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!activeSheet || checks.length < 2) return;
    const section = Array.from(root.current?.querySelectorAll<HTMLElement>('section[data-sheet]') ?? []).find((el) => el.dataset.sheet === activeSheet);
    section?.scrollIntoView?.({ block: 'start' });
  }, [activeSheet, checks]);
  return (
    <div ref={root} className={s.root} onKeyDown={onNavKey} aria-label="校验结果" role="region">
      {showSheetSummary && (
        <table className={s.table} aria-label="各工作表汇总">
          <thead>
            <tr>
              <th className={s.th} scope="col">工作表</th>
              <th className={`${s.th} ${s.num}`} scope="col">表</th>
              <th className={`${s.th} ${s.num}`} scope="col">错误</th>
              <th className={`${s.th} ${s.num}`} scope="col">警告</th>
              <th className={`${s.th} ${s.num}`} scope="col">提示</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => {
              const n = countFindings(sheetFindings(c));
              return (
                <tr key={c.sheet}>
                  <th className={s.td} scope="row" style={{ fontWeight: 'normal' }}>{c.sheet}</th>
                  <td className={`${s.td} ${s.num}`}>{c.forms.length}</td>
                  <td className={`${s.td} ${s.num}`}>{n.error}</td>
                  <td className={`${s.td} ${s.num}`}>{n.warning}</td>
                  <td className={`${s.td} ${s.num}`}>{n.info}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {checks.map((c) => (
        <section key={c.sheet} className={s.sheet} aria-label={`工作表 ${c.sheet}`} data-sheet={c.sheet} aria-current={c.sheet === activeSheet ? 'true' : undefined}>
          {checks.length > 1 && <h2 className={s.sheetHeading}>工作表：{c.sheet}</h2>}
          {c.forms.length === 0 && c.findings.length === 0 && (
            <Caption1 className={s.empty}>
              未在工作表“{c.sheet}”中找到绩效自评表（{NO_FORM_HINT}）。
            </Caption1>
          )}
          <FindingsList sheet={c.sheet} findings={c.findings} onSelect={onSelect} onFix={onFix} busy={busy} />
          {c.forms.map((form) => (
            <div key={form.range}>
              <FormSummary form={form} sheet={c.sheet} />
              {form.findings.length === 0 ? (
                <Text size={200} className={s.empty}>
                  未发现问题。
                </Text>
              ) : (
                <FindingsList sheet={c.sheet} findings={form.findings} onSelect={onSelect} onFix={onFix} busy={busy} />
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
