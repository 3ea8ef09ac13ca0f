import { Controller, Get, Param, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { PageQuery } from '../common/http/pagination.js';
import { MatchingService } from './matching.service.js';
import { ApiError } from '../common/http/api-responses.js';
import { CandidatePage, RecommendationPage } from './dto/matching.reply.js';

@ApiTags('matching')
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get('seekers/me/recommendations')
  @CsvExport()
  @Roles('seeker')
  @ApiOperation({
    summary:
      'OPEN vacancies ranked for you: { items: [{ vacancy, score (0–100), matched, missing }], page, pageSize, total }',
    description:
      'Vacancies whose sex, age or education requirement you do not meet are left out; skills, kecamatan and experience rank the rest.',
  })
  @ApiOkResponse({ type: RecommendationPage })
  recommendations(@CurrentUser() user: AuthUser, @Query() q: PageQuery) {
    return this.matching.recommendations(user, q);
  }

  @Get('vacancies/:id/candidates')
  @CsvExport()
  @Roles('officer')
  @ApiOperation({
    summary:
      'Seekers holding an ACTIVE card, ranked for this vacancy (for referral): { items: [{ seeker, card, score, matched, missing }], … }',
    description: 'Seekers who already applied to the vacancy (in any state) or were referred to it are left out.',
  })
  @ApiOkResponse({ type: CandidatePage })
  @ApiError(404, 'NOT_FOUND: no such vacancy')
  candidates(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Query() q: PageQuery) {
    return this.matching.candidates(user, id, q);
  }
}
