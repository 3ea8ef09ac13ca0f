import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, MinLength } from 'class-validator';
import type { LoginReply } from '../auth.service.js';
import { TokenPairReply } from './auth.reply.js';

export const PASSWORD_RULE = { min: 10, max: 128 };

/** A password field: 10 to 128 characters. */
export function PasswordField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ minLength: PASSWORD_RULE.min, maxLength: PASSWORD_RULE.max, format: 'password' })(target, key);
    IsString()(target, key);
    Length(PASSWORD_RULE.min, PASSWORD_RULE.max, {
      message: `password must be ${PASSWORD_RULE.min} to ${PASSWORD_RULE.max} characters long`,
    })(target, key);
  };
}

export function EmailField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ format: 'email', maxLength: 254, example: 'hr@example.co.id' })(target, key);
    IsEmail({}, { message: 'email must be a valid email address' })(target, key);
    MaxLength(254)(target, key);
  };
}

export function FullNameField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ maxLength: 200, example: 'Siti Rahmawati' })(target, key);
    IsString()(target, key);
    MinLength(2, { message: 'fullName must be at least 2 characters' })(target, key);
    MaxLength(200)(target, key);
  };
}

export class LoginDto {
  @ApiProperty({ format: 'email' })
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({
    maxLength: 256,
    format: 'password',
    description:
      'The `deviceToken` an earlier successful sign-in of this account returned. With it, this sign-in is not held by the per-email failure limit (nobody can lock the owner out by failing on the email); its own failures count against the device, which is no longer honoured after LOGIN_FAILURE_LIMIT_PER_EMAIL of them in 15 minutes. An unknown, revoked or malformed token, or one of another account, is ignored.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  deviceToken?: string;
}

/** The reply of `POST /auth/login`: a token pair (see TokenPairReply) and this device's known-device token. */
export class LoginReplyDto extends TokenPairReply implements LoginReply {
  @ApiProperty({
    description:
      "Known-device token (opaque, 256 random bits, bound to this account; keep it, e.g. in an HttpOnly cookie or the app's secure storage, and send it as `deviceToken` with later sign-ins). When the sign-in presented a token that is still honoured, the same token comes back; otherwise a new one. Forgotten after a year without use, and at most 20 devices are kept per account (the least recently used go first).",
    example: 'q1Zk3y8c0nT9Zb2mV6xR4aF7uH5eJ1wL0pS3dG8kQ2M',
  })
  deviceToken: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(512)
  refreshToken: string;
}

export class CreateOfficerDto {
  @EmailField()
  email: string;

  @PasswordField()
  password: string;

  @FullNameField()
  fullName: string;

  @ApiPropertyOptional({ description: 'NIP (civil-servant number), 18 digits', example: '198703152010012003' })
  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'nip must be 18 digits' })
  nip?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "the officer's office: yours (the default) or one below it",
  })
  @IsOptional()
  @IsUUID('all', { message: 'officeId must be an office id' })
  officeId?: string;
}

export class CreateStaffDto {
  @EmailField()
  email: string;

  @PasswordField()
  password: string;

  @FullNameField()
  fullName: string;
}

/** `POST /auth/password-reset`. Any well-formed address is taken (the reply never says whether it has an account). */
export class PasswordResetRequestDto {
  @EmailField()
  email: string;
}

/** A one-time token from a mailed link: at most 256 characters (the service issues 43). */
function AccountTokenField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description: 'the `token` of the link in the mail', maxLength: 256, format: 'password' })(
      target,
      key,
    );
    IsString()(target, key);
    MaxLength(256)(target, key);
  };
}

export class PasswordResetConfirmDto {
  @AccountTokenField()
  token: string;

  @PasswordField()
  password: string;
}

export class EmailVerificationConfirmDto {
  @AccountTokenField()
  token: string;
}
