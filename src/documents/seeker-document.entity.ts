import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentType } from '../config/config.js';

export const DOCUMENT_STATUSES = ['SUBMITTED', 'VERIFIED', 'REJECTED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** A job seeker's current document of one type (one per seeker and type); its bytes are in DocumentStorage. */
@Entity('seeker_documents')
export class SeekerDocument {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'seeker_id', type: 'varchar', length: 36 })
  seekerId: string;

  @Column({ type: 'varchar', length: 16 })
  type: DocumentType;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: DocumentContentType;

  /** Bytes as stored (after an image's re-encoding). */
  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 16 })
  status: DocumentStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  /** Random key of the bytes in the storage driver (never derived from the seeker or the type). */
  @Column({ name: 'storage_key', type: 'varchar', length: 64 })
  storageKey: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'datetime', precision: 3 })
  uploadedAt: Date;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  /** When the daily job deleted the file of this REJECTED document (REJECTED_DOCUMENT_RETENTION_DAYS); null: kept. */
  @Column({ name: 'purged_at', type: 'datetime', precision: 3, nullable: true })
  purgedAt: Date | null;
}
