import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { OfficeScope } from '../offices/office-scope.js';
import { addDays, isCalendarDate, startOfJakartaDay } from '../common/dates.js';
import { validationFailed } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditQuery } from './dto/audit-query.dto.js';
import type { AuditEventReply } from './dto/audit-event.reply.js';

/** Entity kinds whose rows belong to an office, and their tables. */
const OWNED_KINDS = { card: 'cards', seeker: 'seekers', employer: 'employers', vacancy: 'vacancies' } as const;

/** One description of this reply: the class `AuditEventReply` (OpenAPI and code alike). */
export type AuditEventView = AuditEventReply;

@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: OfficeScope,
  ) {}

  async list(actor: AuthUser, q: AuditQuery): Promise<Page<AuditEventView>> {
    for (const f of ['from', 'to'] as const) {
      if (q[f] !== undefined && !isCalendarDate(q[f]))
        throw validationFailed([{ field: f, messages: [`${f} is not a real calendar date`] }]);
    }
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.ds.getRepository(AuditEvent).createQueryBuilder('a');
    await this.restrictToOffices(qb, actor);
    if (q.entityType) qb.andWhere('a.entity_type = :t', { t: q.entityType });
    if (q.entityId) qb.andWhere('a.entity_id = :e', { e: q.entityId });
    if (q.actorId) qb.andWhere('a.actor_id = :ac', { ac: q.actorId });
    if (q.from) qb.andWhere('a.occurred_at >= :from', { from: startOfJakartaDay(q.from) });
    if (q.to) qb.andWhere('a.occurred_at < :to', { to: startOfJakartaDay(addDays(q.to, 1)) });
    qb.orderBy('a.occurred_at', 'DESC').addOrderBy('a.id', 'ASC').skip(skip).take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return {
      items: rows.map((a) => ({
        id: a.id,
        occurredAt: a.occurredAt.toISOString(),
        actorId: a.actorId,
        actorRole: a.actorRole,
        entityType: a.entityType,
        entityId: a.entityId,
        action: a.action,
        before: a.beforeState ? JSON.parse(a.beforeState) : null,
        after: a.afterState ? JSON.parse(a.afterState) : null,
        requestId: a.requestId,
      })),
      page,
      pageSize,
      total,
    };
  }

  /**
   * Scoped by entity (decision 97): events of an office's own rows (cards, seekers, employers, vacancies,
   * and the office itself) are shown to officers who read that office; events of other kinds carry only ids
   * and stay visible as before.
   */
  private async restrictToOffices(qb: SelectQueryBuilder<AuditEvent>, actor: AuthUser): Promise<void> {
    const r = await this.scope.readable(actor);
    if (r.all) return;
    const withRoot = r.ids.includes(this.scope.rootId());
    const inOffices = withRoot
      ? '(o.office_id IN (:...auditOffices) OR o.office_id IS NULL)'
      : 'o.office_id IN (:...auditOffices)';
    const owned = Object.entries(OWNED_KINDS).map(
      ([kind, table]) =>
        `(a.entity_type = '${kind}' AND a.entity_id IN (SELECT o.id FROM ${table} o WHERE ${inOffices}))`,
    );
    qb.andWhere(
      `(a.entity_type NOT IN (${[...Object.keys(OWNED_KINDS), 'office'].map((k) => `'${k}'`).join(', ')}) OR ${owned.join(' OR ')} OR (a.entity_type = 'office' AND a.entity_id IN (:...auditOffices)))`,
      { auditOffices: r.ids },
    );
  }
}
