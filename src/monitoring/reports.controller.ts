import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiError, ApiErrors } from '../common/http/api-responses.js';
import { CsvExport, CsvRows } from '../common/http/csv.interceptor.js';
import { OfficeMonthQuery, OfficePageQuery, OfficeQuery } from './dto/office-scope.dto.js';
import { IpkIII1Reply, MONITORING_EXTRA_MODELS } from './dto/monitoring.reply.js';
import {
  AdjustmentPage,
  IpkIII8Reply,
  IpkStockReply,
  ReportPeriodPage,
  ReportPeriodReply,
} from './dto/reports.reply.js';
import { flowTableToCsvRows } from './ipk-report.js';
import { ipkIII8Rows, stockRows } from './report-csv.js';
import { AcceptsOlderAnswers, ReportAnswers, ReportRequest, type AnswerContext } from './report-answers.js';
import { ReportScopes, scopeIds, type ReportScope } from './report-scope.js';
import { ReportsService } from './reports.service.js';
import { XlsxExport } from './xlsx-export.js';

/** III/1 as CSV: one line per row of each part, its cells as columns (`20-29.L`, `total.LP`, …). */
const ikhtisarRows = (r: Record<string, unknown>) =>
  ['seekers', 'vacancies'].flatMap((part) =>
    flowTableToCsvRows(part, r[part] as Record<string, unknown>).map((row) => ({ period: r.period, ...row })),
  );

const MONTH_PARAM = { name: 'month', example: '2026-11', description: 'YYYY-MM' };

/**
 * The monthly IPK set (III/1–III/8) and the closing of a month. Every report answers JSON, CSV and an
 * Excel workbook laid out like the official form; a
 * closed month answers its tables as they were filed, with their checksum.
 */
@ApiTags('reports')
@ApiExtraModels(...MONITORING_EXTRA_MODELS)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly scopes: ReportScopes,
    private readonly answers: ReportAnswers,
  ) {}

  /** One IPK table of the month, for the caller's scope: computed now, or young enough for `r`. */
  private async table<T>(
    user: AuthUser,
    q: OfficeMonthQuery,
    r: AnswerContext,
    name: string,
    compute: (scope: ReportScope) => Promise<T>,
  ): Promise<T> {
    const scope = await this.scopes.resolve(user, q);
    return this.answers.answer(r, name, [scope.office.id, scope.aggregate, scopeIds(scope), q], () => compute(scope));
  }

  @Get('ipk-iii-1')
  @XlsxExport('1')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows(ikhtisarRows)
  @ApiOperation({
    summary: 'IPK III/1: job seekers by age band and sex (Part I), vacancy positions by sex asked (Part II)',
  })
  @ApiOkResponse({ type: IpkIII1Reply })
  @ApiErrors(400, 404)
  async ipkIII1(@CurrentUser() user: AuthUser, @Query() q: OfficeMonthQuery, @ReportRequest() r: AnswerContext) {
    return this.table(user, q, r, 'ipk-iii-1', (scope) => this.reports.ipkIII1(q, scope));
  }

  @Get('ipk-iii-2')
  @XlsxExport('2')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows(stockRows)
  @ApiOperation({ summary: 'IPK III/2: job seekers by education (detailed codes, grouped by level) and sex' })
  @ApiOkResponse({ type: IpkStockReply })
  @ApiErrors(400, 404)
  async ipkIII2(@CurrentUser() user: AuthUser, @Query() q: OfficeMonthQuery, @ReportRequest() r: AnswerContext) {
    return this.table(user, q, r, 'ipk-iii-2', (scope) => this.reports.ipkStock('2', q, scope));
  }

  @Get('ipk-iii-3')
  @XlsxExport('3')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows(stockRows)
  @ApiOperation({ summary: 'IPK III/3: job seekers by KBJI 2014 major group of the occupation sought, and sex' })
  @ApiOkResponse({ type: IpkStockReply })
  @ApiErrors(400, 404)
  async ipkIII3(@CurrentUser() user: AuthUser, @Query() q: OfficeMonthQuery, @ReportRequest() r: AnswerContext) {
    return this.table(user, q, r, 'ipk-iii-3', (scope) => this.reports.ipkStock('3', q, scope));
  }

  @Get('ipk-iii-4')
  @XlsxExport('4')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows(stockRows)
  @ApiOperation({ summary: 'IPK III/4: vacancy positions by minimum education and the sex asked' })
  @ApiOkResponse({ type: IpkStockReply })
  @ApiErrors(400, 404)
  async ipkIII4(@CurrentUser() user: AuthUser, @Query() q: OfficeMonthQuery, @ReportRequest() r: AnswerContext) {
    return this.table(user, q, r, 'ipk-iii-4', (scope) => this.reports.ipkStock('4', q, scope));
  }

  @Get('ipk-iii-5')
  @XlsxExport('5')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows(stockRows)
  @ApiOperation({ summary: 'IPK III/5: vacancy positions by KBJI 2014 major group and the sex asked' })
  @ApiOkResponse({ type: IpkStockReply })
  @ApiErrors(400, 404)
  async ipkIII5(@CurrentUser() user: AuthUser, @Query() q: OfficeMonthQuery, @ReportRequest() r: AnswerContext) {
    return this.table(user, q, r, 'ipk-iii-5', (scope) => this.reports.ipkStock('5', q, scope));
  }

  @Get('ipk-iii-6')
  @XlsxExport('6')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows(stockRows)
  @ApiOperation({ summary: "IPK III/6: vacancy positions by KBLI 2020 section of the employer's business" })
  @ApiOkResponse({ type: IpkStockReply })
  @ApiErrors(400, 404)
  async ipkIII6(@CurrentUser() user: AuthUser, @Query() q: OfficeMonthQuery, @ReportRequest() r: AnswerContext) {
    return this.table(user, q, r, 'ipk-iii-6', (scope) => this.reports.ipkStock('6', q, scope));
  }

  @Get('ipk-iii-7')
  @XlsxExport('7')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows(stockRows)
  @ApiOperation({
    summary:
      'IPK III/7: placements by KBLI 2020 section: the positions of vacancies of the section and the placements made without a vacancy',
  })
  @ApiOkResponse({ type: IpkStockReply })
  @ApiErrors(400, 404)
  async ipkIII7(@CurrentUser() user: AuthUser, @Query() q: OfficeMonthQuery, @ReportRequest() r: AnswerContext) {
    return this.table(user, q, r, 'ipk-iii-7', (scope) => this.reports.ipkStock('7', q, scope));
  }

  @Get('ipk-iii-8')
  @XlsxExport('8')
  @CsvExport()
  @Roles('officer')
  @AcceptsOlderAnswers()
  @CsvRows(ipkIII8Rows)
  @ApiOperation({
    summary:
      "IPK III/8: the month's placements by type (AKL, AKAD, AKAN), by education and by kind of receiving employer",
  })
  @ApiOkResponse({ type: IpkIII8Reply })
  @ApiErrors(400, 404)
  async ipkIII8(@CurrentUser() user: AuthUser, @Query() q: OfficeMonthQuery, @ReportRequest() r: AnswerContext) {
    return this.table(user, q, r, 'ipk-iii-8', (scope) => this.reports.ipkIII8(q, scope));
  }

  @Get('periods')
  @CsvExport()
  @Roles('officer')
  @ApiOperation({ summary: 'The closed months, newest first' })
  @ApiOkResponse({ type: ReportPeriodPage })
  @ApiErrors(400, 404)
  async periods(@CurrentUser() user: AuthUser, @Query() q: OfficePageQuery) {
    return this.reports.closedPeriods(q, await this.scopes.resolve(user, q));
  }

  @Get('periods/:month')
  @Roles('officer')
  @ApiParam(MONTH_PARAM)
  @ApiOperation({ summary: 'Whether a month is closed, and its checksum' })
  @ApiOkResponse({ type: ReportPeriodReply })
  @ApiErrors(400, 404)
  async period(@CurrentUser() user: AuthUser, @Param('month') month: string, @Query() q: OfficeQuery) {
    return this.reports.period(month, await this.scopes.resolve(user, q));
  }

  @Post('periods/:month/close')
  @HttpCode(200)
  @Roles('officer')
  @ApiParam(MONTH_PARAM)
  @ApiOperation({
    summary:
      "Close an office's month (officeId, default the caller's; its own office or one below it, another → 404): its eight tables are stored with a checksum and never change again; later corrections count in the first open month. Months close in order (409 PREVIOUS_PERIOD_OPEN); a month not begun cannot (422 PERIOD_NOT_STARTED); closing twice → 409 PERIOD_CLOSED.",
  })
  @ApiOkResponse({ type: ReportPeriodReply })
  @ApiErrors(400, 404)
  @ApiError(409, 'PERIOD_CLOSED', 'PREVIOUS_PERIOD_OPEN')
  @ApiError(422, 'PERIOD_NOT_STARTED')
  async close(@CurrentUser() user: AuthUser, @Param('month') month: string, @Query() q: OfficeQuery) {
    return this.reports.close(user, month, await this.scopes.resolve(user, q));
  }

  @Get('periods/:month/adjustments')
  @CsvExport()
  @Roles('officer')
  @ApiParam(MONTH_PARAM)
  @ApiOperation({ summary: 'Corrections that belong to a closed month, counted in a later open month' })
  @ApiOkResponse({ type: AdjustmentPage })
  @ApiErrors(400, 404)
  async adjustments(@CurrentUser() user: AuthUser, @Param('month') month: string, @Query() q: OfficePageQuery) {
    return this.reports.adjustments(month, q, await this.scopes.resolve(user, q));
  }
}
