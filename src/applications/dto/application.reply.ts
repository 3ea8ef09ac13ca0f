import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { EDUCATION_LEVELS } from '../../common/reference/education.js';
import { CARD_STATUSES } from '../../cards/card.entity.js';
import { EmployerRefReply } from '../../employers/dto/employer.reply.js';
import { VACANCY_STATUSES } from '../../vacancies/vacancy.entity.js';
import { APPLICATION_STATUSES, type ApplicationStatus, type ClosedReason } from '../application.entity.js';

const CLOSED_REASONS = ['SEEKER_PLACED', 'SEEKER_WITHDRAWN', 'VACANCY_FILLED', 'VACANCY_CLOSED'];

export class ApplicationVacancyReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: VACANCY_STATUSES })
  status: string;

  @ApiProperty({ type: EmployerRefReply })
  employer: EmployerRefReply;
}

/** What every view of an application shows of its state. */
export abstract class ApplicationStateReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: APPLICATION_STATUSES })
  status: ApplicationStatus;

  @ApiPropertyOptional({ enum: CLOSED_REASONS, description: 'only when CLOSED' })
  closedReason?: ClosedReason;

  @ApiProperty({ format: 'date-time' })
  appliedAt: string;
}

/** An application as its seeker sees it. */
export class MyApplicationReply extends ApplicationStateReply {
  @ApiProperty({
    description:
      "your consent to show your phone and email to the vacancy's employer (POST /applications/:id/consent changes it)",
  })
  shareContact: boolean;

  @ApiProperty({ type: ApplicationVacancyReply })
  vacancy: ApplicationVacancyReply;
}

export const MyApplicationPage = PageOf(MyApplicationReply);

export class ApplicantReply {
  @ApiProperty({ format: 'uuid' })
  seekerId: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  educationLevel: string;

  @ApiProperty({ type: [String] })
  skills: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0812-7777-1234',
    description: 'only when the applicant consented to share contact details (shareContact); null when they gave none',
  })
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'email',
    description: 'only when the applicant consented to share contact details (shareContact)',
  })
  email?: string | null;
}

/** The applicant's card as it is now (not as it was when they applied). */
export class ApplicantCardReply {
  @ApiProperty({ type: String, nullable: true, example: '1671-26-000123-7' })
  cardNumber: string | null;

  @ApiProperty({ enum: CARD_STATUSES })
  status: string;

  @ApiProperty()
  reportOverdue: boolean;
}

/** An application as the vacancy's employer and officers see it. */
export class PipelineItemReply extends ApplicationStateReply {
  @ApiProperty({ type: String, nullable: true })
  coverLetter: string | null;

  @ApiProperty({
    description: 'the applicant consents to show their phone and email (then in `applicant`; absent without it)',
  })
  shareContact: boolean;

  @ApiProperty({ type: ApplicantReply })
  applicant: ApplicantReply;

  @ApiProperty({ type: ApplicantCardReply, nullable: true, description: 'the latest issued card, or null' })
  card: ApplicantCardReply | null;
}

export const PipelineItemPage = PageOf(PipelineItemReply, 'ApplicationPage');
