import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { isReportOverdue } from '../cards/card-dates.js';
import { Card } from '../cards/card.entity.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden, invalidTransition, notFound } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { Transactions, uniqueViolation } from '../database/transactions.js';
import { Employer } from '../employers/employer.entity.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { HireDto } from '../placements/dto/placement.dto.js';
import type { PlacementView } from '../placements/placement.entity.js';
import { PlacementsService } from '../placements/placements.service.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { Vacancy } from '../vacancies/vacancy.entity.js';
import { vacancyNotOpen } from '../vacancies/vacancies.errors.js';
import { Application, UNDECIDED, type ApplicationStatus, type ClosedReason } from './application.entity.js';
import { ak1Required, duplicateApplication, seekerPlacedCannotApply } from './applications.errors.js';
import type { ApplicationListQuery, ApplyDto } from './dto/application.dto.js';

/** What a seeker sees of their application. */
export interface MyApplicationView {
  id: string;
  status: ApplicationStatus;
  closedReason?: ClosedReason;
  appliedAt: string;
  vacancy: { id: string; title: string; status: string; employer: { id: string; legalName: string } };
}

/** What the employer sees: the applicant's summary and the card as it is now. */
export interface PipelineItemView {
  id: string;
  status: ApplicationStatus;
  closedReason?: ClosedReason;
  appliedAt: string;
  coverLetter: string | null;
  applicant: { seekerId: string; fullName: string; educationLevel: string; skills: string[] };
  card: { cardNumber: string | null; status: string; reportOverdue: boolean } | null;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly placements: PlacementsService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A seeker applies: the vacancy must be open; a vacancy that requires the AK1 needs an ACTIVE,
   * unexpired card; a placed seeker cannot apply; and one application per vacancy (a unique key, so a
   * double click is a 409, not two rows).
   */
  async apply(actor: AuthUser, vacancyId: string, dto: ApplyDto): Promise<MyApplicationView> {
    const seekerId = this.seekerOf(actor);
    return this.tx.run(async (m) => {
      const vacancy = await m.findOne(Vacancy, { where: { id: vacancyId } });
      const employer = vacancy ? await m.findOne(Employer, { where: { id: vacancy.employerId } }) : null;
      // A draft, or a vacancy of an employer not (or no longer) verified, is not public: it does not exist here.
      if (!vacancy || !employer || vacancy.status === 'DRAFT' || employer.status !== 'VERIFIED') throw notFound('The vacancy');
      const today = this.clock.today();
      if (vacancy.status !== 'OPEN' || vacancy.closesAt < today) throw vacancyNotOpen();

      const seeker = await m.findOneOrFail(Seeker, { where: { id: seekerId } });
      if (seeker.placedAt) throw seekerPlacedCannotApply();
      if (vacancy.requiresAk1 && !(await this.holdsActiveCard(m, seekerId, today))) throw ak1Required();

      const now = this.clock.now();
      const app: Application = {
        id: randomUUID(),
        vacancyId,
        seekerId,
        employerId: vacancy.employerId,
        status: 'SUBMITTED',
        closedReason: null,
        coverLetter: dto.coverLetter?.trim() || null,
        appliedAt: now,
        decidedAt: null,
        decidedBy: null,
        updatedAt: now,
      };
      try {
        await m.insert(Application, app);
      } catch (err) {
        if (uniqueViolation(err) === 'UQ_applications_vacancy_id_seeker_id') throw duplicateApplication();
        throw err;
      }
      await this.audit.record(m, { actor, entityType: 'application', entityId: app.id, action: 'application.submitted', after: { status: 'SUBMITTED', vacancyId } });
      return toMyView(app, vacancy, employer);
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

  /** The employer shortlists or rejects an undecided application of one of its vacancies. */
  async decide(actor: AuthUser, id: string, status: 'SHORTLISTED' | 'REJECTED'): Promise<PipelineItemView> {
    return this.tx.run(async (m) => {
      const app = await this.ownApplication(m, actor, id);
      const from: ApplicationStatus[] = status === 'SHORTLISTED' ? ['SUBMITTED'] : UNDECIDED;
      await this.move(m, actor, app, status, status === 'SHORTLISTED' ? 'application.shortlisted' : 'application.rejected', from);
      const [item] = await this.pipelineItems(m, [await m.findOneOrFail(Application, { where: { id } })]);
      return item;
    });
  }

  /** `POST /applications/:id/hire`: the employer records the hire (see PlacementsService.record). */
  async hire(actor: AuthUser, id: string, dto: HireDto, idempotencyKey: string | undefined): Promise<PlacementView> {
    return this.idempotency.execute({ user: actor, key: idempotencyKey, route: `POST /applications/${id}/hire`, body: dto }, async (m) => {
      const app = await this.ownApplication(m, actor, id);
      const employer = await m.findOneOrFail(Employer, { where: { id: app.employerId } });
      return this.placements.record(m, {
        actor,
        seekerId: app.seekerId,
        employerId: app.employerId,
        employerName: employer.legalName,
        vacancyId: app.vacancyId,
        applicationId: app.id,
        startDate: dto.startDate,
        position: dto.position?.trim() ?? (await m.findOneOrFail(Vacancy, { where: { id: app.vacancyId } })).title,
        source: 'EMPLOYER',
      });
    });
  }

  async listMine(actor: AuthUser, q: ApplicationListQuery): Promise<Page<MyApplicationView>> {
    const seekerId = this.seekerOf(actor);
    const { page, pageSize, skip } = pageWindow(q);
    const where = { seekerId, ...(q.status ? { status: q.status } : {}) };
    const [apps, total] = await this.ds.getRepository(Application).findAndCount({ where, order: { appliedAt: 'DESC', id: 'ASC' }, skip, take: pageSize });
    const vacancies = await this.byId(Vacancy, apps.map((a) => a.vacancyId));
    const employers = await this.byId(Employer, [...vacancies.values()].map((v) => v.employerId));
    return { items: apps.map((a) => toMyView(a, vacancies.get(a.vacancyId)!, employers.get(a.employerId)!)), page, pageSize, total };
  }

  /** `GET /vacancies/:id/applications`: its employer's staff and officers. */
  async listForVacancy(actor: AuthUser, vacancyId: string, q: ApplicationListQuery): Promise<Page<PipelineItemView>> {
    const vacancy = await this.ds.getRepository(Vacancy).findOne({ where: { id: vacancyId } });
    if (!vacancy || (actor.role === 'employer' && vacancy.employerId !== actor.employerId)) throw notFound('The vacancy');
    if (actor.role !== 'employer' && actor.role !== 'officer') throw forbidden();
    const { page, pageSize, skip } = pageWindow(q);
    const where = { vacancyId, ...(q.status ? { status: q.status } : {}) };
    const [apps, total] = await this.ds.getRepository(Application).findAndCount({ where, order: { appliedAt: 'ASC', id: 'ASC' }, skip, take: pageSize });
    return { items: await this.pipelineItems(this.ds.manager, apps), page, pageSize, total };
  }

  private async pipelineItems(m: EntityManager, apps: Application[]): Promise<PipelineItemView[]> {
    if (apps.length === 0) return [];
    const seekerIds = [...new Set(apps.map((a) => a.seekerId))];
    const seekers = new Map((await m.find(Seeker, { where: { id: In(seekerIds) } })).map((s) => [s.id, s]));
    // The card as it is now: the seeker's most recent issued card.
    const cards = await m.find(Card, { where: { seekerId: In(seekerIds), cardNumber: Not(IsNull()) }, order: { createdAt: 'DESC' } });
    const latest = new Map<string, Card>();
    for (const c of cards) if (!latest.has(c.seekerId)) latest.set(c.seekerId, c);
    const today = this.clock.today();
    return apps.map((a) => {
      const s = seekers.get(a.seekerId)!;
      const c = latest.get(a.seekerId);
      // An ACTIVE card past its expiry day is expired even before the daily job has run.
      const cardStatus = c ? (c.status === 'ACTIVE' && c.expiresAt !== null && c.expiresAt < today ? 'EXPIRED' : c.status) : null;
      const item: PipelineItemView = {
        id: a.id,
        status: a.status,
        appliedAt: a.appliedAt.toISOString(),
        coverLetter: a.coverLetter,
        applicant: { seekerId: s.id, fullName: s.fullName, educationLevel: s.educationLevel, skills: s.skills ?? [] },
        card: c ? { cardNumber: c.cardNumberDisplay, status: cardStatus!, reportOverdue: isReportOverdue(cardStatus!, c.nextReportDue, today) } : null,
      };
      if (a.closedReason) item.closedReason = a.closedReason;
      return item;
    });
  }

  private async holdsActiveCard(m: EntityManager, seekerId: string, today: string): Promise<boolean> {
    const card = await m.findOne(Card, { where: { seekerId, status: 'ACTIVE' } });
    return !!card && (card.expiresAt === null || card.expiresAt >= today);
  }

  /** Conditional move out of an undecided state; refused with INVALID_STATE_TRANSITION otherwise. */
  private async move(m: EntityManager, actor: AuthUser, app: Application, to: ApplicationStatus, action: string, from: ApplicationStatus[] = UNDECIDED): Promise<void> {
    const now = this.clock.now();
    const res = await m.update(Application, { id: app.id, status: In(from) }, { status: to, decidedAt: now, decidedBy: actor.id, updatedAt: now });
    if ((res.affected ?? 0) !== 1) throw invalidTransition(`An application that is ${app.status} cannot become ${to}.`);
    await this.audit.record(m, { actor, entityType: 'application', entityId: app.id, action, before: { status: app.status }, after: { status: to } });
  }

  /** An application of one of the caller's employer's vacancies; any other answers 404. */
  private async ownApplication(m: EntityManager, actor: AuthUser, id: string): Promise<Application> {
    const app = await m.findOne(Application, { where: { id } });
    if (!app || app.employerId !== actor.employerId) throw notFound('The application');
    return app;
  }

  private async myView(m: EntityManager, id: string): Promise<MyApplicationView> {
    const app = await m.findOneOrFail(Application, { where: { id } });
    const vacancy = await m.findOneOrFail(Vacancy, { where: { id: app.vacancyId } });
    const employer = await m.findOneOrFail(Employer, { where: { id: vacancy.employerId } });
    return toMyView(app, vacancy, employer);
  }

  private async byId<T extends { id: string }>(entity: new () => T, ids: string[]): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.ds.getRepository(entity).find({ where: { id: In([...new Set(ids)]) } as never })) as T[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  private seekerOf(actor: AuthUser): string {
    if (!actor.seekerId) throw forbidden();
    return actor.seekerId;
  }
}

function toMyView(a: Application, v: Vacancy, e: Employer): MyApplicationView {
  const view: MyApplicationView = {
    id: a.id,
    status: a.status,
    appliedAt: a.appliedAt.toISOString(),
    vacancy: { id: v.id, title: v.title, status: v.status, employer: { id: e.id, legalName: e.legalName } },
  };
  if (a.closedReason) view.closedReason = a.closedReason;
  return view;
}
