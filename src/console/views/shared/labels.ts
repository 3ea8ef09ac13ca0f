import type { FormValues } from '../../http/forms.js';
import { experienceCount } from '../../http/experience.js';
import type { MessageKey, Translator } from '../../i18n/i18n.js';

/*
 * Every label map below is in the order its form shows the fields: the error summary follows it.
 */

/** Labels of the company registration's fields, by the API's field paths. */
export const COMPANY_LABEL_KEYS = {
  'company.legalName': 'field.legalName',
  'company.nib': 'field.nib',
  'company.npwp': 'field.npwp',
  'company.kbli': 'field.kbli',
  'company.kind': 'field.employerKind',
  'company.address': 'field.companyAddress',
  'company.kecamatanCode': 'field.kecamatan',
  'company.phone': 'field.companyPhone',
  fullName: 'field.hrName',
  email: 'field.email',
  password: 'field.password',
} as const satisfies Record<string, MessageKey>;

/** Labels of a job seeker's fields (registration, profile, the walk-in form); the account last. */
export const SEEKER_LABEL_KEYS = {
  nik: 'field.nik',
  fullName: 'field.fullName',
  birthPlace: 'field.birthPlace',
  birthDate: 'field.birthDate',
  gender: 'field.gender',
  maritalStatus: 'field.maritalStatus',
  phone: 'field.phone',
  address: 'field.address',
  kecamatanCode: 'field.kecamatan',
  educationLevel: 'field.educationLevel',
  major: 'field.major',
  educationCode: 'field.educationCode',
  desiredOccupationCode: 'field.desiredOccupationCode',
  graduationYear: 'field.graduationYear',
  skills: 'field.skills',
  email: 'field.email',
  password: 'field.password',
} as const satisfies Record<string, MessageKey>;

/** The labels of a form's fields in the visitor's language, for its inputs and its error summary. */
export function labelsOf<K extends string>(t: Translator, keys: Record<K, MessageKey>): Record<K, string> {
  return Object.fromEntries(Object.entries<MessageKey>(keys).map(([k, v]) => [k, t(v)])) as Record<K, string>;
}

/** Labels of the work experience inputs, for the error summary ("Pengalaman 2: Tahun mulai"). */
export function experienceLabels(t: Translator, values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (let row = 0; row < Math.max(experienceCount(values), 1); row++) {
    const entry = t('experience.entry', { n: row + 1 });
    out[`experience.${row}.position`] = `${entry}: ${t('experience.position')}`;
    out[`experience.${row}.company`] = `${entry}: ${t('experience.company')}`;
    out[`experience.${row}.fromYear`] = `${entry}: ${t('experience.fromYear')}`;
    out[`experience.${row}.toYear`] = `${entry}: ${t('experience.toYear')}`;
  }
  return out;
}

/** A job seeker's labels with those of the experience rows shown (after the profile, before the account). */
export function seekerLabels(t: Translator, values: FormValues): Record<string, string> {
  const { email, password, ...person } = labelsOf(t, SEEKER_LABEL_KEYS);
  return { ...person, ...experienceLabels(t, values), email, password };
}

/** Labels of the vacancy report's fields. */
export const VACANCY_LABEL_KEYS = {
  title: 'field.title',
  description: 'field.description',
  occupationCode: 'field.occupationCode',
  employmentType: 'field.employmentType',
  quota: 'field.quota',
  salaryMin: 'field.salaryMin',
  salaryMax: 'field.salaryMax',
  location: 'field.location',
  kecamatanCode: 'field.kecamatan',
  closesAt: 'field.closesAt',
  educationMin: 'field.educationMin',
  major: 'field.major',
  skills: 'field.skills',
  ageMin: 'field.ageMin',
  ageMax: 'field.ageMax',
  genderRequirement: 'field.genderRequirement',
  experienceYearsMin: 'field.experienceYearsMin',
  requiresAk1: 'field.requiresAk1',
} as const satisfies Record<string, MessageKey>;
