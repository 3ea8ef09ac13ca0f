import type { User } from './user.entity.js';

/** What a new account needs; the rest of its columns start empty. */
export type UserRowFields = Pick<User, 'id' | 'email' | 'passwordHash' | 'role' | 'fullName' | 'createdAt'> &
  Partial<Pick<User, 'employerId' | 'seekerId' | 'nip' | 'emailVerifiedAt' | 'updatedAt' | 'officeId'>>;

/**
 * The complete `users` row of a new account, every column set. Pure: the id, the hash and the instant
 * come from the caller. UsersService inserts it; the seed writes it in bulk.
 */
export function newUserRow(u: UserRowFields): User {
  return {
    id: u.id,
    email: u.email,
    passwordHash: u.passwordHash,
    role: u.role,
    fullName: u.fullName,
    employerId: u.employerId ?? null,
    seekerId: u.seekerId ?? null,
    nip: u.nip ?? null,
    officeId: u.officeId ?? null,
    emailVerifiedAt: u.emailVerifiedAt ?? null,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt ?? u.createdAt,
  };
}
