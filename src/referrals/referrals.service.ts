import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { CardsService } from '../cards/cards.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound } from '../common/domain-error.js';
import { pageWindow, type Page, type PageQuery } from '../common/http/pagination.js';
import { sqlDate } from '../common/sql.js';
import { Transactions, uniqueViolation } from '../database/transactions.js';
import { Employer } from '../employers/employer.entity.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { vacancyNotFound, vacancyNotOpen } from '../vacancies/vacancies.errors.js';
import { vacancyActions } from '../vacancies/vacancy-lifecycle.js';
import { Vacancy, type VacancyStatus } from '../vacancies/vacancy.entity.js';
import type { CreateReferralDto } from './dto/referral.dto.js';
import { newReferralRow } from './referral-rows.js';
import { Referral } from './referral.entity.js';
import {
  duplicateReferral,
  placedSeekerNotReferred,
  referralNeedsActiveCard,
  seekerAlreadyApplied,
} from './referrals.errors.js';

/** A referral as recorded (the reply of `POST /vacancies/:id/referrals`). */
export interface ReferralView {
  id: string;
  vacancyId: string;
  seekerId: string;
  referredAt: string;
  referredBy: string;
  note: string | null;
}

/** A referral on the vacancy's list: who was referred (no contact data) and whether they applied since. */
export interface VacancyReferralView extends ReferralView {
  seeker: { fullName: string; educationLevel: string; skills: string[] };
  /** The seeker's application to this vacancy, once they applied; null until then. */
  applicationId: string | null;
}

/** A referral as the referred seeker sees it: the vacancy, and whether they applied. */
export interface MyReferralView extends ReferralView {
  vacancy: {
    id: string;
    title: string;
    status: VacancyStatus;
    closesAt: string;
    employer: { id: string; legalName: string };
  };
  applicationId: string | null;
}

/**
 * The owner of the referral: the office refers a job seeker holding a card active today to an open
 * vacancy (antar kerja). The only writer of `referrals`; one referral per seeker and vacancy (a unique
 * key, so two officers at once make one row). The referral is what the seeker and the employer's staff
 * see on their pages; messages to them come with the notifications (docs/console.md).
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly seekers: SeekersService,
    private readonly cards: CardsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly scope: OfficeScope,
  ) {}

  /**
   * An officer refers a job seeker to a vacancy: the vacancy must take applications (OPEN, before its
   * closing date, its company verified); the seeker must hold a card active today and not be placed,
   * and must not have applied already (the employer has them then) or been referred to it before.
   */
  async refer(actor: AuthUser, vacancyId: string, dto: CreateReferralDto): Promise<ReferralView> {
    if (actor.role !== 'officer') throw forbidden();
    return this.tx.run(async (m) => {
      const vacancy = await m.findOne(Vacancy, { where: { id: vacancyId } });
      if (!vacancy) throw vacancyNotFound();
      const seeker = await this.seekers.findInTx(m, dto.seekerId);
      if (!seeker) throw notFound('The job seeker');
      // The seeker's own office refers them; the vacancy may be anywhere (public search spans every office).
      await this.scope.requireActable(actor, seeker.officeId, 'The job seeker');
      if (await m.exists(Referral, { where: { vacancyId, seekerId: seeker.id } })) throw duplicateReferral();

      const employer = await m.findOneOrFail(Employer, { where: { id: vacancy.employerId } });
      const today = this.clock.today();
      const open = vacancyActions({ status: vacancy.status, closesAt: sqlDate(vacancy.closesAt) }, today).apply;
      if (!open || employer.status !== 'VERIFIED') throw vacancyNotOpen();
      if (seeker.placedAt) throw placedSeekerNotReferred();
      if (!(await this.cards.activeCardOf(m, seeker.id))) throw referralNeedsActiveCard();
      if (await m.exists(Application, { where: { vacancyId, seekerId: seeker.id } })) throw seekerAlreadyApplied();

      const row = newReferralRow({
        id: randomUUID(),
        vacancyId,
        seekerId: seeker.id,
        employerId: vacancy.employerId,
        note: dto.note?.trim() || null,
        referredBy: actor.id,
        referredAt: this.clock.now(),
      });
      try {
        await m.insert(Referral, row);
      } catch (err) {
        if (uniqueViolation(err) === 'UQ_referrals_vacancy_id_seeker_id') throw duplicateReferral();
        throw err;
      }
      await this.audit.record(m, {
        actor,
        entityType: 'referral',
        entityId: row.id,
        action: 'referral.created',
        after: { vacancyId, seekerId: seeker.id, employerId: vacancy.employerId },
      });
      return toReferralView(row);
    });
  }

  /** `GET /vacancies/:id/referrals`: officers, and staff of the vacancy's own company (others: 404). */
  async listForVacancy(actor: AuthUser, vacancyId: string, q: PageQuery): Promise<Page<VacancyReferralView>> {
    const vacancy = await this.ds.getRepository(Vacancy).findOne({ where: { id: vacancyId } });
    if (!vacancy || (actor.role === 'employer' && vacancy.employerId !== actor.employerId)) throw vacancyNotFound();
    if (actor.role !== 'employer' && actor.role !== 'officer') throw forbidden();
    if (!(await this.scope.canRead(actor, vacancy.officeId))) throw vacancyNotFound();
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.ds
      .getRepository(Referral)
      .findAndCount({ where: { vacancyId }, order: { referredAt: 'DESC', id: 'ASC' }, skip, take: pageSize });
    const seekers = await this.byId(
      Seeker,
      rows.map((r) => r.seekerId),
    );
    const applied = await this.applicationsOf(rows);
    const items = rows.map((r) => {
      const s = seekers.get(r.seekerId)!;
      return {
        ...toReferralView(r),
        seeker: { fullName: s.fullName, educationLevel: s.educationLevel, skills: s.skills ?? [] },
        applicationId: applied.get(`${r.vacancyId}/${r.seekerId}`) ?? null,
      };
    });
    return { items, page, pageSize, total };
  }

  /** `GET /seekers/me/referrals`: the vacancies the office referred the signed-in seeker to, newest first. */
  async listMine(actor: AuthUser, q: PageQuery): Promise<Page<MyReferralView>> {
    if (actor.role !== 'seeker' || !actor.seekerId) throw forbidden();
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.ds.getRepository(Referral).findAndCount({
      where: { seekerId: actor.seekerId },
      order: { referredAt: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    const vacancies = await this.byId(
      Vacancy,
      rows.map((r) => r.vacancyId),
    );
    const employers = await this.byId(
      Employer,
      rows.map((r) => r.employerId),
    );
    const applied = await this.applicationsOf(rows);
    const items = rows.map((r) => {
      const v = vacancies.get(r.vacancyId)!;
      const e = employers.get(r.employerId)!;
      return {
        ...toReferralView(r),
        vacancy: {
          id: v.id,
          title: v.title,
          status: v.status,
          closesAt: sqlDate(v.closesAt),
          employer: { id: e.id, legalName: e.legalName },
        },
        applicationId: applied.get(`${r.vacancyId}/${r.seekerId}`) ?? null,
      };
    });
    return { items, page, pageSize, total };
  }

  /** How many referrals each of these vacancies has (vacancies without any are left out of the map). */
  async countByVacancy(m: EntityManager, vacancyIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (vacancyIds.length === 0) return counts;
    const rows: { vacancyId: string; n: string | number }[] = await m
      .getRepository(Referral)
      .createQueryBuilder('r')
      .select('r.vacancy_id', 'vacancyId')
      .addSelect('COUNT(*)', 'n')
      .where({ vacancyId: In([...new Set(vacancyIds)]) })
      .groupBy('r.vacancy_id')
      .getRawMany();
    for (const r of rows) counts.set(r.vacancyId, Number(r.n));
    return counts;
  }

  /** `vacancyId/seekerId` → application id, for the referred pairs that applied. */
  private async applicationsOf(rows: Referral[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const apps = await this.ds.getRepository(Application).find({
      select: { id: true, vacancyId: true, seekerId: true },
      where: rows.map((r) => ({ vacancyId: r.vacancyId, seekerId: r.seekerId })),
    });
    return new Map(apps.map((a) => [`${a.vacancyId}/${a.seekerId}`, a.id]));
  }

  private async byId<T extends { id: string }>(entity: new () => T, ids: string[]): Promise<Map<string, T>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.ds.getRepository(entity).find({ where: { id: In([...new Set(ids)]) } as never })) as T[];
    return new Map(rows.map((r) => [r.id, r]));
  }
}

export function toReferralView(r: Referral): ReferralView {
  return {
    id: r.id,
    vacancyId: r.vacancyId,
    seekerId: r.seekerId,
    referredAt: r.referredAt.toISOString(),
    referredBy: r.referredBy,
    note: r.note,
  };
}
