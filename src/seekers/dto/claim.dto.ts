import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { EmailField, PasswordField } from '../../auth/dto/auth.dto.js';
import { CLAIM_CODE_ALPHABET, CLAIM_CODE_LENGTH } from '../claim-code-format.js';

/** `POST /auth/register/seeker/claim`: a walk-in job seeker attaches a login to the record an officer made. */
export class ClaimSeekerDto {
  @ApiProperty({
    description: `The code the officer gave: ${CLAIM_CODE_LENGTH} characters of ${CLAIM_CODE_ALPHABET}. Case, spaces and dashes are ignored.`,
    example: 'K7PX-3QMA',
    maxLength: 32,
  })
  @IsString()
  @MaxLength(32)
  claimCode: string;

  @ApiProperty({ description: "The seeker's NIK (16 digits), as on their record", example: '1671051205950001' })
  @IsString()
  @Matches(/^\d{16}$/, { message: 'nik must be a string of 16 digits' })
  nik: string;

  @EmailField()
  email: string;

  @PasswordField()
  password: string;
}
