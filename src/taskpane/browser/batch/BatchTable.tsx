/**
 * The batch's summary as a sortable table: the rows of 校验汇总.xlsx (errors first until a header is
 * clicked), each row opening its workbook with the marks.
 */
import { useMemo, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_FILL } from '../../../core/marks';
import type { SummaryRow } from '../../../core/summary';
import { NOT_SCORED } from '../../../core/formFacts';

type Key = 'file' | 'sheet' | 'kind' | 'name' | 'total' | 'grade' | 'errors' | 'warnings' | 'infos' | 'note';

const COLUMNS: { key: Key; label: string; numeric?: boolean }[] = [
  { key: 'file', label: '文件' },
  { key: 'sheet', label: '工作表' },
  { key: 'kind', label: '表类型' },
  { key: 'name', label: '项目名称' },
  { key: 'total', label: '总分', numeric: true },
  { key: 'grade', label: '等级' },
  { key: 'errors', label: '错误', numeric: true },
  { key: 'warnings', label: '警告', numeric: true },
  { key: 'infos', label: '提示', numeric: true },
  { key: 'note', label: '说明' },
];

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: 'left',
    padding: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  sort: {
    background: 'none',
    border: 'none',
    font: 'inherit',
    color: 'inherit',
    width: '100%',
    textAlign: 'left',
    cursor: 'pointer',
    display: 'block',
    padding: '6px 8px',
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  td: { padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  row: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  note: { maxWidth: '420px', color: tokens.colorNeutralForeground3 },
  // Short labels that read wrong when broken (绩效目标完成|情况表, 无评|分).
  nowrap: { whiteSpace: 'nowrap' },
});

function compare(a: SummaryRow, b: SummaryRow, key: Key): number {
  const x = a[key];
  const y = b[key];
  // Empty cells sort last either way round.
  if (x === null || x === '') return y === null || y === '' ? 0 : 1;
  if (y === null || y === '') return -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'zh-CN', { numeric: true });
}

export function BatchTable({ rows, onOpen }: { rows: readonly SummaryRow[]; onOpen: (row: SummaryRow) => void }) {
  const s = useStyles();
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 } | null>(null);
  const shown = useMemo(() => {
    if (!sort) return rows;
    return [...rows].sort((a, b) => {
      const c = compare(a, b, sort.key);
      const emptyA = a[sort.key] === null || a[sort.key] === '';
      const emptyB = b[sort.key] === null || b[sort.key] === '';
      return emptyA || emptyB ? c : c * sort.dir;
    });
  }, [rows, sort]);

  return (
    <table className={s.table} data-testid="batch-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.key}
              className={s.th}
              aria-sort={sort?.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                className={s.sort}
                onClick={() => setSort((p) => (p?.key === c.key ? { key: c.key, dir: p.dir === 1 ? -1 : 1 } : { key: c.key, dir: c.numeric ? -1 : 1 }))}
              >
                {c.label}
                {sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((r, i) => (
          <tr
            key={`${r.fileIndex}-${r.sheet}-${i}`}
            className={s.row}
            tabIndex={0}
            title={r.errors === null ? undefined : '打开此工作簿并显示标注'}
            onClick={() => r.errors !== null && onOpen(r)}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ' ') && r.errors !== null) {
                e.preventDefault();
                onOpen(r);
              }
            }}
          >
            {COLUMNS.map((c) => {
              // A form of a kind that is not scored says so where 总分 and 等级 would be, as the pane and 校验汇总.xlsx do.
              const v = r.notScored && (c.key === 'total' || c.key === 'grade') ? NOT_SCORED : r[c.key];
              const tint = c.key === 'errors' && (v === null || (v as number) > 0) ? SEVERITY_FILL.error : c.key === 'warnings' && (v as number) > 0 ? SEVERITY_FILL.warning : null;
              return (
                <td
                  key={c.key}
                  className={`${s.td} ${c.numeric ? s.num : ''} ${c.key === 'note' ? s.note : ''} ${c.key === 'kind' || c.key === 'total' || c.key === 'grade' ? s.nowrap : ''}`}
                  style={tint ? { backgroundColor: `#${tint}` } : undefined}
                >
                  {v === null ? '' : String(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
