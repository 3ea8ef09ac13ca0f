import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';
import { IsPeriodDate, NotBeforeFrom } from '../../common/http/period-query.js';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'employer' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'calendar date (Asia/Jakarta), inclusive' })
  @IsOptional()
  @IsPeriodDate('from')
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'calendar date (Asia/Jakarta), inclusive' })
  @IsOptional()
  @IsPeriodDate('to')
  @NotBeforeFrom()
  to?: string;
}
