import type { OfficeSettingsView } from '../../../offices/office-settings.service.js';
import type { OfficeView } from '../../../offices/offices.service.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { FormState } from '../../http/forms.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field } from '../shared/Field.js';
import { Flash } from '../shared/Flash.js';
import type { FlashModel } from '../../view-models/flash.js';
import { Layout } from '../shared/Layout.js';

/** The requirements an office may ask for, each a checkbox (`IJAZAH|SKL`: either one). */
export const REQUIREMENT_CHOICES = ['KTP', 'IJAZAH|SKL', 'TRANSKRIP', 'PAS_FOTO', 'SURAT_DOMISILI'] as const;
/** The checkbox of a requirement: `doc0`, `doc1`… */
export const requirementField = (i: number) => `doc${i}`;

export const SETTINGS_FIELDS = [
  'docMode',
  ...REQUIREMENT_CHOICES.map((_, i) => requirementField(i)),
  'signingOfficer.name',
  'signingOfficer.nip',
  'letterhead.name',
  'letterhead.address',
  'overdueRule.graceDays',
] as const;

/** The form's values of an office's own settings (empty: follows the general setting). */
export function settingsFormValues(s: OfficeSettingsView): Record<string, string> {
  const own = s.requiredDocuments === null ? null : s.requiredDocuments.split(',').filter(Boolean);
  const values: Record<string, string> = {
    docMode: own === null ? 'general' : 'own',
    'signingOfficer.name': s.signingOfficer?.name ?? '',
    'signingOfficer.nip': s.signingOfficer?.nip ?? '',
    'letterhead.name': s.letterhead?.name ?? '',
    'letterhead.address': s.letterhead?.address ?? '',
    'overdueRule.graceDays': s.overdueRule ? String(s.overdueRule.graceDays) : '',
  };
  REQUIREMENT_CHOICES.forEach((r, i) => (values[requirementField(i)] = own?.includes(r) ? 'true' : ''));
  return values;
}

/**
 * An office's settings: the documents a card needs, the officer who signs cards, the letterhead and when a
 * 6-monthly report counts as late. Each part says what is in force now, so an empty part is not a mystery.
 */
export function OfficeSettingsPage({
  c,
  office,
  settings,
  form,
  flash,
}: {
  c: ConsoleContext;
  office: OfficeView;
  settings: OfficeSettingsView;
  form: FormState;
  flash: FlashModel;
}): JSX.Element {
  const t = c.t;
  const { values, errors } = form;
  const eff = settings.effective;
  const labels: Record<string, string> = {
    requiredDocuments: t('settings.documentsMode'),
    'signingOfficer.name': t('settings.signingName'),
    'signingOfficer.nip': t('settings.signingNip'),
    'letterhead.name': t('settings.letterheadName'),
    'letterhead.address': t('settings.letterheadAddress'),
    'overdueRule.graceDays': t('settings.graceDays'),
  };
  const docLabel = (r: string) => t(`settings.doc.${r}` as MessageKey);
  const docsInForce = eff.requiredDocuments
    ? eff.requiredDocuments
        .split(',')
        .map((r) =>
          t.has(`settings.doc.${r}`)
            ? docLabel(r)
            : r
                .split('|')
                .map((d) => t(`doc.type.${d}` as MessageKey))
                .join(t('doc.or')),
        )
        .join(', ')
    : t('settings.documentsNone');
  const inForce = (value: string) => (
    <p class="hint" safe>
      {t('settings.inForce', { value })}
    </p>
  );
  const title = t('settings.title', { name: office.name });
  return (
    <Layout c={c} title={title}>
      <p class="no-print">
        <a href="/petugas/kantor" safe>
          {`← ${t('office.title')}`}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{t('settings.intro')}</p>
      <Flash c={c} flash={flash} />
      <ErrorSummary c={c} errors={errors} labels={labels} problem={form.problem} />
      <form method="post" action={`/petugas/kantor/${office.id}/pengaturan`} class="stack" novalidate>
        <CsrfField c={c} />
        <fieldset>
          <legend safe>{t('settings.documentsLegend')}</legend>
          {inForce(docsInForce)}
          {(['general', 'own'] as const).map((mode) => (
            <div class="field check">
              <input
                type="radio"
                id={`f-docMode-${mode}`}
                name="docMode"
                value={mode}
                checked={(values.docMode || 'general') === mode}
              />
              <label for={`f-docMode-${mode}`} safe>
                {t(mode === 'general' ? 'settings.documentsGeneral' : 'settings.documentsOwn')}
              </label>
            </div>
          ))}
          {REQUIREMENT_CHOICES.map((r, i) => (
            <Field name={requirementField(i)} label={docLabel(r)} type="checkbox" values={values} errors={errors} />
          ))}
          {errors?.requiredDocuments ? (
            <p class="field-error" safe>
              {errors.requiredDocuments.join(' ')}
            </p>
          ) : (
            ''
          )}
        </fieldset>
        <fieldset>
          <legend safe>{t('settings.signingLegend')}</legend>
          {inForce(
            eff.signingOfficer.name
              ? `${eff.signingOfficer.name}, NIP ${eff.signingOfficer.nip}`
              : t('settings.signingBlank'),
          )}
          <Field name="signingOfficer.name" label={labels['signingOfficer.name']} values={values} errors={errors} />
          <Field
            name="signingOfficer.nip"
            label={labels['signingOfficer.nip']}
            values={values}
            errors={errors}
            inputmode="numeric"
          />
        </fieldset>
        <fieldset>
          <legend safe>{t('settings.letterheadLegend')}</legend>
          {inForce(`${eff.letterhead.name}, ${eff.letterhead.address}`)}
          <Field name="letterhead.name" label={labels['letterhead.name']} values={values} errors={errors} />
          <Field
            name="letterhead.address"
            label={labels['letterhead.address']}
            type="textarea"
            rows={2}
            values={values}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend safe>{t('settings.overdueLegend')}</legend>
          <p class="hint" safe>
            {t('settings.graceInForce', { n: eff.overdueRule.graceDays })}
          </p>
          <Field
            name="overdueRule.graceDays"
            label={labels['overdueRule.graceDays']}
            type="number"
            values={values}
            errors={errors}
            inputmode="numeric"
            hint={t('settings.graceHint')}
          />
        </fieldset>
        <div class="actions">
          <button class="btn primary" type="submit" safe>
            {t('settings.save')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
