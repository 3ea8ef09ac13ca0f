import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import type { EntityManager } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service.js';
import { AuditService } from '../audit/audit.service.js';
import { supersededCard } from '../cards/cards.errors.js';
import { CardsService } from '../cards/cards.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound } from '../common/domain-error.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import { Notifier, type NotifyInput } from '../notifications/notifier.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { LabourStatistics } from '../statistics/labour-statistics.service.js';
import { UsersService } from '../users/users.service.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import { Placement, toPlacementView, type PlacementView } from './placement.entity.js';
import { alreadyVoid, EMPLOYER_VOID_DAYS, voidWindowPassed } from './placements.errors.js';
import { PlacementsService } from './placements.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Voiding a placement recorded by mistake (`POST /placements/:id/void`): everything the hire did is undone,
 * in one transaction, in the hire's order of rows after the placement itself:
 *
 *   the placement becomes VOID (one conditional update on its status: of two voids racing, one wins and the
 *   other is told ALREADY_VOID); the seeker is an active job seeker again; the card the hire closed is ACTIVE
 *   again (EXPIRED when past its date) with the hire's fields cleared; the vacancy counts one hire less and a
 *   FILLED one whose closing date is not past reopens; the application is SHORTLISTED again; the seeker and
 *   the employer's staff are told (PLACEMENT_VOIDED); the statistics count the reversal, last.
 *
 * Who: an officer, or staff of the employer that recorded it within EMPLOYER_VOID_DAYS of recording.
 */
@Injectable()
export class VoidService {
  constructor(
    private readonly placements: PlacementsService,
    private readonly seekers: SeekersService,
    private readonly cards: CardsService,
    private readonly vacancies: VacanciesService,
    private readonly applications: ApplicationsService,
    private readonly statistics: LabourStatistics,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly notifier: Notifier,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly scope: OfficeScope,
  ) {}

  async void(actor: AuthUser, id: string, reason: string, idempotencyKey: string | undefined): Promise<PlacementView> {
    const route = `POST /placements/${id}/void`;
    return this.idempotency.execute({ user: actor, key: idempotencyKey, route, body: { reason } }, (m) =>
      this.voidIn(m, actor, id, reason.trim()),
    );
  }

  /** Whether this caller may void this placement now (the console shows its button only then). */
  mayVoid(actor: AuthUser, p: Pick<PlacementView, 'status' | 'employerId' | 'source' | 'recordedAt'>): boolean {
    if (p.status !== 'RECORDED') return false;
    if (actor.role === 'officer') return true;
    return (
      actor.role === 'employer' &&
      p.employerId === actor.employerId &&
      p.source === 'EMPLOYER' &&
      this.clock.now().getTime() - new Date(p.recordedAt).getTime() <= EMPLOYER_VOID_DAYS * DAY_MS
    );
  }

  private async voidIn(m: EntityManager, actor: AuthUser, id: string, reason: string): Promise<PlacementView> {
    const found = await m.findOne(Placement, { where: { id } });
    // Another company's placement (or a self-report naming none) is not theirs to see.
    if (!found || (actor.role === 'employer' && found.employerId !== actor.employerId)) throw notFound('The placement');
    if (actor.role !== 'officer' && actor.role !== 'employer') throw forbidden();
    // Officers: the office of the placed job seeker corrects it (an office above reads it: 403).
    if (actor.role === 'officer') {
      const seeker = await this.seekers.findInTx(m, found.seekerId);
      await this.scope.requireActable(actor, seeker?.officeId ?? null, 'The placement');
    }
    if (found.status === 'VOID') throw alreadyVoid();
    if (actor.role === 'employer') {
      // A seeker's self-report naming the company was not recorded by it: the office corrects it.
      if (found.source !== 'EMPLOYER')
        throw forbidden('Only the employment office can void a self-reported placement.');
      if (this.clock.now().getTime() - found.recordedAt.getTime() > EMPLOYER_VOID_DAYS * DAY_MS)
        throw voidWindowPassed();
    }
    // A later hire of the same seeker stands: undoing this one would unplace them.
    if (await this.placements.hasLaterPlacement(m, found)) throw supersededCard();

    const { placement, cardStatus, vacancyStatus } = await this.audit.batch(m, async () => {
      // 1. The placement itself: the conditional update that decides between racing voids.
      const placement = await this.placements.markVoid(m, id, actor, reason);
      // 2. The seeker is an active job seeker again.
      await this.seekers.unmarkPlaced(m, actor, placement.seekerId);
      // 3. The card the hire closed returns: ACTIVE, or EXPIRED when past its date.
      const cardStatus = placement.cardId ? await this.cards.reopenAfterVoid(m, actor, placement.cardId) : null;
      // 4. The vacancy counts one hire less; a FILLED one not past its closing date reopens.
      const vacancyStatus = placement.vacancyId
        ? await this.vacancies.uncountHire(m, actor, placement.vacancyId)
        : null;
      // 5. The application that led to the hire is SHORTLISTED again.
      if (placement.applicationId) await this.applications.unhire(m, actor, placement.applicationId);
      // 6. Audit: the reason, and what became of the card and the vacancy.
      await this.audit.record(m, {
        actor,
        entityType: 'placement',
        entityId: id,
        action: 'placement.voided',
        before: { status: 'RECORDED' },
        after: { status: 'VOID', reason, cardStatus, vacancyStatus },
      });
      await this.tell(m, placement);
      return { placement, cardStatus, vacancyStatus };
    });
    // 7. Statistics last (the monthly roll-up rows are shared by every hire of the month).
    await this.statistics.placementVoided(
      m,
      {
        placementId: id,
        cardId: placement.cardId,
        vacancyId: placement.vacancyId,
        seekerBackInRegister: cardStatus === 'ACTIVE',
        vacancyPositionBackOpen: vacancyStatus === 'OPEN',
      },
      this.clock.today(),
    );
    return toPlacementView(placement);
  }

  /** The seeker (if they have a login) and the recording employer's staff are told, once per placement. */
  private async tell(m: EntityManager, p: Placement): Promise<void> {
    const params = { employerName: p.employerName, startDate: p.startDate, position: p.position ?? '' };
    const seekerIds = await this.users.seekerLogins(m, [p.seekerId]);
    const staff = p.employerId && p.source === 'EMPLOYER' ? await this.notifier.staffOf(m, [p.employerId]) : [];
    // The same message in two wordings, told at once (one read of the recipients, one insert).
    await this.notifier.notifyEach(m, [
      {
        kind: 'PLACEMENT_VOIDED',
        userIds: seekerIds,
        subject: `placement:${p.id}:void`,
        params: { ...params, audience: 'SEEKER' },
      } satisfies NotifyInput<'PLACEMENT_VOIDED'>,
      {
        kind: 'PLACEMENT_VOIDED',
        userIds: staff,
        subject: `placement:${p.id}:void`,
        params: { ...params, audience: 'EMPLOYER' },
      } satisfies NotifyInput<'PLACEMENT_VOIDED'>,
    ]);
  }
}
