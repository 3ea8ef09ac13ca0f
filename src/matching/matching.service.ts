import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { ageOn } from '../common/dates.js';
import { forbidden } from '../common/domain-error.js';
import { pageWindow, type Page, type PageQuery } from '../common/http/pagination.js';
import { Card } from '../cards/card.entity.js';
import { cardSql } from '../cards/card-lifecycle.js';
import { Employer } from '../employers/employer.entity.js';
import { DatabaseVacancySearch } from '../search/database-vacancy-search.js';
import { SearchableVacancies } from '../search/searchable-vacancies.js';
import { select } from '../database/statements.js';
import { sqlDate } from '../common/sql.js';
import { Seeker, seekerList } from '../seekers/seeker.entity.js';
import { educationRank, type EducationLevel } from '../common/reference/education.js';
import { parseSkills, Vacancy } from '../vacancies/vacancy.entity.js';
import { vacancyNotFound } from '../vacancies/vacancies.errors.js';
import { scoreMatch, type SeekerProfile, type VacancyRequirements } from './score.js';
import type { RecommendationReply } from './dto/matching.reply.js';
import type { CandidateReply } from './dto/matching.reply.js';

/** How many candidates are scored per request: the newest vacancies, or the most recently registered seekers. */
const POOL = 1000;

/** What scoring a vacancy reads (requirementsOf), and its id and employer. */
const SCORED_COLUMNS = [
  'id',
  'employerId',
  'educationRank',
  'skills',
  'educationMin',
  'kecamatanCode',
  'ageMin',
  'ageMax',
  'genderRequirement',
  'experienceYearsMin',
] as const satisfies readonly (keyof Vacancy)[];

/** An open vacancy as the recommendations' pool keeps it: its hard filters, and its requirements read once. */
interface PoolVacancy {
  id: string;
  employerId: string;
  educationRank: number;
  genderRequirement: Vacancy['genderRequirement'];
  ageMin: number | null;
  ageMax: number | null;
  requirements: VacancyRequirements;
}

/** One description of this reply: the class `RecommendationReply` (OpenAPI and code alike). */
export type Recommendation = RecommendationReply;

/** One description of this reply: the class `CandidateReply` (OpenAPI and code alike). */
export type Candidate = CandidateReply;

function requirementsOf(v: Pick<Vacancy, (typeof SCORED_COLUMNS)[number]>): VacancyRequirements {
  return {
    skills: parseSkills(v.skills),
    educationMin: v.educationMin,
    kecamatanCode: v.kecamatanCode,
    ageMin: v.ageMin,
    ageMax: v.ageMax,
    genderRequirement: v.genderRequirement,
    experienceYearsMin: v.experienceYearsMin,
  };
}

/**
 * Ranks vacancies for a seeker and seekers for a vacancy with the one scoring function (score.ts).
 * The database narrows by the hard requirements first; the best of at most POOL candidates are scored.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly scope: OfficeScope,
    private readonly searchable: SearchableVacancies,
    private readonly search: DatabaseVacancySearch,
  ) {}

  /** The open vacancies of one version of the searchable set (openVacancies). */
  private pool: { version: string; rows: Promise<PoolVacancy[]> } | null = null;

  /**
   * OPEN vacancies of VERIFIED employers the seeker may take, best match first. Three narrow statements: the
   * seeker's profile, the version of the open set (its pool is kept per version), and the page's vacancies as
   * the search shows them (views kept per row revision, DatabaseVacancySearch.load).
   */
  async recommendations(actor: AuthUser, q: PageQuery): Promise<Page<Recommendation>> {
    if (!actor.seekerId) throw forbidden();
    const [seeker] = await select<SeekerProfileRow>(this.ds.manager, SEEKER_PROFILE_SQL, [actor.seekerId]);
    if (!seeker) throw forbidden();
    const profile = this.profileOf(profileFields(seeker));
    const today = this.clock.today();
    const age = ageOn(profile.birthDate, today);
    const rank = educationRank(profile.educationLevel);
    const rows: PoolVacancy[] = [];
    for (const v of await this.openVacancies()) {
      if (rows.length === POOL) break;
      if (
        v.educationRank <= rank &&
        (v.genderRequirement === 'ANY' || v.genderRequirement === profile.gender) &&
        (v.ageMin === null || v.ageMin <= age) &&
        (v.ageMax === null || v.ageMax >= age)
      )
        rows.push(v);
    }
    const scored = rows
      .map((v) => ({ v, s: scoreMatch(profile, v.requirements, today) }))
      .filter(({ s }) => !s.excluded)
      .sort((a, b) => b.s.score - a.s.score);
    const { page, pageSize, skip } = pageWindow(q);
    const window = scored.slice(skip, skip + pageSize);
    // A vacancy that stopped being searchable since the pool was read is left out, as the search leaves it.
    const views = new Map(
      (
        await this.search.load(
          window.map(({ v }) => v.id),
          { searchableOnly: true },
        )
      ).map((view) => [view.id, view]),
    );
    const items = window
      .filter(({ v }) => views.has(v.id))
      .map(({ v, s }) => ({ vacancy: views.get(v.id)!, score: s.score, matched: s.matched, missing: s.missing }));
    return { items, page, pageSize, total: scored.length };
  }

  /**
   * Every OPEN vacancy of a VERIFIED employer, newest first, with what scoring reads: read once per version of
   * the searchable set (search_state, which every change of the set or of these columns renews in the
   * change's own transaction) and shared by every recommendation until it changes. Asking costs one read of
   * the version. The version is read before the rows, so the rows kept are never older than their version.
   */
  private async openVacancies(): Promise<PoolVacancy[]> {
    const version = await this.searchable.version();
    if (version === null) return this.readOpenVacancies();
    if (this.pool?.version === version) return this.pool.rows;
    const rows = this.readOpenVacancies();
    const entry = { version, rows };
    this.pool = entry;
    // A failed read is not kept: the next recommendation reads again.
    rows.catch(() => {
      if (this.pool === entry) this.pool = null;
    });
    return rows;
  }

  private async readOpenVacancies(): Promise<PoolVacancy[]> {
    const rows = await this.ds
      .getRepository(Vacancy)
      .createQueryBuilder('v')
      .select(SCORED_COLUMNS.map((c) => `v.${c}`))
      .innerJoin(Employer, 'e', 'e.id = v.employer_id')
      .where(`v.status = 'OPEN'`)
      .andWhere(`e.status = 'VERIFIED'`)
      .orderBy('v.published_at', 'DESC')
      .addOrderBy('v.id', 'ASC')
      .getMany();
    return rows.map((v) => ({
      id: v.id,
      employerId: v.employerId,
      educationRank: v.educationRank,
      genderRequirement: v.genderRequirement,
      ageMin: v.ageMin,
      ageMax: v.ageMax,
      requirements: requirementsOf(v),
    }));
  }

  /**
   * Seekers holding a card active today, not placed, who meet the vacancy's hard requirements, best
   * first; those who applied to it (in any state) or were referred to it already are left out.
   */
  async candidates(actor: AuthUser, id: string, q: PageQuery): Promise<Page<Candidate>> {
    const vacancy = await this.ds.getRepository(Vacancy).findOneBy({ id });
    if (!vacancy) throw vacancyNotFound();
    const today = this.clock.today();
    const qb = this.ds
      .getRepository(Seeker)
      .createQueryBuilder('s')
      .innerJoin(Card, 'c', `c.seeker_id = s.id AND ${cardSql.hasStatus('c', 'ACTIVE')}`, { today })
      .select('s')
      .addSelect('c.id', 'card_id')
      .addSelect('c.card_number_display', 'card_number')
      .where('s.placed_at IS NULL')
      .andWhere('NOT EXISTS (SELECT 1 FROM applications a WHERE a.vacancy_id = :vacancyId AND a.seeker_id = s.id)', {
        vacancyId: id,
      })
      .andWhere('NOT EXISTS (SELECT 1 FROM referrals r WHERE r.vacancy_id = :vacancyId AND r.seeker_id = s.id)');
    if (vacancy.genderRequirement !== 'ANY') qb.andWhere('s.gender = :gender', { gender: vacancy.genderRequirement });
    // The officer's own job seekers (and those of the offices below): the vacancy may be any office's.
    await this.scope.restrict(qb, 's.office_id', actor);
    const { entities, raw } = await qb
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .limit(POOL)
      .getRawAndEntities();
    const cardBySeeker = new Map<string, { id: string; cardNumber: string | null }>();
    for (const r of raw as Record<string, string | null>[])
      cardBySeeker.set(String(r.s_id), { id: String(r.card_id), cardNumber: r.card_number ?? null });
    const req = requirementsOf(vacancy);
    const scored = entities
      .map((s) => ({ s, m: scoreMatch(this.profileOf(s), req, today) }))
      .filter(({ m }) => !m.excluded)
      .sort((a, b) => b.m.score - a.m.score);
    const { page, pageSize, skip } = pageWindow(q);
    const items = scored.slice(skip, skip + pageSize).map(({ s, m }) => ({
      seeker: {
        id: s.id,
        fullName: s.fullName,
        educationLevel: s.educationLevel,
        kecamatanCode: s.kecamatanCode,
        skills: s.skills ?? [],
      },
      card: cardBySeeker.get(s.id) ?? { id: '', cardNumber: null },
      score: m.score,
      matched: m.matched,
      missing: m.missing,
    }));
    return { items, page, pageSize, total: scored.length };
  }

  private profileOf(s: ProfileFields): SeekerProfile {
    const year = Number(this.clock.today().slice(0, 4));
    const experienceYears = (s.experience ?? []).reduce(
      (sum, e) => sum + Math.max(0, (e.toYear ?? year) - e.fromYear),
      0,
    );
    return {
      skills: s.skills ?? [],
      educationLevel: s.educationLevel as EducationLevel,
      kecamatanCode: s.kecamatanCode,
      birthDate:
        typeof s.birthDate === 'string'
          ? s.birthDate
          : new Date(s.birthDate as unknown as string).toISOString().slice(0, 10),
      gender: s.gender as 'L' | 'P',
      experienceYears,
    };
  }
}

/** What matching scores a seeker by. */
type ProfileFields = Pick<
  Seeker,
  'skills' | 'educationLevel' | 'kecamatanCode' | 'birthDate' | 'gender' | 'experience'
>;

/** What matching reads of a seeker, raw (SEEKER_PROFILE_SQL). */
interface SeekerProfileRow {
  skills: string | null;
  educationLevel: string;
  kecamatanCode: string | null;
  birthDate: string | Date;
  gender: string;
  experience: string | null;
}

const SEEKER_PROFILE_SQL = `SELECT skills, education_level AS educationLevel, kecamatan_code AS kecamatanCode,
  birth_date AS birthDate, gender, experience FROM seekers WHERE id = ?`;

/** The raw row as the entity's columns read it (JSON lists, a calendar date). */
function profileFields(r: SeekerProfileRow): ProfileFields {
  return {
    skills: seekerList<string>(r.skills),
    educationLevel: r.educationLevel as Seeker['educationLevel'],
    kecamatanCode: r.kecamatanCode,
    birthDate: sqlDate(r.birthDate),
    gender: r.gender as Seeker['gender'],
    experience: seekerList(r.experience),
  };
}
