import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One choice of an applicant about showing their phone and email to the vacancy's employer: the one
 * made when applying and every change after it. Append-only: the history of the consent (UU PDP).
 */
@Entity('application_consents')
export class ApplicationConsent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36 })
  seekerId: string;

  @Column({ name: 'share_contact', type: 'boolean' })
  shareContact: boolean;

  /** The user who made the choice: the seeker's own account. */
  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}
