import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsPeriodDate, PeriodPageQuery } from '../../common/http/period-query.js';
import { VALIDATION_RESULTS, type ValidationResult } from '../card-validation.entity.js';

export class ValidateCardDto {
  @ApiProperty({
    description: 'the card number, with or without spaces, dots or dashes',
    example: '1671-26-000123-7',
    maxLength: 40,
  })
  @IsString()
  @MaxLength(40)
  cardNumber: string;

  @ApiProperty({ description: "the holder's NIK (16 digits), as on their KTP", example: '1671051205950001' })
  @IsString()
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik: string;
}

export class ValidateCredentialDto {
  @ApiProperty({
    description:
      'the credential read from the holder’s QR code: its compact form (base32, the `c` of the link) or the compact JWS',
  })
  @IsString()
  @MaxLength(4096)
  token: string;
}

/** `GET /.well-known/card-status?since=`. */
export class CardStatusQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-01',
    description: 'only cards closed on or after this day (Asia/Jakarta): a verifier that holds an earlier list',
  })
  @IsOptional()
  @IsPeriodDate('since')
  since?: string;
}

export class CardValidationQuery extends PeriodPageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'officers: one employer only' })
  @IsOptional()
  @IsUUID('all', { message: 'employerId must be an employer id' })
  employerId?: string;
}

/** The reply to a validation, by number or by credential. */
export class ValidationReplyDto {
  @ApiProperty({ enum: VALIDATION_RESULTS })
  result: ValidationResult;
  @ApiProperty()
  valid: boolean;
  @ApiProperty({ nullable: true, type: String })
  cardNumber: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'B**** S*******' })
  holderName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' })
  expiresAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean })
  reportOverdue: boolean | null;
  @ApiProperty({ format: 'date-time' })
  checkedAt: string;
}
