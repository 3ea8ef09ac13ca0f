import { educationRank } from '../common/reference/education.js';
import { vacancySearchText, type ReportFields, type Vacancy } from './vacancy.entity.js';

/**
 * What a new vacancy needs: the report as the employer gives it (skills as a list), who posted it and
 * its status. Nothing is filled yet and it is neither published nor closed unless said otherwise.
 */
export type VacancyRowFields = ReportFields &
  Pick<Vacancy, 'id' | 'employerId' | 'status' | 'createdBy' | 'createdAt'> &
  Partial<
    Pick<Vacancy, 'filled' | 'publishedAt' | 'closedAt' | 'closedReason' | 'closeNote' | 'updatedAt' | 'officeId'>
  >;

/**
 * The complete `vacancies` row, every column set, with the columns derived from the report computed
 * here: skills as JSON, `education_rank` and `search_text`. Pure: the id and the instants come from the
 * caller. VacanciesService inserts it; the seed writes it in bulk.
 */
export function newVacancyRow(v: VacancyRowFields): Vacancy {
  return {
    id: v.id,
    employerId: v.employerId,
    status: v.status,
    title: v.title,
    description: v.description,
    occupationCode: v.occupationCode,
    educationMin: v.educationMin,
    educationRank: educationRank(v.educationMin),
    major: v.major,
    skills: JSON.stringify(v.skills),
    experienceYearsMin: v.experienceYearsMin,
    ageMin: v.ageMin,
    ageMax: v.ageMax,
    genderRequirement: v.genderRequirement,
    employmentType: v.employmentType,
    salaryMin: v.salaryMin,
    salaryMax: v.salaryMax,
    kecamatanCode: v.kecamatanCode,
    location: v.location,
    quota: v.quota,
    filled: v.filled ?? 0,
    closesAt: v.closesAt,
    requiresAk1: v.requiresAk1,
    searchText: vacancySearchText({ title: v.title, description: v.description, skills: v.skills }),
    publishedAt: v.publishedAt ?? null,
    closedAt: v.closedAt ?? null,
    closedReason: v.closedReason ?? null,
    closeNote: v.closeNote ?? null,
    createdBy: v.createdBy,
    officeId: v.officeId ?? null,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt ?? v.createdAt,
  };
}
