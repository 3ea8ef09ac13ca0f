import type { EducationLevel } from '../../common/reference/education.js';
import type { VacancyView } from '../../vacancies/vacancy.entity.js';

/** schema.org's employment types for ours (Google's job listings read these). */
const EMPLOYMENT: Record<string, string> = {
  FULL_TIME: 'FULL_TIME',
  PART_TIME: 'PART_TIME',
  CONTRACT: 'CONTRACTOR',
  INTERNSHIP: 'INTERN',
  DAILY: 'PER_DIEM',
};

/** schema.org credential categories of the minimum education (none below upper secondary). */
function credential(level: EducationLevel): string | null {
  if (level === 'SMA' || level === 'SMK') return 'high school';
  if (level === 'D1' || level === 'D2' || level === 'D3') return 'associate degree';
  if (level === 'D4' || level === 'S1') return 'bachelor degree';
  if (level === 'S2' || level === 'S3') return 'postgraduate degree';
  return null;
}

/**
 * A public vacancy as a schema.org `JobPosting` (JSON-LD), for search engines' job listings: title,
 * description, dates, employer, place, wage, education and experience asked, positions left.
 * `url` is the vacancy page's absolute address; `locality` the kecamatan's name, when known.
 */
export function jobPosting(v: VacancyView, url: string, locality: string | null): Record<string, unknown> {
  const salary =
    v.salaryMin !== null || v.salaryMax !== null
      ? {
          '@type': 'MonetaryAmount',
          currency: 'IDR',
          value: {
            '@type': 'QuantitativeValue',
            ...(v.salaryMin !== null ? { minValue: v.salaryMin } : {}),
            ...(v.salaryMax !== null ? { maxValue: v.salaryMax } : {}),
            unitText: 'MONTH',
          },
        }
      : undefined;
  const education = credential(v.educationMin);
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: v.title,
    description: v.description,
    url,
    identifier: { '@type': 'PropertyValue', name: v.employer.legalName, value: v.id },
    datePosted: (v.publishedAt ?? v.createdAt).slice(0, 10),
    // The last day applications are taken, to its end in Palembang's time zone.
    validThrough: `${v.closesAt}T23:59:59+07:00`,
    employmentType: EMPLOYMENT[v.employmentType] ?? 'OTHER',
    hiringOrganization: { '@type': 'Organization', name: v.employer.legalName },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        streetAddress: v.location,
        ...(locality ? { addressLocality: locality } : {}),
        addressRegion: 'Sumatera Selatan',
        addressCountry: 'ID',
      },
    },
    ...(salary ? { baseSalary: salary } : {}),
    ...(education
      ? { educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: education } }
      : {}),
    ...(v.experienceYearsMin
      ? {
          experienceRequirements: {
            '@type': 'OccupationalExperienceRequirements',
            monthsOfExperience: v.experienceYearsMin * 12,
          },
        }
      : {}),
    ...(v.skills.length ? { skills: v.skills.join(', ') } : {}),
    totalJobOpenings: v.remaining,
    directApply: true,
  };
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` written as `\u003c`… so no
 * text of the vacancy (a title with `</script>`) can end the element or start markup; the line and
 * paragraph separators too. Still the same JSON for any reader.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
