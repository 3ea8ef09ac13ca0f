import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ApplicationStatus = 'SUBMITTED' | 'SHORTLISTED' | 'REJECTED' | 'HIRED' | 'WITHDRAWN' | 'CLOSED';
export const APPLICATION_STATUSES: ApplicationStatus[] = [
  'SUBMITTED',
  'SHORTLISTED',
  'REJECTED',
  'HIRED',
  'WITHDRAWN',
  'CLOSED',
];
/** Applications still waiting for a decision; the ones a hire or a closing vacancy closes. */
export const UNDECIDED: ApplicationStatus[] = ['SUBMITTED', 'SHORTLISTED'];
/** SEEKER_WITHDRAWN: the applicant withdrew their card — no longer looking for work. */
export type ClosedReason = 'SEEKER_PLACED' | 'SEEKER_WITHDRAWN' | 'VACANCY_FILLED' | 'VACANCY_CLOSED';

@Entity('applications')
export class Application {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'vacancy_id', type: 'varchar', length: 36 })
  vacancyId: string;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36 })
  seekerId: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId: string;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  @Column({ name: 'closed_reason', type: 'varchar', length: 24, nullable: true })
  closedReason: ClosedReason | null;

  @Column({ name: 'cover_letter', type: 'text', nullable: true })
  coverLetter: string | null;

  /**
   * The applicant allows the vacancy's employer to see their phone and email (UU PDP No. 27/2022).
   * Off unless given; changed by the applicant at any time, each choice logged in `application_consents`.
   */
  @Column({ name: 'share_contact', type: 'boolean', default: false })
  shareContact: boolean;

  @Column({ name: 'applied_at', type: 'datetime', precision: 3 })
  appliedAt: Date;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
