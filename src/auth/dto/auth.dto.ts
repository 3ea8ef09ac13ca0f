import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_RULE = { min: 10, max: 128 };

/** A password field: 10 to 128 characters. */
export function PasswordField(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ minLength: PASSWORD_RULE.min, maxLength: PASSWORD_RULE.max, format: 'password' })(target, key);
    IsString()(target, key);
    Length(PASSWORD_RULE.min, PASSWORD_RULE.max, { message: `password must be ${PASSWORD_RULE.min} to ${PASSWORD_RULE.max} characters long` })(target, key);
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
  @IsString() @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString() @MaxLength(1024)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString() @MaxLength(512)
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
  @IsOptional() @Matches(/^\d{18}$/, { message: 'nip must be 18 digits' })
  nip?: string;
}

export class CreateStaffDto {
  @EmailField()
  email: string;

  @PasswordField()
  password: string;

  @FullNameField()
  fullName: string;
}
