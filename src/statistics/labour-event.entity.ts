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

  /** Detailed education code (4 digits) of the seeker, '-' when not given or for vacancies. */
  @Column({ name: 'education_code', type: 'varchar', length: 8, default: '-' })
  educationCode: string;

  /** KBJI 2014 major group (one digit): the seeker's desired occupation or the vacancy's; '-' unknown. */
  @Column({ type: 'varchar', length: 2, default: '-' })
  occupation: string;

  /** KBLI 2020 section (A–U) of the vacancy's employer or the receiving employer; '-' unknown. */
  @Column({ type: 'varchar', length: 2, default: '-' })
  sector: string;

  /** AKL, AKAD or AKAN for a seeker placed; '-' otherwise. */
  @Column({ name: 'placement_type', type: 'varchar', length: 4, default: '-' })
  placementType: string;

  /** The receiving employer's kind for a seeker placed; '-' otherwise. */
  @Column({ name: 'employer_kind', type: 'varchar', length: 16, default: '-' })
  employerKind: string;

  /** For a seeker placed: 'V' through a vacancy, 'D' directly; '-' otherwise. */
  @Column({ type: 'varchar', length: 1, default: '-' })
  channel: string;

  /** The office the card or vacancy belongs to (its code: `1671`); every report can be read per office. */
  @Column({ type: 'varchar', length: 4, default: '-' })
  office: string;

  /** The placement a PLACED or FILLED event (or its reversal) belongs to. */
  @Column({ name: 'placement_id', type: 'varchar', length: 36, nullable: true })
  placementId: string | null;

  /** Set when the event corrects a closed month: that month (the event itself is dated in the first open one). */
  @Column({ name: 'adjusts_month', type: 'varchar', length: 7, nullable: true })
  adjustsMonth: string | null;

  /** Why a correcting event was written (PLACEMENT_VOIDED); null for ordinary flows. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  cause: string | null;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}
