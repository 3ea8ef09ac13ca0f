/** Reference values of a job seeker's profile (domain brief, "Identifiers and reference data"). */

/** Education levels in rank order; SMA and SMK rank equal. `NONE`: primary school not finished. */
export const EDUCATION_LEVELS = ['NONE', 'SD', 'SMP', 'SMA', 'SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const MARITAL_STATUSES = ['BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export const GENDERS = ['L', 'P'] as const;

export interface WorkExperience {
  position: string;
  company: string;
  fromYear: number;
  toYear?: number;
}
