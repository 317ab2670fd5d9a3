/**
 * The browser preview: the task pane beside a workbook view. The bundled sample (assets/sample.xlsx, same
 * origin) opens by default; 打开工作簿 (or dropping a file on the grid) opens any .xlsx; 下载 saves the
 * annotated copy. This module and SheetJS are a lazy chunk that Excel mode never loads.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent, type InputHTMLAttributes } from 'react';
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { check } from '../../core/check';
import { MOF, type Profile } from '../../core/rules/profile';
import type { Mode } from '../../hosts/host';
import type { SummaryRow } from '../../core/summary';
import { BrowserHost } from '../../hosts/browser/BrowserHost';
import { App, type ShownRun } from '../App';
import { ErrorBar } from '../components/ErrorBar';
import { errorMessage } from '../errors';
import { SheetGrid } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { BatchTable } from './batch/BatchTable';
import { checkInWorker } from './batch/batchClient';
import { filesFromDrop, filesFromInput } from './batch/collectFiles';
import type { BatchChoice, BatchFile } from './batch/runBatch';

export const SAMPLE_URL = 'assets/sample.xlsx';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', overflow: 'hidden' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '10px',
    padding: '6px 12px',
    backgroundColor: '#107C41',
    color: '#ffffff',
    flexShrink: 0,
    flexWrap: 'wrap',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, color: '#fff' },
  fileName: { color: '#e6f4ea', fontSize: tokens.fontSizeBase300, marginRight: 'auto' },
  main: { display: 'flex', flex: 1, minHeight: 0 },
  book: { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, position: 'relative' },
  messages: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '4px 8px 0' },
  gridScroll: { flex: 1, overflow: 'auto', backgroundColor: '#ffffff', position: 'relative' },
  empty: { padding: '32px', color: tokens.colorNeutralForeground3, textAlign: 'center' },
  drop: {
    position: 'absolute',
    inset: 0,
    zIndex: 20,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(16, 124, 65, 0.12)',
    border: '3px dashed #107C41',
    fontSize: tokens.fontSizeBase500,
    color: '#0b5a2f',
    pointerEvents: 'none',
  },
  pane: {
    width: '400px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  hidden: { display: 'none' },
  batchCaption: { display: 'block', padding: '8px' },
});

export const BATCH_ZIP_NAME = '校验结果.zip';

interface Batch {
  files: BatchFile[];
  /** The pane's mode and profile when the batch started: its rows, copies and opened rows use them. */
  choice: BatchChoice;
  rows: SummaryRow[] | null;
  zip: Uint8Array | null;
  progress: { done: number; total: number; current: string };
}

function saveBlob(data: Uint8Array, fileName: string, type = XLSX_MIME): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/** A button that opens a hidden file input (files, or a folder) and hands over what was picked. */
function Picker(props: {
  label: string;
  disabled: boolean;
  testId: string;
  input: InputHTMLAttributes<HTMLInputElement>;
  onPick: (files: FileList | null) => void;
}) {
  const s = useStyles();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button onClick={() => ref.current?.click()} disabled={props.disabled}>
        {props.label}
      </Button>
      <input
        ref={ref}
        className={s.hidden}
        type="file"
        data-testid={props.testId}
        {...props.input}
        onChange={(e) => {
          props.onPick(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}

function modeLabel(mode: Mode): string {
  return mode === 'fill' ? '填报' : '审核';
}

/** What a batch did, as its caption says it: the mode (and what it means) and the profile. */
export function batchChoiceText({ mode, profile }: BatchChoice): string {
  return `${modeLabel(mode)}模式，${mode === 'fill' ? '副本中填入计算值并标注' : '只标注不填写'}；评分方案：${profile.name}`;
}

export function BrowserApp({ sampleUrl = SAMPLE_URL }: { sampleUrl?: string | null }) {
  const s = useStyles();
  const [host] = useState(() => new BrowserHost());
  const state = useSyncExternalStore(host.subscribe, host.getState);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [view, setView] = useState<'book' | 'batch'>('book');
  /** The pane's mode and profile (a batch takes them); the profile is null while a saved one is refused. */
  const choice = useRef<{ mode: Mode; profile: Profile | null }>({ mode: 'fill', profile: MOF });
  const onChoice = useCallback((c: { mode: Mode; profile: Profile | null }) => {
    choice.current = c;
  }, []);
  /** A batch row's run, shown in the pane for that workbook. */
  const [rowRun, setRowRun] = useState<(ShownRun & { workbookId: number }) | null>(null);

  const openBytes = useCallback(
    async (data: ArrayBuffer, fileName: string) => {
      setLoading(`正在打开“${fileName}”…`);
      setError(null);
      setNotice(null);
      try {
        await host.open(data, fileName);
      } catch (err) {
        const msg = errorMessage(err);
        setError(
          (err as Error)?.name === 'WorkbookReadError' || (err as Error)?.name === 'HostError'
            ? msg
            : `无法打开“${fileName}”：它不是可读取的 .xlsx 工作簿。（${msg}）`,
        );
      } finally {
        setLoading(null);
      }
    },
    [host],
  );

  const openFile = useCallback(
    async (file: File) => {
      if (!/\.(xlsx|xlsm)$/i.test(file.name)) {
        setError(`“${file.name}”不是 .xlsx 工作簿。请选择扩展名为 .xlsx 的文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）。`);
        return;
      }
      await openBytes(await file.arrayBuffer(), file.name);
    },
    [openBytes],
  );

  /** Many files or a folder: checked in the worker, the summary shown as a table. */
  const startBatch = useCallback(async (files: BatchFile[]) => {
    setError(null);
    setNotice(null);
    if (files.length === 0) {
      setError('所选内容中没有 .xlsx 工作簿。');
      return;
    }
    setView('batch');
    const taken: BatchChoice = { mode: choice.current.mode, profile: choice.current.profile ?? MOF };
    setBatch({ files, choice: taken, rows: null, zip: null, progress: { done: 0, total: files.length, current: '' } });
    try {
      const { rows, zip } = await checkInWorker(files, taken, (done, total, current) =>
        setBatch((b) => (b && b.files === files ? { ...b, progress: { done, total, current } } : b)),
      );
      setBatch((b) => (b && b.files === files ? { ...b, rows, zip } : b));
    } catch (err) {
      setError(`批量校验失败：${errorMessage(err)}`);
      setBatch(null);
      setView('book');
    }
  }, []);

  const openPicked = useCallback(
    async (list: FileList | null) => {
      if (!list || list.length === 0) return;
      // The FileList goes stale once the input is reset: take the files now.
      const picked = Array.from(list);
      const fromFolder = picked.some((f) => f.webkitRelativePath);
      if (picked.length === 1 && !fromFolder) {
        setView('book');
        return openFile(picked[0]);
      }
      await startBatch(await filesFromInput(picked));
    },
    [openFile, startBatch],
  );

  /** A summary row: its workbook in the view, checked, with the marks (审核: nothing written). */
  const openRow = useCallback(
    async (row: SummaryRow) => {
      const file = batch?.files[row.fileIndex];
      if (!file) return;
      await openBytes(file.data.slice(0), file.path);
      if (!host.hasWorkbook) return;
      const { mode, profile } = batch.choice;
      const checks = host.getState().sheets.map((m) => check(m, profile));
      const summary = await host.applyMarks(checks, mode);
      if (row.sheet) host.setActiveSheet(row.sheet);
      // The pane shows this run as its own: the findings list jumps to the marked cells.
      setRowRun({ checks, mode, summary, workbookId: host.getState().workbookId, label: `已按批量校验的${modeLabel(mode)}模式、评分方案“${profile.name}”打开“${file.path}”。` });
      setView('book');
    },
    [batch, host, openBytes],
  );

  // The bundled sample opens by default.
  useEffect(() => {
    if (!sampleUrl) return;
    let live = true;
    void (async () => {
      setLoading('正在加载示例工作簿…');
      try {
        const res = await fetch(sampleUrl);
        if (!res.ok) throw new Error(String(res.status));
        const data = await res.arrayBuffer();
        // A workbook the user opened meanwhile wins over the sample.
        if (live && !host.hasWorkbook) await openBytes(data, 'sample.xlsx');
      } catch {
        if (live) setNotice('未能加载示例工作簿。请点击“打开工作簿”选择 .xlsx 文件，或把文件拖到此处。');
      } finally {
        if (live) setLoading(null);
      }
    })();
    return () => {
      live = false;
    };
  }, [sampleUrl, openBytes, host]);

  const onDownload = async () => {
    setError(null);
    try {
      const { data, fileName } = await host.download();
      saveBlob(data, fileName);
      setNotice(`已下载“${fileName}”。`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const dt = e.dataTransfer;
    const folder = Array.from(dt.items ?? []).some((item) => item.webkitGetAsEntry?.()?.isDirectory);
    if (dt.files.length > 1 || folder) {
      void filesFromDrop(dt).then(startBatch);
      return;
    }
    const file = dt.files?.[0];
    if (file) {
      setView('book');
      void openFile(file);
    }
  };

  const active = state.sheets.find((m) => m.name === state.activeSheet) ?? null;
  const colWidths = useMemo(
    () => (active ? host.columnWidths(active.name) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [host, active?.name, state.workbookId, active],
  );
  const markedSheets = useMemo(
    () => new Set([...state.marks].filter(([, m]) => m.size > 0).map(([n]) => n)),
    [state.marks],
  );
  const selected = state.selection && state.selection.sheet === active?.name ? state.selection.cell : null;

  return (
    <div className={s.root}>
      <header className={s.header}>
        <h1 className={s.title}>绩效自评表校验 · 浏览器预览</h1>
        <Text className={s.fileName} data-testid="file-name">
          {view === 'batch' && batch ? `批量校验：${batch.files.length} 个文件` : (state.fileName ?? '（未打开工作簿）')}
        </Text>
        <Picker
          label="打开工作簿"
          disabled={loading !== null}
          testId="open-file"
          input={{ multiple: true, accept: `.xlsx,.xlsm,${XLSX_MIME}`, 'aria-label': '选择要打开的 .xlsx 工作簿（可多选）' }}
          onPick={openPicked}
        />
        <Picker
          label="打开文件夹"
          disabled={loading !== null}
          testId="open-folder"
          input={{ 'aria-label': '选择一个文件夹，校验其中所有 .xlsx 工作簿', ...{ webkitdirectory: '', directory: '' } }}
          onPick={openPicked}
        />
        {batch && (
          <Button onClick={() => setView(view === 'batch' ? 'book' : 'batch')} data-testid="batch-toggle">
            {view === 'batch' ? '查看工作簿' : '批量结果'}
          </Button>
        )}
        {/* One download button for what is on view: the batch's zip, or the workbook's annotated copy. */}
        {view === 'batch' && batch ? (
          <Button
            appearance="primary"
            onClick={() => batch.zip && saveBlob(batch.zip, BATCH_ZIP_NAME, 'application/zip')}
            disabled={!batch.zip}
            data-testid="batch-zip"
          >
            下载汇总与副本（zip）
          </Button>
        ) : (
          <Button
            onClick={onDownload}
            disabled={!state.fileName || loading !== null}
            title={state.fileName ? `下载标注后的副本（${state.fileName.replace(/\.xlsx$/i, '')}.checked.xlsx）` : undefined}
            data-testid="download"
          >
            下载
          </Button>
        )}
      </header>
      <div className={s.main}>
        <div
          className={s.book}
          onDragOver={(e) => {
            e.preventDefault();
            if (!dragging) setDragging(true);
          }}
          onDragLeave={(e) => {
            if (e.currentTarget === e.target) setDragging(false);
          }}
          onDrop={onDrop}
          data-testid="workbook"
        >
          {(error || notice || loading) && (
            <div className={s.messages}>
              {error && <ErrorBar title="无法打开工作簿" message={error} onDismiss={() => setError(null)} />}
              {loading && <Spinner size="tiny" label={loading} labelPosition="after" />}
              {notice && !error && <ErrorBar intent="info" message={notice} onDismiss={() => setNotice(null)} />}
            </div>
          )}
          {view === 'batch' && batch && (
            <div className={s.gridScroll} data-testid="batch">
              {batch.rows ? (
                <>
                  <Caption1 className={s.batchCaption} data-testid="batch-status">
                    已校验 {batch.files.length} 个文件、{batch.rows.filter((r) => r.sheet).length} 张表（{batchChoiceText(batch.choice)}）。点击一行打开该工作簿并显示标注。
                  </Caption1>
                  <BatchTable rows={batch.rows} onOpen={(r) => void openRow(r)} />
                </>
              ) : (
                <Spinner
                  className={s.batchCaption}
                  size="tiny"
                  labelPosition="after"
                  data-testid="batch-progress"
                  label={`正在校验 ${batch.progress.done}/${batch.progress.total}${batch.progress.current ? `：${batch.progress.current}` : ''}`}
                />
              )}
            </div>
          )}
          <div className={view === 'batch' && batch ? s.hidden : s.gridScroll} data-testid="grid-scroll">
            {active ? (
              <SheetGrid
                model={active}
                marks={state.marks.get(active.name)}
                selected={selected}
                colWidths={colWidths}
                onSelectCell={(cell) => host.setSelection(active.name, cell)}
              />
            ) : (
              !loading && (
                <div className={s.empty}>
                  <Text size={400}>把 .xlsx 文件拖到这里，或点击“打开工作簿”。</Text>
                  <br />
                  <Caption1>文件只在本机浏览器中读取，不会上传。</Caption1>
                </div>
              )
            )}
          </div>
          {state.sheets.length > 0 && view === 'book' && (
            <SheetTabs
              names={state.sheets.map((m) => m.name)}
              active={state.activeSheet}
              marked={markedSheets}
              onSelect={(n) => host.setActiveSheet(n)}
            />
          )}
          {dragging && <div className={s.drop}>松开鼠标以打开工作簿</div>}
        </div>
        <aside className={s.pane} aria-label="校验窗格">
          <App
            key={state.workbookId}
            host={host}
            blocked={loading}
            onChoice={onChoice}
            shownRun={rowRun && rowRun.workbookId === state.workbookId ? rowRun : null}
          />
        </aside>
      </div>
    </div>
  );
}
