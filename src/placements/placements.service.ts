import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addDays, isCalendarDate, startOfJakartaDay } from '../common/dates.js';
import { sqlInstant } from '../common/sql.js';
import { forbidden, invalidTransition, validationFailed } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { execute, select } from '../database/statements.js';
import { uniqueViolation } from '../database/transactions.js';
import type { PlacementListQuery } from './dto/placement.dto.js';
import type { Hire } from './hire.service.js';
import { Placement, toPlacementView, type PlacementType, type PlacementView } from './placement.entity.js';
import { newPlacementRow } from './placement-rows.js';
import { alreadyVoid } from './placements.errors.js';

const INSERT_PLACEMENT = `INSERT INTO placements (id, seeker_id, employer_id, employer_name, vacancy_id, application_id,
  card_id, card_number, start_date, position, source, placement_type, employer_kind, recorded_by, recorded_at)
  VALUES (${Array(15).fill('?').join(', ')})`;

/** A placement about to be written: the hire's facts and the card it closed, if any. */
export interface NewPlacement extends Hire {
  cardId: string | null;
  cardNumber: string | null;
  placementType: PlacementType;
  employerKind: string;
}

/**
 * The owner of the placement record: the only writer of `placements`, and its reader for the lists.
 * Recording a hire, with all its effects, is HireService's use case.
 */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly scope: OfficeScope,
  ) {}

  /**
   * Writes the placement; a second hire of one application is refused by its unique key. Written-out SQL:
   * the hire is the busiest write, and the query builder cost more CPU than the insert.
   */
  async insert(m: EntityManager, p: NewPlacement): Promise<PlacementView> {
    const placement = newPlacementRow({
      id: randomUUID(),
      seekerId: p.seekerId,
      employerId: p.employerId,
      employerName: p.employerName,
      vacancyId: p.vacancyId,
      applicationId: p.application?.id ?? null,
      cardId: p.cardId,
      cardNumber: p.cardNumber,
      startDate: p.startDate,
      position: p.position,
      source: p.source,
      placementType: p.placementType,
      employerKind: p.employerKind,
      recordedBy: p.actor.id,
      recordedAt: this.clock.now(),
    });
    try {
      await execute(m, INSERT_PLACEMENT, [
        placement.id,
        placement.seekerId,
        placement.employerId,
        placement.employerName,
        placement.vacancyId,
        placement.applicationId,
        placement.cardId,
        placement.cardNumber,
        placement.startDate,
        placement.position,
        placement.source,
        placement.placementType,
        placement.employerKind,
        placement.recordedBy,
        sqlInstant(placement.recordedAt),
      ]);
    } catch (err) {
      if (uniqueViolation(err) === 'UQ_placements_application_id')
        throw invalidTransition('This application has already been hired.');
      throw err;
    }
    return toPlacementView(placement);
  }

  /**
   * Voids a placement: RECORDED becomes VOID with who, when and why, and leaves the "one hire per
   * application" key (`live` NULL). One conditional update on the status decides between two voids racing:
   * the second finds 0 rows and is told ALREADY_VOID (on MySQL it waits for the first to commit).
   */
  async markVoid(m: EntityManager, id: string, actor: AuthUser, reason: string): Promise<Placement> {
    const now = this.clock.now();
    const changed = await execute(
      m,
      `UPDATE placements SET status = 'VOID', live = NULL, voided_at = ?, voided_by = ?, void_reason = ?
        WHERE id = ? AND status = 'RECORDED'`,
      [sqlInstant(now), actor.id, reason, id],
    );
    if (changed !== 1) throw alreadyVoid();
    return m.findOneByOrFail(Placement, { id });
  }

  /** Whether the seeker has a live placement recorded after this one (which a void must not undo). */
  async hasLaterPlacement(m: EntityManager, p: Placement): Promise<boolean> {
    const rows = await select<{ id: string }>(
      m,
      `SELECT id FROM placements WHERE seeker_id = ? AND status = 'RECORDED' AND id <> ? AND recorded_at >= ?`,
      [p.seekerId, p.id, sqlInstant(p.recordedAt)],
    );
    return rows.length > 0;
  }

  /** The company's most recent placements, voided ones included (the console's hire page). */
  async recentOfEmployer(employerId: string, limit: number): Promise<PlacementView[]> {
    const rows = await this.ds
      .getRepository(Placement)
      .find({ where: { employerId }, order: { recordedAt: 'DESC', id: 'ASC' }, take: limit });
    return rows.map(toPlacementView);
  }

  /** Every placement recorded with one card, voided ones included, newest first (the officer's card page). */
  async ofCard(cardId: string): Promise<PlacementView[]> {
    const rows = await this.ds
      .getRepository(Placement)
      .find({ where: { cardId }, order: { recordedAt: 'DESC', id: 'ASC' } });
    return rows.map(toPlacementView);
  }

  /** Every live placement of one vacancy, oldest first (as many as its `filled`). */
  async ofVacancy(m: EntityManager, vacancyId: string): Promise<PlacementView[]> {
    const rows = await m.find(Placement, {
      where: { vacancyId, status: 'RECORDED' },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toPlacementView);
  }

  /** Officers see every placement; employer staff those recorded for their company. */
  async list(actor: AuthUser, q: PlacementListQuery): Promise<Page<PlacementView>> {
    for (const f of ['from', 'to'] as const) {
      if (q[f] !== undefined && !isCalendarDate(q[f]))
        throw validationFailed([{ field: f, messages: [`${f} is not a real calendar date`] }]);
    }
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.ds.getRepository(Placement).createQueryBuilder('p');
    if (actor.role === 'employer') {
      if (q.employerId && q.employerId !== actor.employerId) throw forbidden();
      qb.andWhere('p.employer_id = :emp', { emp: actor.employerId });
    } else if (q.employerId) {
      qb.andWhere('p.employer_id = :emp', { emp: q.employerId });
    }
    // Officers: the placements of the job seekers of their office and the offices below it.
    if (actor.role === 'officer') await this.scope.restrictVia(qb, 'p.seeker_id', 'seekers', actor);
    if (q.source) qb.andWhere('p.source = :source', { source: q.source });
    if (q.from) qb.andWhere('p.recorded_at >= :from', { from: startOfJakartaDay(q.from) });
    if (q.to) qb.andWhere('p.recorded_at < :to', { to: startOfJakartaDay(addDays(q.to, 1)) });
    qb.orderBy('p.recorded_at', 'DESC').addOrderBy('p.id', 'ASC').skip(skip).take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(toPlacementView), page, pageSize, total };
  }
}
