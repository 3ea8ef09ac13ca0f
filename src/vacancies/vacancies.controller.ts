import { ApiCacheable } from '../common/http/api-responses.js';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOperation, ApiTags, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles, VerifiedEmployer } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { ValidationDay } from '../common/http/validation-day.js';
import {
  CloseVacancyDto,
  CreateVacancyDto,
  EmployerVacancyQuery,
  UpdateVacancyDto,
  VacancySearchQuery,
} from './dto/vacancy.dto.js';
import { OptionalAuthGuard } from './optional-auth.guard.js';
import { VacancySearch } from '../search/vacancy-search.js';
import { VacanciesService } from './vacancies.service.js';
import { ApiError } from '../common/http/api-responses.js';
import { VacancyPage, VacancyReply, VacancySearchReply } from './dto/vacancy.reply.js';

@ApiTags('vacancies')
@Controller()
export class VacanciesController {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly vacancySearch: VacancySearch,
  ) {}

  @ApiCacheable()
  @Get('vacancies')
  @CsvExport()
  @Public()
  @ApiOperation({
    summary: 'Search OPEN vacancies of VERIFIED employers (public)',
    description:
      'Every word of q must appear (any order, any case or accents) in title, description, skills or employer name; the last word also as a prefix (kasi finds kasir). ' +
      'salaryMin keeps vacancies whose salaryMax (or salaryMin when no maximum is stated) is at least the amount; vacancies stating no wage are left out. ' +
      'Reply: { items, page, pageSize, total, facets: { employmentType, kecamatanCode, educationMin } }, facet counts over the whole filtered set; ' +
      'vacancies without a kecamatan count under "UNSPECIFIED", so each facet sums to total.',
  })
  @ApiOkResponse({ type: VacancySearchReply })
  search(@Query() q: VacancySearchQuery) {
    return this.vacancySearch.search(q);
  }

  @Post('vacancies')
  @VerifiedEmployer()
  @UseInterceptors(ValidationDay) // closesAt-after-today is judged with the other field rules, in one answer
  @ApiOperation({ summary: 'Report a vacancy: 201 OPEN, or DRAFT when the body says "status": "DRAFT"' })
  @ApiCreatedResponse({ type: VacancyReply, description: 'OPEN, or DRAFT' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateVacancyDto) {
    return this.vacancies.create(user, dto);
  }

  @Get('employers/me/vacancies')
  @CsvExport()
  @Roles('employer')
  @ApiOperation({ summary: "Your company's vacancies, newest first, in every state" })
  @ApiOkResponse({ type: VacancyPage })
  mine(@CurrentUser() user: AuthUser, @Query() q: EmployerVacancyQuery) {
    return this.vacancies.listMine(user, q);
  }

  @ApiCacheable()
  @Get('vacancies/:id')
  @Public()
  @UseGuards(OptionalAuthGuard)
  @ApiOperation({
    summary: 'One vacancy: public when OPEN and its employer VERIFIED (else 404); its employer and officers always',
  })
  @ApiBearerAuth() // optional: with a token, its employer and officers also see it unpublished
  @ApiOkResponse({ type: VacancyReply })
  @ApiError(404, 'NOT_FOUND: no such vacancy, or not published and not yours')
  get(@CurrentUser() user: AuthUser | null, @Param('id', IdPipe) id: string) {
    return this.vacancies.get(user ?? null, id);
  }

  @Patch('vacancies/:id')
  @VerifiedEmployer()
  @UseInterceptors(ValidationDay)
  @ApiOperation({
    summary: 'Edit a DRAFT or OPEN vacancy (its employer)',
    description:
      'FILLED or CLOSED → 409 INVALID_STATE_TRANSITION; quota below the filled positions → 422 QUOTA_BELOW_FILLED. Optional fields may be set to null to clear them.',
  })
  @ApiOkResponse({
    type: VacancyReply,
    description: 'the vacancy as it is now (FILLED when the quota was lowered to the positions filled)',
  })
  @ApiError(404, 'NOT_FOUND: no such vacancy, or not yours')
  @ApiError(409, 'INVALID_STATE_TRANSITION: FILLED or CLOSED, or changed meanwhile')
  @ApiError(422, 'QUOTA_BELOW_FILLED')
  update(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: UpdateVacancyDto) {
    return this.vacancies.update(user, id, dto);
  }

  @Post('vacancies/:id/publish')
  @HttpCode(200)
  @VerifiedEmployer()
  @ApiOperation({ summary: 'DRAFT → OPEN (its employer); a closing date not after today → 422 CLOSING_DATE_PASSED' })
  @ApiOkResponse({ type: VacancyReply, description: 'OPEN' })
  @ApiError(404, 'NOT_FOUND: no such vacancy, or not yours')
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a DRAFT can be published')
  @ApiError(422, 'CLOSING_DATE_PASSED')
  publish(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.vacancies.publish(user, id);
  }

  @Post('vacancies/:id/close')
  @HttpCode(200)
  @Roles('employer', 'officer')
  @ApiOperation({
    summary: 'Close a DRAFT or OPEN vacancy (its employer, or an officer); its undecided applications close with it',
  })
  @ApiOkResponse({ type: VacancyReply, description: 'CLOSED' })
  @ApiError(404, 'NOT_FOUND: no such vacancy, or (employer) not yours')
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a DRAFT or OPEN vacancy can be closed')
  close(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: CloseVacancyDto) {
    return this.vacancies.close(user, id, dto.reason);
  }
}
