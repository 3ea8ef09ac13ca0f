import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../application.entity.js';

export class ApplyDto {
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  coverLetter?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      "Consent (UU PDP No. 27/2022) to show your phone and email to the vacancy's employer; change it later with POST /applications/:id/consent",
  })
  @IsOptional()
  @IsBoolean({ message: 'shareContact must be true or false' })
  shareContact?: boolean;
}

export class ConsentDto {
  @ApiProperty({
    description:
      "true: the vacancy's employer sees your phone and email; false: it does not (withdraws an earlier consent)",
  })
  @IsBoolean({ message: 'shareContact must be true or false' })
  shareContact: boolean;
}

export class DecideDto {
  @ApiProperty({ enum: ['SHORTLISTED', 'REJECTED'] })
  @IsIn(['SHORTLISTED', 'REJECTED'], { message: 'status must be SHORTLISTED or REJECTED' })
  status: 'SHORTLISTED' | 'REJECTED';
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;
}
