import { useId } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/result';
import { SEVERITY_FILL, SEVERITY_LABEL } from '../../core/marks';
import { SEVERITIES } from '../report';
import { formatFix } from './format';

const useStyles = makeStyles({
  group: { marginTop: '8px' },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    margin: '0 0 4px',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  swatch: { width: '12px', height: '12px', borderRadius: '2px', border: `1px solid ${tokens.colorNeutralStroke1}` },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    borderLeft: '4px solid transparent',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    padding: '6px 8px',
  },
  finding: {
    border: 'none',
    margin: 0,
    backgroundColor: 'transparent',
    font: 'inherit',
    textAlign: 'left',
    color: 'inherit',
    boxSizing: 'border-box',
    display: 'block',
    width: '100%',
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    borderRadius: tokens.borderRadiusSmall,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  staticFinding: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  cell: {
    display: 'inline-block',
    minWidth: '2.5em',
    marginRight: '6px',
    padding: '0 4px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    textAlign: 'center',
  },
  rule: { display: 'block', marginTop: '2px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  fixRow: { display: 'flex', alignItems: 'center', gap: '8px', fontSize: tokens.fontSizeBase200 },
});

const BORDER: Record<Severity, string> = { error: '#C50F1F', warning: '#BC4B09', info: '#0F6CBD' };

export interface FindingsListProps {
  sheet: string;
  findings: readonly Finding[];
  onSelect: (sheet: string, cell: string) => void;
  onFix: (sheet: string, fix: NonNullable<Finding['fix']>) => void;
  /** Disables the quick fixes while a run is going. */
  busy?: boolean;
  /** Shown in headings when a sheet holds several forms. */
  context?: string;
}

/**
 * A form's findings in three groups (错误/警告/提示). Each finding with a cell is a button: click or Enter
 * selects the cell; the arrow keys move between findings (see Results).
 */
/**
 * What a screen reader says for a finding: severity, cell, message and rule as sentences, one full stop
 * between them — the message already ends in one (`请改为 100.00%。`), so none is added after it.
 */
export function spokenFinding(severity: string, f: Pick<Finding, 'cell' | 'message' | 'rule'>): string {
  const sentence = (t: string) => (/[。！？.!?；;]$/.test(t) ? t : `${t}。`);
  return `${severity}，单元格 ${f.cell}：${sentence(f.message.trim())}${f.rule ? sentence(`计分规则：${f.rule.trim()}`) : ''}`;
}

export function FindingsList({ sheet, findings, onSelect, onFix, busy, context }: FindingsListProps) {
  const s = useStyles();
  const baseId = useId();
  if (findings.length === 0) return null;
  return (
    <div>
      {SEVERITIES.map((sev) => {
        const list = findings.filter((f) => f.severity === sev);
        if (list.length === 0) return null;
        const headingId = `${baseId}-${sev}`;
        return (
          <section key={sev} className={s.group} data-severity={sev}>
            <h4 className={s.heading} id={headingId}>
              <span className={s.swatch} style={{ backgroundColor: `#${SEVERITY_FILL[sev]}` }} aria-hidden="true" />
              {SEVERITY_LABEL[sev]}（{list.length}）{context ? ` · ${context}` : null}
            </h4>
            <ul className={s.list} aria-labelledby={headingId}>
              {list.map((f, i) => {
                const target = f.sheet ?? sheet;
                const body = (
                  <>
                    {f.cell && <span className={s.cell}>{f.cell}</span>}
                    <span>{f.message}</span>
                    {f.rule && <span className={s.rule}>计分规则：{f.rule}</span>}
                  </>
                );
                return (
                  <li key={`${f.code}-${f.cell}-${i}`} className={s.item} style={{ borderLeftColor: BORDER[sev] }}>
                    {f.cell ? (
                      <button
                        type="button"
                        className={s.finding}
                        data-finding-nav=""
                        data-sheet={target}
                        data-cell={f.cell}
                        data-code={f.code}
                        aria-label={spokenFinding(SEVERITY_LABEL[sev], f)}
                        title={`转到单元格 ${target}!${f.cell}`}
                        onClick={() => onSelect(target, f.cell)}
                      >
                        {body}
                      </button>
                    ) : (
                      <div className={s.staticFinding}>{body}</div>
                    )}
                    {f.fix && (
                      <div className={s.fixRow}>
                        <Button
                          size="small"
                          appearance="primary"
                          disabled={busy}
                          aria-label={`采用计算值 ${formatFix(f.fix)} 写入单元格 ${f.fix.cell}`}
                          onClick={() => onFix(target, f.fix!)}
                        >
                          采用计算值
                        </Button>
                        <span aria-hidden="true">
                          {f.fix.cell} ← {formatFix(f.fix)}
                        </span>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
