import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiExtraModels, ApiOkResponse } from '@nestjs/swagger';
import { ApiErrors } from '../common/http/api-responses.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { CsvColumns, CsvExport, CsvRows } from '../common/http/csv.interceptor.js';
import { OfficeParticipationQuery, OfficePeriodQuery } from './dto/office-scope.dto.js';
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
  ) {}

  @Get('monitoring/summary')
  @CsvExport()
  @Roles('officer')
  @CsvRows((s: MonitoringSummary) => [s as unknown as Record<string, unknown>])
  @ApiOperation({
    summary: 'Employers, cards, vacancies, placements and validations: states now, events in the period',
  })
  @ApiOkResponse({ type: MonitoringSummaryReply })
  @ApiErrors(400, 404)
  async summary(@CurrentUser() user: AuthUser, @Query() q: OfficePeriodQuery) {
    return this.monitoring.summary(q, scopeIds(await this.scopes.resolve(user, q)));
  }

  @Get('monitoring/outcomes')
  @CsvExport()
  @Roles('officer')
  @CsvRows((o: MonitoringOutcomesReply) => [
    ...o.byMonth.map(({ from: _from, to: _to, month, ...figures }) => ({ period: month, ...figures })),
    (({ period: _period, byMonth: _byMonth, ...figures }) => ({ period: 'total', ...figures }))(o),
  ])
  @ApiOperation({
    summary: 'Outcomes: cards and vacancies that closed in the period, and how many of them ended with a known outcome',
  })
  @ApiOkResponse({ type: MonitoringOutcomesReply })
  @ApiErrors(400, 404)
  async outcomes(@CurrentUser() user: AuthUser, @Query() q: OfficePeriodQuery) {
    return this.monitoring.outcomes(q, scopeIds(await this.scopes.resolve(user, q)));
  }

  @Get('monitoring/employers')
  @CsvExport()
  @Roles('officer')
  @CsvColumns(PARTICIPATION_COLUMNS)
  @ApiOperation({ summary: 'Participation per employer in the period; participating=false is the outreach list' })
  @ApiOkResponse({ type: ParticipationPage })
  @ApiErrors(400, 404)
  async employers(@CurrentUser() user: AuthUser, @Query() q: OfficeParticipationQuery) {
    return this.monitoring.employers(q, scopeIds(await this.scopes.resolve(user, q)));
  }
}
