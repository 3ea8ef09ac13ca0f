import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application.entity.js';

export class ApplyDto {
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional() @IsString() @MaxLength(5000)
  coverLetter?: string;
}

export class DecideDto {
  @ApiProperty({ enum: ['SHORTLISTED', 'REJECTED'] })
  @IsIn(['SHORTLISTED', 'REJECTED'], { message: 'status must be SHORTLISTED or REJECTED' })
  status: 'SHORTLISTED' | 'REJECTED';
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional() @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}
