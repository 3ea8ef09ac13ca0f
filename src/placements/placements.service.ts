import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { Application, UNDECIDED, type ClosedReason } from '../applications/application.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { readCardNumber } from '../cards/card-number.js';
import { Card } from '../cards/card.entity.js';
import { invalidCardNumber } from '../cards/cards.errors.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addDays, isCalendarDate, startOfJakartaDay } from '../common/dates.js';
import { forbidden, invalidTransition, notFound, validationFailed } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { PersonalData } from '../common/personal-data.js';
import { affectedRows, uniqueViolation } from '../database/transactions.js';
import { Employer } from '../employers/employer.entity.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { LabourStatistics } from '../statistics/labour-statistics.service.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import { vacancyFull, vacancyNotOpen } from '../vacancies/vacancies.errors.js';
import type { DirectPlacementDto, PlacementListQuery, SelfReportDto } from './dto/placement.dto.js';
import { Placement, toPlacementView, type PlacementSource, type PlacementView } from './placement.entity.js';
import { cardNotActive, cardNotFound, seekerAlreadyPlaced, startDateOutOfRange } from './placements.errors.js';

/** The contract's answer for an application that is no longer undecided. */
function whyNotHirable(app: Application): Error {
  if (app.closedReason === 'VACANCY_FILLED') return vacancyFull();
  if (app.closedReason === 'VACANCY_CLOSED') return vacancyNotOpen();
  if (app.closedReason === 'SEEKER_PLACED') return seekerAlreadyPlaced();
  return invalidTransition(`An application that is ${app.status} cannot be hired.`);
}

/** What a hire needs, whichever way it is recorded. */
export interface HireFacts {
  actor: AuthUser;
  seekerId: string;
  employerId: string | null;
  employerName: string;
  vacancyId: string | null;
  applicationId: string | null;
  startDate: string;
  position: string | null;
  source: PlacementSource;
}

/**
 * Recording a hire, the event the program exists for. Three doors lead here (a hire from an
 * application, a direct placement by card number, a seeker's self-report); all go through `record`,
 * so the effects are the same:
 *
 *   the seeker is no longer an active job seeker; their active card becomes PLACED; every other
 *   undecided application of theirs closes (SEEKER_PLACED); the vacancy, if any, counts the hire and
 *   fills at its quota, closing its undecided applications (VACANCY_FILLED) and leaving search.
 *
 * All of it in one transaction. Rows are touched in one order — seeker, vacancy, application, card —
 * so concurrent hires queue on the seeker (placed at most once) and on the vacancy (never beyond quota)
 * instead of deadlocking; every guard is a conditional update whose affected-row count decides.
 */
@Injectable()
export class PlacementsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly vacancies: VacanciesService,
    private readonly personal: PersonalData,
    private readonly audit: AuditService,
    private readonly statistics: LabourStatistics,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // A vacancy that closes or fills takes its undecided applications with it.
    this.vacancies.onEnd(async (m, vacancyId, reason) => {
      await this.closeUndecided(m, { vacancyId }, reason, null);
    });
  }

  async record(m: EntityManager, f: HireFacts): Promise<PlacementView> {
    this.checkStartDate(f.startDate);
    const now = this.clock.now();

    // 1. The seeker stops being an active job seeker — once, whatever else races.
    const placed = await m.update(Seeker, { id: f.seekerId, placedAt: IsNull() }, { placedAt: now, updatedAt: now });
    if (affectedRows(placed) !== 1) {
      if (!(await m.exists(Seeker, { where: { id: f.seekerId } }))) throw notFound('The job seeker');
      throw seekerAlreadyPlaced();
    }

    // 2. Take the vacancy's row first, so hires on one vacancy queue here before touching applications.
    if (f.vacancyId) await m.update(Vacancy, { id: f.vacancyId }, { updatedAt: now });

    // 3. The application that led to the hire.
    if (f.applicationId) {
      const hired = await m.update(
        Application,
        { id: f.applicationId, status: In(UNDECIDED) },
        { status: 'HIRED', closedReason: null, decidedAt: now, decidedBy: f.actor.id, updatedAt: now },
      );
      if (affectedRows(hired) !== 1) throw whyNotHirable(await m.findOneOrFail(Application, { where: { id: f.applicationId } }));
      await this.audit.record(m, { actor: f.actor, entityType: 'application', entityId: f.applicationId, action: 'application.hired', after: { status: 'HIRED' } });
    }

    // 4. The active card is closed as placed ("Diterima di … / TMT …").
    const card = await m.findOne(Card, { where: { seekerId: f.seekerId, status: 'ACTIVE' } });
    if (card) {
      const closed = await m.update(
        Card,
        { id: card.id, status: 'ACTIVE' },
        {
          status: 'PLACED',
          activeNikHash: null,
          closedAt: now,
          placementEmployerId: f.employerId,
          placementEmployerName: f.employerName,
          placementStartDate: f.startDate,
          placementSource: f.source,
          updatedAt: now,
        },
      );
      if (affectedRows(closed) === 1) {
        await this.statistics.seekerLeft(m, 'PLACED', card.id, await m.findOneByOrFail(Seeker, { id: f.seekerId }), this.clock.today());
        await this.audit.record(m, { actor: f.actor, entityType: 'card', entityId: card.id, action: 'card.placed', before: { status: 'ACTIVE' }, after: { status: 'PLACED', source: f.source, employerId: f.employerId } });
      }
    }

    // 5. The placement itself; a second hire of one application is refused by its unique key.
    const placement: Placement = {
      id: randomUUID(),
      seekerId: f.seekerId,
      employerId: f.employerId,
      employerName: f.employerName,
      vacancyId: f.vacancyId,
      applicationId: f.applicationId,
      cardId: card?.id ?? null,
      cardNumber: card?.cardNumberDisplay ?? null,
      startDate: f.startDate,
      position: f.position,
      source: f.source,
      recordedBy: f.actor.id,
      recordedAt: now,
    };
    try {
      await m.insert(Placement, placement);
    } catch (err) {
      if (uniqueViolation(err) === 'UQ_placements_application_id') throw invalidTransition('This application has already been hired.');
      throw err;
    }
    await this.audit.record(m, {
      actor: f.actor,
      entityType: 'placement',
      entityId: placement.id,
      action: 'placement.recorded',
      after: { seekerId: f.seekerId, employerId: f.employerId, vacancyId: f.vacancyId, source: f.source, startDate: f.startDate },
    });

    // 6. Every other undecided application of the seeker closes.
    await this.closeUndecided(m, { seekerId: f.seekerId }, 'SEEKER_PLACED', f.actor);

    // 7. The vacancy counts the hire; at quota it fills, closes the rest and leaves search.
    if (f.vacancyId) await this.vacancies.recordHire(m, f.actor, f.vacancyId);

    return toPlacementView(placement);
  }

  /** `POST /placements`: the hire of an AK1 holder who did not apply through the platform. */
  async direct(actor: AuthUser, dto: DirectPlacementDto, idempotencyKey: string | undefined): Promise<PlacementView> {
    const number = readCardNumber(dto.cardNumber);
    if (number.kind === 'bad-check-digit' || number.kind === 'malformed') throw invalidCardNumber();
    const employerId = actor.employerId!;
    return this.idempotency.execute({ user: actor, key: idempotencyKey, route: 'POST /placements', body: dto }, async (m) => {
      const card = await m.findOne(Card, { where: { cardNumber: number.key }, relations: { seeker: true } });
      if (!card || !card.seeker || card.seeker.nikHash !== this.personal.lookupHash(dto.nik.trim())) throw cardNotFound();
      if (card.status === 'PENDING' || card.status === 'REJECTED') throw cardNotFound();
      if (card.status === 'PLACED' || card.seeker.placedAt) throw seekerAlreadyPlaced();
      if (card.status !== 'ACTIVE' || (card.expiresAt !== null && card.expiresAt < this.clock.today())) throw cardNotActive(card.status === 'ACTIVE' ? 'EXPIRED' : card.status);
      const employer = await m.findOneOrFail(Employer, { where: { id: employerId } });
      let applicationId: string | null = null;
      if (dto.vacancyId) {
        const vacancy = await m.findOne(Vacancy, { where: { id: dto.vacancyId, employerId } });
        if (!vacancy) throw notFound('The vacancy');
        const app = await m.findOne(Application, { where: { vacancyId: vacancy.id, seekerId: card.seekerId, status: In(UNDECIDED) } });
        applicationId = app?.id ?? null;
      }
      return this.record(m, {
        actor,
        seekerId: card.seekerId,
        employerId,
        employerName: employer.legalName,
        vacancyId: dto.vacancyId ?? null,
        applicationId,
        startDate: dto.startDate,
        position: dto.position.trim(),
        source: 'EMPLOYER',
      });
    });
  }

  /** `POST /seekers/me/placement`: the seeker reports their own hire. */
  async selfReport(actor: AuthUser, dto: SelfReportDto, idempotencyKey: string | undefined): Promise<PlacementView> {
    if (!actor.seekerId) throw forbidden();
    const seekerId = actor.seekerId;
    return this.idempotency.execute({ user: actor, key: idempotencyKey, route: 'POST /seekers/me/placement', body: dto }, async (m) => {
      if (dto.employerId && !(await m.exists(Employer, { where: { id: dto.employerId } }))) {
        throw validationFailed([{ field: 'employerId', messages: ['employerId does not name a registered employer'] }]);
      }
      return this.record(m, {
        actor,
        seekerId,
        employerId: dto.employerId ?? null,
        employerName: dto.employerName.trim(),
        vacancyId: null,
        applicationId: null,
        startDate: dto.startDate,
        position: dto.position?.trim() ?? null,
        source: 'SELF_REPORT',
      });
    });
  }

  /** Officers see every placement; employer staff those recorded for their company. */
  async list(actor: AuthUser, q: PlacementListQuery): Promise<Page<PlacementView>> {
    for (const f of ['from', 'to'] as const) {
      if (q[f] !== undefined && !isCalendarDate(q[f])) throw validationFailed([{ field: f, messages: [`${f} is not a real calendar date`] }]);
    }
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.ds.getRepository(Placement).createQueryBuilder('p');
    if (actor.role === 'employer') {
      if (q.employerId && q.employerId !== actor.employerId) throw forbidden();
      qb.andWhere('p.employer_id = :emp', { emp: actor.employerId });
    } else if (q.employerId) {
      qb.andWhere('p.employer_id = :emp', { emp: q.employerId });
    }
    if (q.source) qb.andWhere('p.source = :source', { source: q.source });
    if (q.from) qb.andWhere('p.recorded_at >= :from', { from: startOfJakartaDay(q.from) });
    if (q.to) qb.andWhere('p.recorded_at < :to', { to: startOfJakartaDay(addDays(q.to, 1)) });
    qb.orderBy('p.recorded_at', 'DESC').addOrderBy('p.id', 'ASC').skip(skip).take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toPlacementView), page, pageSize, total };
  }

  /**
   * Closes undecided applications (of a seeker who was placed, or of a vacancy that ended), one audit
   * event each. The ids are read first so the trail names every application that changed.
   */
  async closeUndecided(m: EntityManager, where: { seekerId: string } | { vacancyId: string }, reason: ClosedReason, actor: AuthUser | null): Promise<number> {
    const open = await m.find(Application, { select: { id: true, status: true }, where: { ...where, status: In(UNDECIDED) } });
    if (open.length === 0) return 0;
    const now = this.clock.now();
    const res = await m.update(Application, { id: In(open.map((a) => a.id)), status: In(UNDECIDED) }, { status: 'CLOSED', closedReason: reason, updatedAt: now });
    for (const a of open) {
      await this.audit.record(m, { actor, entityType: 'application', entityId: a.id, action: 'application.closed', before: { status: a.status }, after: { status: 'CLOSED', closedReason: reason } });
    }
    return affectedRows(res);
  }

  /** A start date must be a real day, not absurdly far from today (late recording is fine). */
  private checkStartDate(date: string): void {
    if (!isCalendarDate(date)) throw validationFailed([{ field: 'startDate', messages: ['startDate is not a real calendar date'] }]);
    const today = this.clock.today();
    if (date < addDays(today, -366) || date > addDays(today, 180)) throw startDateOutOfRange();
  }
}
