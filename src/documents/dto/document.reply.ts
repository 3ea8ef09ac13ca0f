import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_TYPES, type DocumentType } from '../../config/config.js';
import {
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_STATUSES,
  type DocumentContentType,
  type DocumentStatus,
} from '../seeker-document.entity.js';

/** A seeker's document (its bytes: `GET /documents/:id/file`). */
export class DocumentReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  type: DocumentType;

  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES })
  contentType: DocumentContentType;

  @ApiProperty({ description: 'bytes as stored (an image after its re-encoding)', example: 183422 })
  size: number;

  @ApiProperty({ enum: DOCUMENT_STATUSES })
  status: DocumentStatus;

  @ApiPropertyOptional({ description: 'REJECTED: why', example: 'Foto KTP buram, mohon difoto ulang' })
  rejectReason?: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'when an officer verified or rejected it' })
  decidedAt?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'REJECTED and not replaced within rejectedRetentionDays: when its file was deleted (the file is then 410 DOCUMENT_PURGED)',
  })
  purgedAt?: string;
}

/** One requirement of REQUIRED_DOCUMENTS: `IJAZAH|SKL` is satisfied by either. */
export class ChecklistItemReply {
  @ApiProperty({ example: 'IJAZAH|SKL' })
  requirement: string;

  @ApiProperty({ description: 'a SUBMITTED or VERIFIED document of one of its types is there' })
  satisfied: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'the document that satisfies it' })
  documentId?: string;
}

export class DocumentsReply {
  @ApiProperty({ type: [DocumentReply] })
  items: DocumentReply[];

  @ApiProperty({ type: [ChecklistItemReply] })
  checklist: ChecklistItemReply[];

  @ApiProperty({
    description:
      'days a REJECTED document waits for its replacement before its file is deleted (REJECTED_DOCUMENT_RETENTION_DAYS)',
    example: 30,
  })
  rejectedRetentionDays: number;
}
