import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { currentRequestId } from '../common/request-context.js';
import { AuditEvent } from './audit-event.entity.js';

export interface AuditEntry {
  actor: AuthUser | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Writes the audit trail inside the caller's transaction, so a change and its record commit or
 * roll back together. States hold ids and statuses, never personal data such as an NIK.
 */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
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
    });
  }
}
