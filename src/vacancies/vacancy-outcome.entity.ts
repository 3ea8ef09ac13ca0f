import { Column, Entity, PrimaryColumn } from 'typeorm';

export const UNFILLED_REASONS = ['NO_SUITABLE_APPLICANT', 'HIRED_WITHOUT_AK1', 'CANCELLED', 'OTHER'] as const;
export type UnfilledReason = (typeof UNFILLED_REASONS)[number];

/** The employer's account of a vacancy that closed with positions unfilled (one row per vacancy). */
@Entity('vacancy_outcomes')
export class VacancyOutcome {
  @PrimaryColumn({ name: 'vacancy_id', type: 'varchar', length: 36 })
  vacancyId: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId: string;

  /** Why the positions left open stayed open; null when every position was filled by the hires given. */
  @Column({ name: 'unfilled_reason', type: 'varchar', length: 32, nullable: true })
  unfilledReason: UnfilledReason | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
