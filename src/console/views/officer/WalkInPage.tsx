import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { seekerLabels } from '../shared/labels.js';
import { Layout } from '../shared/Layout.js';
import { SeekerRecordFieldsets } from '../seeker/SeekerRecordFieldsets.js';
import type { SeekerPickers } from '../seeker/SeekerIdentityFields.js';

/** The walk-in registration at the counter: the seeker's identity, profile and work experience (POST /seekers). */
export function WalkInPage({
  c,
  form,
  pickers,
}: {
  c: ConsoleContext;
  form: FormState;
  pickers: SeekerPickers;
}): JSX.Element {
  const t = c.t;
  const { values, errors } = form;
  const labels = seekerLabels(t, values);
  return (
    <Layout c={c} title={t('nav.walkIn')}>
      <h1 safe>{t('nav.walkIn')}</h1>
      <p safe>{t('walkIn.intro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={form.problem} />
      <form method="post" action="/petugas/pencari-kerja/baru" class="stack" novalidate>
        <CsrfField c={c} />
        <SeekerRecordFieldsets c={c} values={values} errors={errors} labels={labels} pickers={pickers} />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('walkIn.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
