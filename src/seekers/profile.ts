/** Reference values of a job seeker's profile (domain brief, "Identifiers and reference data"). */

export { EDUCATION_LEVELS, type EducationLevel } from '../common/reference/education.js';

export const MARITAL_STATUSES = ['BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export const GENDERS = ['L', 'P'] as const;

export interface WorkExperience {
  position: string;
  company: string;
  fromYear: number;
  toYear?: number;
}
