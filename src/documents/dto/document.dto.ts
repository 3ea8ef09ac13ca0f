import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DOCUMENT_TYPES, type DocumentType } from '../../config/config.js';

/** `POST /seekers/{me,:id}/documents`: a multipart form (read by the route, documents.controller.ts). */
export class UploadDocumentForm {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  type: DocumentType;

  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'JPEG, PNG or PDF (judged by the bytes), at most 2 MiB',
  })
  file: unknown;
}

/** `POST /documents/:id/reject`: why, told to the seeker. */
export class RejectDocumentDto {
  @ApiProperty({ maxLength: 500, example: 'Foto KTP buram, mohon difoto ulang' })
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(500)
  reason: string;
}
