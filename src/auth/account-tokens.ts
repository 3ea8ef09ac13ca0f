import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, MoreThan, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { affectedRows } from '../database/transactions.js';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity.js';

/** What the service issues: 256 random bits, base64url. Anything else cannot be an account token. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface IssuedToken {
  id: string;
  token: string;
  expiresAt: Date;
}

/**
 * The one owner of `account_tokens`: one-time tokens mailed to an account's owner. Only the token's
 * SHA-256 is stored (the token is 256 random bits, so a plain hash is enough); the clear token exists
 * only in the caller's hands and, sealed, in the mail waiting to be sent.
 */
@Injectable()
export class AccountTokens {
  constructor(
    private readonly clock: Clock,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /** Daily: tokens that expired more than a day ago are of no use to anyone (spent or not). */
  async purge(now: Date): Promise<Record<string, number>> {
    const result = await this.ds
      .getRepository(AccountToken)
      .delete({ expiresAt: LessThan(new Date(now.getTime() - 86_400_000)) });
    return { deleted: result.affected ?? 0 };
  }

  /** A new token for the user, in the caller's transaction; earlier unspent tokens of this purpose stop working. */
  async issue(
    m: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    ttlSeconds: number,
  ): Promise<IssuedToken> {
    const now = this.clock.now();
    await m.update(AccountToken, { userId, purpose, usedAt: IsNull() }, { usedAt: now });
    const token = randomBytes(32).toString('base64url');
    const row: AccountToken = {
      id: randomUUID(),
      userId,
      purpose,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
      usedAt: null,
      createdAt: now,
    };
    await m.insert(AccountToken, row);
    return { id: row.id, token, expiresAt: row.expiresAt };
  }

  /**
   * Spends a token: the user it was for, or null when it is unknown, of another purpose, spent, replaced
   * or expired. A conditional update, so of two requests with one token exactly one gets the user.
   */
  async consume(m: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
    const now = this.clock.now();
    const row = await m.findOne(AccountToken, { where: { tokenHash: sha256(token), purpose } });
    if (!row) return null;
    const res = await m.update(
      AccountToken,
      { id: row.id, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    return affectedRows(res) === 1 ? row.userId : null;
  }

  /** Whether the token would be accepted now (for a page that shows a form before spending it). */
  async isUsable(m: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<boolean> {
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return false;
    return m.exists(AccountToken, {
      where: { tokenHash: sha256(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(this.clock.now()) },
    });
  }
}
