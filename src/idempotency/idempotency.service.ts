import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { IsNull, LessThan, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { requestContext } from '../common/request-context.js';
import { DomainError, validationFailed } from '../common/domain-error.js';
import { Transactions, uniqueViolation } from '../database/transactions.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

const KEY_RE = /^[\x21-\x7e]{1,200}$/;
const RETENTION_MS = 24 * 3600 * 1000;
// A request still unfinished after this long was interrupted (crash); its key may be taken over.
const ABANDONED_MS = 60_000;
const WAIT_MS = 15_000;

export interface IdempotentRequest {
  user: AuthUser;
  key: string | undefined;
  route: string;
  body: unknown;
}

const keyReused = () =>
  new DomainError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request.');

/** Stable JSON: object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `Idempotency-Key` for state-changing requests: the same key with the same body within 24 hours gets
 * the first response and makes no second change; with a different body, 422 IDEMPOTENCY_KEY_REUSED.
 *
 * The key is claimed by inserting a row (a unique index decides between concurrent requests). The
 * winner runs the work and stores its response in the same transaction as the change, so a response is
 * stored exactly when the change committed. Refusals (4xx) are stored too, so replays match. Others wait
 * for the stored response. Keys live in the database, so they work across instances.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute<T>(req: IdempotentRequest, work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (req.key === undefined) return this.tx.run(work);
    if (!KEY_RE.test(req.key)) {
      throw validationFailed([
        { field: 'Idempotency-Key', messages: ['Idempotency-Key must be 1 to 200 visible ASCII characters'] },
      ]);
    }
    const hash = createHash('sha256')
      .update(`${req.route}\n${canonical(req.body)}`)
      .digest('hex');
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const claimed = await this.claim(req, hash);
      if (claimed) return this.runClaimed(claimed, work);
      const existing = await this.tx.manager.findOne(IdempotencyKey, {
        where: { userId: req.user.id, idemKey: req.key },
      });
      if (!existing) continue; // released by a failed first attempt: try to claim again
      if (existing.requestHash !== hash) throw keyReused();
      if (existing.completedAt) return this.replay<T>(existing);
      const age = this.clock.now().getTime() - existing.createdAt.getTime();
      if (age > ABANDONED_MS) {
        await this.tx.run((m) => m.delete(IdempotencyKey, { id: existing.id, completedAt: IsNull() }));
        continue;
      }
      if (Date.now() > deadline) {
        throw new DomainError(
          409,
          'IDEMPOTENCY_REQUEST_IN_PROGRESS',
          'A request with this Idempotency-Key is still being processed. Retry shortly.',
        );
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Inserts the claim row; null when another request holds the key. Expired keys are removed first. */
  private async claim(req: IdempotentRequest, hash: string): Promise<IdempotencyKey | null> {
    const now = this.clock.now();
    const row: IdempotencyKey = {
      id: randomUUID(),
      userId: req.user.id,
      idemKey: req.key!,
      route: req.route,
      requestHash: hash,
      statusCode: null,
      responseBody: null,
      createdAt: now,
      completedAt: null,
    };
    try {
      await this.tx.run(async (m) => {
        await m.delete(IdempotencyKey, {
          userId: req.user.id,
          idemKey: req.key!,
          createdAt: LessThan(new Date(now.getTime() - RETENTION_MS)),
        });
        await m.insert(IdempotencyKey, row);
      });
      return row;
    } catch (err) {
      if (uniqueViolation(err) === 'UQ_idempotency_keys_user_id_idem_key') return null;
      throw err;
    }
  }

  private async runClaimed<T>(claim: IdempotencyKey, work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.tx.run(async (m) => {
        const result = await work(m);
        await this.complete(m, claim, 201, result);
        return result;
      });
    } catch (err) {
      if (err instanceof DomainError && err.status < 500) {
        // A refusal is the request's answer too: store it so a replay gives the same reply.
        await this.tx.run((m) =>
          this.complete(m, claim, err.status, {
            statusCode: err.status,
            code: err.code,
            message: err.message,
            details: err.details,
          }),
        );
      } else {
        // Unexpected failure: nothing changed, release the key so the client can retry. Outside the
        // request's context: a request abandoned while the database hung must still release its key.
        await requestContext
          .exit(() => this.tx.run((m) => m.delete(IdempotencyKey, { id: claim.id })))
          .catch(() => undefined);
      }
      throw err;
    }
  }

  private async complete(m: EntityManager, claim: IdempotencyKey, status: number, body: unknown): Promise<void> {
    await m.update(
      IdempotencyKey,
      { id: claim.id },
      { statusCode: status, responseBody: JSON.stringify(body), completedAt: this.clock.now() },
    );
  }

  private replay<T>(row: IdempotencyKey): T {
    const body = JSON.parse(row.responseBody ?? 'null');
    if ((row.statusCode ?? 500) >= 300) {
      throw new DomainError(row.statusCode!, body.code, body.message, body.details);
    }
    return body as T;
  }
}
