import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PlacementSource } from '../placements/placement.entity.js';
import { Seeker } from '../seekers/seeker.entity.js';

export const CARD_STATUSES = ['PENDING', 'ACTIVE', 'PLACED', 'EXPIRED', 'REVOKED', 'REJECTED', 'WITHDRAWN'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** How a card came to be: requested online, issued at the counter, or imported from the earlier system. */
export type CardOrigin = 'REQUEST' | 'WALK_IN' | 'IMPORT';
/** How the card's placement became known: a placement recorded here, or the earlier system's record. */
export type CardPlacementSource = PlacementSource | 'IMPORT';

@Entity('cards')
export class Card {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36 })
  seekerId: string;

  @ManyToOne(() => Seeker, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'seeker_id' })
  seeker?: Seeker;

  @Column({ type: 'varchar', length: 16 })
  status: CardStatus;

  /** Lookup key: the number without separators (see card-number.ts); unique; null while PENDING. */
  @Column({ name: 'card_number', type: 'varchar', length: 40, nullable: true })
  cardNumber: string | null;

  /** The number as shown: grouped for numbers issued here, as given for imported ones. */
  @Column({ name: 'card_number_display', type: 'varchar', length: 40, nullable: true })
  cardNumberDisplay: string | null;

  /** The holder's NIK hash while PENDING or ACTIVE, null otherwise; unique, so one such card per NIK. */
  @Column({ name: 'active_nik_hash', type: 'varchar', length: 64, nullable: true })
  activeNikHash: string | null;

  @Column({ type: 'varchar', length: 16 })
  origin: CardOrigin;

  @Column({ name: 'issued_at', type: 'date', nullable: true })
  issuedAt: string | null;

  @Column({ name: 'expires_at', type: 'date', nullable: true })
  expiresAt: string | null;

  @Column({ name: 'next_report_due', type: 'date', nullable: true })
  nextReportDue: string | null;

  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  /** Reason given with a rejection or revocation, or by the holder with a withdrawal. */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** When the card left ACTIVE for good (placed, expired, revoked, withdrawn). */
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ name: 'placement_employer_id', type: 'varchar', length: 36, nullable: true })
  placementEmployerId: string | null;

  @Column({ name: 'placement_employer_name', type: 'varchar', length: 200, nullable: true })
  placementEmployerName: string | null;

  @Column({ name: 'placement_start_date', type: 'date', nullable: true })
  placementStartDate: string | null;

  @Column({ name: 'placement_source', type: 'varchar', length: 16, nullable: true })
  placementSource: CardPlacementSource | null;

  /** The office this row belongs to (docs/offices.md); null only until the next start's bootstrap fills it. */
  @Column({ name: 'office_id', type: 'varchar', length: 36, nullable: true })
  officeId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

@Entity('card_reports')
export class CardReport {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'card_id', type: 'varchar', length: 36 })
  cardId: string;

  @Column({ name: 'reported_at', type: 'datetime', precision: 3 })
  reportedAt: Date;

  @Column({ name: 'reported_by', type: 'varchar', length: 36, nullable: true })
  reportedBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'due_before', type: 'date', nullable: true })
  dueBefore: string | null;

  @Column({ name: 'due_after', type: 'date', nullable: true })
  dueAfter: string | null;
}

/** The last serial used per region and issue year. */
@Entity('card_serials')
export class CardSerial {
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 4 })
  regionCode: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'last_serial', type: 'int' })
  lastSerial: number;
}
