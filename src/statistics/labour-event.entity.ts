import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Subject = 'SEEKER' | 'VACANCY';
/** Flows of the IPK report: in (REGISTERED), out by placement or hire (PLACED / FILLED), out otherwise (REMOVED). */
export type FlowKind = 'REGISTERED' | 'PLACED' | 'FILLED' | 'REMOVED';
export type AgeBand = '15-19' | '20-29' | '30-44' | '45-54' | '55+' | 'UNDER_15' | '-';
export const AGE_BANDS: Exclude<AgeBand, 'UNDER_15' | '-'>[] = ['15-19', '20-29', '30-44', '45-54', '55+'];

/** One labour-market event, dated by its business date (Asia/Jakarta). Written once, never changed. */
@Entity('labour_events')
export class LabourEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'event_date', type: 'date' })
  eventDate: string;

  @Column({ type: 'varchar', length: 8 })
  subject: Subject;

  @Column({ type: 'varchar', length: 12 })
  kind: FlowKind;

  /** L or P for seekers; L, P or ANY (the sex a vacancy asks for) for vacancies. */
  @Column({ type: 'varchar', length: 3 })
  sex: string;

  /** Seeker's age band at the event; '-' for vacancies. */
  @Column({ name: 'age_band', type: 'varchar', length: 8 })
  ageBand: AgeBand;

  /** Seeker's education, or the vacancy's minimum, as recorded when it was registered. */
  @Column({ type: 'varchar', length: 8 })
  education: string;

  /** 1 per seeker; positions for vacancies. */
  @Column({ type: 'int' })
  positions: number;

  /** The card (seekers) or the vacancy the event belongs to. */
  @Column({ name: 'ref_id', type: 'varchar', length: 36 })
  refId: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}
