import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Role } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { select } from '../database/statements.js';
import { uniqueViolation } from '../database/transactions.js';
import { OfficesService } from '../offices/offices.service.js';
import { Passwords } from './passwords.js';
import { User } from './user.entity.js';
import { newUserRow } from './user-rows.js';
import { duplicateEmail, emailNotVerified } from './users.errors.js';

export interface NewUser {
  email: string;
  password: string;
  fullName: string;
  role: Role;
  employerId?: string | null;
  seekerId?: string | null;
  nip?: string | null;
  /** Default: the root office (docs/offices.md). */
  officeId?: string | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: Passwords,
    private readonly clock: Clock,
    private readonly offices: OfficesService,
  ) {}

  /**
   * With REQUIRE_EMAIL_VERIFICATION=true, a job seeker whose email is not verified may not request a card
   * or apply (403 EMAIL_NOT_VERIFIED). Officers and employers are not held; nor is anyone when it is off.
   */
  async requireVerifiedEmail(manager: EntityManager, actor: { id: string; role: Role }): Promise<void> {
    if (!this.config.requireEmailVerification || actor.role !== 'seeker') return;
    const verified = await manager.exists(User, { where: { id: actor.id, emailVerifiedAt: Not(IsNull()) } });
    if (!verified) throw emailNotVerified();
  }

  /**
   * Creates an account inside the caller's transaction. Uniqueness of the email is left to the
   * unique index, so two simultaneous registrations cannot both win.
   */
  async create(manager: EntityManager, input: NewUser): Promise<User> {
    const now = this.clock.now();
    const user = newUserRow({
      id: randomUUID(),
      email: normaliseEmail(input.email),
      passwordHash: await this.passwords.hash(input.password),
      role: input.role,
      fullName: input.fullName.trim(),
      employerId: input.employerId,
      seekerId: input.seekerId,
      nip: input.nip,
      officeId: input.officeId ?? this.offices.rootId(),
      createdAt: now,
    });
    try {
      await manager.insert(User, user);
    } catch (err) {
      if (uniqueViolation(err) === 'UQ_users_email') throw duplicateEmail();
      throw err;
    }
    return user;
  }

  /**
   * The logins of these job seekers (a walk-in seeker has none until they claim their record): the user
   * ids to notify. Written out: a hire asks it.
   */
  async seekerLogins(manager: EntityManager, seekerIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(seekerIds)];
    if (ids.length === 0) return [];
    const rows = await select<{ id: string }>(
      manager,
      `SELECT id FROM users WHERE seeker_id IN (${ids.map(() => '?').join(', ')}) AND role = 'seeker'`,
      ids,
    );
    return rows.map((r) => r.id);
  }

  /** Whether this job seeker already has a login. */
  async seekerHasLogin(manager: EntityManager, seekerId: string): Promise<boolean> {
    return (await manager.count(User, { where: { seekerId } })) > 0;
  }

  /** The account of this email, if any (lower-cased first). */
  async findByEmail(manager: EntityManager, email: string): Promise<User | null> {
    return manager.findOne(User, { where: { email: normaliseEmail(email) } });
  }

  /** Records that the account receives mail at its address (the first proof stands; later ones change nothing). */
  async markEmailVerified(manager: EntityManager, userId: string): Promise<void> {
    const now = this.clock.now();
    await manager.update(User, { id: userId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: now, updatedAt: now });
  }

  /** Replaces the account's password with one already hashed by `Passwords.hash` (slow: hash outside the transaction). */
  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.update(User, { id: userId }, { passwordHash, updatedAt: this.clock.now() });
  }

  /** Cheap pre-check so a duplicate email is refused before any other row is written. */
  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return (await manager.count(User, { where: { email: normaliseEmail(email) } })) > 0;
  }
}
