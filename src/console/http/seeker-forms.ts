import { experienceBody } from './experience.js';
import type { FieldSpec, FormValues } from './forms.js';

/** The profile of `POST /seekers` and `PATCH /seekers/me`. */
export const SEEKER_PROFILE_FORM: FieldSpec[] = [
  { name: 'phone', kind: 'phone', optional: true },
  { name: 'address' },
  { name: 'kecamatanCode', kind: 'kecamatan', optional: true },
  { name: 'maritalStatus', optional: true },
  { name: 'educationLevel' },
  { name: 'major', optional: true },
  { name: 'educationCode', kind: 'code', optional: true },
  { name: 'desiredOccupationCode', kind: 'code', optional: true },
  { name: 'graduationYear', kind: 'int', optional: true },
  { name: 'skills', kind: 'list', optional: true },
];

/** The identity and profile of `POST /seekers` (the officer's walk-in form), without the experience rows. */
export const SEEKER_IDENTITY_FORM: FieldSpec[] = [
  { name: 'nik', kind: 'nik' },
  { name: 'fullName' },
  { name: 'birthPlace' },
  { name: 'birthDate' },
  { name: 'gender' },
  ...SEEKER_PROFILE_FORM,
];

/** A body with the experience rows filled in, when there are any (the API's field is optional). */
export function withExperience(body: Record<string, unknown>, rows: FormValues): Record<string, unknown> {
  const experience = experienceBody(rows);
  return experience.length ? { ...body, experience } : body;
}
