import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiExtraModels, ApiOkResponse } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators.js';
import { CsvColumns, CsvExport, CsvRows } from '../common/http/csv.interceptor.js';
import { ParticipationQuery, PeriodQuery } from './dto/monitoring.dto.js';
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
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('monitoring/summary')
  @CsvExport()
  @Roles('officer')
  @CsvRows((s: MonitoringSummary) => [s as unknown as Record<string, unknown>])
  @ApiOperation({
    summary: 'Employers, cards, vacancies, placements and validations: states now, events in the period',
  })
  @ApiOkResponse({ type: MonitoringSummaryReply })
  summary(@Query() q: PeriodQuery) {
    return this.monitoring.summary(q);
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
  outcomes(@Query() q: PeriodQuery) {
    return this.monitoring.outcomes(q);
  }

  @Get('monitoring/employers')
  @CsvExport()
  @Roles('officer')
  @CsvColumns(PARTICIPATION_COLUMNS)
  @ApiOperation({ summary: 'Participation per employer in the period; participating=false is the outreach list' })
  @ApiOkResponse({ type: ParticipationPage })
  employers(@Query() q: ParticipationQuery) {
    return this.monitoring.employers(q);
  }
}
