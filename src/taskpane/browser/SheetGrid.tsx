/**
 * One worksheet drawn as Excel shows it: column letters and row numbers, merged cells as rowSpan/colSpan,
 * the displayed text of each cell, and after a run the marks (fill colour by severity, the note as a
 * tooltip on hover and focus, computed values written into empty cells).
 */
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { SheetModel, CellRange } from '../../core/sheet';
import { SheetView, a1, columnLetters, isCellError, parseA1, sheetBottom, sheetRight } from '../../core/sheet';
import type { GridMark } from '../../hosts/browser/BrowserHost';

/** Rows drawn at most (a form is a few hundred rows; a huge sheet is cut). */
export const MAX_ROWS = 2000;

const useStyles = makeStyles({
  wrap: { position: 'relative', display: 'inline-block', minWidth: '100%' },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontSize: '12px',
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Segoe UI", sans-serif',
    backgroundColor: '#ffffff',
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 'normal',
    textAlign: 'center',
    borderRight: '1px solid #d4d4d4',
    borderBottom: '1px solid #bdbdbd',
    height: '20px',
    padding: 0,
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: 'normal',
    textAlign: 'center',
    borderRight: '1px solid #bdbdbd',
    borderBottom: '1px solid #d4d4d4',
    padding: '0 2px',
  },
  cell: {
    position: 'relative',
    borderRight: '1px solid #e1e1e1',
    borderBottom: '1px solid #e1e1e1',
    padding: '2px 4px',
    height: '18px',
    verticalAlign: 'middle',
    whiteSpace: 'pre-wrap',
    // Lines break between words and between CJK characters, never inside a word (EXECUTION_RATE_MISMATCH):
    // what does not fit is clipped, as in Excel.
    wordBreak: 'normal',
    overflowWrap: 'normal',
    overflow: 'hidden',
    lineHeight: '16px',
    cursor: 'cell',
    ':focus': { outline: 'none' },
  },
  // Excel never wraps a number (136.58%): it shows it whole on one line.
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  error: { textAlign: 'center' },
  selected: {
    boxShadow: 'inset 0 0 0 2px #107C41',
  },
  hasNote: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      borderTop: '7px solid #C00000',
      borderLeft: '7px solid transparent',
    },
  },
  filled: { fontStyle: 'italic', color: '#375623' },
  tooltip: {
    position: 'fixed',
    zIndex: 10,
    maxWidth: '360px',
    padding: '6px 8px',
    backgroundColor: '#FFFFE1',
    color: '#1f1f1f',
    border: '1px solid #8a8a8a',
    boxShadow: tokens.shadow8,
    fontSize: '12px',
    lineHeight: '18px',
    whiteSpace: 'pre-wrap',
    pointerEvents: 'none',
  },
  cut: { padding: '8px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface SheetGridProps {
  model: SheetModel;
  marks?: ReadonlyMap<string, GridMark>;
  /** Selected cell (A1) on this sheet. */
  selected: string | null;
  colWidths: number[];
  onSelectCell: (cell: string) => void;
}

interface Layout {
  rows: number;
  cols: number;
  /** key r*cols+c of a merge master → its merge. */
  masters: Map<number, CellRange>;
  /** Cells covered by a merge (not its master). */
  covered: Set<number>;
  cut: boolean;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const TIP_GAP = 2;

/**
 * Where a note goes (viewport coordinates): below its cell, or above it when it would pass the bottom of
 * the window; moved left as far as needed to end inside the window; never above or left of the window.
 */
export function placeTooltip(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  let top = anchor.bottom + TIP_GAP;
  if (top + size.height > viewport.height) top = anchor.top - TIP_GAP - size.height;
  top = Math.max(0, Math.min(top, viewport.height - size.height));
  const left = Math.max(0, Math.min(anchor.left, viewport.width - size.width - TIP_GAP));
  return { top, left };
}

function layoutOf(model: SheetModel): Layout {
  const allRows = model.values.length === 0 ? 0 : sheetBottom(model) + 1;
  const rows = Math.min(allRows, MAX_ROWS);
  const cols = model.values.length === 0 ? 0 : sheetRight(model) + 1;
  const masters = new Map<number, CellRange>();
  const covered = new Set<number>();
  let maxRow = rows;
  let maxCol = cols;
  for (const m of model.merges) {
    maxRow = Math.max(maxRow, Math.min(m.bottom + 1, MAX_ROWS));
    maxCol = Math.max(maxCol, m.right + 1);
  }
  for (const m of model.merges) {
    if (m.top >= MAX_ROWS) continue;
    masters.set(m.top * maxCol + m.left, m);
    for (let r = m.top; r <= Math.min(m.bottom, MAX_ROWS - 1); r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(r * maxCol + c);
  }
  return { rows: maxRow, cols: maxCol, masters, covered, cut: allRows > MAX_ROWS };
}

function SheetGridImpl({ model, marks, selected, colWidths, onSelectCell }: SheetGridProps) {
  const s = useStyles();
  const wrapRef = useRef<HTMLDivElement>(null);
  const view = useMemo(() => new SheetView(model), [model]);
  const layout = useMemo(() => layoutOf(model), [model]);
  const [tip, setTip] = useState<{ cell: string; anchor: Box } | null>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const [tipAt, setTipAt] = useState<{ top: number; left: number } | null>(null);

  // The selected cell, resolved to its merge master.
  const selectedMaster = useMemo(() => (selected ? view.masterAddress(selected) : null), [selected, view]);

  useEffect(() => {
    if (!selectedMaster) return;
    const el = wrapRef.current?.querySelector<HTMLElement>(`[data-cell="${selectedMaster}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selectedMaster, model]);

  const showTip = (el: HTMLElement, cell: string) => {
    const mark = marks?.get(cell);
    if (!mark?.note || !wrapRef.current) {
      setTip(null);
      return;
    }
    const r = el.getBoundingClientRect();
    setTipAt(null);
    setTip({ cell, anchor: { top: r.top, left: r.left, bottom: r.bottom, right: r.right } });
  };

  // Placed once its size is known, so a note of a cell near the bottom or right edge stays in the window.
  useLayoutEffect(() => {
    const el = tipRef.current;
    if (!tip || !el) return;
    setTipAt(placeTooltip(tip.anchor, { width: el.offsetWidth, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }));
  }, [tip]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const cell = (e.target as HTMLElement).getAttribute('data-cell');
    if (!cell) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const mv = moves[e.key];
    if (!mv) return;
    e.preventDefault();
    const p = parseA1(cell);
    const merge = view.mergeAt(p.row, p.col);
    // Step out of a merged area from its edge.
    let r = mv[0] > 0 && merge ? merge.bottom + 1 : p.row + mv[0];
    let c = mv[1] > 0 && merge ? merge.right + 1 : p.col + mv[1];
    r = Math.max(0, Math.min(layout.rows - 1, r));
    c = Math.max(0, Math.min(layout.cols - 1, c));
    const m = view.master(r, c);
    const next = a1(m.row, m.col);
    onSelectCell(next);
    wrapRef.current?.querySelector<HTMLElement>(`[data-cell="${next}"]`)?.focus();
  };

  const tabCell = selectedMaster ?? (layout.rows && layout.cols ? a1(0, 0) : null);
  const tipMark = tip ? marks?.get(tip.cell) : undefined;
  const showTipRef = useRef(showTip);
  showTipRef.current = showTip;
  const selectRef = useRef(onSelectCell);
  selectRef.current = onSelectCell;
  const noteIdPrefix = useId();

  // The body depends on the sheet, its marks and the selection only: hovering (the tooltip) redraws none of it.
  const body = useMemo(() => {
    const rows = [];
    for (let r = 0; r < layout.rows; r++) {
      const tds = [];
      for (let c = 0; c < layout.cols; c++) {
        const key = r * layout.cols + c;
        if (layout.covered.has(key)) continue;
        const merge = layout.masters.get(key);
        const addr = a1(r, c);
        const mark = marks?.get(addr);
        const value = view.own(r, c);
        const text = mark?.filledText ?? view.text(r, c);
        const isNum = mark?.filledText !== undefined ? true : typeof value === 'number';
        const classes = [s.cell];
        if (isNum) classes.push(s.number);
        if (isCellError(value)) classes.push(s.error);
        if (mark?.note) classes.push(s.hasNote);
        if (mark?.filledText !== undefined) classes.push(s.filled);
        if (selectedMaster === addr) classes.push(s.selected);
        tds.push(
          <td
            key={c}
            role="gridcell"
            data-cell={addr}
            data-fill={mark ? mark.fill : undefined}
            data-severity={mark?.severity ?? undefined}
            rowSpan={merge ? merge.bottom - merge.top + 1 : undefined}
            colSpan={merge ? merge.right - merge.left + 1 : undefined}
            className={classes.join(' ')}
            style={mark ? { backgroundColor: `#${mark.fill}` } : undefined}
            tabIndex={addr === tabCell ? 0 : -1}
            aria-selected={selectedMaster === addr}
            aria-describedby={mark?.note ? `${noteIdPrefix}-${addr}` : undefined}
            onMouseDown={() => selectRef.current(addr)}
            onMouseEnter={(e) => showTipRef.current(e.currentTarget, addr)}
            onMouseLeave={() => setTip((t) => (t?.cell === addr ? null : t))}
            onFocus={(e) => showTipRef.current(e.currentTarget, addr)}
            onBlur={() => setTip((t) => (t?.cell === addr ? null : t))}
          >
            {text}
          </td>,
        );
      }
      rows.push(
        <tr key={r}>
          <th scope="row" className={s.rowHead}>
            {r + 1}
          </th>
          {tds}
        </tr>,
      );
    }
    return rows;
  }, [layout, marks, view, selectedMaster, tabCell, s, noteIdPrefix]);

  const notes = useMemo(
    () =>
      [...(marks ?? [])]
        .filter(([, m]) => m.note)
        .map(([cell, m]) => (
          <div key={cell} id={`${noteIdPrefix}-${cell}`}>
            {m.note}
          </div>
        )),
    [marks, noteIdPrefix],
  );

  return (
    <div className={s.wrap} ref={wrapRef}>
      <table role="grid" aria-label={`工作表 ${model.name}`} className={s.table} onKeyDown={onKeyDown} data-sheet={model.name}>
        <colgroup>
          <col style={{ width: '40px' }} />
          {Array.from({ length: layout.cols }, (_, c) => (
            <col key={c} style={{ width: `${colWidths[c] ?? 64}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={`${s.colHead} ${s.corner}`} aria-label="行号" />
            {Array.from({ length: layout.cols }, (_, c) => (
              <th key={c} scope="col" className={s.colHead}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
      {layout.cut && <div className={s.cut}>工作表较大，仅显示前 {MAX_ROWS} 行。</div>}
      <div hidden>{notes}</div>
      {tip && tipMark?.note && (
        <div
          role="tooltip"
          aria-hidden="true"
          data-testid="grid-tooltip"
          ref={tipRef}
          className={s.tooltip}
          style={tipAt ?? { top: 0, left: 0, visibility: 'hidden' }}
        >
          {tipMark.note}
        </div>
      )}
    </div>
  );
}

export const SheetGrid = memo(SheetGridImpl);
