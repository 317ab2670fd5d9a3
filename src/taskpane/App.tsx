/**
 * The task pane: choose mode, scope and profile, run the check, read the results, jump to cells, accept
 * computed values, export the report. It talks only to a Host (Excel or the browser preview) and to the
 * core's pure `check`; it decides nothing about the form itself.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApplySummary, Host, Mode } from '../hosts/host';
import type { SheetModel } from '../core/sheet';
import type { Finding, SheetCheck } from '../core/result';
import { check as coreCheck } from '../core/check';
import { MOF, builtInProfile, type Profile } from '../core/rules/profile';
import { parseProfileText, ProfileError } from '../core/rules/profileFile';
import { Controls, type Scope } from './components/Controls';
import { ErrorBar } from './components/ErrorBar';
import { Results } from './components/Results';
import { errorMessage } from './errors';
import { REPORT_SHEET, reportRows, resultAnnouncement } from './report';
import { lastRun, onRun, type CommandRun } from '../commands/lastRun';
import { SETTING_MODE, SETTING_PROFILE, SETTING_SCOPE, profileFromSetting } from '../commands/settings';

export type CheckFn = (sheet: SheetModel, profile: Profile) => SheetCheck;

export interface AppProps {
  host: Host;
  /** The core's check; tests may pass a stand-in. */
  checkSheet?: CheckFn;
  /** Shown above the controls (Excel mode); the browser preview has its own header. */
  showTitle?: boolean;
  /** Why the pane cannot run yet (the browser preview's workbook still loading): its controls wait, the label shows. */
  blocked?: string | null;
  /** Told the mode and profile chosen, as they change (the browser preview's batch takes them). */
  onChoice?: (choice: { mode: Mode; profile: Profile | null }) => void;
  /** A run made outside the pane (a batch row opened in the preview): shown as the pane's own result. */
  shownRun?: ShownRun | null;
}

export interface ShownRun {
  checks: SheetCheck[];
  mode: Mode;
  summary: ApplySummary;
  /** What the status line says of it. */
  label: string;
}

/**
 * Per-document settings, shared with the ribbon commands (src/commands/settings.ts): `profile` holds a
 * built-in profile's id or a whole profile as JSON text (the one loaded from a file, resolved); `mode`
 * holds 'fill' or 'review'.
 */
export const SETTING = { mode: SETTING_MODE, scope: SETTING_SCOPE, profile: SETTING_PROFILE } as const;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px',
    boxSizing: 'border-box',
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  status: { fontSize: tokens.fontSizeBase300, minHeight: '1.4em' },
  busy: { display: 'flex', alignItems: 'center', gap: '8px' },
});

async function readFileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(file);
  });
}

/** Results after a run: in 本工作表 scope a sheet's run replaces that sheet's earlier result and keeps the others'. */
function mergeResults(previous: SheetCheck[] | null, checks: SheetCheck[], replaceAll: boolean): SheetCheck[] {
  if (replaceAll || !previous) return checks;
  const names = new Set(checks.map((c) => c.sheet));
  return [...previous.filter((c) => !names.has(c.sheet)), ...checks];
}

export function App({ host, checkSheet = coreCheck, showTitle = false, blocked = null, onChoice, shownRun = null }: AppProps) {
  const s = useStyles();
  const [mode, setMode] = useState<Mode>('fill');
  const [scope, setScope] = useState<Scope>('sheet');
  const [profileId, setProfileId] = useState<string>(MOF.id);
  const [customProfile, setCustomProfile] = useState<Profile | null>(null);
  /** Why the profile saved in the document cannot be used: the pane refuses it as the ribbon does. */
  const [savedProfileError, setSavedProfileError] = useState<string | null>(null);
  const [results, setResults] = useState<SheetCheck[] | null>(null);
  const [applied, setApplied] = useState<ApplySummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const lastSheets = useRef<string[]>([]);
  const lastMode = useRef<Mode>('fill');
  /** The sheet on view, where the host tells it: the pane shows (本工作表) or scrolls to (全部工作表) its result. */
  const [activeSheet, setActiveSheet] = useState<string | null>(null);

  useEffect(() => host.watchActiveSheet?.((name) => setActiveSheet(name)), [host]);

  useEffect(() => {
    if (!shownRun) return;
    lastSheets.current = shownRun.checks.map((c) => c.sheet);
    lastMode.current = shownRun.mode;
    setResults(shownRun.checks);
    setApplied(shownRun.summary);
    setError(null);
    setStatus(shownRun.label);
  }, [shownRun]);

  // What a ribbon command did (shared runtime): shown here, the one place for every result.
  useEffect(() => {
    const show = (run: CommandRun) => {
      if (run.kind === 'checked') {
        lastSheets.current = run.checks.map((c) => c.sheet);
        lastMode.current = run.mode;
        setResults(run.checks);
        setApplied(run.summary);
        setError(null);
        setStatus(`功能区命令${resultAnnouncement(run.checks, run.summary.filled, run.mode)}`);
      } else if (run.kind === 'cleared') {
        setResults(null);
        setApplied(null);
        setStatus(`已清除 ${run.cleared} 个单元格的标记。`);
      } else setError(run.message);
    };
    const last = lastRun();
    if (last && Date.now() - last.at < 5 * 60_000) show(last);
    return onRun(show);
  }, []);

  // Settings remembered per document.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [m, sc, p] = await Promise.all([
          host.loadSetting(SETTING.mode),
          host.loadSetting(SETTING.scope),
          host.loadSetting(SETTING.profile),
        ]);
        if (!live) return;
        if (m === 'fill' || m === 'review') setMode(m);
        if (sc === 'sheet' || sc === 'all') setScope(sc);
        if (p && builtInProfile(p.trim())) setProfileId(p.trim());
        else if (p) {
          try {
            setCustomProfile(profileFromSetting(p));
          } catch (e) {
            const message = errorMessage(e);
            setSavedProfileError(message);
            setError(message);
          }
          setProfileId('custom');
        }
      } catch {
        /* settings are a convenience: defaults stand */
      }
    })();
    return () => {
      live = false;
    };
  }, [host]);

  const profile: Profile | null = profileId === 'custom' ? customProfile : (builtInProfile(profileId) ?? MOF);

  useEffect(() => {
    onChoice?.({ mode, profile });
  }, [onChoice, mode, profile]);

  const save = useCallback(
    (key: string, value: string) => {
      host.saveSetting(key, value).catch((err: unknown) => setError(errorMessage(err)));
    },
    [host],
  );

  /** Runs one check on the given sheets (or the scope's) and writes its marks. */
  const runCheck = useCallback(
    async (sheets?: string[]) => {
      // No clearMarks first: readSheet shows the computed values of an earlier run as empty cells, and
      // applyMarks replaces the earlier marks (the ribbon command takes the same path).
      if (!profile) throw new ProfileError(savedProfileError ?? '请先选择或加载评分方案。');
      const checks: SheetCheck[] = [];
      let names: string[];
      if (sheets || scope === 'all') {
        names = sheets ?? (await host.sheetNames()).filter((n) => n !== REPORT_SHEET);
        for (const name of names) checks.push(checkSheet(await host.readSheet(name), profile));
      } else {
        // The active sheet: its name comes with the read (in Excel one sync, not one more to ask it).
        const model = await host.readSheet();
        names = [model.name];
        checks.push(checkSheet(model, profile));
      }
      const summary = await host.applyMarks(checks, mode);
      lastSheets.current = names;
      lastMode.current = mode;
      setResults((previous) => mergeResults(previous, checks, Boolean(sheets) || scope === 'all'));
      setApplied(summary);
      setStatus(resultAnnouncement(checks, summary.filled, mode));
    },
    [host, scope, mode, profile, savedProfileError, checkSheet],
  );

  const guarded = useCallback(async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    setStatus(label);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
      setStatus('操作未完成。');
    } finally {
      setBusy(null);
    }
  }, []);

  const onCheck = () => guarded('正在校验…', () => runCheck());

  const onClear = () =>
    guarded('正在清除标记…', async () => {
      const sheets = scope === 'all' ? undefined : [await host.activeSheetName()];
      const n = await host.clearMarks(sheets);
      setResults((previous) => (sheets && previous ? previous.filter((c) => !sheets.includes(c.sheet)) : null));
      setApplied(null);
      setStatus(`已清除 ${n} 个单元格的标记。`);
    });

  const onExport = () =>
    guarded('正在导出校验报告…', async () => {
      if (!results) return;
      const rows = reportRows(results);
      await host.exportReport(rows);
      setStatus(`已导出校验报告：${rows.filter((r) => r.code !== '').length} 条，见工作表“${REPORT_SHEET}”。`);
    });

  const onSelect = (sheet: string, cell: string) => {
    host.selectCell(sheet, cell).catch((err: unknown) => setError(errorMessage(err)));
  };

  const onFix = (sheet: string, fix: NonNullable<Finding['fix']>) =>
    guarded('正在写入计算值…', async () => {
      await host.applyFix(sheet, fix.cell, fix.value, fix.numberFormat);
      const sheets = lastSheets.current.length ? lastSheets.current : [sheet];
      await runCheck(sheets.includes(sheet) ? sheets : [...sheets, sheet]);
      setStatus((st) => `已采用计算值写入 ${sheet}!${fix.cell}，已重新校验。${st}`);
    });

  const onMode = (m: Mode) => {
    setMode(m);
    save(SETTING.mode, m);
  };
  const onScope = (sc: Scope) => {
    setScope(sc);
    save(SETTING.scope, sc);
  };
  const onProfile = (id: string) => {
    setProfileId(id);
    if (id === 'custom') {
      if (customProfile) save(SETTING.profile, JSON.stringify(customProfile));
    } else save(SETTING.profile, id);
  };
  const onProfileFile = (file: File) =>
    guarded('正在读取评分方案…', async () => {
      const text = await readFileText(file);
      const p = parseProfileText(text);
      setCustomProfile(p);
      setSavedProfileError(null);
      setProfileId('custom');
      // Saved resolved (every field), so the ribbon command reads the same profile.
      await host.saveSetting(SETTING.profile, JSON.stringify(p));
      setStatus(`已加载评分方案：${p.name}。`);
    });

  // 本工作表: the result of the sheet on view (or none yet); 全部工作表: every sheet's, scrolled to the one on view.
  const followsSheet = scope === 'sheet' && activeSheet !== null && results !== null;
  const shown = followsSheet ? results!.filter((c) => c.sheet === activeSheet) : results;
  const shownResults = shown && shown.length > 0 ? shown : null;
  const waiting = busy ?? blocked;

  return (
    <div className={s.root}>
      {showTitle && <h1 className={s.title}>绩效自评表校验</h1>}
      {error && <ErrorBar message={error} onDismiss={() => setError(null)} />}
      <Controls
        mode={mode}
        scope={scope}
        profileId={profileId}
        customProfile={customProfile}
        busy={waiting !== null}
        hasResults={results !== null && results.length > 0}
        onMode={onMode}
        onScope={onScope}
        onProfile={onProfile}
        onProfileFile={onProfileFile}
        onCheck={onCheck}
        onClear={onClear}
        onExport={onExport}
      />
      <div role="status" aria-live="polite" aria-atomic="true" className={s.status} data-testid="status">
        {waiting ? (
          <span className={s.busy}>
            <Spinner size="extra-tiny" aria-hidden="true" />
            {waiting}
          </span>
        ) : (
          status
        )}
      </div>
      {applied && !applied.notesSupported && (
        <ErrorBar intent="info" message="此版本的 Excel 不支持写入批注：问题说明只显示在本窗格中。" />
      )}
      {shownResults && (
        <Results
          checks={shownResults}
          showSheetSummary={!followsSheet && lastSheets.current.length > 1}
          activeSheet={followsSheet ? null : activeSheet}
          busy={busy !== null}
          onSelect={onSelect}
          onFix={onFix}
        />
      )}
      {!shownResults && !waiting && (
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }} data-testid="pane-hint">
          {followsSheet ? `工作表“${activeSheet}”尚未校验。` : ''}点击“校验并计分”检查{scope === 'all' ? '全部工作表' : '当前工作表'}中的绩效自评表。
        </Text>
      )}
    </div>
  );
}
