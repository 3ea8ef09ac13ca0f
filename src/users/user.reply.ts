import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Role } from '../common/auth/auth-user.js';

/** What the API shows of an account (mapper: `toUserView`): `GET /auth/me`, `user` of sign-in and registration replies. */
export class UserReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email', example: 'hr@example.co.id' })
  email: string;

  @ApiProperty({ enum: ['officer', 'employer', 'seeker'] })
  role: Role;

  @ApiProperty({ example: 'Siti Rahmawati' })
  fullName: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'employer staff: their company' })
  employerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'job seekers: their profile' })
  seekerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'officers: the office they act for' })
  officeId?: string;
}
