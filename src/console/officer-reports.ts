import { Injectable } from '@nestjs/common';
import type { HttpReply } from '../common/http/http.js';
import { Clock } from '../common/clock.js';
import { addDays, addMonths, isPeriodDate } from '../common/dates.js';
import { csvLine } from '../common/http/csv.js';
import { PageQuery } from '../common/http/pagination.js';
import { MonthQuery, ParticipationQuery, PeriodQuery } from '../monitoring/dto/monitoring.dto.js';
import { flowTableToCsvRows } from '../monitoring/ipk-report.js';
import type { StockRow } from '../monitoring/ipk-tables.js';
import { flowCells, formLines, STOCK_FORMS, sumCells } from '../monitoring/ipk-forms.js';
import { ipkIII8Rows, stockRows } from '../monitoring/report-csv.js';
import { ipkWorkbook } from '../monitoring/report-xlsx.js';
import { XLSX_TYPE } from '../monitoring/xlsx-export.js';
import { MonitoringService, PARTICIPATION_COLUMNS } from '../monitoring/monitoring.service.js';
import { ReportsService, type IpkTable } from '../monitoring/reports.service.js';
import { ReportScopes, scopeIds, type ReportScope } from '../monitoring/report-scope.js';
import { AGE_BANDS } from '../statistics/labour-event.entity.js';
import type { MessageKey } from './i18n/i18n.js';
import { pagerOf } from './view-models/pager.js';
import type { DashboardView } from './views/officer/DashboardPage.js';
import type { AdjustmentsView } from './views/officer/AdjustmentsPage.js';
import type { ClosingOutcome, ClosingView } from './views/officer/ClosingPage.js';
import type { IpkView, SexCells } from './views/officer/IpkPage.js';
import type { IpkMonthStatus } from './views/officer/IpkStatus.js';
import type { PlacementPart, PlacementReportView } from './views/officer/PlacementReportPage.js';
import type { StockLine, StockReportView, StockTableNo } from './views/officer/StockReportPage.js';
import type { OutreachView } from './views/officer/OutreachPage.js';

type IpkReport = Awaited<ReturnType<ReportsService['ipkIII1']>>;

/** The rows of a flow table as the forms number them (1, 2, A, 3, 4, B, 5), with their labels. */
const SEEKER_FLOWS: [keyof IpkReport['seekers'], string, MessageKey][] = [
  ['carriedOver', '1', 'ipk.s1'],
  ['registered', '2', 'ipk.s2'],
  ['A', 'A', 'ipk.sA'],
  ['placed', '3', 'ipk.s3'],
  ['removed', '4', 'ipk.s4'],
  ['B', 'B', 'ipk.sB'],
  ['remaining', '5', 'ipk.s5'],
];
const VACANCY_FLOWS: [keyof IpkReport['vacancies'], string, MessageKey][] = [
  ['carriedOver', '1', 'ipk.v1'],
  ['registered', '2', 'ipk.v2'],
  ['C', 'C', 'ipk.vC'],
  ['filled', '3', 'ipk.v3'],
  ['removed', '4', 'ipk.v4'],
  ['D', 'D', 'ipk.vD'],
  ['remaining', '5', 'ipk.v5'],
];

/** Rows as the API's CSV: a UTF-8 BOM (so spreadsheets read the encoding), a header, one line per row. */
function sendCsv(res: HttpReply, filename: string, rows: Record<string, unknown>[]): void {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  res.header('Content-Type', 'text/csv; charset=utf-8');
  res.header('Content-Disposition', `attachment; filename="${filename}"`);
  res.header('Cache-Control', 'no-store');
  res.send('\uFEFF' + csvLine(columns) + rows.map((row) => csvLine(columns.map((k) => row[k]))).join(''));
}

/**
 * The officer's report pages — dashboard, outreach list, the IPK set III/1–III/8 and the closing of
 * months — drawn from the
 * API's MonitoringService and ReportsService with the same queries the API's routes take. Each method
 * returns the page's view model (or writes the CSV).
 */
@Injectable()
export class OfficerReports {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly reports: ReportsService,
    private readonly clock: Clock,
    private readonly scopes: ReportScopes,
  ) {}

  /** `from`/`to` from the query when they are real dates (years 1900–2100) in order, else this month so far. */
  period(q: Record<string, string>): { from: string; to: string } {
    const today = this.clock.today();
    const from = isPeriodDate(q.from) ? q.from : `${today.slice(0, 7)}-01`;
    const to = isPeriodDate(q.to) && q.to >= from ? q.to : from > today ? from : today;
    return { from, to };
  }

  /** Year and month from the query, else last month (the report an office usually prints). */
  month(q: Record<string, string>): { year: number; month: number } {
    const y = Number(q.year);
    const m = Number(q.month);
    if (Number.isInteger(y) && y >= 2000 && y <= 2100 && Number.isInteger(m) && m >= 1 && m <= 12) {
      return { year: y, month: m };
    }
    const last = addMonths(`${this.clock.today().slice(0, 7)}-01`, -1);
    return { year: Number(last.slice(0, 4)), month: Number(last.slice(5, 7)) };
  }

  async dashboard(q: Record<string, string>, scope?: ReportScope): Promise<DashboardView> {
    const { from, to } = this.period(q);
    const ids = scope && scopeIds(scope);
    const summary = await this.monitoring.summary(Object.assign(new PeriodQuery(), { from, to }), ids);
    // Cards issued vs placed per month, the last six months.
    const thisMonth = `${this.clock.today().slice(0, 7)}-01`;
    const starts = [5, 4, 3, 2, 1, 0].map((i) => addMonths(thisMonth, -i));
    const tallies = await this.monitoring.issuedAndPlaced(
      starts.map((start) => Object.assign(new PeriodQuery(), { from: start, to: addDays(addMonths(start, 1), -1) })),
      ids,
    );
    const months: DashboardView['months'] = starts.map((start, i) => ({ start, ...tallies[i] }));
    // The register's truth: the period's outcomes, and the share known in each of the same six months.
    const outcomes = await this.monitoring.outcomes(Object.assign(new PeriodQuery(), { from, to }), ids);
    const recent = await this.monitoring.outcomes(
      Object.assign(new PeriodQuery(), { from: addMonths(thisMonth, -5), to: this.clock.today() }),
      ids,
    );
    return { from, to, summary, months, outcomes, outcomeMonths: recent.byMonth };
  }

  /**
   * Verified employers that did not take part in the period: whom the office should call. With
   * `silent`, instead those that closed vacancies in the period without saying who they hired, whether
   * they take part or not.
   */
  private outreachQuery(from: string, to: string, page: number, pageSize: number, silent: boolean): ParticipationQuery {
    const which = silent ? { silentClosures: 'true' as const } : { participating: 'false' as const };
    const filter = { ...which, status: 'VERIFIED' as const, sort: 'legalName' as const };
    return Object.assign(new ParticipationQuery(), { from, to, ...filter, page, pageSize });
  }

  /** The outreach list's "closed vacancies without saying who they hired" checkbox. */
  private silent(q: Record<string, string>): boolean {
    return q.silentClosures === 'true';
  }

  async outreach(
    q: Record<string, string>,
    scope?: ReportScope,
    carried: Record<string, string> = {},
  ): Promise<OutreachView> {
    const { from, to } = this.period(q);
    const page = /^\d{1,5}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const silentClosures = this.silent(q);
    const list = await this.monitoring.employers(
      this.outreachQuery(from, to, page, 50, silentClosures),
      scope && scopeIds(scope),
    );
    const pager = pagerOf(
      '/petugas/penjangkauan',
      { from, to, ...(silentClosures ? { silentClosures: 'true' } : {}), ...carried },
      list,
    );
    return { from, to, silentClosures, rows: list.items, total: list.total, pager };
  }

  /** The outreach list as CSV, every page, the same columns as the API's CSV. */
  async outreachCsv(q: Record<string, string>, res: HttpReply, scope?: ReportScope): Promise<void> {
    const { from, to } = this.period(q);
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename="penjangkauan-${from}-${to}.csv"`);
    res.header('Cache-Control', 'no-store');
    let out = csvLine(PARTICIPATION_COLUMNS);
    for (let page = 1; ; page++) {
      const list = await this.monitoring.employers(
        this.outreachQuery(from, to, page, 100, this.silent(q)),
        scope && scopeIds(scope),
      );
      for (const row of list.items) out += csvLine(PARTICIPATION_COLUMNS.map((k) => row[k]));
      if (page * 100 >= list.total) break;
    }
    res.send(out);
  }

  async ipk(q: Record<string, string>, scope?: ReportScope): Promise<IpkView> {
    const { year, month } = this.month(q);
    const r = await this.reports.ipkIII1(Object.assign(new MonthQuery(), { year, month }), scope);
    return {
      year,
      month,
      ageBands: AGE_BANDS,
      seekers: SEEKER_FLOWS.map(([key, , label]) => {
        const row = r.seekers[key];
        return { label, bands: AGE_BANDS.map((b) => row[b]), total: row.total };
      }),
      vacancies: VACANCY_FLOWS.map(([key, , label]) => ({ label, cells: r.vacancies[key] as SexCells })),
      status: statusOf(r),
    };
  }

  /** The IPK III/1 as CSV: the API's rows (one per part and row, cells as columns). */
  async ipkCsv(q: Record<string, string>, res: HttpReply, scope?: ReportScope): Promise<void> {
    const { year, month } = this.month(q);
    const r = await this.reports.ipkIII1(Object.assign(new MonthQuery(), { year, month }), scope);
    const rows = [
      ...flowTableToCsvRows('seekers', r.seekers as unknown as Record<string, unknown>),
      ...flowTableToCsvRows('vacancies', r.vacancies as unknown as Record<string, unknown>),
    ].map((row) => ({ period: r.period, ...row }));
    sendCsv(res, `ipk-iii-1-${r.period}.csv`, rows);
  }

  /**
   * IPK III/2–III/7 for a month: the form's lines (education tables: each level's subtotal, then its
   * detailed rows with figures), then the total; for each flow column (1, 2, A, 3, 4, B, 5) the L, P and
   * L+P counts.
   */
  async stockReport(table: StockTableNo, q: Record<string, string>, scope?: ReportScope): Promise<StockReportView> {
    const { year, month } = this.month(q);
    const r = await this.reports.ipkStock(table, Object.assign(new MonthQuery(), { year, month }), scope);
    const form = STOCK_FORMS[table];
    const flows = form.out === 'placed' ? SEEKER_FLOWS : VACANCY_FLOWS;
    const sum = (rows: StockRow[], level: string) =>
      sumCells(rows, level, rows.find((x) => x.code === level)?.label ?? level, [
        'carriedOver',
        'registered',
        form.out,
        'removed',
        'remaining',
      ]);
    const lines: StockLine[] = formLines(r.rows, r.levels, form.education, sum).map((l) => ({
      kind: l.kind,
      code: l.row.code,
      label: l.row.label,
      ...(l.kind === 'detail' && l.row.code === l.row.level ? { withoutCode: true } : {}),
      cells: flowCells(l.row),
    }));
    lines.push({ kind: 'total', code: 'total', label: '', cells: flowCells(r.total) });
    return {
      table,
      year,
      month,
      status: statusOf(r),
      flows: flows.map(([, code, key]) => ({ code, key })),
      education: form.education,
      lines,
    };
  }

  /** IPK III/8 for a month: by education (level subtotals, detailed rows) and by kind of receiving employer. */
  async placementReport(q: Record<string, string>, scope?: ReportScope): Promise<PlacementReportView> {
    const { year, month } = this.month(q);
    const r = await this.reports.ipkIII8(Object.assign(new MonthQuery(), { year, month }), scope);
    const cols = ['AKL', 'AKAD', 'AKAN', 'total'] as const;
    type Row = (typeof r.byEducation.rows)[number];
    const part = (
      t: { rows: Row[]; total: Omit<Row, 'code' | 'label' | 'level'> },
      education: boolean,
    ): PlacementPart['lines'] => {
      const sum = (rows: Row[], level: string) =>
        sumCells(rows, level, rows.find((x) => x.code === level)?.label ?? level, [...cols]);
      const lines: PlacementPart['lines'] = formLines(t.rows, undefined, education, sum).map((l) => ({
        kind: l.kind,
        code: l.row.code,
        label: l.row.label,
        ...(l.kind === 'detail' && l.row.code === l.row.level ? { withoutCode: true } : {}),
        cells: cols.map((k) => l.row[k]),
      }));
      lines.push({ kind: 'total', code: 'total', label: '', cells: cols.map((k) => t.total[k]) });
      return lines;
    };
    return {
      year,
      month,
      status: statusOf(r),
      parts: [
        { title: 'ipk.part8a', grouping: 'ipk.education', education: true, lines: part(r.byEducation, true) },
        {
          title: 'ipk.part8b',
          grouping: 'ipk.groupEmployerKind',
          education: false,
          lines: part(r.byEmployerKind, false),
        },
      ],
    };
  }

  /** A table (III/1–III/8) of a month as the API's CSV: the same rows as `?format=csv`. */
  async reportCsv(table: IpkTable, q: Record<string, string>, res: HttpReply, scope?: ReportScope): Promise<void> {
    const { year, month } = this.month(q);
    const r = await this.reports.report(table, Object.assign(new MonthQuery(), { year, month }), scope);
    const rows =
      table === '1'
        ? ['seekers', 'vacancies'].flatMap((part) =>
            flowTableToCsvRows(part, r[part] as Record<string, unknown>).map((row) => ({ period: r.period, ...row })),
          )
        : table === '8'
          ? ipkIII8Rows(r)
          : stockRows(r);
    sendCsv(res, `ipk-iii-${table}-${r.period}.csv`, rows);
  }

  /** A table of a month as the Excel workbook of the API's `?format=xlsx`, laid out like the form. */
  async reportXlsx(table: IpkTable, q: Record<string, string>, res: HttpReply, scope?: ReportScope): Promise<void> {
    const { year, month } = this.month(q);
    const r = await this.reports.report(table, Object.assign(new MonthQuery(), { year, month }), scope);
    const body = await ipkWorkbook(table, r, await this.scopes.title(scope ?? this.scopes.root()));
    res.header('Content-Type', XLSX_TYPE);
    res.header('Content-Disposition', `attachment; filename="ipk-iii-${table}-${r.period}.xlsx"`);
    res.header('Cache-Control', 'no-store');
    res.send(body);
  }

  /** The closing page: the month to close next, and the closed months, newest first (the last 24). */
  async closing(outcome: ClosingOutcome, scope?: ReportScope): Promise<ClosingView> {
    const next = await this.reports.nextMonthToClose(scope);
    const page = await this.reports.closedPeriods(Object.assign(new PageQuery(), { page: 1, pageSize: 24 }), scope);
    return {
      next,
      nextStarted: next <= this.clock.today().slice(0, 7),
      closed: page.items.map((p) => ({ month: p.month, closedAt: p.closedAt!, checksum: p.checksum! })),
      outcome,
    };
  }

  /** A closed month's corrections, a page of 50. */
  async adjustments(
    month: string,
    q: Record<string, string>,
    scope?: ReportScope,
    carried: Record<string, string> = {},
  ): Promise<AdjustmentsView> {
    const page = /^\d{1,5}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const list = await this.reports.adjustments(month, Object.assign(new PageQuery(), { page, pageSize: 50 }), scope);
    return { month, items: list.items, pager: pagerOf(`/petugas/ipk/penutupan/${month}/koreksi`, carried, list) };
  }
}

/** Whether the report's month is closed, from the report itself. */
function statusOf(r: { closedAt: string | null; checksum: string | null }): IpkMonthStatus {
  return { closedAt: r.closedAt, checksum: r.checksum };
}
