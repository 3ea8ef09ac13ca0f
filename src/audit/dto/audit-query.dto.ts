import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'employer' })
  @IsOptional() @IsString() @MaxLength(32)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsUUID()
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'calendar date (Asia/Jakarta), inclusive' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'calendar date (Asia/Jakarta), inclusive' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}
