import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.js';
import { EDUCATION_LEVELS } from '../../common/reference/education.js';
import { VacancyReply } from '../../vacancies/dto/vacancy.reply.js';

const SCORE: ApiPropertyOptions = { type: 'integer', minimum: 0, maximum: 100, example: 72 };
const REASONS: ApiPropertyOptions = {
  type: [String],
  description: '`skill:<name>`, `education`, `location`, `age`, `gender`, `experience`',
  example: ['skill:forklift', 'education'],
};

/** A vacancy ranked for the seeker, with what counted for and against them. */
export class RecommendationReply {
  @ApiProperty({ type: VacancyReply })
  vacancy: VacancyReply;

  @ApiProperty(SCORE)
  score: number;

  @ApiProperty(REASONS)
  matched: string[];

  @ApiProperty(REASONS)
  missing: string[];
}

export const RecommendationPage = PageOf(RecommendationReply);

export class CandidateSeekerReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  fullName: string;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  educationLevel: string;

  @ApiProperty({ type: String, nullable: true, example: '16.71.05' })
  kecamatanCode: string | null;

  @ApiProperty({ type: [String] })
  skills: string[];
}

export class CandidateCardReply {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: '1671-26-000123-7' })
  cardNumber: string | null;
}

/** A seeker with an ACTIVE card ranked for a vacancy (for referral). */
export class CandidateReply {
  @ApiProperty({ type: CandidateSeekerReply })
  seeker: CandidateSeekerReply;

  @ApiProperty({ type: CandidateCardReply })
  card: CandidateCardReply;

  @ApiProperty(SCORE)
  score: number;

  @ApiProperty(REASONS)
  matched: string[];

  @ApiProperty(REASONS)
  missing: string[];
}

export const CandidatePage = PageOf(CandidateReply);
