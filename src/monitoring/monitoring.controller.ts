import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiExtraModels, ApiOkResponse } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators.js';
import { CsvColumns, CsvExport, CsvRows } from '../common/http/csv.interceptor.js';
import { MonthQuery, ParticipationQuery, PeriodQuery } from './dto/monitoring.dto.js';
import { flowTableToCsvRows } from './ipk-report.js';
import { MonitoringService, PARTICIPATION_COLUMNS, type MonitoringSummary } from './monitoring.service.js';
import { ReportsService } from './reports.service.js';
import {
  IpkIII1Reply,
  IpkIII2Reply,
  IpkIII4Reply,
  MONITORING_EXTRA_MODELS,
  MonitoringOutcomesReply,
  MonitoringSummaryReply,
  ParticipationPage,
} from './dto/monitoring.reply.js';

/** A report as CSV: one line per row of each part, its cells as columns (`20-29.L`, `total.LP`, …). */
const reportRows = (r: Record<string, unknown>) =>
  Object.entries(r)
    .filter((entry): entry is [string, Record<string, unknown>] => !!entry[1] && typeof entry[1] === 'object')
    .flatMap(([part, t]) => flowTableToCsvRows(part, t).map((row) => ({ period: r.period, ...row })));

@ApiTags('monitoring')
@ApiExtraModels(...MONITORING_EXTRA_MODELS)
@Controller()
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly reports: ReportsService,
  ) {}

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

  @Get('reports/ipk-iii-1')
  @CsvExport()
  @Roles('officer')
  @CsvRows(reportRows)
  @ApiOperation({
    summary: 'IPK III/1: job seekers by age band and sex (Part I), vacancy positions by sex asked (Part II)',
  })
  @ApiOkResponse({ type: IpkIII1Reply })
  ipkIII1(@Query() q: MonthQuery) {
    return this.reports.ipkIII1(q);
  }

  @Get('reports/ipk-iii-2')
  @CsvExport()
  @Roles('officer')
  @CsvRows(reportRows)
  @ApiOperation({ summary: 'IPK III/2: job seekers by education level and sex' })
  @ApiOkResponse({ type: IpkIII2Reply })
  ipkIII2(@Query() q: MonthQuery) {
    return this.reports.ipkIII2(q);
  }

  @Get('reports/ipk-iii-4')
  @CsvExport()
  @Roles('officer')
  @CsvRows(reportRows)
  @ApiOperation({ summary: 'IPK III/4: vacancy positions by education level and sex asked' })
  @ApiOkResponse({ type: IpkIII4Reply })
  ipkIII4(@Query() q: MonthQuery) {
    return this.reports.ipkIII4(q);
  }
}
