import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { Transactions } from '../database/transactions.js';
import { Notifier } from '../notifications/notifier.js';
import { Passwords } from '../users/passwords.js';
import { User } from '../users/user.entity.js';
import { normaliseEmail, UsersService } from '../users/users.service.js';
import { AccountTokens } from './account-tokens.js';
import { invalidResetToken } from './auth.errors.js';
import { AuthService } from './auth.service.js';

/** A reset link works this long. */
export const RESET_TOKEN_TTL_SECONDS = 30 * 60;
/** Reset mails per email address per hour; past it the request is still answered 202, and nothing is sent. */
export const RESETS_PER_EMAIL_PER_HOUR = 3;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * "Forgot your password": a single-use link by email, then a new password. The request is answered
 * before anything depends on whether the email exists (the lookup, the token and the mail are written
 * after the reply), so neither the answer nor its timing tells who has an account here.
 */
@Injectable()
export class PasswordReset implements OnModuleDestroy {
  private readonly logger = new Logger('PasswordReset');
  /** Requests answered and still being written; waited for at shutdown. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly tx: Transactions,
    private readonly tokens: AccountTokens,
    private readonly users: UsersService,
    private readonly passwords: Passwords,
    private readonly notifier: Notifier,
    private readonly limiter: RateLimiter,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Takes the request and returns at once; the work runs after the reply (see the class comment). */
  request(email: string): void {
    const work: Promise<void> = this.send(normaliseEmail(email))
      // Logged without the address: whether it exists is exactly what must not leak.
      .catch((err: unknown) => this.logger.error({ msg: 'password reset mail not written', error: String(err) }))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Every request taken so far has been written (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.settled();
  }

  /**
   * Sets a new password with a reset token (400 INVALID_RESET_TOKEN: unknown, used, replaced or
   * expired). Every refresh token of the account is revoked, its sign-in failure counter cleared, and,
   * since following the link proves the mailbox, its email counts as verified. Returns the account's id.
   */
  async confirm(token: string, password: string): Promise<string> {
    // Hashed first, outside the transaction: the same cost whatever the token turns out to be.
    const passwordHash = await this.passwords.hash(password);
    const user = await this.tx.run(async (m) => {
      const userId = await this.tokens.consume(m, token, 'PASSWORD_RESET');
      if (!userId) throw invalidResetToken();
      const u = await m.findOneOrFail(User, { where: { id: userId } });
      await this.users.setPasswordHash(m, userId, passwordHash);
      await this.users.markEmailVerified(m, userId);
      await this.auth.revokeAllRefreshTokens(m, userId);
      await this.audit.record(m, {
        actor: { id: u.id, role: u.role, email: u.email, employerId: u.employerId, seekerId: u.seekerId },
        entityType: 'user',
        entityId: u.id,
        action: 'user.passwordReset',
        after: { refreshTokensRevoked: true },
      });
      return u;
    });
    await this.auth.clearLoginFailures(user.email);
    return user.id;
  }

  /** Whether a reset link would be accepted now (the console shows its form only then). */
  usable(token: string): Promise<boolean> {
    return this.tx.run((m) => this.tokens.isUsable(m, token, 'PASSWORD_RESET'));
  }

  private async send(email: string): Promise<void> {
    // Counted per address whether or not it has an account, so the limit tells nothing either.
    const counted = await this.limiter.hit(`reset:${sha256(email)}`, RESETS_PER_EMAIL_PER_HOUR, 3600);
    if (!counted.allowed) return;
    await this.tx.run(async (m) => {
      const user = await this.users.findByEmail(m, email);
      if (!user) return;
      const issued = await this.tokens.issue(m, user.id, 'PASSWORD_RESET', RESET_TOKEN_TTL_SECONDS);
      await this.notifier.notify(m, {
        kind: 'PASSWORD_RESET',
        userIds: [user.id],
        subject: `reset:${issued.id}`,
        params: { token: issued.token, expiresAt: issued.expiresAt.toISOString() },
      });
    });
  }
}
