import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { currentRequestId } from '../common/request-context.js';
import { sqlInstant } from '../common/sql.js';
import { execute } from '../database/statements.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  actor: AuthUser | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Rows per INSERT when many events are written at once (a vacancy closing with its applications). */
const ROWS_PER_INSERT = 200;
const INSERT_EVENTS = `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, entity_type, entity_id, action,
  before_state, after_state, request_id) VALUES`;

/**
 * Writes the audit trail inside the caller's transaction, so a change and its record commit or
 * roll back together. States hold ids and statuses, never personal data such as an NIK.
 */
@Injectable()
export class AuditService {
  /** The events of a `batch` under way, by the transaction's manager, waiting for its one INSERT. */
  private readonly held = new WeakMap<EntityManager, AuditEvent[]>();

  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.recordAll(manager, [entry]);
  }

  /** Several events, written by one INSERT (or kept for the `batch` under way). */
  async recordAll(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    const rows = entries.map((e) => this.row(e));
    const held = this.held.get(manager);
    if (held) held.push(...rows);
    else await this.insert(manager, rows);
  }

  /**
   * Runs `work` — a use case's steps, inside its transaction — holding back the audit events they record,
   * then writes them all with one INSERT, still in the same transaction. Each event keeps the instant it
   * was recorded at. A use case that records several events (a hire: the application, the card, the
   * placement, every application it closes) pays one round trip for them. When `work` fails nothing is
   * written: the transaction is rolling back.
   */
  async batch<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    if (this.held.has(manager)) return work(); // inside another batch: that one writes
    const rows: AuditEvent[] = [];
    this.held.set(manager, rows);
    try {
      const result = await work();
      this.held.delete(manager);
      await this.insert(manager, rows);
      return result;
    } finally {
      this.held.delete(manager);
    }
  }

  /** Written out: every use case writes here, and the query builder cost more CPU than the INSERT. */
  private async insert(manager: EntityManager, rows: AuditEvent[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      await execute(
        manager,
        `${INSERT_EVENTS} ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((e) => [
          e.id,
          sqlInstant(e.occurredAt),
          e.actorId,
          e.actorRole,
          e.entityType,
          e.entityId,
          e.action,
          e.beforeState,
          e.afterState,
          e.requestId,
        ]),
      );
    }
  }

  private row(entry: AuditEntry): AuditEvent {
    return {
      id: randomUUID(),
      occurredAt: this.clock.now(),
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? (entry.actor ? null : 'system'),
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      beforeState: entry.before ? JSON.stringify(entry.before) : null,
      afterState: entry.after ? JSON.stringify(entry.after) : null,
      requestId: currentRequestId(),
    };
  }
}
