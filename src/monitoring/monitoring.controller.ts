import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiExtraModels, ApiOkResponse } from '@nestjs/swagger';
import { ApiErrors } from '../common/http/api-responses.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { CsvColumns, CsvExport, CsvRows } from '../common/http/csv.interceptor.js';
import { OfficeParticipationQuery, OfficePeriodQuery } from './dto/office-scope.dto.js';
import { AcceptsOlderAnswers, ReportAnswers, ReportRequest, type AnswerContext } from './report-answers.js';
import { ReportScopes, scopeIds } from './report-scope.js';
import { MonitoringService, PARTICIPATION_COLUMNS, type MonitoringSummary } from './monitoring.service.js';
import {
  MONITORING_EXTRA_MODELS,
  MonitoringOutcomesReply,
  MonitoringSummaryReply,
  ParticipationPage,
} from './dto/monitoring.reply.js';

@ApiTags('monitoring')
@ApiExtraModels(...MONITORING_EXTRA_MODELS)
@Controller()
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly scopes: ReportScopes,
    private readonly answers: ReportAnswers,
  ) {}

  @Get('monitoring/summary')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows((s: MonitoringSummary) => [s as unknown as Record<string, unknown>])
  @ApiOperation({
    summary: 'Employers, cards, vacancies, placements and validations: states now, events in the period',
  })
  @ApiOkResponse({ type: MonitoringSummaryReply })
  @ApiErrors(400, 404)
  async summary(@CurrentUser() user: AuthUser, @Query() q: OfficePeriodQuery, @ReportRequest() r: AnswerContext) {
    const offices = scopeIds(await this.scopes.resolve(user, q));
    return this.answers.answer(r, 'summary', [offices, q], () => this.monitoring.summary(q, offices));
  }

  @Get('monitoring/outcomes')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows((o: MonitoringOutcomesReply) => [
    ...o.byMonth.map(({ from: _from, to: _to, month, ...figures }) => ({ period: month, ...figures })),
    (({ period: _period, byMonth: _byMonth, ...figures }) => ({ period: 'total', ...figures }))(o),
  ])
  @ApiOperation({
    summary: 'Outcomes: cards and vacancies that closed in the period, and how many of them ended with a known outcome',
  })
  @ApiOkResponse({ type: MonitoringOutcomesReply })
  @ApiErrors(400, 404)
  async outcomes(@CurrentUser() user: AuthUser, @Query() q: OfficePeriodQuery, @ReportRequest() r: AnswerContext) {
    const offices = scopeIds(await this.scopes.resolve(user, q));
    return this.answers.answer(r, 'outcomes', [offices, q], () => this.monitoring.outcomes(q, offices));
  }

  @Get('monitoring/employers')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvColumns(PARTICIPATION_COLUMNS)
  @ApiOperation({ summary: 'Participation per employer in the period; participating=false is the outreach list' })
  @ApiOkResponse({ type: ParticipationPage })
  @ApiErrors(400, 404)
  async employers(
    @CurrentUser() user: AuthUser,
    @Query() q: OfficeParticipationQuery,
    @ReportRequest() r: AnswerContext,
  ) {
    const offices = scopeIds(await this.scopes.resolve(user, q));
    return this.answers.answer(r, 'employers', [offices, q], () => this.monitoring.employers(q, offices));
  }
}
