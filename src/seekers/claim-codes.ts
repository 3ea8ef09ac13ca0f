import { Inject, Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { invalidTransition, notFound } from '../common/domain-error.js';
import { PersonalData } from '../common/personal-data.js';
import { RateLimiter } from '../common/rate-limiter.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { affectedRows, Transactions, uniqueViolation } from '../database/transactions.js';
import { toUserView, type UserView } from '../users/user.entity.js';
import { duplicateEmail } from '../users/users.errors.js';
import { UsersService } from '../users/users.service.js';
import { ClaimCode } from './claim-code.entity.js';
import { CLAIM_CODE_TTL_DAYS, newClaimCode, normaliseClaimCode } from './claim-code-format.js';
import type { ClaimSeekerDto } from './dto/claim.dto.js';
import type { ClaimCodeReply } from './dto/claim.reply.js';
import { Seeker, toSeekerView, type SeekerView } from './seeker.entity.js';
import { claimFailureLimit, invalidClaimCode, seekerHasLogin } from './seekers.errors.js';

const FAILURE_WINDOW_SECONDS = 3600;
const failureKey = (clientAddress: string) => `claim-fail:${clientAddress}`;

/**
 * The one owner of `seeker_claim_codes`: an officer gives a walk-in job seeker (a record without a login)
 * a one-time code; with it and their NIK the seeker attaches a login to that record instead of
 * registering again (which their NIK would refuse).
 */
@Injectable()
export class ClaimCodes {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly users: UsersService,
    private readonly personal: PersonalData,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly scope: OfficeScope,
  ) {}

  /** Whether the seeker has no login yet, so a claim code can be made for them. */
  async canIssue(seekerId: string): Promise<boolean> {
    return !(await this.users.seekerHasLogin(this.ds.manager, seekerId));
  }

  /**
   * A new code for a seeker without a login (404 unknown seeker; 409 SEEKER_HAS_LOGIN). It replaces any
   * earlier code of the seeker, used or not. Only its keyed hash is stored; the reply is the one place
   * the code is ever shown.
   */
  async issue(actor: AuthUser, seekerId: string): Promise<ClaimCodeReply> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + CLAIM_CODE_TTL_DAYS * 86_400_000);
    const code = newClaimCode();
    await this.tx.run(async (m) => {
      const seeker = await m.findOne(Seeker, { where: { id: seekerId }, select: { id: true, officeId: true } });
      if (!seeker) throw notFound('The job seeker');
      // The seeker's own office hands out the code (docs/offices.md).
      await this.scope.requireActable(actor, seeker.officeId, 'The job seeker');
      if (await this.users.seekerHasLogin(m, seekerId)) throw seekerHasLogin();
      await m.delete(ClaimCode, { seekerId });
      try {
        await m.insert(ClaimCode, {
          id: randomUUID(),
          seekerId,
          codeHash: this.personal.lookupHash(code),
          expiresAt,
          usedAt: null,
          createdBy: actor.id,
          createdAt: now,
        });
      } catch (err) {
        // Two officers asking at the same instant for one seeker: the other's code stands; ask again.
        if (uniqueViolation(err) === 'UQ_seeker_claim_codes_seeker_id') throw claimCodeBusy();
        throw err;
      }
      // Never the code itself: the trail says that one was made, by whom, until when.
      await this.audit.record(m, {
        actor,
        entityType: 'seeker',
        entityId: seekerId,
        action: 'seeker.claimCodeIssued',
        after: { expiresAt: expiresAt.toISOString() },
      });
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The seeker claims their record: a new seeker account for it. A wrong, used or expired code and a
   * NIK that is not the record's all answer the same 400 INVALID_CLAIM_CODE after the same work (one
   * lookup by the code's hash); each counts against the client address (CLAIM_FAILURE_LIMIT an hour,
   * then 429). The code is spent by a conditional update in the transaction that creates the account,
   * so of two claims racing with one code exactly one wins, and a refused email (409 DUPLICATE_EMAIL)
   * leaves the code usable. A seeker has at most one login (unique `users.seeker_id`).
   */
  async claim(dto: ClaimSeekerDto, clientAddress: string): Promise<{ user: UserView; seeker: SeekerView }> {
    // Counted before the work, so concurrent guesses cannot all pass; taken back if this one succeeds.
    const counted = await this.limiter.hit(
      failureKey(clientAddress),
      this.config.limits.claimFailuresPerHour,
      FAILURE_WINDOW_SECONDS,
    );
    if (!counted.allowed) throw claimFailureLimit(counted.retryAfterSeconds);
    const now = this.clock.now();
    const row = await this.ds
      .getRepository(ClaimCode)
      .createQueryBuilder('c')
      .innerJoin(Seeker, 's', 's.id = c.seeker_id')
      .select(['c.id AS id', 'c.seeker_id AS seekerId', 's.nik_hash AS nikHash'])
      .where('c.code_hash = :h', { h: this.personal.lookupHash(normaliseClaimCode(dto.claimCode)) })
      .andWhere('c.used_at IS NULL')
      .andWhere('c.expires_at > :now', { now })
      .getRawOne<{ id: string; seekerId: string; nikHash: string }>();
    const nikHash = this.personal.lookupHash(dto.nik);
    const nikMatches = row ? timingSafeEqual(Buffer.from(row.nikHash), Buffer.from(nikHash)) : false;
    if (!row || !nikMatches) throw invalidClaimCode();
    // The right code with the right NIK is no guess, whatever happens next (a taken email, a lost race).
    await this.limiter.takeBack(failureKey(clientAddress), counted);

    return this.tx.run(async (m) => {
      if (await this.users.emailTaken(m, dto.email)) throw duplicateEmail();
      const spent = await m.update(
        ClaimCode,
        { id: row.id, usedAt: IsNull(), expiresAt: MoreThan(now) },
        { usedAt: now },
      );
      if (affectedRows(spent) !== 1) throw invalidClaimCode();
      const seeker = await m.findOneOrFail(Seeker, { where: { id: row.seekerId } });
      let user;
      try {
        user = await this.users.create(m, {
          email: dto.email,
          password: dto.password,
          fullName: seeker.fullName,
          role: 'seeker',
          seekerId: seeker.id,
        });
      } catch (err) {
        // The record got a login some other way in the meantime: the code no longer applies.
        if (uniqueViolation(err) === 'UQ_users_seeker_id') throw invalidClaimCode();
        throw err;
      }
      const self: AuthUser = { id: user.id, role: 'seeker', email: user.email, employerId: null, seekerId: seeker.id };
      await this.audit.record(m, {
        actor: self,
        entityType: 'seeker',
        entityId: seeker.id,
        action: 'seeker.claimed',
        after: { userId: user.id },
      });
      return { user: toUserView(user), seeker: toSeekerView(seeker, dto.nik) };
    });
  }
}

const claimCodeBusy = () =>
  invalidTransition('Another claim code for this job seeker was made at the same moment. Please try again.');
