import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The office referred a job seeker to a vacancy (one row per seeker and vacancy). */
@Entity('referrals')
export class Referral {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'vacancy_id', type: 'varchar', length: 36 })
  vacancyId: string;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36 })
  seekerId: string;

  /** The vacancy's employer, copied so that its staff's reads need no join. */
  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId: string;

  /** The officer's note, read by the seeker and by the employer's staff. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The officer's user id. */
  @Column({ name: 'referred_by', type: 'varchar', length: 36 })
  referredBy: string;

  @Column({ name: 'referred_at', type: 'datetime', precision: 3 })
  referredAt: Date;
}
