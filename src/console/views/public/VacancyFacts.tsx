import { escapeHtml } from '@kitajs/html';
import type { VacancyView } from '../../../vacancies/vacancy.entity.js';
import type { Translator } from '../../i18n/i18n.js';
import { Fact } from '../shared/Fact.js';
import { Facts } from '../shared/Facts.js';
import { quotaFilled, salaryRange } from '../shared/phrases.js';

/** Every field of the legal vacancy report, as label → value. */
export function VacancyFacts({ t, v }: { t: Translator; v: VacancyView }): JSX.Element {
  const years = (n: number | null) => (n !== null ? `${n} ${t('common.years')}` : t('vacancy.noRequirement'));
  const age =
    v.ageMin !== null || v.ageMax !== null
      ? `${v.ageMin ?? '–'} – ${v.ageMax ?? '–'} ${t('common.years')}`
      : t('vacancy.noRequirement');
  return (
    <Facts>
      <Fact label={t('field.employer')} text={v.employer.legalName} />
      <Fact label={t('field.location')}>
        {escapeHtml(v.location)}
        {v.kecamatanCode ? escapeHtml(` (${t.kecamatan(v.kecamatanCode)})`) : ''}
      </Fact>
      <Fact label={t('field.employmentType')} text={t.label('employment', v.employmentType)} />
      <Fact label={t('field.salary')} text={salaryRange(t, v)} />
      <Fact label={t('field.quota')} text={quotaFilled(t, v)} />
      <Fact label={t('field.educationMin')} text={t.label('education', v.educationMin)} />
      <Fact label={t('field.major')} text={v.major ?? '–'} />
      <Fact label={t('field.skills')} text={v.skills.length ? v.skills.join(', ') : '–'} />
      <Fact label={t('field.experienceYearsMin')} text={years(v.experienceYearsMin)} />
      <Fact label={t('field.age')} text={age} />
      <Fact label={t('field.genderRequirement')} text={t.label('genderReq', v.genderRequirement)} />
      <Fact label={t('field.occupationCode')} text={v.occupationCode ?? '–'} />
      <Fact label={t('field.closesAt')} text={t.date(v.closesAt)} />
      <Fact label={t('field.requiresAk1')} text={v.requiresAk1 ? t('common.yes') : t('common.no')} />
    </Facts>
  );
}
