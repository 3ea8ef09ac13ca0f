import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { select } from '../database/statements.js';
import { uniqueViolation } from '../database/transactions.js';
import { Passwords } from './passwords.js';
import { User } from './user.entity.js';
import { newUserRow } from './user-rows.js';
import { duplicateEmail } from './users.errors.js';

export interface NewUser {
  email: string;
  password: string;
  fullName: string;
  role: Role;
  employerId?: string | null;
  seekerId?: string | null;
  nip?: string | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  constructor(
    private readonly passwords: Passwords,
    private readonly clock: Clock,
  ) {}

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

  /** Cheap pre-check so a duplicate email is refused before any other row is written. */
  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return (await manager.count(User, { where: { email: normaliseEmail(email) } })) > 0;
  }
}
