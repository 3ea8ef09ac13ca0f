import { escapeHtml } from '@kitajs/html';
import type { StaffMember } from '../../../employers/employers.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { FlashModel } from '../../view-models/flash.js';
import { CsrfField } from '../shared/CsrfField.js';
import { DataTable } from '../shared/DataTable.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Flash } from '../shared/Flash.js';
import { Layout } from '../shared/Layout.js';

export interface StaffView {
  flash: FlashModel;
  staff: StaffMember[];
  form: FormState;
}

/** The company's HR accounts (GET /employers/me/staff) and the form to add one. */
export function StaffPage({ c, vm }: { c: ConsoleContext; vm: StaffView }): JSX.Element {
  const t = c.t;
  const { values, errors, problem } = vm.form;
  const labels = { fullName: t('field.fullName'), email: t('field.email'), password: t('field.password') };
  return (
    <Layout c={c} title={t('nav.staff')}>
      <h1 safe>{t('nav.staff')}</h1>
      <Flash c={c} flash={vm.flash} />
      <h2 safe>{t('staff.listTitle')}</h2>
      <p role="status" safe>
        {t('staff.count', { n: vm.staff.length })}
      </p>
      <DataTable columns={[{ label: t('field.fullName') }, { label: t('field.email') }]}>
        {vm.staff.map((s) => (
          <tr>
            <td>
              {escapeHtml(s.fullName)}
              {s.id === c.user?.id ? (
                <>
                  {' '}
                  <span class="meta" safe>{`(${t('staff.you')})`}</span>
                </>
              ) : (
                ''
              )}
            </td>
            <td safe>{s.email}</td>
          </tr>
        ))}
      </DataTable>
      <h2 safe>{t('employer.addStaff')}</h2>
      <p safe>{t('employer.staffIntro')}</p>
      <ErrorSummary c={c} errors={errors} labels={labels} problem={problem} />
      <form method="post" action="/perusahaan/staf" class="stack" novalidate>
        <CsrfField c={c} />
        <Field name="fullName" label={labels.fullName} values={values} errors={errors} required />
        <Field name="email" label={labels.email} type="email" values={values} errors={errors} required />
        <Field
          name="password"
          label={labels.password}
          type="password"
          values={values}
          errors={errors}
          required
          autocomplete="new-password"
          hint={t('hint.password')}
        />
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('employer.addStaff')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
