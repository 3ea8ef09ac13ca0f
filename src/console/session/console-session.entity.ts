import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../common/auth/auth-user.js';

/**
 * A signed-in console session. The browser holds only a random token; the row keeps its SHA-256
 * and the identity the API's access token would carry, so pages act with the same AuthUser.
 */
@Entity('console_sessions')
export class ConsoleSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36, nullable: true })
  employerId: string | null;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36, nullable: true })
  seekerId: string | null;

  /** Officers: their office, as the access token carries it (null: a session from before offices). */
  @Column({ name: 'office_id', type: 'varchar', length: 36, nullable: true })
  officeId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3 })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;
}
