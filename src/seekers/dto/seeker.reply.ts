import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserReply } from '../../users/user.reply.js';
import {
  EDUCATION_LEVELS,
  GENDERS,
  MARITAL_STATUSES,
  type EducationLevel,
  type MaritalStatus,
  type WorkExperience,
} from '../profile.js';
import type { Gender } from '../nik.js';

export class WorkExperienceReply implements WorkExperience {
  @ApiProperty({ example: 'Kasir' })
  position: string;

  @ApiProperty({ example: 'Toko Sinar Jaya' })
  company: string;

  @ApiProperty({ type: 'integer', example: 2019 })
  fromYear: number;

  @ApiPropertyOptional({ type: 'integer', example: 2021, description: 'absent while still working there' })
  toYear?: number;
}

/** A job seeker's profile, NIK included: only the seeker themself and officers see it (mapper: `toSeekerView`). */
export class SeekerReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '1671051205950001' })
  nik: string;

  @ApiProperty({ example: 'Budi Santoso' })
  fullName: string;

  @ApiProperty({ example: 'Palembang' })
  birthPlace: string;

  @ApiProperty({ format: 'date', example: '1995-05-12' })
  birthDate: string;

  @ApiProperty({ enum: GENDERS })
  gender: Gender;

  @ApiProperty({ enum: MARITAL_STATUSES, nullable: true })
  maritalStatus: MaritalStatus | null;

  @ApiProperty({ type: String, nullable: true, example: '0812-7777-1234' })
  phone: string | null;

  @ApiProperty()
  address: string;

  @ApiProperty({ type: String, nullable: true, example: '16.71.05' })
  kecamatanCode: string | null;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  educationLevel: EducationLevel;

  @ApiProperty({ type: String, nullable: true, example: 'Akuntansi' })
  major: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0415',
    description: 'Detailed education code (GET /reference/education), of educationLevel',
  })
  educationCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: '4311', description: 'KBJI 2014 code of the work sought' })
  desiredOccupationCode: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 2020 })
  graduationYear: number | null;

  @ApiProperty({ type: [String], example: ['Microsoft Excel'] })
  skills: string[];

  @ApiProperty({ type: [WorkExperienceReply] })
  experience: WorkExperienceReply[];

  @ApiProperty({ description: 'true until a hire is recorded (and again once a new card is issued)' })
  activeJobSeeker: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  placedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** `POST /auth/register/seeker`: the new account and its profile. */
export class SeekerRegistrationReply {
  @ApiProperty({ type: UserReply })
  user: UserReply;

  @ApiProperty({ type: SeekerReply })
  seeker: SeekerReply;
}
