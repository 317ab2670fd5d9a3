import { useRef } from 'react';
import { Button, Field, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Mode } from '../../hosts/host';
import type { Profile } from '../../core/rules/profile';
import { BUILT_IN_PROFILES } from '../../core/rules/profile';

export type Scope = 'sheet' | 'all';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  profileRow: { display: 'flex', flexDirection: 'column', gap: '6px', alignItems: 'flex-start' },
  select: { width: '100%', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  buttons: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
  hidden: { display: 'none' },
});

export interface ControlsProps {
  mode: Mode;
  scope: Scope;
  profileId: string;
  customProfile: Profile | null;
  busy: boolean;
  hasResults: boolean;
  onMode: (m: Mode) => void;
  onScope: (s: Scope) => void;
  onProfile: (id: string) => void;
  onProfileFile: (file: File) => void;
  onCheck: () => void;
  onClear: () => void;
  onExport: () => void;
}

export function Controls(p: ControlsProps) {
  const s = useStyles();
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <div className={s.root}>
      <Field
        label="模式"
        hint={p.mode === 'fill' ? '填报：在空白单元格填入计算值，并标记问题。' : '审核：只标记问题，不改写任何单元格的值。'}
      >
        <RadioGroup layout="horizontal" value={p.mode} onChange={(_, d) => p.onMode(d.value as Mode)} disabled={p.busy}>
          <Radio value="fill" label="填报" />
          <Radio value="review" label="审核" />
        </RadioGroup>
      </Field>
      <Field label="范围">
        <RadioGroup layout="horizontal" value={p.scope} onChange={(_, d) => p.onScope(d.value as Scope)} disabled={p.busy}>
          <Radio value="sheet" label="本工作表" />
          <Radio value="all" label="全部工作表" />
        </RadioGroup>
      </Field>
      <Field label="评分方案">
        <div className={s.profileRow}>
          <Select
            className={s.select}
            value={p.profileId}
            onChange={(_, d) => p.onProfile(d.value)}
            disabled={p.busy}
            aria-label="评分方案"
          >
            {BUILT_IN_PROFILES.map((pr) => (
              <option key={pr.id} value={pr.id}>
                {pr.name}
              </option>
            ))}
            {p.customProfile && <option value="custom">自定义：{p.customProfile.name}</option>}
            {!p.customProfile && p.profileId === 'custom' && <option value="custom">自定义（保存的方案有误，请重新选择）</option>}
          </Select>
          <Button size="small" onClick={() => fileRef.current?.click()} disabled={p.busy}>
            从 JSON 文件加载…
          </Button>
          <input
            ref={fileRef}
            className={s.hidden}
            type="file"
            accept=".json,application/json"
            aria-label="选择评分方案 JSON 文件"
            data-testid="profile-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) p.onProfileFile(file);
            }}
          />
        </div>
      </Field>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={p.onCheck} disabled={p.busy}>
          校验并计分
        </Button>
        <Button onClick={p.onClear} disabled={p.busy}>
          清除标记
        </Button>
        <Button onClick={p.onExport} disabled={p.busy || !p.hasResults}>
          导出校验报告
        </Button>
      </div>
    </div>
  );
}
