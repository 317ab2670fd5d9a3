import { Fragment } from 'react';
import { Badge, Caption1, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FormResult } from '../../core/result';
import { formFacts, NAME_LABEL } from '../../core/formFacts';
import { KIND_LABEL, countFindings, formTitle } from '../report';

const useStyles = makeStyles({
  card: { marginTop: '8px' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '12px',
    rowGap: '2px',
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  stated: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  badges: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
});

function stated(value: string | null, computed: string | null): string {
  if (value === null || value === '' || value === '—') return '（未填报）';
  if (value === computed) return `（填报 ${value}，一致）`;
  return `（填报 ${value}）`;
}

/** One form's summary: its name, its kind's own facts (总分 computed (stated) and 等级, or 无评分 for a targets table), the counts. */
export function FormSummary({ form, sheet }: { form: FormResult; sheet: string }) {
  const s = useStyles();
  const counts = countFindings(form.findings);
  const title = formTitle(form);
  return (
    <Card className={s.card} size="small" role="group" aria-label={`表：${title}`}>
      <CardHeader
        header={
          <Text weight="semibold" as="h3" style={{ margin: 0, fontSize: 'inherit' }}>
            <span aria-hidden="true">{NAME_LABEL[form.kind]}：</span>
            {title}
          </Text>
        }
        description={
          <Caption1>
            {KIND_LABEL[form.kind]} · {sheet}!{form.range}
          </Caption1>
        }
      />
      <dl className={s.facts}>
        {formFacts(form).map((f) => (
          <Fragment key={f.id}>
            <dt className={s.dt}>{f.label}</dt>
            <dd className={s.dd} data-testid={f.id}>
              {f.value}
              {f.stated !== undefined && (
                <>
                  {' '}
                  <span className={s.stated}>{stated(f.stated, f.value)}</span>
                </>
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
      <div className={s.badges}>
        <Badge appearance={counts.error ? 'filled' : 'outline'} color={counts.error ? 'danger' : 'informative'}>
          错误 {counts.error}
        </Badge>
        <Badge appearance={counts.warning ? 'filled' : 'outline'} color={counts.warning ? 'warning' : 'informative'}>
          警告 {counts.warning}
        </Badge>
        <Badge appearance={counts.info ? 'tint' : 'outline'} color="informative">
          提示 {counts.info}
        </Badge>
      </div>
    </Card>
  );
}
