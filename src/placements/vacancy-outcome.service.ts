import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import { tooManyHires } from '../vacancies/vacancies.errors.js';
import type { VacancyOutcome } from '../vacancies/vacancy-outcome.entity.js';
import { VacancyOutcomes } from '../vacancies/vacancy-outcomes.js';
import type { Vacancy } from '../vacancies/vacancy.entity.js';
import type { RecordOutcomeDto } from './dto/vacancy-outcome.dto.js';
import type { VacancyOutcomeReply } from './dto/vacancy-outcome.reply.js';
import { HireService } from './hire.service.js';
import type { PlacementView } from './placement.entity.js';
import { PlacementsService } from './placements.service.js';

export const unfilledReasonRequired = (unfilled: number) =>
  new DomainError(422, 'UNFILLED_REASON_REQUIRED', `${unfilled} position(s) stay unfilled: say why (unfilledReason).`, [
    { field: 'unfilledReason', messages: ['unfilledReason is required while positions stay unfilled'] },
  ]);

/**
 * A closed vacancy's outcome (issue 17, "closing the loop"): its employer says who it hired — each hire a
 * direct placement of that vacancy, through HireService's door for `POST /placements` with every rule of
 * it — and why the positions still unfilled stayed open (`vacancy_outcomes`, whose owner is
 * VacancyOutcomes). One transaction for the whole statement:
 *
 *   the vacancy is the caller's and CLOSED (its row taken first, so statements about one vacancy queue);
 *   the hires are at most the positions it left unfilled; a reason is required while positions stay
 *   unfilled (a later statement may add hires until it is filled, and change the reason); each hire is
 *   checked and recorded as a direct placement would be; the outcome row is written, and audited.
 */
@Injectable()
export class VacancyOutcomeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hires: HireService,
    private readonly vacancies: VacanciesService,
    private readonly outcomes: VacancyOutcomes,
    private readonly placements: PlacementsService,
    private readonly audit: AuditService,
  ) {}

  async record(
    actor: AuthUser,
    vacancyId: string,
    dto: RecordOutcomeDto,
    idempotencyKey: string | undefined,
  ): Promise<VacancyOutcomeReply> {
    let vacancy: Vacancy | null = null;
    let earlier: VacancyOutcome | null = null;
    return this.hires.byCards(actor, dto.hires, {
      route: `POST /vacancies/${vacancyId}/outcome`,
      body: dto,
      idempotencyKey,
      vacancy: async (m) => {
        vacancy = await this.vacancies.holdForOutcome(m, actor, vacancyId);
        const unfilled = vacancy.quota - vacancy.filled;
        if (dto.hires.length > unfilled) throw tooManyHires(unfilled);
        earlier = await this.outcomes.find(m, vacancyId);
        const reason = dto.unfilledReason ?? earlier?.unfilledReason ?? null;
        if (unfilled - dto.hires.length > 0 && !reason) throw unfilledReasonRequired(unfilled - dto.hires.length);
        return vacancy;
      },
      then: async (m, placements) => {
        const v = vacancy!;
        const filled = v.filled + placements.length;
        const before = earlier as VacancyOutcome | null;
        const outcome = await this.outcomes.save(m, {
          vacancyId,
          employerId: v.employerId,
          // Every position filled: nothing left to explain.
          unfilledReason: filled >= v.quota ? null : (dto.unfilledReason ?? before?.unfilledReason ?? null),
          note: dto.note !== undefined ? dto.note.trim() || null : (before?.note ?? null),
          recordedBy: actor.id,
        });
        await this.audit.record(m, {
          actor,
          entityType: 'vacancy',
          entityId: vacancyId,
          action: 'vacancy.outcome-recorded',
          before: before ? { unfilledReason: before.unfilledReason, filled: v.filled } : null,
          after: {
            unfilledReason: outcome.unfilledReason,
            filled,
            placements: placements.map((p) => p.id),
          },
        });
        return reply(v.quota, filled, outcome, placements);
      },
    });
  }

  /** Its employer and officers read the outcome; none recorded yet → 404. */
  async get(actor: AuthUser, vacancyId: string): Promise<VacancyOutcomeReply> {
    const vacancy = await this.vacancies.get(actor, vacancyId);
    if (actor.role === 'employer' && vacancy.employer.id !== actor.employerId) throw notFound('The vacancy');
    const m = this.ds.manager;
    const outcome = await this.outcomes.find(m, vacancyId);
    if (!outcome) throw notFound('The outcome of this vacancy');
    const placements = await this.placements.ofVacancy(m, vacancyId);
    return reply(vacancy.quota, vacancy.filled, outcome, placements);
  }
}

function reply(positions: number, filled: number, o: VacancyOutcome, hires: PlacementView[]): VacancyOutcomeReply {
  return {
    vacancyId: o.vacancyId,
    positions,
    filled,
    unfilledReason: o.unfilledReason,
    note: o.note,
    hires,
    recordedAt: o.recordedAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
