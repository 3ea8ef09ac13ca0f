import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { notFound } from '../common/domain-error.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { Transactions } from '../database/transactions.js';
import { Notifier } from '../notifications/notifier.js';
import { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { AccountTokens } from './account-tokens.js';
import { emailVerificationLimit, invalidVerificationToken } from './auth.errors.js';

/** A verification link works this long. */
export const VERIFICATION_TOKEN_TTL_SECONDS = 24 * 3600;
/** Verification mails one account may ask for in an hour (then 429 EMAIL_VERIFICATION_LIMIT). */
export const VERIFICATIONS_PER_HOUR = 5;

/**
 * Proof that an account receives mail at its address: a single-use link, valid 24 hours, a newer one
 * replacing the older. With REQUIRE_EMAIL_VERIFICATION=true a job seeker needs it before requesting a
 * card or applying (UsersService.requireVerifiedEmail).
 */
@Injectable()
export class EmailVerification {
  constructor(
    private readonly tx: Transactions,
    private readonly tokens: AccountTokens,
    private readonly users: UsersService,
    private readonly notifier: Notifier,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
  ) {}

  /**
   * Sends a verification link to the signed-in account's email. An address already verified gets
   * nothing (still 202: there is nothing to do). At most VERIFICATIONS_PER_HOUR an hour.
   */
  async request(actor: AuthUser): Promise<void> {
    await this.tx.run(async (m) => {
      const user = await m.findOne(User, { where: { id: actor.id } });
      if (!user) throw notFound('The account');
      if (user.emailVerifiedAt) return;
      const counted = await this.limiter.hit(`verify:${user.id}`, VERIFICATIONS_PER_HOUR, 3600);
      if (!counted.allowed) throw emailVerificationLimit(counted.retryAfterSeconds);
      const issued = await this.tokens.issue(m, user.id, 'EMAIL_VERIFICATION', VERIFICATION_TOKEN_TTL_SECONDS);
      await this.notifier.notify(m, {
        kind: 'EMAIL_VERIFICATION',
        userIds: [user.id],
        subject: `verify:${issued.id}`,
        params: { token: issued.token },
      });
    });
  }

  /** Spends a verification token (400 INVALID_VERIFICATION_TOKEN: unknown, used, replaced or expired). */
  async confirm(token: string): Promise<void> {
    await this.tx.run(async (m) => {
      const userId = await this.tokens.consume(m, token, 'EMAIL_VERIFICATION');
      if (!userId) throw invalidVerificationToken();
      const u = await m.findOneOrFail(User, { where: { id: userId } });
      await this.users.markEmailVerified(m, userId);
      await this.audit.record(m, {
        actor: { id: u.id, role: u.role, email: u.email, employerId: u.employerId, seekerId: u.seekerId },
        entityType: 'user',
        entityId: u.id,
        action: 'user.emailVerified',
        after: { emailVerified: true },
      });
    });
  }

  /** Whether a verification link would be accepted now (the console shows its button only then). */
  usable(token: string): Promise<boolean> {
    return this.tx.run((m) => this.tokens.isUsable(m, token, 'EMAIL_VERIFICATION'));
  }
}
