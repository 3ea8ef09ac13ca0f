import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CsvColumns, CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOperation, ApiTags, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationListQuery, ApplyDto, ConsentDto, DecideDto } from './dto/application.dto.js';
import { ApiError } from '../common/http/api-responses.js';
import { MyApplicationPage, MyApplicationReply, PipelineItemPage, PipelineItemReply } from './dto/application.reply.js';

/** The CSV columns of a vacancy's applicants: phone and email are filled only for those who consented. */
const PIPELINE_COLUMNS = [
  'id',
  'status',
  'closedReason',
  'appliedAt',
  'coverLetter',
  'shareContact',
  'applicant.seekerId',
  'applicant.fullName',
  'applicant.educationLevel',
  'applicant.skills',
  'applicant.phone',
  'applicant.email',
  'card.cardNumber',
  'card.status',
  'card.reportOverdue',
];

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('vacancies/:id/applications')
  @Roles('seeker')
  @ApiOperation({
    summary: 'Apply to an open vacancy',
    description:
      "shareContact (default false): your consent to show your phone and email to the vacancy's employer; it can be changed later.",
  })
  @ApiCreatedResponse({ type: MyApplicationReply, description: 'SUBMITTED' })
  @ApiError(404, 'NOT_FOUND: no such vacancy, or not published')
  @ApiError(409, 'VACANCY_NOT_OPEN', 'DUPLICATE_APPLICATION')
  @ApiError(422, 'AK1_REQUIRED: the vacancy requires an ACTIVE AK1 card', 'SEEKER_ALREADY_PLACED')
  @ApiError(403, 'EMAIL_NOT_VERIFIED: REQUIRE_EMAIL_VERIFICATION is on and your email is not verified yet', 'FORBIDDEN')
  apply(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: ApplyDto) {
    return this.applications.apply(user, id, dto);
  }

  @Get('seekers/me/applications')
  @CsvExport()
  @Roles('seeker')
  @ApiOperation({ summary: 'My applications and their status' })
  @ApiOkResponse({ type: MyApplicationPage })
  mine(@CurrentUser() user: AuthUser, @Query() q: ApplicationListQuery) {
    return this.applications.listMine(user, q);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('seeker')
  @ApiOperation({ summary: 'Withdraw my undecided application' })
  @ApiOkResponse({ type: MyApplicationReply, description: 'WITHDRAWN' })
  @ApiError(404, 'NOT_FOUND: no such application of yours')
  @ApiError(409, 'INVALID_STATE_TRANSITION: only an undecided application can be withdrawn')
  withdraw(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.applications.withdraw(user, id);
  }

  @Post('applications/:id/consent')
  @HttpCode(200)
  @Roles('seeker')
  @ApiOperation({
    summary: "Give or withdraw consent to show my phone and email to the vacancy's employer (UU PDP No. 27/2022)",
    description:
      'Allowed at any time, in any state of the application. Every change is kept in the consent history (who, when, the value).',
  })
  @ApiOkResponse({ type: MyApplicationReply, description: 'the application with the consent now in force' })
  @ApiError(404, 'NOT_FOUND: no such application of yours')
  consent(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: ConsentDto) {
    return this.applications.changeConsent(user, id, dto.shareContact);
  }

  @Get('vacancies/:id/applications')
  @CsvExport()
  // Declared, so the contact columns are there even when no applicant on the first page consented.
  @CsvColumns(PIPELINE_COLUMNS)
  @Roles('employer', 'officer')
  @ApiOperation({
    summary: "A vacancy's applicants with their card status now (its employer, officers)",
    description:
      'applicant.phone and applicant.email appear only for applicants whose shareContact is true (their consent).',
  })
  @ApiOkResponse({ type: PipelineItemPage })
  @ApiError(404, 'NOT_FOUND: no such vacancy, or (employer) not yours')
  forVacancy(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Query() q: ApplicationListQuery) {
    return this.applications.listForVacancy(user, id, q);
  }

  @Patch('applications/:id')
  @Roles('employer')
  @ApiOperation({ summary: 'Shortlist or reject an application' })
  @ApiOkResponse({ type: PipelineItemReply })
  @ApiError(404, 'NOT_FOUND: no such application to your vacancies')
  @ApiError(409, 'INVALID_STATE_TRANSITION: only SUBMITTED can be shortlisted, only undecided rejected')
  decide(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: DecideDto) {
    return this.applications.decide(user, id, dto.status);
  }
}
