import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { AuditService } from '../audit/audit.service.js';
import {
  CardValidationService,
  type CheckedCard,
  type NumberCheck,
} from '../card-validation/card-validation.service.js';
import { Card } from '../cards/card.entity.js';
import { effectiveStatus, isCardActive } from '../cards/card-lifecycle.js';
import { CardsService, type PlacedCard } from '../cards/cards.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addDays, isCalendarDate } from '../common/dates.js';
import { DomainError, forbidden, notFound, validationFailed, type FieldIssue } from '../common/domain-error.js';
import { Employer } from '../employers/employer.entity.js';
import { select } from '../database/statements.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { MessageKind } from '../notifications/notification-kinds.js';
import { Notifier, type NotifyInput } from '../notifications/notifier.js';
import { seekerAlreadyPlaced } from '../seekers/seekers.errors.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { LabourStatistics, type Leaving } from '../statistics/labour-statistics.service.js';
import { UsersService } from '../users/users.service.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';
import { UNKNOWN_CODE } from '../common/reference/classification.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ReferenceCodes } from '../reference/reference-codes.service.js';
import type { DirectPlacementDto, HireDto, SelfReportDto } from './dto/placement.dto.js';
import type { PlacementSource, PlacementType, PlacementView } from './placement.entity.js';
import { ak1NotActive, cardNotFound, startDateOutOfRange } from './placements.errors.js';
import { PlacementsService } from './placements.service.js';

const PLACEMENT_FACTS = `SELECT (SELECT kecamatan_code FROM vacancies WHERE id = ?) AS workLocation,
  (SELECT kind FROM employers WHERE id = ?) AS employerKind`;

/** What a hire needs, whichever door it came through. */
export interface Hire {
  actor: AuthUser;
  seekerId: string;
  employerId: string | null;
  employerName: string;
  vacancyId: string | null;
  /** The vacancy's title, for the seeker's message when the hire is from an application. */
  vacancyTitle?: string | null;
  /** The application hired from, as read when the hire began (its state is checked once the seeker is held). */
  application: Pick<Application, 'id' | 'status' | 'closedReason'> | null;
  startDate: string;
  position: string | null;
  source: PlacementSource;
  /**
   * A hire the employer reports after the vacancy closed (the vacancy's outcome): it takes one of the
   * positions the vacancy left unfilled instead of an open one, and adds no vacancy flow to the statistics
   * (those positions already left the stock as removed when it closed; the seeker's placement counts).
   */
  afterClose?: boolean;
  /**
   * The card the hire was checked against (a direct placement by card number + NIK): if it is no longer
   * ACTIVE when the hire reaches it — withdrawn, revoked or placed by a racing change — the hire is refused.
   */
  checkedCardId?: string;
  /** The type the request gave (asked when the work location is not known); see `placementFacts`. */
  placementType?: PlacementType;
  /** A self-report's employer kind; other hires take the registered employer's. */
  employerKind?: string;
  /**
   * What the door already read: the vacancy's work location (null: none given) and the registered
   * employer's kind. Left out, the hire reads them (one statement).
   */
  known?: { workLocation: string | null; employerKind: string | null };
}

/** A hire by card number and NIK: a direct placement, or one hire of a closed vacancy's outcome. */
export interface CardHire {
  cardNumber: string;
  nik: string;
  startDate: string;
  /** Defaults to the vacancy's title when the hire fills a vacancy. */
  position?: string;
  /** A direct placement may name one of the employer's vacancies (an outcome's hires are of its vacancy). */
  vacancyId?: string;
  placementType?: PlacementType;
}

/**
 * Recording a hire, the event the program exists for. Three doors lead here — a hire from an
 * application, a direct placement by card number and NIK, a seeker's self-report — and all of them go
 * through `record`, which is the rule as one block:
 *
 *   the seeker is no longer an active job seeker; their active card becomes PLACED; every other
 *   undecided application of theirs closes (SEEKER_PLACED); the vacancy, if any, counts the hire and
 *   fills at its quota, closing its undecided applications (VACANCY_FILLED) and leaving search.
 *
 * All in the caller's one transaction. Rows are touched in one order — seeker, card, vacancy,
 * applications — so concurrent hires queue on the seeker (placed at most once) and on the vacancy (never
 * beyond its quota) instead of deadlocking; each owner's guard is a conditional update whose row count
 * decides. The rows other hires wait for are taken as late as possible: the vacancy after everything
 * that concerns only this seeker (their messages included), the statistics' monthly roll-up last of all.
 */
@Injectable()
export class HireService {
  constructor(
    private readonly seekers: SeekersService,
    private readonly vacancies: VacanciesService,
    private readonly applications: ApplicationsService,
    private readonly cards: CardsService,
    private readonly placements: PlacementsService,
    private readonly statistics: LabourStatistics,
    private readonly audit: AuditService,
    private readonly validations: CardValidationService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly users: UsersService,
    private readonly referenceCodes: ReferenceCodes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The hire, top to bottom, inside the caller's transaction. */
  async record(m: EntityManager, hire: Hire): Promise<PlacementView> {
    this.checkStartDate(hire.startDate);
    const { actor, seekerId, vacancyId, application } = hire;
    const today = this.clock.today();
    const facts = await this.placementFacts(m, hire);

    // Every audit event of the hire is written by one INSERT at the end of this block.
    const { placement, flows } = await this.audit.batch(m, async () => {
      // 1. The seeker stops being an active job seeker — once, whatever else races.
      await this.seekers.markPlaced(m, seekerId);
      // 2. The application that led to the hire must still be undecided (it becomes HIRED in step 8).
      if (application) this.applications.checkHirable(application);
      // 3. The seeker's active card closes as placed ("Diterima di … / TMT …").
      const card = await this.cards.closeAsPlaced(m, actor, seekerId, hire);
      if (hire.checkedCardId && card?.id !== hire.checkedCardId) throw ak1NotActive('no longer ACTIVE');
      // 4. The placement itself (one per application: a unique key).
      const placement = await this.placements.insert(m, {
        ...hire,
        ...facts,
        cardId: card?.id ?? null,
        cardNumber: card?.cardNumberDisplay ?? null,
      });
      // 5. Statistics: the seeker leaves the register as placed; one position of the vacancy is filled (the
      //    events now, their monthly roll-up at the very end).
      const flows = await this.statistics.recordLeaving(
        m,
        hireFlows(card, hire.afterClose ? null : vacancyId, placement),
        today,
      );
      // 6. Whether the seeker has other undecided applications to close (asked now: a "no" stays true).
      const othersOpen = await this.applications.hasOtherUndecided(m, seekerId, application?.id ?? null);
      // 6b. The seeker is told: the card closed as placed, the application hired (in this transaction, so a
      //     hire refused later tells nobody). Their other applications closing is not told again.
      await this.tellSeeker(m, hire, card);
      // 7. The vacancy counts the hire; at its quota it fills. From here hires of this vacancy queue
      //    behind this one, so only what must follow the count comes after it.
      let vacancyStatus: 'OPEN' | 'FILLED' | null = null;
      if (vacancyId && hire.afterClose) await this.vacancies.countLateHire(m, vacancyId);
      else if (vacancyId) vacancyStatus = await this.vacancies.countHire(m, actor, vacancyId);
      // 8. The application that led to the hire is HIRED.
      if (application) await this.applications.markHired(m, actor, application.id);
      // 9. Every other undecided application of the seeker closes; those of a vacancy that filled too.
      if (othersOpen) await this.applications.closeUndecided(m, { seekerId }, 'SEEKER_PLACED', actor);
      if (vacancyId && vacancyStatus === 'FILLED')
        await this.applications.closeUndecided(m, { vacancyId }, 'VACANCY_FILLED', actor);
      // 10. Audit.
      await this.audit.record(m, {
        actor,
        entityType: 'placement',
        entityId: placement.id,
        action: 'placement.recorded',
        after: { seekerId, employerId: hire.employerId, vacancyId, source: hire.source, startDate: hire.startDate },
      });
      return { placement, flows };
    });
    // 11. The statistics' monthly roll-up, last: every hire of the month adds to the same few rows.
    await this.statistics.rollUp(m, flows);
    return placement;
  }

  /**
   * What IPK III/8 counts a placement by. Its type comes from the vacancy's work location when it has
   * one — a kecamatan in the office's province is AKL, in another AKAD — and a type the request gives
   * that says otherwise is refused; without a known location the request's type counts, or AKL. The
   * employer's kind is the registered employer's, or for a self-report the kind given, or '-'.
   */
  private async placementFacts(
    m: EntityManager,
    hire: Hire,
  ): Promise<{ placementType: PlacementType; employerKind: string }> {
    const issues: FieldIssue[] = [];
    const known = hire.known ?? (await this.readPlacementFacts(m, hire));
    let placementType = hire.placementType ?? 'AKL';
    const location = known.workLocation;
    if (location && /^\d{2}/.test(location)) {
      const derived: PlacementType = location.slice(0, 2) === this.config.regionCode.slice(0, 2) ? 'AKL' : 'AKAD';
      if (hire.placementType && hire.placementType !== derived)
        issues.push({
          field: 'placementType',
          messages: [`the vacancy's work location (${location}) makes this placement ${derived}`],
        });
      placementType = derived;
    }
    let employerKind = known.employerKind ?? UNKNOWN_CODE;
    if (hire.employerKind) {
      if (await this.referenceCodes.isActive('employer-kinds', hire.employerKind)) employerKind = hire.employerKind;
      else issues.push({ field: 'employerKind', messages: ['employerKind must be an active employer kind'] });
    }
    if (issues.length > 0) throw validationFailed(issues);
    return { placementType, employerKind };
  }

  /** The vacancy's work location and the employer's kind, in one statement (each null when not named). */
  private async readPlacementFacts(
    m: EntityManager,
    hire: Hire,
  ): Promise<{ workLocation: string | null; employerKind: string | null }> {
    if (!hire.vacancyId && !hire.employerId) return { workLocation: null, employerKind: null };
    const [row] = await select<{ workLocation: string | null; employerKind: string | null }>(m, PLACEMENT_FACTS, [
      hire.vacancyId,
      hire.employerId,
    ]);
    return { workLocation: row?.workLocation ?? null, employerKind: row?.employerKind ?? null };
  }

  /** `POST /applications/:id/hire`: the employer hires one of its applicants. */
  async fromApplication(
    actor: AuthUser,
    applicationId: string,
    dto: HireDto,
    idempotencyKey: string | undefined,
  ): Promise<PlacementView> {
    const route = `POST /applications/${applicationId}/hire`;
    return this.idempotency.execute({ user: actor, key: idempotencyKey, route, body: dto }, async (m) => {
      const application = await this.applications.hirable(m, actor, applicationId);
      return this.record(m, {
        actor,
        seekerId: application.seekerId,
        employerId: application.employerId,
        employerName: application.employerName,
        vacancyId: application.vacancyId,
        vacancyTitle: application.vacancyTitle,
        application,
        startDate: dto.startDate,
        position: dto.position?.trim() ?? application.vacancyTitle,
        source: 'EMPLOYER',
        placementType: dto.placementType,
        known: { workLocation: application.vacancyLocation, employerKind: application.employerKind },
      });
    });
  }

  /**
   * `POST /placements`: the hire of an AK1 holder who did not apply through the platform. The card
   * number + NIK is checked exactly like a card validation — the same limits before any lookup, and
   * recorded as one (channel PLACEMENT, with the result a validation would give) — or this route would
   * answer NIK guesses without limit.
   */
  async direct(actor: AuthUser, dto: DirectPlacementDto, idempotencyKey: string | undefined): Promise<PlacementView> {
    return this.byCards(actor, [dto], {
      route: 'POST /placements',
      body: dto,
      idempotencyKey,
      vacancy: null,
      then: (_m, [placement]) => Promise.resolve(placement),
    });
  }

  /**
   * Direct placements by card number and NIK, each through the door of `POST /placements` (its limits and
   * validation records, its lookup and checks, then `record`), all in one transaction: a refused hire
   * refuses them all. `scope.vacancy`, when given, runs first in the transaction and names the closed
   * vacancy the hires are the outcome of (counted against the positions it left unfilled); `scope.then`
   * runs last, in the same transaction, and makes the reply (the one an idempotent replay answers). With several hires, a refusal names the hire's index (`hires.<i>`).
   */
  async byCards<T>(
    actor: AuthUser,
    hires: readonly CardHire[],
    scope: {
      route: string;
      body: unknown;
      idempotencyKey: string | undefined;
      vacancy: ((m: EntityManager) => Promise<Vacancy>) | null;
      then: (m: EntityManager, placements: PlacementView[]) => Promise<T>;
    },
  ): Promise<T> {
    const many = scope.vacancy !== null;
    const checks: NumberCheck[] = [];
    // Card lookups that ran, by hire: the card found, or null (not found). Set inside the transaction.
    const looked: (CheckedCard | null | undefined)[] = [];
    try {
      for (const [i, h] of hires.entries())
        checks.push(await indexed(many, i, () => this.validations.admitNumberCheck(actor, h.cardNumber)));
      return await this.idempotency.execute(
        { user: actor, key: scope.idempotencyKey, route: scope.route, body: scope.body },
        async (m) => {
          const outcomeOf = scope.vacancy ? await scope.vacancy(m) : null;
          const placements: PlacementView[] = [];
          for (const [i, h] of hires.entries()) {
            const placement = await indexed(many, i, () =>
              this.byCard(m, actor, checks[i], h, outcomeOf, (card) => (looked[i] = card)),
            );
            placements.push(placement);
          }
          return scope.then(m, placements);
        },
      );
    } finally {
      // Recorded whatever the hire's outcome (a refused hire still checked the card), after its transaction.
      for (const [i, check] of checks.entries()) {
        const card = looked[i];
        if (card !== undefined) await this.validations.settleNumberCheck(actor, check, 'PLACEMENT', card);
        else await this.validations.dropNumberCheck(check);
      }
    }
  }

  /** One direct placement inside the caller's transaction; `seen` learns what the card lookup found. */
  private async byCard(
    m: EntityManager,
    actor: AuthUser,
    check: NumberCheck,
    dto: CardHire,
    outcomeOf: Vacancy | null,
    seen: (card: CheckedCard | null) => void,
  ): Promise<PlacementView> {
    const employerId = check.employerId;
    const row = await m.findOne(Card, { where: { cardNumber: check.key }, relations: { seeker: true } });
    const holder = row?.seeker;
    const card = holder && this.validations.isFoundBy(row.status, holder.nikHash, dto.nik.trim()) ? row : null;
    seen(card && { ...card, fullName: holder!.fullName });
    if (!card) throw cardNotFound();
    const today = this.clock.today();
    if (card.status === 'PLACED' || holder!.placedAt) throw seekerAlreadyPlaced();
    if (!isCardActive(card, today)) throw ak1NotActive(effectiveStatus(card, today));
    const employer = await m.findOneByOrFail(Employer, { id: employerId });
    let application: Application | null = null;
    let vacancy: Vacancy | null = outcomeOf;
    if (!vacancy && dto.vacancyId) {
      vacancy = await this.vacancies.ofEmployer(m, dto.vacancyId, employerId);
      if (!vacancy) throw notFound('The vacancy');
    }
    if (vacancy) application = await this.applications.undecidedOf(m, vacancy.id, card.seekerId);
    return this.record(m, {
      actor,
      seekerId: card.seekerId,
      employerId,
      employerName: employer.legalName,
      vacancyId: vacancy?.id ?? null,
      vacancyTitle: vacancy?.title ?? null,
      application,
      startDate: dto.startDate,
      position: dto.position?.trim() || vacancy?.title || null,
      source: 'EMPLOYER',
      afterClose: outcomeOf !== null,
      checkedCardId: card.id,
      placementType: dto.placementType,
      known: { workLocation: vacancy?.kecamatanCode ?? null, employerKind: employer.kind },
    });
  }

  /** `POST /seekers/me/placement`: the seeker reports their own hire. */
  async selfReport(actor: AuthUser, dto: SelfReportDto, idempotencyKey: string | undefined): Promise<PlacementView> {
    if (!actor.seekerId) throw forbidden();
    const seekerId = actor.seekerId;
    return this.idempotency.execute(
      { user: actor, key: idempotencyKey, route: 'POST /seekers/me/placement', body: dto },
      async (m) => {
        if (dto.employerId && !(await m.exists(Employer, { where: { id: dto.employerId } }))) {
          throw validationFailed([
            { field: 'employerId', messages: ['employerId does not name a registered employer'] },
          ]);
        }
        return this.record(m, {
          actor,
          seekerId,
          employerId: dto.employerId ?? null,
          employerName: dto.employerName.trim(),
          vacancyId: null,
          application: null,
          startDate: dto.startDate,
          position: dto.position?.trim() ?? null,
          source: 'SELF_REPORT',
          placementType: dto.placementType,
          employerKind: dto.employerKind,
        });
      },
    );
  }

  /**
   * The hired seeker's messages: CARD_PLACED when a card closed, APPLICATION_HIRED when the hire came from
   * an application; one lookup of their login, then both told at once (one read, one insert). A seeker without a login (a walk-in)
   * has no inbox and is told nothing.
   */
  private async tellSeeker(m: EntityManager, hire: Hire, card: PlacedCard | null): Promise<void> {
    if (!card && !hire.application) return;
    const userIds = await this.users.seekerLogins(m, [hire.seekerId]);
    if (userIds.length === 0) return;
    const { employerName, startDate } = hire;
    const messages: NotifyInput<MessageKind>[] = [];
    if (card)
      messages.push({
        kind: 'CARD_PLACED',
        userIds,
        subject: `card:${card.id}`,
        params: { cardNumber: card.cardNumberDisplay ?? '', employerName, startDate },
      } satisfies NotifyInput<'CARD_PLACED'>);
    if (hire.application)
      messages.push({
        kind: 'APPLICATION_HIRED',
        userIds,
        subject: `application:${hire.application.id}`,
        params: { vacancyTitle: hire.vacancyTitle ?? hire.position ?? '', employerName, startDate },
      } satisfies NotifyInput<'APPLICATION_HIRED'>);
    await this.notifier.notifyEach(m, messages);
  }

  /** A start date must be a real day, not absurdly far from today (late recording is fine). */
  private checkStartDate(date: string): void {
    if (!isCalendarDate(date))
      throw validationFailed([{ field: 'startDate', messages: ['startDate is not a real calendar date'] }]);
    const today = this.clock.today();
    if (date < addDays(today, -366) || date > addDays(today, 180)) throw startDateOutOfRange();
  }
}

/** The statistics' flows of a hire: the card holder placed, one position of the vacancy filled. */
function hireFlows(card: PlacedCard | null, vacancyId: string | null, placement: PlacementView): Leaving[] {
  const flows: Leaving[] = [];
  if (card)
    flows.push({
      subject: 'SEEKER',
      kind: 'PLACED',
      cardId: card.id,
      birthDate: card.holderBirthDate,
      placement: {
        id: placement.id,
        employerId: placement.employerId,
        vacancyId: placement.vacancyId,
        placementType: placement.placementType,
        employerKind: placement.employerKind,
      },
    });
  if (vacancyId) flows.push({ subject: 'VACANCY', kind: 'FILLED', vacancyId, positions: 1, placementId: placement.id });
  return flows;
}

/**
 * Runs one hire's step; with several hires, a refusal names the hire: `hires.<i>` (and its field, when the
 * refusal names one), so a client and the console can put the error on the right row.
 */
async function indexed<T>(many: boolean, i: number, step: () => Promise<T>): Promise<T> {
  if (!many) return step();
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const issues = (err.details ?? []) as Partial<FieldIssue>[];
    const details: FieldIssue[] = issues.some((d) => typeof d.field === 'string')
      ? issues.map((d) => ({ field: `hires.${i}.${d.field}`, messages: d.messages ?? [err.message] }))
      : [{ field: `hires.${i}`, messages: [err.message] }];
    throw new DomainError(err.status, err.code, `Hire ${i + 1}: ${err.message}`, details, err.headers);
  }
}
