import type { CodeOption } from '../views/shared/CodeDatalist.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import type { Page } from '../../common/http/pagination.js';
import type { Candidate } from '../../matching/matching.service.js';
import type { VacancyReferralView } from '../../referrals/referrals.service.js';
import { employerActions } from '../../employers/employer-lifecycle.js';
import type { EmployerStatus } from '../../employers/employer.entity.js';
import { vacancyActions, type VacancyActions } from '../../vacancies/vacancy-lifecycle.js';
import type { VacancyView } from '../../vacancies/vacancy.entity.js';
import type { FormState, FormValues } from '../http/forms.js';
import type { OwnApplication } from '../my-application.js';
import { flashOf, type FlashModel } from './flash.js';
import { pagerOf, type PagerModel } from './pager.js';
import { referredListView, type ReferredListView } from './referrals.js';

export interface VacancyRow {
  vacancy: VacancyView;
  actions: VacancyActions;
  /** "Catat hasil lowongan": it closed with positions unfilled, and the company may record who it hired. */
  recordOutcome: boolean;
}

/**
 * The HR staff's vacancies, each with what may be done with it now. A company not (or no longer)
 * verified may not post, edit or publish — only close — so it is told why instead of being offered
 * "Pasang lowongan baru".
 */
export interface OurVacanciesView {
  flash: FlashModel;
  rows: VacancyRow[];
  pager: PagerModel;
  /** Whether the company may post vacancies now (VERIFIED). */
  mayPost: boolean;
  /** The company's status, for the explanation when it may not. */
  companyStatus: EmployerStatus;
}

export function ourVacanciesView(
  page: Page<VacancyView>,
  today: string,
  query: Record<string, unknown>,
  company: { status: EmployerStatus },
): OurVacanciesView {
  const mayPost = employerActions(company).actAsVerified;
  const actionsOf = (v: VacancyView): VacancyActions => {
    const a = vacancyActions(v, today);
    return mayPost ? a : { ...a, edit: false, publish: false };
  };
  return {
    flash: flashOf(query),
    rows: page.items.map((vacancy) => ({
      vacancy,
      actions: actionsOf(vacancy),
      recordOutcome: mayPost && vacancy.status === 'CLOSED' && vacancy.remaining > 0,
    })),
    pager: pagerOf('/perusahaan/lowongan', query, page),
    mayPost,
    companyStatus: company.status,
  };
}

/** A vacancy's public page, with what this visitor may do: apply, sign in to apply, or see its applicants. */
export interface VacancyPageView {
  flash: FlashModel;
  vacancy: VacancyView;
  /**
   * `form` for a job seeker while it takes applications, `signIn` for a visitor who is not signed in,
   * `applied` for a job seeker who already applied (one application per vacancy), `placed` for one
   * recorded as hired (no longer applying).
   */
  apply: 'form' | 'signIn' | 'applied' | 'placed' | null;
  /** The job seeker's own application to it, when there is one. */
  applied: OwnApplication | null;
  /** For staff of the vacancy's own company. */
  applicantsHref: string | null;
  /** Whether search engines get it as a job posting (JSON-LD): it takes applications now. */
  posting: boolean;
}

export function vacancyPageView(
  vacancy: VacancyView,
  user: AuthUser | null,
  today: string,
  query: Record<string, unknown>,
  seeker: { applied: OwnApplication | null; placed: boolean } = { applied: null, placed: false },
): VacancyPageView {
  const open = vacancyActions(vacancy, today).apply;
  const mayApply = user?.role === 'seeker' && open;
  const own = user?.role === 'employer' && user.employerId === vacancy.employer.id;
  const apply = !user
    ? 'signIn'
    : user.role !== 'seeker'
      ? null
      : seeker.applied
        ? 'applied'
        : seeker.placed
          ? 'placed'
          : mayApply
            ? 'form'
            : null;
  return {
    flash: flashOf(query),
    vacancy,
    apply,
    applied: seeker.applied,
    applicantsHref: own ? `/perusahaan/lowongan/${vacancy.id}/pelamar` : null,
    posting: open,
  };
}

/**
 * One vacancy for the officer: its fields, the ranked candidates, the seekers referred to it already,
 * whether candidates can be referred (it takes applications) and whether it can still be closed.
 */
export interface ReferralView {
  flash: FlashModel;
  vacancy: VacancyView;
  candidates: Candidate[];
  total: number;
  pager: PagerModel;
  referred: ReferredListView;
  mayRefer: boolean;
  mayClose: boolean;
}

export function referralView(
  vacancy: VacancyView,
  candidates: Page<Candidate>,
  referred: Page<VacancyReferralView>,
  today: string,
  query: Record<string, unknown>,
): ReferralView {
  const actions = vacancyActions(vacancy, today);
  return {
    flash: flashOf(query),
    vacancy,
    candidates: candidates.items,
    total: candidates.total,
    pager: pagerOf(`/petugas/lowongan/${vacancy.id}`, query, candidates),
    referred: referredListView(referred),
    // The service also refuses a vacancy of a company no longer verified; the page cannot know that.
    mayRefer: actions.apply,
    mayClose: actions.close,
  };
}

/** The vacancy form, new or for editing a vacancy (whose status and quota it shows). */
export interface VacancyFormView {
  vacancy: VacancyView | null;
  form: FormState;
  /** The KBJI 2014 unit groups the occupation picker suggests. */
  occupations: CodeOption[];
}

/** A vacancy's fields as the form shows them. */
export function vacancyFormValues(v: VacancyView): FormValues {
  const s = (n: number | null) => (n === null ? '' : String(n));
  return {
    title: v.title,
    description: v.description,
    occupationCode: v.occupationCode ?? '',
    educationMin: v.educationMin,
    major: v.major ?? '',
    skills: v.skills.join(', '),
    experienceYearsMin: s(v.experienceYearsMin),
    ageMin: s(v.ageMin),
    ageMax: s(v.ageMax),
    genderRequirement: v.genderRequirement,
    employmentType: v.employmentType,
    salaryMin: s(v.salaryMin),
    salaryMax: s(v.salaryMax),
    kecamatanCode: v.kecamatanCode ?? '',
    location: v.location,
    quota: String(v.quota),
    closesAt: v.closesAt,
    requiresAk1: v.requiresAk1 ? 'true' : 'false',
  };
}
