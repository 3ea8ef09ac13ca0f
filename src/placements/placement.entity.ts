import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlacementReply } from './dto/placement.reply.js';

export type PlacementSource = 'EMPLOYER' | 'SELF_REPORT';
export const PLACEMENT_SOURCES: PlacementSource[] = ['EMPLOYER', 'SELF_REPORT'];
export const PLACEMENT_TYPES = ['AKL', 'AKAD', 'AKAN'] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

/** A recorded hire: the event that ends a seeker's search and fills a vacancy position. */
@Entity('placements')
export class Placement {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36 })
  seekerId: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36, nullable: true })
  employerId: string | null;

  @Column({ name: 'employer_name', type: 'varchar', length: 200 })
  employerName: string;

  @Column({ name: 'vacancy_id', type: 'varchar', length: 36, nullable: true })
  vacancyId: string | null;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  applicationId: string | null;

  @Column({ name: 'card_id', type: 'varchar', length: 36, nullable: true })
  cardId: string | null;

  @Column({ name: 'card_number', type: 'varchar', length: 40, nullable: true })
  cardNumber: string | null;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  position: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: PlacementSource;

  /** AKL (within the office's province), AKAD (another province) or AKAN (abroad). */
  @Column({ name: 'placement_type', type: 'varchar', length: 4, default: 'AKL' })
  placementType: PlacementType;

  /** The receiving employer's kind (reference list `employer-kinds`); '-' when not known. */
  @Column({ name: 'employer_kind', type: 'varchar', length: 16, default: '-' })
  employerKind: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}

/** One description of this reply: the class `PlacementReply` (OpenAPI and code alike). */
export type PlacementView = PlacementReply;

export function toPlacementView(p: Placement): PlacementView {
  return {
    id: p.id,
    seekerId: p.seekerId,
    employerId: p.employerId,
    employerName: p.employerName,
    vacancyId: p.vacancyId,
    applicationId: p.applicationId,
    cardNumber: p.cardNumber,
    startDate: p.startDate,
    position: p.position,
    source: p.source,
    placementType: p.placementType,
    employerKind: p.employerKind,
    recordedAt: p.recordedAt.toISOString(),
  };
}
