import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A browser or app that has signed in to an account before (OWASP's "device cookie"). It holds an opaque
 * token, stored here as its SHA-256 only; presenting it with the account's email lets a sign-in past the
 * per-email failure limit. Its own failures are counted here (`failed_attempts` since
 * `failures_since`), and once they reach the limit the device is revoked, so a stolen token cannot be
 * used to guess the password.
 */
@Entity('known_devices')
export class KnownDevice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3 })
  lastUsedAt: Date;

  @Column({ name: 'failed_attempts', type: 'int', default: 0 })
  failedAttempts: number;

  @Column({ name: 'failures_since', type: 'datetime', precision: 3, nullable: true })
  failuresSince: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
