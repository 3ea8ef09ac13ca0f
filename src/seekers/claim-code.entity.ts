import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A one-time code an officer gives a walk-in job seeker so they can attach a login to their record
 * (`POST /auth/register/seeker/claim`). Stored as a keyed hash only (HMAC with DATA_KEY's lookup key):
 * a copy of the database does not reveal live codes, and codes cannot be tried offline. One row per
 * seeker; a newer code replaces it.
 */
@Entity('seeker_claim_codes')
export class ClaimCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36 })
  seekerId: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
