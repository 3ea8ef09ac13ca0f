import { kbjiMajorGroup, kbliSection } from '../common/reference/classification.js';
import { newApplicationRow } from '../applications/application-rows.js';
import {
  Application,
  type ApplicationStatus,
  type ClosedReason as ApplicationClosedReason,
} from '../applications/application.entity.js';
import { EDUCATION_LEVELS, educationRank, type EducationLevel } from '../common/reference/education.js';
import { LabourEvent } from '../statistics/labour-event.entity.js';
import { newVacancyRow } from '../vacancies/vacancy-rows.js';
import { VacancyOutcome, type UnfilledReason } from '../vacancies/vacancy-outcome.entity.js';
import { Vacancy, type ClosedReason, type EmploymentType, type VacancyStatus } from '../vacancies/vacancy.entity.js';
import { dateOf } from './people.js';
import { rngFor, seededId, TAG, type Rng } from './random.js';
import {
  STREETS,
  UNFILLED_REASON_WEIGHTS,
  VACANCY_BENEFITS,
  VACANCY_CLOSE_NOTES,
  VACANCY_DUTIES,
  VACANCY_OUTCOME_NOTES,
  VACANCY_TEMPLATES,
} from './reference.js';
import { dailyJobInstant, officeInstant, type SeedBase, type SeedRun } from './run.js';
import type { VacancyPlan } from './vacancy-plan.js';

/**
 * Vacancies, the applications to them and the hires they led to.
 *
 * Every vacancy's life is planned before any card is written (employer, dates, quota, how it ends if it
 * does not fill). While cards are written, each hire an employer records is matched to one of that
 * employer's vacancies open on the hire day with a position left (`assignHire`), and seekers apply to
 * vacancies open while their card is (`pickOpenVacancy`). Afterwards each vacancy's final row follows
 * from its hires — FILLED on the day the last position was taken — and each application's outcome from
 * whichever came first: a decision, the seeker's placement, or the vacancy's end.
 */

/** How a vacancy's life ends unless it fills first. */
const END = { OPEN: 0, EXPIRED: 1, BY_EMPLOYER: 2, BY_OFFICER: 3, DRAFT: 4 } as const;
const SEX = ['ANY', 'L', 'P'] as const;
/** Historical vacancies are published over ~26 months and closed before the last two months. */
const HISTORY_FIRST = 790;
const HISTORY_LAST = 62;
/** Still-open vacancies were published in the last two months. */
const OPEN_SPAN = 60;
/** How far back a seeker's application may reach for a vacancy published earlier. */
const APPLY_LOOKBACK = 90;
const DRAFT_SHARE = 0.03;
/** Share of vacancies posted by employers that take part; the rest by other verified (or suspended) ones. */
const PARTICIPANT_SHARE = 0.85;
/**
 * Share of vacancies closed with positions unfilled whose employer said what happened (issue 17): most
 * never do. Their hires, if any, are the placements already matched to the vacancy.
 */
const OUTCOME_SHARE = 0.25;

/** Decides every vacancy's life; the rows are written after the cards (`writeVacancies`). */
export function planVacancies(run: SeedBase): VacancyPlan {
  const { opts, employers, today } = run;
  const count = opts.vacancies;
  const open = Math.min(count, opts.openVacancies);
  const drafts = Math.min(count - open, Math.round(count * DRAFT_SHARE));
  const plan: VacancyPlan = {
    count,
    ids: new Array<string>(count),
    employer: new Int32Array(count),
    template: new Uint8Array(count),
    education: new Uint8Array(count),
    gender: new Uint8Array(count),
    quota: new Int32Array(count),
    requiresAk1: new Uint8Array(count),
    end: new Uint8Array(count),
    createdDay: new Int32Array(count),
    publishDay: new Int32Array(count).fill(-1),
    closesDay: new Int32Array(count),
    lastOpenDay: new Int32Array(count).fill(-1),
    closeDay: new Int32Array(count).fill(-1),
    filled: new Int32Array(count),
    lastHireAt: new Float64Array(count),
    byEmployer: new Map(),
    byPublish: new Int32Array(0),
    dayStart: new Int32Array(0),
    firstDay: today - HISTORY_FIRST,
  };
  const others = employers.ids
    .map((_, j) => j)
    .filter(
      (j) =>
        (employers.status[j] === 'VERIFIED' || employers.status[j] === 'SUSPENDED') &&
        !employers.participating.includes(j),
    );
  const participants = new Set(employers.participating);

  for (let k = 0; k < count; k++) {
    plan.ids[k] = seededId(TAG.vacancy, k, rngFor(opts.seed, 'vacancy', k));
    const rng = rngFor(opts.seed, 'vacancy-plan', k);
    const j =
      others.length === 0 || rng.chance(PARTICIPANT_SHARE) ? rng.pick(employers.participating) : rng.pick(others);
    const t = rng.int(0, VACANCY_TEMPLATES.length - 1);
    const template = VACANCY_TEMPLATES[t];
    plan.employer[k] = j;
    plan.template[k] = t;
    plan.education[k] = EDUCATION_LEVELS.indexOf(rng.pick(template.education) as EducationLevel);
    plan.gender[k] = SEX.indexOf(rng.weighted({ ANY: template.sex[0], L: template.sex[1], P: template.sex[2] }));
    plan.quota[k] = Number(rng.weighted({ 1: 42, 2: 20, 3: 14, 5: 12, 10: 8, 20: 4 }));
    // Employers taking part ask for the AK1 almost always; the others hardly ever.
    plan.requiresAk1[k] = participants.has(j) ? (rng.chance(0.92) ? 1 : 0) : rng.chance(0.1) ? 1 : 0;

    if (k < open) {
      const publish = today - rng.int(1, OPEN_SPAN);
      plan.end[k] = END.OPEN;
      plan.publishDay[k] = publish;
      plan.createdDay[k] = publish - (rng.chance(0.2) ? rng.int(1, 5) : 0);
      plan.closesDay[k] = today + rng.int(1, 60);
      plan.lastOpenDay[k] = today - 1;
    } else if (k < open + drafts) {
      plan.end[k] = END.DRAFT;
      plan.createdDay[k] = today - rng.int(1, 30);
      plan.closesDay[k] = today + rng.int(7, 60);
    } else {
      const publish = today - rng.int(HISTORY_LAST, HISTORY_FIRST);
      const closes = publish + rng.int(14, 60);
      const end = rng.weighted({ EXPIRED: 70, BY_EMPLOYER: 25, BY_OFFICER: 5 });
      plan.end[k] = END[end];
      plan.publishDay[k] = publish;
      plan.createdDay[k] = publish - (rng.chance(0.2) ? rng.int(1, 5) : 0);
      plan.closesDay[k] = closes;
      if (end === 'EXPIRED') plan.lastOpenDay[k] = closes;
      else {
        plan.closeDay[k] = rng.int(publish + 1, closes);
        plan.lastOpenDay[k] = plan.closeDay[k] - 1;
      }
    }
    if (plan.publishDay[k] >= 0) {
      let list = plan.byEmployer.get(j);
      if (!list) plan.byEmployer.set(j, (list = []));
      list.push(k);
    }
  }
  for (const list of plan.byEmployer.values()) list.sort((a, b) => plan.publishDay[a] - plan.publishDay[b]);

  // Published vacancies by day: a counting sort, so "open on day d" is a look at a short range.
  const span = today - plan.firstDay + 2;
  const perDay = new Int32Array(span);
  for (let k = 0; k < count; k++) if (plan.publishDay[k] >= 0) perDay[plan.publishDay[k] - plan.firstDay]++;
  plan.dayStart = new Int32Array(span + 1);
  for (let d = 0; d < span; d++) plan.dayStart[d + 1] = plan.dayStart[d] + perDay[d];
  plan.byPublish = new Int32Array(plan.dayStart[span]);
  const fill = plan.dayStart.slice(0, span);
  for (let k = 0; k < count; k++)
    if (plan.publishDay[k] >= 0) plan.byPublish[fill[plan.publishDay[k] - plan.firstDay]++] = k;
  return plan;
}

/** Whether a seeker of this sex and education level may be hired for (or apply to) vacancy `k`. */
function suits(plan: VacancyPlan, k: number, gender: string, eduRank: number): boolean {
  const asked = plan.gender[k];
  return (asked === 0 || SEX[asked] === gender) && eduRank >= educationRank(EDUCATION_LEVELS[plan.education[k]]);
}

/**
 * A hire employer `j` records on `day`: the earliest-published of its vacancies open that day with a
 * position left and suiting the seeker, now counted; -1 when none (a direct placement, no vacancy).
 */
export function assignHire(
  plan: VacancyPlan,
  j: number,
  day: number,
  at: Date,
  gender: string,
  eduRank: number,
): number {
  const list = plan.byEmployer.get(j);
  if (!list) return -1;
  for (const k of list) {
    if (plan.publishDay[k] > day) break;
    if (plan.lastOpenDay[k] < day || plan.filled[k] >= plan.quota[k] || !suits(plan, k, gender, eduRank)) continue;
    plan.filled[k]++;
    plan.lastHireAt[k] = Math.max(plan.lastHireAt[k], at.getTime());
    return k;
  }
  return -1;
}

/** A vacancy open on `day` that suits the seeker, found in a few random tries; -1 when none. */
export function pickOpenVacancy(plan: VacancyPlan, day: number, rng: Rng, gender: string, eduRank: number): number {
  const from = Math.max(0, day - APPLY_LOOKBACK - plan.firstDay);
  const to = Math.min(plan.dayStart.length - 1, day + 1 - plan.firstDay);
  if (to <= from) return -1;
  const lo = plan.dayStart[from];
  const hi = plan.dayStart[to];
  if (hi <= lo) return -1;
  for (let attempt = 0; attempt < 4; attempt++) {
    const k = plan.byPublish[rng.int(lo, hi - 1)];
    if (plan.lastOpenDay[k] >= day && suits(plan, k, gender, eduRank)) return k;
  }
  return -1;
}

/** What each vacancy became, once all hires are known. */
interface Outcome {
  status: VacancyStatus;
  /** Day it stopped taking applications (fill or close), or Infinity. */
  endDay: number;
  closedAt: Date | null;
  closedReason: ClosedReason | null;
}

const JAKARTA_OFFSET_MS = 7 * 3600_000;
const dayOfInstant = (ms: number) => Math.floor((ms + JAKARTA_OFFSET_MS) / 86_400_000);

export function outcomeOf(run: SeedRun, plan: VacancyPlan, k: number): Outcome {
  const end = plan.end[k];
  if (end === END.DRAFT) return { status: 'DRAFT', endDay: Infinity, closedAt: null, closedReason: null };
  if (plan.filled[k] >= plan.quota[k])
    return {
      status: 'FILLED',
      endDay: dayOfInstant(plan.lastHireAt[k]),
      closedAt: new Date(plan.lastHireAt[k]),
      closedReason: 'FILLED',
    };
  if (end === END.OPEN) return { status: 'OPEN', endDay: Infinity, closedAt: null, closedReason: null };
  if (end === END.EXPIRED) {
    // The daily job closes it just after midnight on the day after its closing date.
    const day = plan.closesDay[k] + 1;
    return { status: 'CLOSED', endDay: day, closedAt: dailyJobInstant(run, day), closedReason: 'EXPIRED' };
  }
  const day = plan.closeDay[k];
  const at = officeInstant(run, day, rngFor(run.opts.seed, 'vacancy-close', k));
  return {
    status: 'CLOSED',
    endDay: day,
    closedAt: at,
    closedReason: end === END.BY_EMPLOYER ? 'CLOSED_BY_EMPLOYER' : 'CLOSED_BY_OFFICER',
  };
}

/** The vacancy rows, with their REGISTERED and REMOVED labour events (FILLED ones were written with the hires). */
export async function writeVacancies(run: SeedRun): Promise<void> {
  const plan = run.vacancies;
  const { employers } = run;
  let rows: Vacancy[] = [];
  let events: LabourEvent[] = [];
  const outcomes: VacancyOutcome[] = [];
  const byStatus: Record<string, number> = {};
  for (let k = 0; k < plan.count; k++) {
    const rng = rngFor(run.opts.seed, 'vacancy', k);
    const id = seededId(TAG.vacancy, k, rng);
    const j = plan.employer[k];
    // A vacancy belongs to the office of its work location: its employer's city.
    const city = run.geo.cities[employers.city[j]];
    const template = VACANCY_TEMPLATES[plan.template[k]];
    const education = EDUCATION_LEVELS[plan.education[k]];
    const sex = SEX[plan.gender[k]];
    const skills = rng.sample(template.skills, rng.int(1, template.skills.length));
    if (rng.chance(0.3)) skills.push(rng.pick(['bahasa Inggris', 'Microsoft Office', 'public speaking', 'K3']));
    const uniqueSkills = [...new Set(skills)];
    const title = rng.chance(0.25)
      ? `${template.title} ${rng.pick(['(Shift)', 'Cabang Palembang', 'Senior', 'Junior', '(Kontrak 1 Tahun)'])}`
      : template.title;
    const description = [
      `${employers.names[j]} membuka lowongan ${template.title.toLowerCase()} untuk penempatan di ${city.name}.`,
      ...rng.sample(VACANCY_DUTIES, rng.int(2, 4)),
      `Fasilitas: ${rng.sample(VACANCY_BENEFITS, rng.int(1, 3)).join(' ')}`,
    ].join(' ');
    const wageMin = Math.round(rng.int(template.wage[0], template.wage[1]) / 50_000) * 50_000;
    const wageShown = rng.weighted({ range: 55, minOnly: 15, none: 30 });
    const salaryMin = wageShown === 'none' ? null : wageMin;
    const salaryMax =
      wageShown === 'range' ? Math.round((wageMin * (1.15 + rng.next() * 0.45)) / 50_000) * 50_000 : null;
    const ageLimited = rng.chance(0.6);
    const ageMax = ageLimited ? rng.pick([25, 28, 30, 35, 40, 45]) : null;
    const major =
      template.majors && rank(education) >= rank('SMK') && rng.chance(0.6) ? rng.pick(template.majors) : null;
    const kecamatan = rng.chance(0.1) ? null : rng.chance(0.6) ? employers.kecamatan[j] : rng.pick(city.kecamatan);
    const outcome = outcomeOf(run, plan, k);
    byStatus[outcome.status] = (byStatus[outcome.status] ?? 0) + 1;

    const published = plan.publishDay[k] >= 0 ? officeInstant(run, plan.publishDay[k], rng) : null;
    const createdAt =
      plan.createdDay[k] === plan.publishDay[k] && published ? published : officeInstant(run, plan.createdDay[k], rng);
    const updatedAt =
      outcome.closedAt ?? (plan.lastHireAt[k] > 0 ? new Date(plan.lastHireAt[k]) : (published ?? createdAt));
    const note =
      outcome.closedReason === 'CLOSED_BY_EMPLOYER' || outcome.closedReason === 'CLOSED_BY_OFFICER'
        ? rng.pick(VACANCY_CLOSE_NOTES)
        : null;
    // Fields in column order: the draws below (experience, employment type, street) keep their order.
    rows.push(
      newVacancyRow({
        id,
        employerId: employers.ids[j],
        status: outcome.status,
        title,
        description,
        occupationCode: template.occupationCode,
        educationMin: education,
        major,
        skills: uniqueSkills,
        experienceYearsMin: rng.chance(0.5) ? null : rng.int(0, 3),
        ageMin: ageLimited ? 18 : null,
        ageMax,
        genderRequirement: sex,
        employmentType: rng.weighted(template.types) as EmploymentType,
        salaryMin,
        salaryMax,
        kecamatanCode: kecamatan,
        location: `Jl. ${rng.pick(STREETS)} No. ${rng.int(1, 300)}, ${city.name}`,
        quota: plan.quota[k],
        filled: plan.filled[k],
        closesAt: dateOf(plan.closesDay[k]),
        requiresAk1: plan.requiresAk1[k] === 1,
        publishedAt: published,
        closedAt: outcome.closedAt,
        closedReason: outcome.closedReason,
        closeNote: note,
        createdBy: employers.userIds[j],
        createdAt,
        updatedAt,
        officeId: city.officeId,
      }),
    );
    if (published) {
      const asked = { sex, education };
      const dims = {
        occupation: kbjiMajorGroup(template.occupationCode),
        sector: kbliSection(employers.kbli[j]),
      };
      run.ledger.vacancy(
        events,
        rng,
        'REGISTERED',
        id,
        asked,
        plan.quota[k],
        dateOf(plan.publishDay[k]),
        published,
        dims,
        city.code,
      );
      if (outcome.status === 'CLOSED')
        run.ledger.vacancy(
          events,
          rng,
          'REMOVED',
          id,
          asked,
          plan.quota[k] - plan.filled[k],
          dateOf(outcome.endDay),
          outcome.closedAt!,
          dims,
          city.code,
        );
    }
    if (outcome.status === 'CLOSED' && published) {
      const said = vacancyOutcome(run, k, id, employers.ids[j], employers.userIds[j], outcome);
      if (said) outcomes.push(said);
    }
    if (rows.length >= 500) {
      await run.writer.insert(Vacancy, rows);
      rows = [];
    }
    if (events.length >= 2_000) {
      await run.writer.insert(LabourEvent, events);
      events = [];
    }
  }
  await run.writer.insert(Vacancy, rows);
  await run.writer.insert(LabourEvent, events);
  // After every vacancy row (the outcome's foreign key).
  await run.writer.insert(VacancyOutcome, outcomes);
  const withoutAk1 = outcomes.filter((o) => o.unfilledReason === 'HIRED_WITHOUT_AK1').length;
  run.log(
    `vacancies: ${plan.count} (${Object.entries(byStatus)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}); ${outcomes.length} closed with an outcome (${withoutAk1} hired without an AK1)`,
  );
}

/**
 * What the employer said about a vacancy that closed with positions unfilled, for a quarter of them
 * (OUTCOME_SHARE), a few days after it closed; the others said nothing. A draw of its own, so the
 * vacancy rows stay as they were.
 */
function vacancyOutcome(
  run: SeedRun,
  k: number,
  vacancyId: string,
  employerId: string,
  userId: string,
  outcome: Outcome,
): VacancyOutcome | null {
  const rng = rngFor(run.opts.seed, 'vacancy-outcome', k);
  if (!rng.chance(OUTCOME_SHARE)) return null;
  const day = Math.min(outcome.endDay + rng.int(0, 14), run.today - 1);
  const at = officeInstant(run, day, rng);
  const recordedAt = at < outcome.closedAt! ? outcome.closedAt! : at;
  return {
    vacancyId,
    employerId,
    unfilledReason: rng.weighted(UNFILLED_REASON_WEIGHTS) as UnfilledReason,
    note: rng.chance(0.4) ? rng.pick(VACANCY_OUTCOME_NOTES) : null,
    recordedBy: userId,
    recordedAt,
    updatedAt: recordedAt,
  };
}

const rank = (level: EducationLevel) => educationRank(level);

// ---------------------------------------------------------------------------------------------------
// Applications

export function applicationId(run: SeedRun, n: number): string {
  return seededId(TAG.application, n, rngFor(run.opts.seed, 'application', n));
}

export function seekerId(run: SeedRun, i: number): string {
  return seededId(TAG.seeker, i, rngFor(run.opts.seed, 'seeker', i));
}

/**
 * Each application's state today. A hire is HIRED. Otherwise the employer may have rejected it, the
 * seeker withdrawn it, or it was shortlisted; whatever is still undecided closes when the seeker is
 * placed (SEEKER_PLACED) or the vacancy fills or closes (VACANCY_FILLED / VACANCY_CLOSED), whichever
 * comes first. Applications to a vacancy that had already filled by then are dropped.
 */
export async function writeApplications(run: SeedRun): Promise<void> {
  const plan = run.vacancies;
  const intents = run.applications;
  const outcomes = new Map<number, Outcome>();
  const outcome = (k: number) => {
    let o = outcomes.get(k);
    if (!o) outcomes.set(k, (o = outcomeOf(run, plan, k)));
    return o;
  };
  let rows: Application[] = [];
  const byStatus: Record<string, number> = {};
  for (let n = 0; n < intents.count; n++) {
    const rng = rngFor(run.opts.seed, 'application', n);
    const id = seededId(TAG.application, n, rng);
    const k = intents.vacancy[n];
    const j = plan.employer[k];
    const apply = intents.applyDay[n];
    const employerUser = run.employers.userIds[j];
    let status: ApplicationStatus;
    let closedReason: ApplicationClosedReason | null = null;
    let appliedAt = officeInstant(run, apply, rng);
    let decidedAt: Date | null = null;
    let decidedBy: string | null = null;

    if (intents.hiredAt[n] > 0) {
      status = 'HIRED';
      decidedAt = new Date(intents.hiredAt[n]);
      decidedBy = employerUser;
      if (appliedAt >= decidedAt) appliedAt = new Date(decidedAt.getTime() - 3600_000);
    } else {
      const o = outcome(k);
      if (apply >= o.endDay) continue;
      const placed = intents.placedDay[n] >= 0 ? intents.placedDay[n] : Infinity;
      const closesFirst = Math.min(placed, o.endDay);
      const choice = rng.weighted({ REJECTED: 25, WITHDRAWN: 8, SHORTLISTED: 17, SUBMITTED: 50 });
      const decisionDay = apply + rng.int(1, 14);
      if ((choice === 'REJECTED' || choice === 'WITHDRAWN') && decisionDay < Math.min(closesFirst, run.today)) {
        status = choice;
        decidedAt = officeInstant(run, decisionDay, rng);
        decidedBy = choice === 'REJECTED' ? employerUser : null;
      } else if (closesFirst < run.today) {
        status = 'CLOSED';
        closedReason =
          placed <= o.endDay ? 'SEEKER_PLACED' : o.status === 'FILLED' ? 'VACANCY_FILLED' : 'VACANCY_CLOSED';
        decidedAt = closedReason === 'SEEKER_PLACED' ? officeInstant(run, placed, rng) : o.closedAt!;
        if (decidedAt <= appliedAt) decidedAt = new Date(appliedAt.getTime() + 60_000);
      } else if (choice === 'SHORTLISTED' && decisionDay < run.today) {
        status = 'SHORTLISTED';
        decidedAt = officeInstant(run, decisionDay, rng);
        decidedBy = employerUser;
      } else {
        status = 'SUBMITTED';
      }
    }
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    rows.push(
      newApplicationRow({
        id,
        vacancyId: plan.ids[k],
        seekerId: seekerId(run, intents.seeker[n]),
        employerId: run.employers.ids[j],
        status,
        closedReason,
        coverLetter: rng.chance(0.2)
          ? 'Dengan hormat, saya tertarik melamar posisi ini dan siap mengikuti seleksi.'
          : null,
        appliedAt,
        decidedAt,
        decidedBy,
        updatedAt: decidedAt ?? appliedAt,
      }),
    );
    if (rows.length >= 2_000) {
      await run.writer.insert(Application, rows);
      rows = [];
    }
  }
  await run.writer.insert(Application, rows);
  run.log(
    `applications: ${Object.entries(byStatus)
      .map(([s, c]) => `${s} ${c}`)
      .join(', ')}`,
  );
}
