import { useEffect, useRef, type KeyboardEvent } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: '2px',
    padding: '0 8px',
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#f3f3f3',
    overflowX: 'auto',
    scrollbarWidth: 'thin',
    flexShrink: 0,
  },
  tab: {
    border: 'none',
    margin: 0,
    backgroundColor: 'transparent',
    font: 'inherit',
    textAlign: 'left',
    padding: '4px 14px',
    fontSize: '12px',
    cursor: 'pointer',
    color: '#333',
    borderBottom: '3px solid transparent',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: '#e6e6e6' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  active: {
    backgroundColor: '#ffffff',
    color: '#107C41',
    fontWeight: 600,
    borderBottom: '3px solid #107C41',
  },
});

export interface SheetTabsProps {
  names: string[];
  active: string | null;
  marked: ReadonlySet<string>;
  onSelect: (name: string) => void;
}

/**
 * Excel-style sheet tabs below the grid: click, or arrow keys then Enter. More tabs than fit scroll
 * sideways; the active tab, and a tab just added (校验报告 after 导出校验报告), are scrolled into view.
 */
export function SheetTabs({ names, active, marked, onSelect }: SheetTabsProps) {
  const s = useStyles();
  const bar = useRef<HTMLDivElement>(null);
  const known = useRef<string[] | null>(null);
  const namesKey = names.join('\n');
  useEffect(() => {
    const added = known.current ? names.filter((n) => !known.current!.includes(n)) : [];
    known.current = names;
    const reveal = added.at(-1) ?? active;
    const tab = Array.from(bar.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []).find((t) => t.dataset.sheet === reveal);
    tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [namesKey, active]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tabs = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]'));
    const i = tabs.indexOf(e.target as HTMLElement);
    if (i < 0) return;
    let next = i;
    if (e.key === 'ArrowRight') next = Math.min(tabs.length - 1, i + 1);
    else if (e.key === 'ArrowLeft') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else return;
    e.preventDefault();
    tabs[next].focus();
    onSelect(names[next]);
  };
  return (
    <div role="tablist" aria-label="工作表" className={s.bar} onKeyDown={onKeyDown} ref={bar}>
      {names.map((n) => (
        <button
          key={n}
          type="button"
          role="tab"
          aria-selected={n === active}
          data-sheet={n}
          tabIndex={n === active ? 0 : -1}
          className={`${s.tab} ${n === active ? s.active : ''}`}
          onClick={() => onSelect(n)}
          aria-label={n}
          title={marked.has(n) ? `${n}（已标记）` : n}
        >
          {n}
          {marked.has(n) ? <span aria-hidden="true"> •</span> : null}
        </button>
      ))}
    </div>
  );
}
