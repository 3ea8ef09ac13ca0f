import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { UsersService } from '../users/users.service.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { effectiveStatus, isCardActive, isCardReportOverdue, type CardState } from '../cards/card-lifecycle.js';
import type { CardStatus } from '../cards/card.entity.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden, invalidTransition, notFound } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { rawBoolean, rawInstant, sqlDate, sqlInstant } from '../common/sql.js';
import { execute, select } from '../database/statements.js';
import { affectedRows, Transactions, uniqueViolation } from '../database/transactions.js';
import { Employer } from '../employers/employer.entity.js';
import { Notifier } from '../notifications/notifier.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';
import { seekerList } from '../seekers/seeker.entity.js';
import { vacancyFull, vacancyNotOpen } from '../vacancies/vacancies.errors.js';
import { seekerAlreadyPlaced } from '../seekers/seekers.errors.js';
import { Application, UNDECIDED, type ApplicationStatus, type ClosedReason } from './application.entity.js';
import { isUndecided } from './application-lifecycle.js';
import { newApplicationConsentRow, newApplicationRow } from './application-rows.js';
import { ak1Required, duplicateApplication, seekerPlacedCannotApply } from './applications.errors.js';
import type { ApplicationListQuery, ApplyDto } from './dto/application.dto.js';
import type { MyApplicationReply } from './dto/application.reply.js';
import type { PipelineItemReply } from './dto/application.reply.js';

/** An application a hire is recorded from, with the names the hire writes. */
export interface HirableApplication extends Pick<
  Application,
  'id' | 'seekerId' | 'vacancyId' | 'employerId' | 'status' | 'closedReason'
> {
  employerName: string;
  vacancyTitle: string;
  /** The vacancy's work location and the employer's kind: what the placement's IPK type and kind come from. */
  vacancyLocation: string | null;
  employerKind: string;
}

const UNDECIDED_SQL = UNDECIDED.map((s) => `'${s}'`).join(', ');
const MARK_HIRED = `UPDATE applications SET status = 'HIRED', closed_reason = NULL, decided_at = ?, decided_by = ?,
  updated_at = ? WHERE id = ? AND status IN (${UNDECIDED_SQL})`;

const HIRABLE_SQL = `SELECT a.id AS id, a.seeker_id AS seekerId, a.vacancy_id AS vacancyId, a.employer_id AS employerId,
  a.status AS status, a.closed_reason AS closedReason, e.legal_name AS employerName, v.title AS vacancyTitle,
  v.kecamatan_code AS vacancyLocation, e.kind AS employerKind
  FROM applications a INNER JOIN employers e ON e.id = a.employer_id INNER JOIN vacancies v ON v.id = a.vacancy_id
  WHERE a.id = ?`;

/** What a seeker sees of their application. */
export type MyApplicationView = MyApplicationReply;

/** What the employer sees: the applicant's summary and the card as it is now. */
export type PipelineItemView = PipelineItemReply;

/**
 * The owner of the application: the only writer of `applications` and the keeper of its states
 * (application-lifecycle.ts). A hire marks one HIRED through `markHired`; a hire, a vacancy that fills
 * and a vacancy that closes all close the undecided ones through `closeUndecided`.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly users: UsersService,
    private readonly scope: OfficeScope,
    private readonly officeSettings: OfficeSettings,
  ) {}

  /**
   * A seeker applies: the vacancy must be open; a vacancy that requires the AK1 needs an ACTIVE,
   * unexpired card; a placed seeker cannot apply; and one application per vacancy (a unique key, so a
   * double click is a 409, not two rows). The applicant's answer to "may the employer contact you?" is
   * stored with it (no unless said) and logged as the first entry of its consent history.
   */
  async apply(actor: AuthUser, vacancyId: string, dto: ApplyDto): Promise<MyApplicationView> {
    const seekerId = this.seekerOf(actor);
    return this.tx.run(async (m) => {
      await this.users.requireVerifiedEmail(m, actor);
      // One written-out statement for all the checks (a busy route on a job-fair day): the vacancy with its
      // employer, whether the applicant was placed, and the expiry of their ACTIVE card if they hold one.
      const [row] = await select<ApplyFacts>(m, APPLY_FACTS, [seekerId, seekerId, vacancyId]);
      // A draft, or a vacancy of an employer not (or no longer) verified, is not public: it does not exist here.
      if (!row || row.status === 'DRAFT' || row.employerStatus !== 'VERIFIED') throw notFound('The vacancy');
      const today = this.clock.today();
      if (row.status !== 'OPEN' || sqlDate(row.closesAt) < today) throw vacancyNotOpen();

      if (Number(row.seekerFound) !== 1) throw notFound('The job seeker');
      if (row.placedAt !== null && row.placedAt !== undefined) throw seekerPlacedCannotApply();
      const card =
        row.cardId === null || row.cardId === undefined
          ? null
          : { status: 'ACTIVE' as const, expiresAt: sqlDate(row.cardExpiresAt ?? null) };
      if (Number(row.requiresAk1) === 1 && !(card && isCardActive(card, today))) throw ak1Required();

      const now = this.clock.now();
      const app = newApplicationRow({
        id: randomUUID(),
        vacancyId,
        seekerId,
        employerId: row.employerId,
        status: 'SUBMITTED',
        coverLetter: dto.coverLetter?.trim() || null,
        shareContact: dto.shareContact ?? false,
        appliedAt: now,
      });
      try {
        await execute(
          m,
          `INSERT INTO applications (id, vacancy_id, seeker_id, employer_id, status, closed_reason, cover_letter,
             share_contact, applied_at, decided_at, decided_by, updated_at)
           VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, ?)`,
          [
            app.id,
            vacancyId,
            seekerId,
            app.employerId,
            app.status,
            app.coverLetter,
            app.shareContact ? 1 : 0,
            sqlInstant(now),
            sqlInstant(now),
          ],
        );
      } catch (err) {
        if (uniqueViolation(err) === 'UQ_applications_vacancy_id_seeker_id') throw duplicateApplication();
        throw err;
      }
      await this.logConsent(m, actor, app, now);
      await this.audit.record(m, {
        actor,
        entityType: 'application',
        entityId: app.id,
        action: 'application.submitted',
        after: { status: 'SUBMITTED', vacancyId, shareContact: app.shareContact },
      });
      // The employer's staff hear of new applicants once a day per vacancy, not once per applicant: the
      // day's first application writes the message, the rest of the day's find it already there.
      await this.notifier.notifyStaff(m, [row.employerId], {
        kind: 'APPLICATION_RECEIVED',
        subject: `vacancy:${vacancyId}:${today}`,
        params: { vacancyId, vacancyTitle: row.title },
      });
      return toMyView(
        app,
        { id: vacancyId, title: row.title, status: row.status },
        { id: row.employerId, legalName: row.legalName },
      );
    });
  }

  async withdraw(actor: AuthUser, id: string): Promise<MyApplicationView> {
    const seekerId = this.seekerOf(actor);
    return this.tx.run(async (m) => {
      const app = await m.findOne(Application, { where: { id, seekerId } });
      if (!app) throw notFound('The application');
      await this.move(m, actor, app, 'WITHDRAWN', 'application.withdrawn');
      return this.myView(m, id);
    });
  }

  /**
   * The applicant gives or withdraws consent to show their phone and email to the vacancy's employer,
   * at any time and in any state of the application. A change is logged (who, when, the new value) and
   * audited; choosing what is already chosen changes and logs nothing.
   */
  async changeConsent(actor: AuthUser, id: string, shareContact: boolean): Promise<MyApplicationView> {
    const seekerId = this.seekerOf(actor);
    return this.tx.run(async (m) => {
      const app = await m.findOne(Application, { where: { id, seekerId } });
      if (!app) throw notFound('The application');
      const now = this.clock.now();
      // Conditional, so two changes at once log what each actually changed.
      const res = await m.update(
        Application,
        { id, seekerId, shareContact: !shareContact },
        { shareContact, updatedAt: now },
      );
      if (affectedRows(res) === 1) {
        await this.logConsent(m, actor, { ...app, shareContact }, now);
        await this.audit.record(m, {
          actor,
          entityType: 'application',
          entityId: id,
          action: 'application.consent_changed',
          before: { shareContact: !shareContact },
          after: { shareContact },
        });
      }
      return this.myView(m, id);
    });
  }

  /**
   * The employer shortlists or rejects an undecided application of one of its vacancies, and the applicant
   * is told. What the decision needs and what it answers (the applicant, their card, the names the message
   * gives) is read in one written-out statement before the conditional update.
   */
  async decide(actor: AuthUser, id: string, status: 'SHORTLISTED' | 'REJECTED'): Promise<PipelineItemView> {
    return this.tx.run(async (m) => {
      const [row] = await select<DecisionRow>(m, DECISION_SQL, [id]);
      if (!row || row.employerId !== actor.employerId) throw notFound('The application');
      const from: ApplicationStatus[] = status === 'SHORTLISTED' ? ['SUBMITTED'] : UNDECIDED;
      await this.move(
        m,
        actor,
        row,
        status,
        status === 'SHORTLISTED' ? 'application.shortlisted' : 'application.rejected',
        from,
      );
      if (row.applicantUserId)
        await this.notifier.notify(m, {
          kind: status === 'SHORTLISTED' ? 'APPLICATION_SHORTLISTED' : 'APPLICATION_REJECTED',
          userIds: [row.applicantUserId],
          subject: `application:${id}`,
          params: { vacancyTitle: row.vacancyTitle, employerName: row.employerName },
        });
      // An undecided application has no closed reason, and the update above changed only its state.
      const [item] = await this.pipelineItems([{ ...row, status }]);
      return item;
    });
  }

  /**
   * The application of one of the caller's company's vacancies that a hire is recorded from, with the
   * employer's name and the vacancy's title the hire writes: one query.
   */
  async hirable(m: EntityManager, actor: AuthUser, id: string): Promise<HirableApplication> {
    const [app] = await select<HirableApplication>(m, HIRABLE_SQL, [id]);
    if (!app || app.employerId !== actor.employerId) throw notFound('The application');
    return app;
  }

  /**
   * Inside a hire, once the seeker is held: refuses an application that is no longer undecided, with the
   * reason it closed (as read at the start of the hire; `markHired` decides under races).
   */
  checkHirable(app: Pick<Application, 'status' | 'closedReason'>): void {
    if (!isUndecided(app)) throw whyNotHirable(app);
  }

  /** Inside a hire: the application becomes HIRED, only from an undecided state. */
  async markHired(m: EntityManager, actor: AuthUser, id: string): Promise<void> {
    const now = sqlInstant(this.clock.now());
    if ((await execute(m, MARK_HIRED, [now, actor.id, now, id])) !== 1)
      throw whyNotHirable(await m.findOneOrFail(Application, { where: { id } }));
    await this.audit.record(m, {
      actor,
      entityType: 'application',
      entityId: id,
      action: 'application.hired',
      after: { status: 'HIRED' },
    });
  }

  /**
   * The hire from this application was voided: HIRED becomes SHORTLISTED again (the employer had chosen the
   * applicant; the decision is theirs to make again). Only from HIRED; anything else is left as it is.
   */
  async unhire(m: EntityManager, actor: AuthUser, id: string): Promise<boolean> {
    const now = sqlInstant(this.clock.now());
    const changed = await execute(
      m,
      `UPDATE applications SET status = 'SHORTLISTED', closed_reason = NULL, decided_at = ?, decided_by = ?, updated_at = ?
        WHERE id = ? AND status = 'HIRED'`,
      [now, actor.id, now, id],
    );
    if (changed !== 1) return false;
    await this.audit.record(m, {
      actor,
      entityType: 'application',
      entityId: id,
      action: 'application.hire-voided',
      before: { status: 'HIRED' },
      after: { status: 'SHORTLISTED' },
    });
    return true;
  }

  /**
   * Closes the undecided applications of a seeker who was placed, or of a vacancy that filled or closed,
   * one audit event each (the ids are read first so the trail names every application that changed).
   * Written-out SQL: a hire runs this, and the query builder cost more CPU than the statements.
   */
  async closeUndecided(
    m: EntityManager,
    where: { seekerId: string } | { vacancyId: string },
    reason: ClosedReason,
    actor: AuthUser | null,
  ): Promise<number> {
    const [column, value] = 'seekerId' in where ? ['seeker_id', where.seekerId] : ['vacancy_id', where.vacancyId];
    const open = await select<Pick<Application, 'id' | 'status' | 'seekerId'>>(
      m,
      `SELECT id, status, seeker_id AS seekerId FROM applications WHERE ${column} = ? AND status IN (${UNDECIDED_SQL})`,
      [value],
    );
    if (open.length === 0) return 0;
    const now = sqlInstant(this.clock.now());
    const closed = await execute(
      m,
      `UPDATE applications SET status = 'CLOSED', closed_reason = ?, updated_at = ?
        WHERE id IN (${open.map(() => '?').join(', ')}) AND status IN (${UNDECIDED_SQL})`,
      [reason, now, ...open.map((a) => a.id)],
    );
    await this.audit.recordAll(
      m,
      open.map((a) => ({
        actor,
        entityType: 'application',
        entityId: a.id,
        action: 'application.closed',
        before: { status: a.status },
        after: { status: 'CLOSED', closedReason: reason },
      })),
    );
    if ('vacancyId' in where) await this.tellClosed(m, where.vacancyId, open);
    return closed;
  }

  /**
   * The applicants whose application a vacancy's end closed (filled, closed by hand or by date) are told,
   * all in one message write: the subject is the vacancy, and a seeker has one application per vacancy.
   * A hire that closes the hired seeker's other applications tells nobody: they know why.
   */
  private async tellClosed(
    m: EntityManager,
    vacancyId: string,
    closed: Pick<Application, 'seekerId'>[],
  ): Promise<void> {
    const userIds = await this.users.seekerLogins(
      m,
      closed.map((a) => a.seekerId),
    );
    if (userIds.length === 0) return;
    await this.notifier.notify(m, {
      kind: 'APPLICATION_CLOSED',
      userIds,
      subject: `vacancy:${vacancyId}`,
      params: { ...(await this.vacancyNames(m, vacancyId)), because: 'VACANCY_CLOSED' },
    });
  }

  /** The vacancy's title and its employer's name, as the applicant's messages name them. */
  private async vacancyNames(
    m: EntityManager,
    vacancyId: string,
  ): Promise<{ vacancyTitle: string; employerName: string }> {
    const [row] = await select<{ vacancyTitle: string; employerName: string }>(
      m,
      `SELECT v.title AS vacancyTitle, e.legal_name AS employerName
        FROM vacancies v INNER JOIN employers e ON e.id = v.employer_id WHERE v.id = ?`,
      [vacancyId],
    );
    return row;
  }

  /**
   * Inside a hire, once the seeker is held: whether the seeker has an undecided application other than
   * the one hired from. Nothing can change that answer from "no" to "yes" before the hire commits — a new
   * application locks its seeker's row for the foreign key, so it waits for the hire, and no application
   * returns to undecided — so when the answer is no, the hire has nothing to close after taking the
   * vacancy and need not look again while every other hire of that vacancy waits for it.
   */
  async hasOtherUndecided(m: EntityManager, seekerId: string, except: string | null): Promise<boolean> {
    const rows = await select(
      m,
      `SELECT id FROM applications WHERE seeker_id = ? AND status IN (${UNDECIDED_SQL}) AND id <> ? LIMIT 1`,
      [seekerId, except ?? ''],
    );
    return rows.length > 0;
  }

  /** The seeker's undecided application to this vacancy, if any (a direct placement names the vacancy). */
  async undecidedOf(m: EntityManager, vacancyId: string, seekerId: string): Promise<Application | null> {
    return m.findOne(Application, { where: { vacancyId, seekerId, status: In(UNDECIDED) } });
  }

  /**
   * The seeker's applications, newest first, with each vacancy's title and state and its employer's name:
   * one written-out statement that also counts them all (a busy route on a job-fair day).
   */
  async listMine(actor: AuthUser, q: ApplicationListQuery): Promise<Page<MyApplicationView>> {
    const seekerId = this.seekerOf(actor);
    const { rows, ...page } = await this.pageOfApplications<MyApplicationRow>(
      { column: 'seeker_id', id: seekerId },
      q,
      'DESC',
      MY_APPLICATION_COLUMNS,
      MY_APPLICATION_JOINS,
    );
    return { items: rows.map(myViewOf), ...page };
  }

  /**
   * `GET /vacancies/:id/applications`: its employer's staff and officers. Two written-out statements: the
   * vacancy (who may see it), then the page of applications with their applicants and cards and the count.
   */
  async listForVacancy(actor: AuthUser, vacancyId: string, q: ApplicationListQuery): Promise<Page<PipelineItemView>> {
    const [vacancy] = await select<{ employerId: string; officeId: string | null }>(
      this.ds.manager,
      'SELECT employer_id AS employerId, office_id AS officeId FROM vacancies WHERE id = ?',
      [vacancyId],
    );
    if (!vacancy || (actor.role === 'employer' && vacancy.employerId !== actor.employerId))
      throw notFound('The vacancy');
    if (actor.role !== 'employer' && actor.role !== 'officer') throw forbidden();
    await this.scope.requireReadable(actor, vacancy.officeId, 'The vacancy');
    const { rows, ...page } = await this.pageOfApplications<PipelineRow>(
      { column: 'vacancy_id', id: vacancyId },
      q,
      'ASC',
      PIPELINE_COLUMNS,
      PIPELINE_JOINS,
    );
    return { items: await this.pipelineItems(rows), ...page };
  }

  /**
   * A page of the applications of one seeker or one vacancy (of one status if asked), by application time,
   * with `columns` from `joins` (`a`: the application): one statement that also counts them all. The page is
   * chosen and counted on the ids alone, so no long text goes through the engine's temporary table. A page
   * past the last has no row to carry the count: only then is it counted apart.
   */
  private async pageOfApplications<R>(
    of: { column: 'seeker_id' | 'vacancy_id'; id: string },
    q: ApplicationListQuery,
    order: 'ASC' | 'DESC',
    columns: string,
    joins: string,
  ): Promise<{ rows: R[]; page: number; pageSize: number; total: number }> {
    const { page, pageSize, skip } = pageWindow(q);
    const where = `${of.column} = ?${q.status ? ' AND status = ?' : ''}`;
    const params = q.status ? [of.id, q.status] : [of.id];
    const rows = await select<R & { total: number | string }>(
      this.ds.manager,
      `SELECT ${columns}, p.total AS total
         FROM (SELECT id, applied_at, COUNT(*) OVER () AS total FROM applications
                WHERE ${where} ORDER BY applied_at ${order}, id ASC LIMIT ? OFFSET ?) p
         JOIN applications a ON a.id = p.id ${joins}
        ORDER BY p.applied_at ${order}, p.id ASC`,
      [...params, pageSize, skip],
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && skip > 0) {
      const [counted] = await select<{ n: number | string }>(
        this.ds.manager,
        `SELECT COUNT(*) AS n FROM applications WHERE ${where}`,
        params,
      );
      total = Number(counted.n);
    }
    return { rows, page, pageSize, total };
  }

  /** Pipeline rows as the employer sees them: the card's state as of today, by its issuing office's rule. */
  private async pipelineItems(rows: PipelineRow[]): Promise<PipelineItemView[]> {
    if (rows.length === 0) return [];
    const today = this.clock.today();
    const rules = await this.officeSettings.overdueRules();
    return rows.map((r) => {
      const shareContact = rawBoolean(r.shareContact);
      const card: CardState | null =
        r.cardStatus === null || r.cardStatus === undefined
          ? null
          : {
              status: r.cardStatus,
              expiresAt: sqlDate(r.cardExpiresAt),
              nextReportDue: sqlDate(r.cardNextReportDue),
              officeId: r.cardOfficeId,
            };
      const item: PipelineItemView = {
        id: r.id,
        status: r.status,
        appliedAt: rawInstant(r.appliedAt)!.toISOString(),
        coverLetter: r.coverLetter,
        shareContact,
        applicant: {
          seekerId: r.seekerId,
          fullName: r.fullName,
          educationLevel: r.educationLevel,
          skills: seekerList<string>(r.skills),
          ...(shareContact ? { phone: r.phone, email: r.email } : {}),
        },
        card: card
          ? {
              cardNumber: r.cardNumber,
              status: effectiveStatus(card, today),
              reportOverdue: isCardReportOverdue(card, today, rules),
            }
          : null,
      };
      if (r.closedReason) item.closedReason = r.closedReason;
      return item;
    });
  }

  /** Appends the application's current consent choice to its history. */
  private async logConsent(
    m: EntityManager,
    actor: AuthUser,
    app: Pick<Application, 'id' | 'seekerId' | 'shareContact'>,
    at: Date,
  ): Promise<void> {
    const c = newApplicationConsentRow({
      id: randomUUID(),
      applicationId: app.id,
      seekerId: app.seekerId,
      shareContact: app.shareContact,
      recordedBy: actor.id,
      recordedAt: at,
    });
    await execute(
      m,
      'INSERT INTO application_consents (id, application_id, seeker_id, share_contact, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
      [c.id, c.applicationId, c.seekerId, c.shareContact ? 1 : 0, c.recordedBy, sqlInstant(c.recordedAt)],
    );
  }

  /** Conditional move out of an undecided state; refused with INVALID_STATE_TRANSITION otherwise. */
  private async move(
    m: EntityManager,
    actor: AuthUser,
    app: Pick<Application, 'id' | 'status'>,
    to: ApplicationStatus,
    action: string,
    from: ApplicationStatus[] = UNDECIDED,
  ): Promise<void> {
    const now = sqlInstant(this.clock.now());
    const changed = await execute(
      m,
      `UPDATE applications SET status = ?, decided_at = ?, decided_by = ?, updated_at = ?
        WHERE id = ? AND status IN (${from.map(() => '?').join(', ')})`,
      [to, now, actor.id, now, app.id, ...from],
    );
    if (changed !== 1) throw invalidTransition(`An application that is ${app.status} cannot become ${to}.`);
    await this.audit.record(m, {
      actor,
      entityType: 'application',
      entityId: app.id,
      action,
      before: { status: app.status },
      after: { status: to },
    });
  }

  private async myView(m: EntityManager, id: string): Promise<MyApplicationView> {
    const app = await m.findOneOrFail(Application, { where: { id } });
    const vacancy = await m.findOneOrFail(Vacancy, { where: { id: app.vacancyId } });
    const employer = await m.findOneOrFail(Employer, { where: { id: vacancy.employerId } });
    return toMyView(app, vacancy, employer);
  }

  private seekerOf(actor: AuthUser): string {
    if (!actor.seekerId) throw forbidden();
    return actor.seekerId;
  }
}

/** The contract's answer for an application that is no longer undecided. */
function whyNotHirable(app: Pick<Application, 'status' | 'closedReason'>): Error {
  if (app.closedReason === 'VACANCY_FILLED') return vacancyFull();
  if (app.closedReason === 'VACANCY_CLOSED') return vacancyNotOpen();
  if (app.closedReason === 'SEEKER_PLACED') return seekerAlreadyPlaced();
  if (app.closedReason === 'SEEKER_WITHDRAWN')
    return invalidTransition('The applicant withdrew their AK1 card: they are no longer looking for work.');
  return invalidTransition(`An application that is ${app.status} cannot be hired.`);
}

function toMyView(
  a: Application,
  v: Pick<Vacancy, 'id' | 'title' | 'status'>,
  e: Pick<Employer, 'id' | 'legalName'>,
): MyApplicationView {
  const view: MyApplicationView = {
    id: a.id,
    status: a.status,
    appliedAt: a.appliedAt.toISOString(),
    shareContact: a.shareContact,
    vacancy: { id: v.id, title: v.title, status: v.status, employer: { id: e.id, legalName: e.legalName } },
  };
  if (a.closedReason) view.closedReason = a.closedReason;
  return view;
}

/** What applying checks, read in one statement (APPLY_FACTS). */
interface ApplyFacts {
  employerId: string;
  status: Vacancy['status'];
  title: string;
  closesAt: string | Date;
  requiresAk1: number | boolean;
  legalName: string;
  employerStatus: string;
  /** 1 when the applicant's seeker record exists. */
  seekerFound: number | string | null;
  placedAt: unknown;
  /** The applicant's ACTIVE card, if any (null: none), and its expiry. */
  cardId: string | null;
  cardExpiresAt: string | Date | null;
}

/** The vacancy and its employer; the applicant's placement and ACTIVE card (params: seeker, seeker, vacancy). */
const APPLY_FACTS = `SELECT v.employer_id AS employerId, v.status AS status, v.title AS title, v.closes_at AS closesAt,
       v.requires_ak1 AS requiresAk1, e.legal_name AS legalName, e.status AS employerStatus,
       s.id IS NOT NULL AS seekerFound, s.placed_at AS placedAt, c.expires_at AS cardExpiresAt, c.id AS cardId
  FROM vacancies v
  JOIN employers e ON e.id = v.employer_id
  LEFT JOIN seekers s ON s.id = ?
  LEFT JOIN cards c ON c.seeker_id = ? AND c.status = 'ACTIVE'
 WHERE v.id = ?`;

/** A page of the seeker's own applications (MY_APPLICATION_COLUMNS). */
interface MyApplicationRow {
  id: string;
  status: ApplicationStatus;
  closedReason: ClosedReason | null;
  appliedAt: string | Date;
  shareContact: number | boolean;
  vacancyId: string;
  vacancyTitle: string;
  vacancyStatus: Vacancy['status'];
  employerId: string;
  legalName: string;
}

/** What a seeker sees of each application: its vacancy and that vacancy's employer (`a`: the applications). */
const MY_APPLICATION_COLUMNS = `a.id AS id, a.status AS status, a.closed_reason AS closedReason, a.applied_at AS appliedAt,
  a.share_contact AS shareContact, v.id AS vacancyId, v.title AS vacancyTitle, v.status AS vacancyStatus,
  e.id AS employerId, e.legal_name AS legalName`;
const MY_APPLICATION_JOINS = `JOIN vacancies v ON v.id = a.vacancy_id JOIN employers e ON e.id = v.employer_id`;

function myViewOf(r: MyApplicationRow): MyApplicationView {
  const view: MyApplicationView = {
    id: r.id,
    status: r.status,
    appliedAt: rawInstant(r.appliedAt)!.toISOString(),
    shareContact: rawBoolean(r.shareContact),
    vacancy: {
      id: r.vacancyId,
      title: r.vacancyTitle,
      status: r.vacancyStatus,
      employer: { id: r.employerId, legalName: r.legalName },
    },
  };
  if (r.closedReason) view.closedReason = r.closedReason;
  return view;
}

/** An application as its employer sees it (PIPELINE_COLUMNS). */
interface PipelineRow {
  id: string;
  status: ApplicationStatus;
  appliedAt: string | Date;
  coverLetter: string | null;
  shareContact: number | boolean;
  closedReason: ClosedReason | null;
  seekerId: string;
  fullName: string;
  educationLevel: string;
  skills: string | null;
  /** Only when the applicant consented to share contact details; null otherwise (or when they gave none). */
  phone: string | null;
  email: string | null;
  cardNumber: string | null;
  cardStatus: CardStatus | null;
  cardExpiresAt: string | Date | null;
  cardNextReportDue: string | Date | null;
  cardOfficeId: string | null;
}

/**
 * An application with its applicant (their phone and login email only when they consented to share them)
 * and the applicant's latest issued card — the most recently requested one that was given a number — as it
 * is now (`a`: the applications).
 */
const PIPELINE_COLUMNS = `a.id AS id, a.status AS status, a.applied_at AS appliedAt, a.cover_letter AS coverLetter,
  a.share_contact AS shareContact, a.closed_reason AS closedReason, s.id AS seekerId, s.full_name AS fullName,
  s.education_level AS educationLevel, s.skills AS skills,
  CASE WHEN a.share_contact = 1 THEN s.phone END AS phone, CASE WHEN a.share_contact = 1 THEN u.email END AS email,
  c.card_number_display AS cardNumber, c.status AS cardStatus, c.expires_at AS cardExpiresAt,
  c.next_report_due AS cardNextReportDue, c.office_id AS cardOfficeId`;
const PIPELINE_JOINS = `JOIN seekers s ON s.id = a.seeker_id
  LEFT JOIN users u ON u.seeker_id = a.seeker_id AND u.role = 'seeker'
  LEFT JOIN cards c ON c.id = (SELECT c2.id FROM cards c2 WHERE c2.seeker_id = a.seeker_id AND c2.card_number IS NOT NULL
                                ORDER BY c2.created_at DESC, c2.id DESC LIMIT 1)`;

/** What a decision needs: the pipeline row, the owner, the names the applicant's message gives, their login. */
interface DecisionRow extends PipelineRow {
  employerId: string;
  vacancyTitle: string;
  employerName: string;
  applicantUserId: string | null;
}

const DECISION_SQL = `SELECT ${PIPELINE_COLUMNS}, a.employer_id AS employerId, v.title AS vacancyTitle,
       e.legal_name AS employerName, u.id AS applicantUserId
  FROM applications a ${PIPELINE_JOINS}
  JOIN vacancies v ON v.id = a.vacancy_id JOIN employers e ON e.id = v.employer_id
 WHERE a.id = ?`;
