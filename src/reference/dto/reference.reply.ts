import { ApiProperty } from '@nestjs/swagger';
import { REFERENCE_LISTS, type ReferenceList } from '../reference-lists.js';

export class ReferenceCodeReply {
  @ApiProperty({ example: '8344' })
  code: string;

  @ApiProperty({ example: 'Operator forklift' })
  label: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Education: its level; KBJI: the major group; KBLI sections: the division range (01-03)',
    example: '8',
  })
  parent: string | null;

  @ApiProperty({ description: 'false once a newer list left the code out (older records keep it)' })
  active: boolean;
}

export class ReferencePage {
  @ApiProperty({ type: [ReferenceCodeReply] })
  items: ReferenceCodeReply[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 303 })
  total: number;
}

export class ReferenceLoadReply {
  @ApiProperty({ enum: REFERENCE_LISTS })
  list: ReferenceList;

  @ApiProperty({ description: 'Codes in the new file' })
  loaded: number;

  @ApiProperty({ description: 'Codes new to the list' })
  added: number;

  @ApiProperty({ description: 'Codes already known whose label or parent changed, or that were inactive' })
  updated: number;

  @ApiProperty({ description: 'Codes missing from the new file, now inactive' })
  deactivated: number;
}

export class ReferenceListSummary {
  @ApiProperty({ enum: REFERENCE_LISTS })
  list: ReferenceList;

  @ApiProperty()
  active: number;

  @ApiProperty()
  inactive: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}
