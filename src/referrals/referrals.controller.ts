import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiError } from '../common/http/api-responses.js';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { PageQuery } from '../common/http/pagination.js';
import { CreateReferralDto } from './dto/referral.dto.js';
import { MyReferralPage, ReferralReply, VacancyReferralPage } from './dto/referral.reply.js';
import { ReferralsService } from './referrals.service.js';

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post('vacancies/:id/referrals')
  @Roles('officer')
  @ApiOperation({
    summary: 'Refer a job seeker holding an AK1 card active today to an OPEN vacancy (officer)',
    description:
      'The seeker sees the referral on their pages (GET /seekers/me/referrals) and the vacancy’s employer on its list ' +
      '(GET /vacancies/:id/referrals); no NIK or contact details are passed on. Seekers who applied or were referred ' +
      'already leave the candidate list.',
  })
  @ApiCreatedResponse({ type: ReferralReply })
  @ApiError(404, 'NOT_FOUND: no such vacancy or job seeker')
  @ApiError(
    409,
    'DUPLICATE_REFERRAL: this seeker was already referred to this vacancy',
    'VACANCY_NOT_OPEN: not OPEN, past its closing date, or its company not verified',
    'SEEKER_ALREADY_APPLIED: the seeker applied to it already',
  )
  @ApiError(422, 'AK1_REQUIRED: the seeker holds no card active today', 'SEEKER_ALREADY_PLACED')
  refer(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: CreateReferralDto) {
    return this.referrals.refer(user, id, dto);
  }

  @Get('vacancies/:id/referrals')
  @CsvExport()
  @Roles('officer', 'employer')
  @ApiOperation({
    summary: "A vacancy's referrals, newest first, with whether each seeker has applied (officers, its employer)",
  })
  @ApiOkResponse({ type: VacancyReferralPage })
  @ApiError(404, 'NOT_FOUND: no such vacancy, or (employer) not yours')
  forVacancy(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Query() q: PageQuery) {
    return this.referrals.listForVacancy(user, id, q);
  }

  @Get('seekers/me/referrals')
  @CsvExport()
  @Roles('seeker')
  @ApiOperation({ summary: 'Vacancies the labour office referred you to, newest first' })
  @ApiOkResponse({ type: MyReferralPage })
  mine(@CurrentUser() user: AuthUser, @Query() q: PageQuery) {
    return this.referrals.listMine(user, q);
  }
}
