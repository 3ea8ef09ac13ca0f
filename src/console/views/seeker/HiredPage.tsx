import type { CodeOption } from '../shared/CodeDatalist.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { Layout } from '../shared/Layout.js';
import { Notice } from '../shared/Notice.js';
import { HiredForm } from './HiredForm.js';

export interface HiredView {
  form: FormState;
  /** The form's one-time key: a double submit (or a reload) records the hire once. */
  idem: string;
  /** Already recorded as hired: said so, no form. */
  placed: boolean;
  /** Filled in from a shortlisted application (said so above the form). */
  prefilled?: boolean;
  /** The kinds of employer the form offers. */
  kinds: CodeOption[];
}

/** "Saya sudah bekerja": the job seeker reports their own hire (after a confirmation). */
export function HiredPage({ c, vm }: { c: ConsoleContext; vm: HiredView }): JSX.Element {
  const t = c.t;
  const labels = {
    employerName: t('field.employerName'),
    startDate: t('field.startDate'),
    position: t('field.position'),
    placementType: t('field.placementType'),
    employerKind: t('field.employerKind'),
  };
  return (
    <Layout c={c} title={t('nav.hired')}>
      <h1 safe>{t('nav.hired')}</h1>
      {vm.placed ? (
        <>
          <Notice kind="success" text={t('hired.already')} />
          <p>
            <a href="/saya/kartu" safe>
              {t('nav.myCard')}
            </a>
          </p>
        </>
      ) : (
        <>
          {vm.prefilled ? <Notice kind="info" text={t('hired.prefilled')} /> : ''}
          <HiredForm c={c} vm={vm} labels={labels} />
        </>
      )}
    </Layout>
  );
}
