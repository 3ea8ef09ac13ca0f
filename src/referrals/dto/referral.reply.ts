import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { EDUCATION_LEVELS } from '../../common/reference/education.js';
import { EmployerRefReply } from '../../employers/dto/employer.reply.js';
import { VACANCY_STATUSES, type VacancyStatus } from '../../vacancies/vacancy.entity.js';
import type { MyReferralView, ReferralView, VacancyReferralView } from '../referrals.service.js';

/** A referral of a job seeker to a vacancy by the office (mapper: `toReferralView`). */
export class ReferralReply implements ReferralView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  vacancyId: string;

  @ApiProperty({ format: 'uuid' })
  seekerId: string;

  @ApiProperty({ format: 'date-time' })
  referredAt: string;

  @ApiProperty({ format: 'uuid', description: "the referring officer's user id" })
  referredBy: string;

  @ApiProperty({ type: String, nullable: true, description: "the officer's note, read by the seeker and the employer" })
  note: string | null;
}

/** Who was referred, as the employer may see them before they apply: no NIK, no contact details. */
export class ReferredSeekerReply {
  @ApiProperty()
  fullName: string;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  educationLevel: string;

  @ApiProperty({ type: [String] })
  skills: string[];
}

export class VacancyReferralReply extends ReferralReply implements VacancyReferralView {
  @ApiProperty({ type: ReferredSeekerReply })
  seeker: ReferredSeekerReply;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "the seeker's application to this vacancy once they applied, else null",
  })
  applicationId: string | null;
}

export const VacancyReferralPage = PageOf(VacancyReferralReply);

export class ReferredVacancyReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: VACANCY_STATUSES })
  status: VacancyStatus;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  closesAt: string;

  @ApiProperty({ type: EmployerRefReply })
  employer: EmployerRefReply;
}

export class MyReferralReply extends ReferralReply implements MyReferralView {
  @ApiProperty({ type: ReferredVacancyReply })
  vacancy: ReferredVacancyReply;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'your application to this vacancy once you applied, else null',
  })
  applicationId: string | null;
}

export const MyReferralPage = PageOf(MyReferralReply);
