import { DatabaseVacancySearch } from '../search/database-vacancy-search.js';
import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addDays, jakartaDate } from '../common/dates.js';
import { forbidden, invalidTransition, validationFailed, type FieldIssue } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { execute, select } from '../database/statements.js';
import { affectedRows, Transactions } from '../database/transactions.js';
import { Employer } from '../employers/employer.entity.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { SearchableVacancies } from '../search/searchable-vacancies.js';
import { LabourStatistics } from '../statistics/labour-statistics.service.js';
import { Notifier } from '../notifications/notifier.js';
import { sqlDate, sqlInstant } from '../common/sql.js';
import type { CreateVacancyDto, EmployerVacancyQuery, UpdateVacancyDto } from './dto/vacancy.dto.js';
import { educationRank } from '../common/reference/education.js';
import { ReferenceCodes } from '../reference/reference-codes.service.js';
import {
  reportOf,
  toVacancyView,
  type ReportFields,
  Vacancy,
  vacancySearchText,
  type ClosedReason,
  type VacancyStatus,
  type VacancyView,
} from './vacancy.entity.js';
import { newVacancyRow } from './vacancy-rows.js';
import {
  closingDatePassed,
  quotaBelowFilled,
  tooManyHires,
  vacancyFull,
  vacancyNotFound,
  vacancyNotOpen,
  vacancyStillOpen,
} from './vacancies.errors.js';

const EDITABLE: VacancyStatus[] = ['DRAFT', 'OPEN'];
/** Requirements matching reads and search does not: an edit of one gives the searchable set a new version. */
const MATCHING_REQUIREMENTS = new Set<keyof ReportFields>([
  'ageMin',
  'ageMax',
  'genderRequirement',
  'experienceYearsMin',
]);

/** Trimmed, without empties or case-insensitive repeats; first spelling wins. */
function cleanSkills(skills: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills) {
    const s = raw.trim().replace(/\s+/g, ' ');
    if (!s || seen.has(s.toLowerCase())) continue;
    seen.add(s.toLowerCase());
    out.push(s);
  }
  return out;
}

/**
 * A hire counted, written out (the hire is the busiest write), as two conditional updates: most hires leave
 * positions open and need only the first; the one that takes the last position fills the vacancy with the
 * second. Neither goes past the quota, whatever races.
 */
const COUNT_OPEN = `UPDATE vacancies SET filled = filled + 1, updated_at = ?
  WHERE id = ? AND status = 'OPEN' AND filled + 1 < quota`;
const COUNT_AND_FILL = `UPDATE vacancies SET status = 'FILLED', closed_at = ?, closed_reason = 'FILLED', updated_at = ?,
  filled = filled + 1 WHERE id = ? AND status = 'OPEN' AND filled < quota AND filled + 1 >= quota`;
/** A hire the employer reports after the vacancy closed (its outcome): one of the positions left unfilled. */
const COUNT_LATE = `UPDATE vacancies SET filled = filled + 1, updated_at = ?
  WHERE id = ? AND status = 'CLOSED' AND filled < quota`;

/**
 * The owner of the vacancy: the only writer of `vacancies` and the keeper of its states
 * (vacancy-lifecycle.ts), with the employer's commands on it. A vacancy that stops taking applications —
 * closed by hand, past its closing date, or filled — closes its undecided applications right there, by
 * calling their owner; a hire counts against it through `countHire`.
 */
@Injectable()
export class VacanciesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly search: SearchableVacancies,
    private readonly statistics: LabourStatistics,
    private readonly applications: ApplicationsService,
    private readonly referrals: ReferralsService,
    private readonly notifier: Notifier,
    private readonly referenceCodes: ReferenceCodes,
    private readonly scope: OfficeScope,
    private readonly searchable: DatabaseVacancySearch,
  ) {}

  /** A vacancy names its occupation by an active KBJI 2014 code (the IPK tables III/5 group by it). */
  private async checkOccupation(code: string | null | undefined): Promise<void> {
    if (code === undefined) return;
    if (code === null || !(await this.referenceCodes.isActive('kbji', code)))
      throw validationFailed([
        {
          field: 'occupationCode',
          messages: [
            code === null
              ? 'occupationCode is required'
              : 'occupationCode must be an active 4-digit KBJI 2014 code (GET /reference/kbji)',
          ],
        },
      ]);
  }

  /** Staff of a verified employer report a vacancy: OPEN at once, or DRAFT when the body says so. */
  async create(actor: AuthUser, dto: CreateVacancyDto): Promise<VacancyView> {
    const employerId = actor.employerId;
    if (!employerId) throw forbidden();
    const skills = cleanSkills(dto.skills);
    const report: ReportFields = {
      title: dto.title.trim(),
      description: dto.description.trim(),
      occupationCode: dto.occupationCode ?? null,
      educationMin: dto.educationMin,
      major: dto.major?.trim() || null,
      skills,
      experienceYearsMin: dto.experienceYearsMin ?? null,
      ageMin: dto.ageMin ?? null,
      ageMax: dto.ageMax ?? null,
      genderRequirement: dto.genderRequirement ?? 'ANY',
      employmentType: dto.employmentType,
      salaryMin: dto.salaryMin ?? null,
      salaryMax: dto.salaryMax ?? null,
      kecamatanCode: dto.kecamatanCode ?? null,
      location: dto.location.trim(),
      quota: dto.quota,
      closesAt: dto.closesAt,
      requiresAk1: dto.requiresAk1 ?? true,
    };
    this.checkReport(report, { closesAtGiven: true });
    await this.checkOccupation(dto.occupationCode ?? null);
    const status: VacancyStatus = dto.status === 'DRAFT' ? 'DRAFT' : 'OPEN';
    // A vacancy belongs to the office of its work location's regency, else to its employer's office.
    const placeOffice = await this.scope.cityOfficeOf({ kecamatanCode: report.kecamatanCode });
    return this.tx.run(async (m) => {
      const now = this.clock.now();
      const officeId =
        placeOffice ??
        (await m.findOne(Employer, { where: { id: employerId }, select: { id: true, officeId: true } }))?.officeId ??
        this.scope.rootId();
      const vacancy = newVacancyRow({
        ...report,
        id: randomUUID(),
        employerId,
        status,
        publishedAt: status === 'OPEN' ? now : null,
        createdBy: actor.id,
        officeId,
        createdAt: now,
      });
      await m.insert(Vacancy, vacancy);
      if (status === 'OPEN') await this.statistics.vacancyRegistered(m, vacancy, vacancy.quota, this.clock.today());
      await this.search.vacancyChanged(m, vacancy.id);
      await this.audit.record(m, {
        actor,
        entityType: 'vacancy',
        entityId: vacancy.id,
        action: 'vacancy.created',
        after: { status, employerId, quota: report.quota, closesAt: report.closesAt, requiresAk1: report.requiresAk1 },
      });
      return this.view(m, vacancy.id);
    });
  }

  /** DRAFT → OPEN, while its closing date is still ahead. */
  async publish(actor: AuthUser, id: string): Promise<VacancyView> {
    return this.tx.run(async (m) => {
      const before = await this.ownVacancy(m, actor, id);
      const today = this.clock.today();
      const now = this.clock.now();
      const res = await m
        .createQueryBuilder()
        .update(Vacancy)
        .set({ status: 'OPEN', publishedAt: now, updatedAt: now })
        .where('id = :id AND status = :draft AND closes_at > :today', { id, draft: 'DRAFT', today })
        .execute();
      if (affectedRows(res) !== 1) {
        const current = await m.findOneOrFail(Vacancy, { where: { id } });
        if (current.status !== 'DRAFT')
          throw invalidTransition(`A vacancy that is ${current.status} cannot be published (only a DRAFT can).`);
        throw closingDatePassed(sqlDate(current.closesAt));
      }
      await this.statistics.vacancyRegistered(
        m,
        await m.findOneOrFail(Vacancy, { where: { id } }),
        before.quota,
        today,
      );
      await this.search.vacancyChanged(m, id);
      await this.audit.record(m, {
        actor,
        entityType: 'vacancy',
        entityId: id,
        action: 'vacancy.published',
        before: { status: before.status },
        after: { status: 'OPEN' },
      });
      return this.view(m, id);
    });
  }

  /**
   * Its employer edits the report while it is DRAFT or OPEN. The quota never drops below the positions
   * already filled; lowering it to exactly that number fills the vacancy.
   */
  async update(actor: AuthUser, id: string, dto: UpdateVacancyDto): Promise<VacancyView> {
    await this.checkOccupation(dto.occupationCode);
    return this.tx.run(async (m) => {
      const before = await this.ownVacancy(m, actor, id);
      if (!EDITABLE.includes(before.status))
        throw invalidTransition(`A vacancy that is ${before.status} can no longer be edited.`);
      const current = reportOf(before);
      const next: ReportFields = { ...current };
      for (const key of Object.keys(dto) as (keyof UpdateVacancyDto)[]) {
        const value = dto[key];
        if (value === undefined) continue;
        (next as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
      }
      if (dto.skills) next.skills = cleanSkills(dto.skills);
      if (next.major === '') next.major = null;
      this.checkReport(next, { closesAtGiven: dto.closesAt !== undefined });
      if (next.quota < before.filled) throw quotaBelowFilled(next.quota, before.filled);

      const changed = (Object.keys(next) as (keyof ReportFields)[]).filter(
        (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
      );
      if (changed.length === 0) return this.view(m, id);
      const now = this.clock.now();
      const becomesFull = before.status === 'OPEN' && before.filled > 0 && next.quota === before.filled;
      const res = await m
        .createQueryBuilder()
        .update(Vacancy)
        .set({
          ...next,
          skills: JSON.stringify(next.skills),
          educationRank: educationRank(next.educationMin),
          searchText: vacancySearchText(next),
          updatedAt: now,
          ...(becomesFull ? { status: 'FILLED' as const, closedAt: now, closedReason: 'FILLED' as const } : {}),
        })
        // Conditional: a hire or a close committed meanwhile makes this update miss, not overwrite.
        .where('id = :id AND status = :status AND filled <= :quota', { id, status: before.status, quota: next.quota })
        .execute();
      if (affectedRows(res) !== 1) {
        const now2 = await m.findOneOrFail(Vacancy, { where: { id } });
        if (now2.filled > next.quota) throw quotaBelowFilled(next.quota, now2.filled);
        throw invalidTransition(`The vacancy changed meanwhile (now ${now2.status}); reload it and try again.`);
      }
      if (becomesFull) await this.applications.closeUndecided(m, { vacancyId: id }, 'VACANCY_FILLED', actor);
      if (before.status === 'OPEN' && next.quota !== before.quota) {
        // Positions added to an open vacancy are registered; positions taken away leave unfilled.
        const delta = next.quota - before.quota;
        const today = this.clock.today();
        if (delta > 0) await this.statistics.vacancyRegistered(m, { ...before, ...next }, delta, today);
        else await this.statistics.vacancyLeft(m, 'REMOVED', id, -delta, today);
      }
      await this.search.vacancyChanged(m, id, {
        requirementsChanged: changed.some((k) => MATCHING_REQUIREMENTS.has(k)),
      });
      await this.audit.record(m, {
        actor,
        entityType: 'vacancy',
        entityId: id,
        action: 'vacancy.updated',
        before: Object.fromEntries(changed.map((k) => [k, current[k]])),
        after: {
          ...Object.fromEntries(changed.map((k) => [k, next[k]])),
          ...(becomesFull ? { status: 'FILLED' } : {}),
        },
      });
      return this.view(m, id);
    });
  }

  /** Its employer or an officer closes a DRAFT or OPEN vacancy; its undecided applications close with it. */
  async close(actor: AuthUser, id: string, note?: string): Promise<VacancyView> {
    return this.tx.run(async (m) => {
      const before = actor.role === 'officer' ? await this.anyVacancy(m, id) : await this.ownVacancy(m, actor, id);
      // An officer closes only a vacancy of their own office (an office above reads it: 403).
      await this.scope.requireActable(actor, before.officeId, 'The vacancy');
      const reason: ClosedReason = actor.role === 'officer' ? 'CLOSED_BY_OFFICER' : 'CLOSED_BY_EMPLOYER';
      const closed = await this.closeIf(m, actor, id, EDITABLE, reason, note?.trim() || null);
      if (!closed) {
        const current = await m.findOneOrFail(Vacancy, { where: { id } });
        throw invalidTransition(`A vacancy that is ${current.status} cannot be closed.`);
      }
      await this.audit.record(m, {
        actor,
        entityType: 'vacancy',
        entityId: id,
        action: 'vacancy.closed',
        before: { status: before.status },
        after: { status: 'CLOSED', closedReason: reason, ...(note?.trim() ? { note: note.trim() } : {}) },
      });
      return this.view(m, id);
    });
  }

  /**
   * Daily task: every OPEN vacancy whose closing date is behind us (Asia/Jakarta) closes, the same way
   * as a close by hand. Each is its own conditional update, so a second run finds nothing to do.
   */
  async closeExpired(now: Date): Promise<{ closed: number }> {
    const today = jakartaDate(now);
    const due = await this.ds
      .getRepository(Vacancy)
      .find({ where: { status: 'OPEN', closesAt: LessThan(today) }, select: { id: true } });
    let closed = 0;
    for (const { id } of due) {
      const done = await this.tx.run(async (m) => {
        if (!(await this.closeIf(m, null, id, ['OPEN'], 'EXPIRED', null, today))) return false;
        await this.audit.record(m, {
          actor: null,
          entityType: 'vacancy',
          entityId: id,
          action: 'vacancy.expired',
          before: { status: 'OPEN' },
          after: { status: 'CLOSED', closedReason: 'EXPIRED' },
        });
        return true;
      });
      if (done) closed += 1;
    }
    return { closed };
  }

  /** A vacancy of this employer (any state), or null: a direct placement may name one. */
  ofEmployer(m: EntityManager, id: string, employerId: string): Promise<Vacancy | null> {
    return m.findOne(Vacancy, { where: { id, employerId } });
  }

  /**
   * The outcome of a closed vacancy (its employer says who it hired and why the rest stayed open) begins
   * here: the caller's own CLOSED vacancy, its row taken (on MySQL, locked until the commit) by a
   * conditional update, so two statements about one vacancy run one after the other and each reads the
   * positions the other left. Another company's vacancy → 404; OPEN → 409 VACANCY_STILL_OPEN; DRAFT or
   * FILLED (nothing was left unfilled) → 409 INVALID_STATE_TRANSITION.
   */
  async holdForOutcome(m: EntityManager, actor: AuthUser, id: string): Promise<Vacancy> {
    await this.ownVacancy(m, actor, id);
    const res = await m
      .createQueryBuilder()
      .update(Vacancy)
      .set({ updatedAt: this.clock.now() })
      .where({ id, status: 'CLOSED' })
      .execute();
    const vacancy = await m.findOneOrFail(Vacancy, { where: { id } });
    if (affectedRows(res) === 1) return vacancy;
    if (vacancy.status === 'OPEN') throw vacancyStillOpen();
    throw invalidTransition(
      `A vacancy that is ${vacancy.status} has no outcome to record: only a closed vacancy with positions left unfilled has.`,
    );
  }

  /**
   * Inside a hire reported as a closed vacancy's outcome: counts it against the positions left unfilled
   * (conditional: never beyond the quota, whatever races). The vacancy stays CLOSED — it closed, and
   * search never shows it again; TOO_MANY_HIRES when no position is left.
   */
  async countLateHire(m: EntityManager, id: string): Promise<void> {
    if ((await execute(m, COUNT_LATE, [sqlInstant(this.clock.now()), id])) === 1) return;
    const [vacancy] = await select<Pick<Vacancy, 'status' | 'filled' | 'quota'>>(
      m,
      'SELECT status, filled, quota FROM vacancies WHERE id = ?',
      [id],
    );
    if (!vacancy) throw vacancyNotFound();
    if (vacancy.status === 'OPEN') throw vacancyStillOpen();
    throw tooManyHires(Math.max(0, vacancy.quota - vacancy.filled));
  }

  /**
   * Inside a hire: counts it against the vacancy — only while OPEN, never beyond its quota (conditional
   * updates) — and fills the vacancy when the last position is taken, taking it out of search. Answers the
   * vacancy's status after the hire; VACANCY_NOT_OPEN / VACANCY_FILLED otherwise. Closing the applications
   * of a vacancy that filled is the hire's next step. On MySQL the vacancy's row stays locked from here to
   * the commit: hires of one vacancy queue here, so the hire takes it as late as it can and asks nothing
   * more of it.
   */
  async countHire(m: EntityManager, actor: AuthUser | null, id: string): Promise<'OPEN' | 'FILLED'> {
    const now = sqlInstant(this.clock.now());
    if ((await execute(m, COUNT_OPEN, [now, id])) === 1) {
      await this.search.vacancyCounted(m, id);
      return 'OPEN';
    }
    if ((await execute(m, COUNT_AND_FILL, [now, now, id])) !== 1) {
      const [vacancy] = await select<Pick<Vacancy, 'status' | 'filled' | 'quota'>>(
        m,
        'SELECT status, filled, quota FROM vacancies WHERE id = ?',
        [id],
      );
      if (!vacancy) throw vacancyNotFound();
      if (vacancy.status === 'FILLED' || vacancy.filled >= vacancy.quota) throw vacancyFull();
      throw vacancyNotOpen();
    }
    await this.audit.record(m, {
      actor,
      entityType: 'vacancy',
      entityId: id,
      action: 'vacancy.filled',
      before: { status: 'OPEN' },
      after: { status: 'FILLED' },
    });
    await this.search.vacancyChanged(m, id);
    return 'FILLED';
  }

  /**
   * A placement of this vacancy was voided: one position is free again (`filled` − 1). A FILLED vacancy whose
   * closing date is today or ahead reopens (OPEN, back in search, audited); one past its date, or a CLOSED
   * one, keeps its status (its free position counts as left unfilled). Two conditional updates, as a hire's
   * count: the first reopens, the second only counts down. Answers the vacancy's status after the change.
   */
  async uncountHire(m: EntityManager, actor: AuthUser, id: string): Promise<VacancyStatus> {
    const now = sqlInstant(this.clock.now());
    const reopened = await execute(
      m,
      `UPDATE vacancies SET filled = filled - 1, status = 'OPEN', closed_at = NULL, closed_reason = NULL, updated_at = ?
        WHERE id = ? AND status = 'FILLED' AND closes_at >= ? AND filled > 0`,
      [now, id, this.clock.today()],
    );
    if (reopened === 1) {
      await this.audit.record(m, {
        actor,
        entityType: 'vacancy',
        entityId: id,
        action: 'vacancy.reopened',
        before: { status: 'FILLED' },
        after: { status: 'OPEN', because: 'PLACEMENT_VOIDED' },
      });
      await this.search.vacancyChanged(m, id);
      return 'OPEN';
    }
    await execute(m, 'UPDATE vacancies SET filled = filled - 1, updated_at = ? WHERE id = ? AND filled > 0', [now, id]);
    const [vacancy] = await select<Pick<Vacancy, 'status'>>(m, 'SELECT status FROM vacancies WHERE id = ?', [id]);
    if (!vacancy) throw vacancyNotFound();
    if (vacancy.status === 'OPEN') await this.search.vacancyCounted(m, id);
    return vacancy.status;
  }

  /** Public when OPEN and its employer VERIFIED; its own employer and officers see it in any state. */
  async get(actor: AuthUser | null, id: string): Promise<VacancyView> {
    // What everyone may see (an OPEN vacancy of a VERIFIED employer) is read as the search reads it: one
    // narrow statement for its row's revision, and the view kept for that revision (DatabaseVacancySearch).
    if (actor?.role !== 'officer') {
      const [view] = await this.searchable.load([id], { searchableOnly: true });
      if (view && !(actor?.role === 'employer' && actor.employerId === view.employer.id)) return view;
      if (!view && actor?.role !== 'employer') throw vacancyNotFound();
    }
    const v = await this.ds.getRepository(Vacancy).findOne({ where: { id } });
    if (!v) throw vacancyNotFound();
    const employer = await this.ds.getRepository(Employer).findOneOrFail({ where: { id: v.employerId } });
    // An officer outside the vacancy's office (and those above it) is told it does not exist, like another tenant.
    if (actor?.role === 'officer' && !(await this.scope.canRead(actor, v.officeId))) throw vacancyNotFound();
    const privileged = actor?.role === 'officer' || (actor?.role === 'employer' && actor.employerId === v.employerId);
    if (!privileged && !(v.status === 'OPEN' && employer.status === 'VERIFIED')) throw vacancyNotFound();
    if (!privileged) return toVacancyView(v, employer);
    // Its employer and officers also see how many job seekers the office referred to it.
    const referrals = await this.referrals.countByVacancy(this.ds.manager, [id]);
    return { ...toVacancyView(v, employer), referrals: referrals.get(id) ?? 0 };
  }

  /** The caller's company's vacancies, newest first. */
  async listMine(actor: AuthUser, q: EmployerVacancyQuery): Promise<Page<VacancyView>> {
    if (!actor.employerId) throw forbidden();
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.ds.getRepository(Vacancy).findAndCount({
      where: { employerId: actor.employerId, ...(q.status ? { status: q.status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    const employer = await this.ds.getRepository(Employer).findOneOrFail({ where: { id: actor.employerId } });
    const referrals = await this.referrals.countByVacancy(
      this.ds.manager,
      rows.map((v) => v.id),
    );
    return {
      items: rows.map((v) => ({ ...toVacancyView(v, employer), referrals: referrals.get(v.id) ?? 0 })),
      page,
      pageSize,
      total,
    };
  }

  /** Moves a vacancy in one of `from` to CLOSED (conditional), closing its undecided applications. */
  private async closeIf(
    m: EntityManager,
    actor: AuthUser | null,
    id: string,
    from: VacancyStatus[],
    reason: ClosedReason,
    note: string | null,
    closesBefore?: string,
  ): Promise<boolean> {
    const now = this.clock.now();
    const qb = m
      .createQueryBuilder()
      .update(Vacancy)
      .set({ status: 'CLOSED', closedAt: now, closedReason: reason, closeNote: note, updatedAt: now })
      .where({ id, status: In(from) });
    if (closesBefore) qb.andWhere('closes_at < :closesBefore', { closesBefore });
    const res = await qb.execute();
    if (affectedRows(res) !== 1) return false;
    // The unfilled rest leaves the stock: the day after the closing date when it closes by date, today by hand.
    const closedVacancy = await m.findOneOrFail(Vacancy, { where: { id } });
    const on = reason === 'EXPIRED' ? addDays(sqlDate(closedVacancy.closesAt), 1) : this.clock.today();
    await this.statistics.vacancyLeft(m, 'REMOVED', id, closedVacancy.quota - closedVacancy.filled, on);
    await this.applications.closeUndecided(m, { vacancyId: id }, 'VACANCY_CLOSED', actor);
    await this.search.vacancyChanged(m, id);
    await this.askForOutcome(m, closedVacancy);
    return true;
  }

  /**
   * A published vacancy that closed with positions unfilled (by hand or by date) asks its employer's
   * staff who they hired and why the rest stayed open (VACANCY_OUTCOME, once per vacancy). A vacancy that
   * filled never closes here; a draft was never offered to anyone.
   */
  private async askForOutcome(m: EntityManager, v: Vacancy): Promise<void> {
    if (!v.publishedAt || v.filled >= v.quota) return;
    await this.notifier.notifyStaff(m, [v.employerId], {
      kind: 'VACANCY_OUTCOME',
      subject: `vacancy:${v.id}:outcome`,
      params: { vacancyId: v.id, vacancyTitle: v.title, positions: v.quota, filled: v.filled },
    });
  }

  /** Field-level refusals the DTO cannot express: ranges, and a closing date after today. */
  private checkReport(r: ReportFields, opts: { closesAtGiven: boolean }): void {
    const issues: FieldIssue[] = [];
    if (r.salaryMin !== null && r.salaryMax !== null && r.salaryMin > r.salaryMax) {
      issues.push({ field: 'salaryMin', messages: ['salaryMin must not be greater than salaryMax'] });
    }
    if (r.ageMin !== null && r.ageMax !== null && r.ageMin > r.ageMax) {
      issues.push({ field: 'ageMin', messages: ['ageMin must not be greater than ageMax'] });
    }
    if (opts.closesAtGiven && String(r.closesAt) <= this.clock.today()) {
      issues.push({
        field: 'closesAt',
        messages: [`closesAt must be a date after today (${this.clock.today()}, Asia/Jakarta)`],
      });
    }
    if (issues.length > 0) throw validationFailed(issues);
  }

  /** A vacancy of the caller's own company; another company's (or none) answers 404. */
  private async ownVacancy(m: EntityManager, actor: AuthUser, id: string): Promise<Vacancy> {
    const v = await m.findOne(Vacancy, { where: { id } });
    if (!v || actor.role !== 'employer' || actor.employerId !== v.employerId) throw vacancyNotFound();
    return v;
  }

  private async anyVacancy(m: EntityManager, id: string): Promise<Vacancy> {
    const v = await m.findOne(Vacancy, { where: { id } });
    if (!v) throw vacancyNotFound();
    return v;
  }

  private async view(m: EntityManager, id: string): Promise<VacancyView> {
    const v = await m.findOneOrFail(Vacancy, { where: { id } });
    const employer = await m.findOneOrFail(Employer, { where: { id: v.employerId } });
    return toVacancyView(v, employer);
  }
}
