import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../common/auth/auth-user.js';
import type { UserReply } from './user.reply.js';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36, nullable: true })
  employerId: string | null;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36, nullable: true })
  seekerId: string | null;

  /** Civil-servant number of an officer, when given. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  nip: string | null;

  /** The office the account belongs to (officers: the office they act for; docs/offices.md). */
  @Column({ name: 'office_id', type: 'varchar', length: 36, nullable: true })
  officeId: string | null;

  /** When the account proved it receives mail at `email` (null: not yet). */
  @Column({ name: 'email_verified_at', type: 'datetime', precision: 3, nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** What the API shows of a user. */
export type UserView = UserReply;

export function toUserView(
  u: Pick<User, 'id' | 'email' | 'role' | 'fullName' | 'employerId' | 'seekerId'> & { officeId?: string | null },
): UserView {
  const view: UserView = { id: u.id, email: u.email, role: u.role, fullName: u.fullName };
  if (u.employerId) view.employerId = u.employerId;
  if (u.seekerId) view.seekerId = u.seekerId;
  if (u.role === 'officer' && u.officeId) view.officeId = u.officeId;
  return view;
}
