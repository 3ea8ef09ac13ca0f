import { escapeHtml } from '@kitajs/html';
import { EDUCATION_LEVELS } from '../../../common/reference/education.js';
import { EMPLOYMENT_TYPES, GENDER_REQUIREMENTS } from '../../../vacancies/vacancy.entity.js';
import type { ConsoleContext } from '../../http/console-context.js';
import type { VacancyFormView } from '../../view-models/vacancies.js';
import { CodeDatalist } from '../shared/CodeDatalist.js';
import { CsrfField } from '../shared/CsrfField.js';
import { ErrorSummary } from '../shared/ErrorSummary.js';
import { Field, type FieldProps } from '../shared/Field.js';
import { labelsOf, VACANCY_LABEL_KEYS } from '../shared/labels.js';
import { Layout } from '../shared/Layout.js';
import { options } from '../shared/options.js';
import { quotaFilled } from '../shared/phrases.js';
import { StatusBadge } from '../shared/StatusBadge.js';

type VacancyField = keyof typeof VACANCY_LABEL_KEYS;

/** The legal vacancy report (Perpres 57/2023): every field of the API, grouped as the report is. */
export function VacancyFormPage({ c, vm }: { c: ConsoleContext; vm: VacancyFormView }): JSX.Element {
  const t = c.t;
  const { form, vacancy } = vm;
  const labels = labelsOf(t, VACANCY_LABEL_KEYS);
  const choose = t('common.choose');
  const f = (name: VacancyField, extra: Partial<FieldProps> = {}) => (
    <Field name={name} label={labels[name]} values={form.values} errors={form.errors} {...extra} />
  );
  const title = vacancy ? t('employer.editVacancy') : t('employer.newVacancy');
  const action = vacancy ? `/perusahaan/lowongan/${vacancy.id}/ubah` : '/perusahaan/lowongan/baru';
  return (
    <Layout c={c} title={title}>
      <p>
        <a href="/perusahaan/lowongan" safe>
          {`← ${t('nav.ourVacancies')}`}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {vacancy ? (
        <p>
          <StatusBadge t={t} group="vacancy" code={vacancy.status} /> {escapeHtml(quotaFilled(t, vacancy))}
        </p>
      ) : (
        ''
      )}
      <p safe>{t('employer.vacancyIntro')}</p>
      <ErrorSummary c={c} errors={form.errors} labels={labels} problem={form.problem} />
      <form method="post" action={action} class="stack" novalidate>
        <CsrfField c={c} />
        <fieldset>
          <legend safe>{t('employer.jobInfo')}</legend>
          {f('title', { required: true })}
          {f('description', { required: true, type: 'textarea', rows: 5 })}
          {f('occupationCode', { required: true, list: 'dl-kbji', autocomplete: 'off', hint: t('hint.kbjiPick') })}
          <CodeDatalist id="dl-kbji" options={vm.occupations} />
          <div class="grid2">
            {f('employmentType', {
              required: true,
              type: 'select',
              options: options(t, 'employment', EMPLOYMENT_TYPES, choose),
            })}
            {f('quota', { required: true, type: 'number', hint: t('hint.quota') })}
          </div>
          <div class="grid2">
            {f('salaryMin', { inputmode: 'numeric', hint: t('hint.money') })}
            {f('salaryMax', { inputmode: 'numeric', hint: t('hint.money') })}
          </div>
          {f('location', { required: true })}
          {f('kecamatanCode', { type: 'kecamatan', hint: t('hint.kecamatan') })}
          {f('closesAt', { required: true, type: 'date', hint: t('hint.closesAt') })}
        </fieldset>
        <fieldset>
          <legend safe>{t('employer.requirements')}</legend>
          <div class="grid2">
            {f('educationMin', {
              required: true,
              type: 'select',
              options: options(t, 'education', EDUCATION_LEVELS, choose),
            })}
            {f('major')}
          </div>
          {f('skills', { type: 'textarea', rows: 2, hint: t('hint.skills') })}
          <div class="grid2">
            {f('ageMin', { type: 'number' })}
            {f('ageMax', { type: 'number' })}
          </div>
          <div class="grid2">
            {f('genderRequirement', { type: 'select', options: options(t, 'genderReq', GENDER_REQUIREMENTS) })}
            {f('experienceYearsMin', { type: 'number' })}
          </div>
          {f('requiresAk1', { type: 'checkbox', hint: t('hint.requiresAk1') })}
        </fieldset>
        <div class="actions">
          {vacancy ? (
            <button class="btn primary" type="submit" safe>
              {t('common.save')}
            </button>
          ) : (
            <>
              <button class="btn primary" type="submit" name="status" value="OPEN" safe>
                {t('employer.saveAndPublish')}
              </button>{' '}
              <button class="btn secondary" type="submit" name="status" value="DRAFT" safe>
                {t('employer.saveDraft')}
              </button>
            </>
          )}
        </div>
      </form>
    </Layout>
  );
}
