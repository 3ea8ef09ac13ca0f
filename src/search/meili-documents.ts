import { educationRank } from '../common/reference/education.js';
import { sqlDate } from '../common/sql.js';
import { parseSkills, type Vacancy } from '../vacancies/vacancy.entity.js';
import { UNSPECIFIED_KECAMATAN, type VacancyQuery, type VacancySort } from './vacancy-search.js';

/**
 * What Meilisearch holds for one searchable vacancy: the words to match, and the fields filters,
 * facets and sorts need. The API's items are read back from the database by id, so the index never
 * has to carry the full vacancy and a view is the same whichever driver answered.
 */
export interface VacancyDocument {
  id: string;
  title: string;
  description: string;
  skills: string[];
  employerName: string;
  employerId: string;
  employmentType: string;
  kecamatanCode: string;
  /** The work place's regency/city (`1671`), from its kecamatan; absent without one. */
  regencyCode?: string;
  educationMin: string;
  educationRank: number;
  requiresAk1: boolean;
  /** Top of the wage range (salaryMax, else salaryMin); absent when the vacancy states no wage. */
  pay?: number;
  /** Epoch milliseconds. */
  publishedAt: number;
  /** Epoch milliseconds of the closing date at 00:00 UTC (only its order matters). */
  closesAt: number;
}

export function toVacancyDocument(v: Vacancy, employerName: string): VacancyDocument {
  const pay = v.salaryMax ?? v.salaryMin;
  return {
    id: v.id,
    title: v.title,
    description: v.description,
    skills: parseSkills(v.skills),
    employerName,
    employerId: v.employerId,
    employmentType: v.employmentType,
    kecamatanCode: v.kecamatanCode ?? UNSPECIFIED_KECAMATAN,
    ...(v.kecamatanCode ? { regencyCode: v.kecamatanCode.slice(0, 5).replace('.', '') } : {}),
    educationMin: v.educationMin,
    educationRank: v.educationRank,
    requiresAk1: v.requiresAk1,
    ...(pay === null ? {} : { pay }),
    publishedAt: (v.publishedAt ?? v.createdAt).getTime(),
    closesAt: Date.parse(`${sqlDate(v.closesAt)}T00:00:00Z`),
  };
}

/** Job words people spell several ways; Meilisearch treats each group as one word. */
export const JOB_SYNONYM_GROUPS: string[][] = [
  ['supir', 'sopir', 'driver', 'pengemudi'],
  ['kasir', 'cashier'],
  ['admin', 'administrasi', 'administration'],
  ['satpam', 'security', 'sekuriti'],
  ['pramuniaga', 'shopkeeper', 'spg'],
  ['kurir', 'courier'],
  ['gudang', 'warehouse'],
  ['akuntan', 'accountant', 'akuntansi'],
  ['teknisi', 'technician'],
  ['koki', 'juru masak', 'cook'],
];

function synonymsOf(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) for (const word of group) out[word] = group.filter((w) => w !== word);
  return out;
}

/**
 * Index settings applied at start and to every fresh index built by reindex. `sort` ranks first so
 * a sorted search orders exactly as the database driver does (matching decides membership, not order).
 */
export const VACANCY_INDEX_SETTINGS = {
  searchableAttributes: ['title', 'skills', 'employerName', 'description'],
  filterableAttributes: [
    'employmentType',
    'kecamatanCode',
    'regencyCode',
    'educationMin',
    'educationRank',
    'requiresAk1',
    'pay',
    'employerId',
  ],
  sortableAttributes: ['publishedAt', 'closesAt', 'pay', 'id'],
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
  synonyms: synonymsOf(JOB_SYNONYM_GROUPS),
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 10000 },
};

export const FACET_ATTRIBUTES = ['employmentType', 'kecamatanCode', 'educationMin'] as const;

/** A string value inside a filter expression: double-quoted, with quotes and backslashes escaped. */
function quoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The query's filters as Meilisearch filter expressions (an array means AND). */
export function toMeiliFilter(query: VacancyQuery): string[] {
  const f: string[] = [];
  if (query.educationLevel) f.push(`educationRank <= ${educationRank(query.educationLevel)}`);
  if (query.kecamatanCode) f.push(`kecamatanCode = ${quoted(query.kecamatanCode)}`);
  if (query.regencyCode) f.push(`regencyCode = ${quoted(query.regencyCode)}`);
  if (query.employmentType) f.push(`employmentType = ${quoted(query.employmentType)}`);
  if (query.requiresAk1 !== undefined) f.push(`requiresAk1 = ${query.requiresAk1 ? 'true' : 'false'}`);
  if (query.salaryMin !== undefined) f.push(`pay >= ${query.salaryMin}`);
  if (query.employerId) f.push(`employerId = ${quoted(query.employerId.toLowerCase())}`);
  return f;
}

/** Same orders as the database driver, ending with the id tie-break. */
export function toMeiliSort(sort: VacancySort = 'newest'): string[] {
  if (sort === 'closing') return ['closesAt:asc', 'publishedAt:desc', 'id:asc'];
  if (sort === 'salary') return ['pay:desc', 'publishedAt:desc', 'id:asc'];
  return ['publishedAt:desc', 'id:asc'];
}
