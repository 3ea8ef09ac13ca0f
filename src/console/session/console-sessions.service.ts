import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { Transactions } from '../../database/transactions.js';
import type { UserView } from '../../users/user.entity.js';
import { ConsoleSession } from './console-session.entity.js';

/** A session lasts at most this long, and ends sooner after this long without a request. */
export const SESSION_MAX_SECONDS = 12 * 3600;
export const SESSION_IDLE_SECONDS = 2 * 3600;
/** `last_seen_at` is written at most this often, so reading pages does not mean writing rows. */
const TOUCH_EVERY_MS = 5 * 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The session's caller; an officer's session from before offices acts for the root office. */
export function sessionUser(s: ConsoleSession, rootOfficeId: string): AuthUser {
  return {
    id: s.userId,
    role: s.role,
    email: s.email,
    employerId: s.employerId,
    seekerId: s.seekerId,
    officeId: s.role === 'officer' ? (s.officeId ?? rootOfficeId) : null,
  };
}

@Injectable()
export class ConsoleSessions {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Opens a session for a signed-in user; returns the cookie value (never stored as such). */
  async start(user: UserView): Promise<{ token: string; session: ConsoleSession }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session: ConsoleSession = {
      id: randomUUID(),
      tokenHash: sha256(token),
      userId: user.id,
      role: user.role,
      email: user.email,
      fullName: user.fullName,
      employerId: user.employerId ?? null,
      seekerId: user.seekerId ?? null,
      officeId: user.role === 'officer' ? (user.officeId ?? null) : null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_SECONDS * 1000),
    };
    await this.tx.run((m) => m.insert(ConsoleSession, session));
    return { token, session };
  }

  /** The live session a cookie names, or null when unknown, expired or idle too long. */
  async find(token: string): Promise<ConsoleSession | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const s = await this.ds.getRepository(ConsoleSession).findOne({ where: { tokenHash: sha256(token) } });
    if (!s) return null;
    const now = this.clock.now().getTime();
    if (s.expiresAt.getTime() <= now || s.lastSeenAt.getTime() + SESSION_IDLE_SECONDS * 1000 <= now) return null;
    if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      const lastSeenAt = new Date(now);
      await this.tx.run((m) => m.update(ConsoleSession, { id: s.id }, { lastSeenAt }));
      s.lastSeenAt = lastSeenAt;
    }
    return s;
  }

  /** Sign-out: the row goes, so the cookie stops working even if it was copied. */
  async end(token: string): Promise<void> {
    await this.tx.run((m) => m.delete(ConsoleSession, { tokenHash: sha256(token) }));
  }

  /** Every console session of an account ends (its password was reset). */
  async endAllOf(userId: string): Promise<void> {
    await this.tx.run((m) => m.delete(ConsoleSession, { userId }));
  }

  /** Daily: removes sessions past their end (idle ones too). Safe to run twice. */
  async purge(now: Date): Promise<{ purged: number }> {
    const idleBefore = new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000);
    const res = await this.tx.run(async (m) => {
      const a = await m.delete(ConsoleSession, { expiresAt: LessThan(now) });
      const b = await m.delete(ConsoleSession, { lastSeenAt: LessThan(idleBefore) });
      return (a.affected ?? 0) + (b.affected ?? 0);
    });
    return { purged: res };
  }
}
