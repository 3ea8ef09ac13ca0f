import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Clock } from '../common/clock.js';
import { addDays, addMonths, isCalendarDate } from '../common/dates.js';
import { csvLine } from '../common/http/csv.js';
import { MonthQuery, ParticipationQuery, PeriodQuery } from '../monitoring/dto/monitoring.dto.js';
import { flowTableToCsvRows } from '../monitoring/ipk-report.js';
import { MonitoringService, type ParticipationRow } from '../monitoring/monitoring.service.js';
import { ReportsService } from '../monitoring/reports.service.js';
import { EDUCATION_LEVELS } from '../common/reference/education.js';
import { AGE_BANDS } from '../statistics/labour-event.entity.js';
import type { MessageKey } from './i18n/i18n.js';
import type { ConsoleContext } from './http/console-context.js';
import { html, type SafeHtml } from './http/html.js';
import { barChart, gauge, pairedColumns } from './views/charts.js';
import { facts, field, pager } from './views/components.js';
import { layout } from './views/layout.js';

/** The outreach list's columns, as GET /monitoring/employers?participating=false&format=csv has them. */
const OUTREACH_COLUMNS: (keyof ParticipationRow)[] = ['employerId', 'legalName', 'status', 'kbli', 'kecamatanCode', 'phone', 'vacanciesPosted', 'vacanciesRequiringAk1', 'validations', 'applicationsReceived', 'hires', 'lastActivityAt', 'participating'];

type IpkReport = Awaited<ReturnType<ReportsService['ipkIII1']>>;
type SexCells = { L: number; P: number; LP: number };

/** The reports by education level: III/2 (job seekers) and III/4 (vacancy positions, by sex asked). */
export type EducationReportKind = 'III-2' | 'III-4';

/** The rows of a flow table as the forms number them, with their labels, for seekers and vacancies. */
const SEEKER_FLOWS: [string, string, MessageKey][] = [
  ['carriedOver', '1', 'ipk.s1'], ['registered', '2', 'ipk.s2'], ['A', 'A', 'ipk.sA'], ['placed', '3', 'ipk.s3'], ['removed', '4', 'ipk.s4'], ['B', 'B', 'ipk.sB'], ['remaining', '5', 'ipk.s5'],
];
const VACANCY_FLOWS: [string, string, MessageKey][] = [
  ['carriedOver', '1', 'ipk.v1'], ['registered', '2', 'ipk.v2'], ['C', 'C', 'ipk.vC'], ['filled', '3', 'ipk.v3'], ['removed', '4', 'ipk.v4'], ['D', 'D', 'ipk.vD'], ['remaining', '5', 'ipk.v5'],
];

/** The tabs between the three monthly reports, keeping the month. */
function ipkTabs(c: ConsoleContext, current: 'III-1' | EducationReportKind, year: number, month: number): SafeHtml {
  const tabs: ['III-1' | EducationReportKind, string, MessageKey][] = [['III-1', '/petugas/ipk', 'ipk.tab1'], ['III-2', '/petugas/ipk/iii-2', 'ipk.tab2'], ['III-4', '/petugas/ipk/iii-4', 'ipk.tab4']];
  return html`<nav class="tabs no-print" aria-label="${c.t('ipk.reports')}"><ul>${tabs.map(([kind, href, key]) => html`<li><a href="${href}?year=${year}&month=${month}"${kind === current ? html` aria-current="page"` : ''}>${c.t(key)}</a></li>`)}</ul></nav>`;
}

/**
 * The officer's report pages — dashboard, outreach list, IPK III/1 — drawn from the API's
 * MonitoringService and ReportsService with the same queries the API's routes take.
 */
@Injectable()
export class OfficerReports {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  /** `from`/`to` from the query when they are real dates in order, else this month so far. */
  period(q: Record<string, string>): { from: string; to: string } {
    const today = this.clock.today();
    const from = isCalendarDate(q.from) ? q.from : `${today.slice(0, 7)}-01`;
    const to = isCalendarDate(q.to) && q.to >= from ? q.to : from > today ? from : today;
    return { from, to };
  }

  /** Year and month from the query, else last month (the report an office usually prints). */
  month(q: Record<string, string>): { year: number; month: number } {
    const y = Number(q.year);
    const m = Number(q.month);
    if (Number.isInteger(y) && y >= 2000 && y <= 2100 && Number.isInteger(m) && m >= 1 && m <= 12) return { year: y, month: m };
    const last = addMonths(`${this.clock.today().slice(0, 7)}-01`, -1);
    return { year: Number(last.slice(0, 4)), month: Number(last.slice(5, 7)) };
  }

  async dashboard(c: ConsoleContext, q: Record<string, string>): Promise<SafeHtml> {
    const t = c.t;
    const { from, to } = this.period(q);
    const s = await this.monitoring.summary(Object.assign(new PeriodQuery(), { from, to }));
    // Cards issued vs placed per month, the last six months.
    const months: { label: string; a: number; b: number }[] = [];
    const thisMonth = `${this.clock.today().slice(0, 7)}-01`;
    for (let i = 5; i >= 0; i--) {
      const start = addMonths(thisMonth, -i);
      const sm = await this.monitoring.summary(Object.assign(new PeriodQuery(), { from: start, to: addDays(addMonths(start, 1), -1) }));
      months.push({ label: `${t.month(Number(start.slice(5, 7))).slice(0, 3)} ${start.slice(2, 4)}`, a: sm.cards.issued, b: sm.placements.total });
    }
    const kpi = (label: string, value: number) => html`<li><strong>${t.number(value)}</strong>${label}</li>`;
    return layout(
      c,
      t('nav.dashboard'),
      html`<h1>${t('nav.dashboard')}</h1>
      <form method="get" action="/petugas" aria-label="${t('dash.period')}"><div class="grid2">
        ${field(c, { name: 'from', label: t('field.from'), type: 'date', values: { from } })}
        ${field(c, { name: 'to', label: t('field.to'), type: 'date', values: { to } })}</div>
        <div class="actions"><button class="btn primary" type="submit">${t('dash.show')}</button></div></form>
      <p><strong>${t('dash.periodText', { from: t.date(from), to: t.date(to) })}</strong></p>
      <h2>${t('dash.employers')}</h2>
      <ul class="kpis">${kpi(t('dash.registered'), s.employers.registered)}${kpi(t('dash.pending'), s.employers.pending)}${kpi(t('dash.verified'), s.employers.verified)}${kpi(t('dash.participating'), s.employers.participating)}</ul>
      ${gauge(t('dash.participationRate'), s.employers.participationRate, `${t('dash.participationRate')}: ${t.percent(s.employers.participationRate)}`)}
      <h2>${t('dash.cards')}</h2>
      <ul class="kpis">${kpi(t.label('card', 'PENDING'), s.cards.pending)}${kpi(t.label('card', 'ACTIVE'), s.cards.active)}${kpi(t.label('card', 'PLACED'), s.cards.placed)}${kpi(t('dash.overdue'), s.cards.reportOverdue)}${kpi(t('dash.issuedInPeriod'), s.cards.issued)}</ul>
      <h2>${t('dash.vacancies')}</h2>
      <ul class="kpis">${kpi(t('dash.open'), s.vacancies.open)}${kpi(t('dash.positionsOpen'), s.vacancies.positionsOpen)}${kpi(t('dash.posted'), s.vacancies.posted)}${kpi(t('dash.postedAk1'), s.vacancies.postedRequiringAk1)}${kpi(t('dash.filled'), s.vacancies.filled)}</ul>
      <h2>${t('dash.placements')}</h2>
      <ul class="kpis">${kpi(t('dash.placementsTotal'), s.placements.total)}${kpi(t('dash.validations'), s.validations.total)}</ul>
      ${barChart(t('dash.bySource'), [
        { label: t.label('placementSource', 'EMPLOYER'), value: s.placements.bySource.EMPLOYER },
        { label: t.label('placementSource', 'SELF_REPORT'), value: s.placements.bySource.SELF_REPORT },
      ])}
      <h2>${t('dash.perMonth')}</h2>
      ${pairedColumns(t('dash.perMonth'), months, [t('dash.issued'), t('dash.placementsMonth')])}
      <div class="table-wrap"><table><caption class="meta">${t('dash.perMonth')}</caption><thead><tr><th>${t('dash.month')}</th><th class="num">${t('dash.issued')}</th><th class="num">${t('dash.placementsMonth')}</th></tr></thead>
      <tbody>${months.map((m) => html`<tr><td>${m.label}</td><td class="num">${m.a}</td><td class="num">${m.b}</td></tr>`)}</tbody></table></div>
      <p class="no-print"><a href="/petugas/penjangkauan?from=${from}&to=${to}">${t('nav.outreach')}</a> · <a href="/petugas/ipk">${t('nav.ipk')}</a></p>`,
    );
  }

  /** Verified employers that did not take part in the period: whom the office should call. */
  private outreachQuery(from: string, to: string, page: number, pageSize: number): ParticipationQuery {
    return Object.assign(new ParticipationQuery(), { from, to, participating: 'false' as const, status: 'VERIFIED' as const, sort: 'legalName' as const, page, pageSize });
  }

  async outreach(c: ConsoleContext, q: Record<string, string>): Promise<SafeHtml> {
    const t = c.t;
    const { from, to } = this.period(q);
    const page = /^\d{1,5}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const list = await this.monitoring.employers(this.outreachQuery(from, to, page, 50));
    const rows = list.items.map(
      (e) => html`<tr><td><strong>${e.legalName}</strong><br><span class="meta">KBLI ${e.kbli} · ${t.kecamatan(e.kecamatanCode)}</span></td><td><a href="tel:${e.phone.replace(/[^0-9+]/g, '')}">${e.phone}</a></td>
        <td class="num">${e.vacanciesPosted}</td><td class="num">${e.validations}</td><td class="num">${e.hires}</td><td>${e.lastActivityAt ? t.date(e.lastActivityAt) : '–'}</td></tr>`,
    );
    return layout(
      c,
      t('nav.outreach'),
      html`<h1>${t('nav.outreach')}</h1><p>${t('outreach.intro')}</p>
      <form method="get" action="/petugas/penjangkauan"><div class="grid2">
        ${field(c, { name: 'from', label: t('field.from'), type: 'date', values: { from } })}
        ${field(c, { name: 'to', label: t('field.to'), type: 'date', values: { to } })}</div>
        <div class="actions"><button class="btn primary" type="submit">${t('dash.show')}</button> <a class="btn secondary" href="/petugas/penjangkauan.csv?from=${from}&to=${to}" download>${t('outreach.csv')}</a></div></form>
      <p role="status"><strong>${t('outreach.count', { n: list.total, from: t.date(from), to: t.date(to) })}</strong></p>
      ${rows.length ? html`<div class="table-wrap"><table><thead><tr><th>${t('field.employer')}</th><th>${t('field.companyPhone')}</th><th class="num">${t('outreach.vacancies')}</th><th class="num">${t('outreach.validations')}</th><th class="num">${t('outreach.hires')}</th><th>${t('outreach.lastActivity')}</th></tr></thead><tbody>${rows}</tbody></table></div>` : ''}
      ${pager(c, '/petugas/penjangkauan', { from, to }, list.page, list.pageSize, list.total)}`,
    );
  }

  /** The outreach list as CSV, every page, the same columns as the API's CSV. */
  async outreachCsv(_c: ConsoleContext, q: Record<string, string>, res: Response): Promise<void> {
    const { from, to } = this.period(q);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="penjangkauan-${from}-${to}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    let out = csvLine(OUTREACH_COLUMNS);
    for (let page = 1; ; page++) {
      const list = await this.monitoring.employers(this.outreachQuery(from, to, page, 100));
      for (const row of list.items) out += csvLine(OUTREACH_COLUMNS.map((k) => row[k]));
      if (page * 100 >= list.total) break;
    }
    res.send(out);
  }

  async ipk(c: ConsoleContext, q: Record<string, string>): Promise<SafeHtml> {
    const t = c.t;
    const { year, month } = this.month(q);
    const r = await this.reports.ipkIII1(Object.assign(new MonthQuery(), { year, month }));
    const monthName = `${t.month(month)} ${year}`;
    const seekerRows: [keyof IpkReport['seekers'], string][] = [
      ['carriedOver', t('ipk.s1')], ['registered', t('ipk.s2')], ['A', t('ipk.sA')], ['placed', t('ipk.s3')], ['removed', t('ipk.s4')], ['B', t('ipk.sB')], ['remaining', t('ipk.s5')],
    ];
    const vacancyRows: [keyof IpkReport['vacancies'], string][] = [
      ['carriedOver', t('ipk.v1')], ['registered', t('ipk.v2')], ['C', t('ipk.vC')], ['filled', t('ipk.v3')], ['removed', t('ipk.v4')], ['D', t('ipk.vD')], ['remaining', t('ipk.v5')],
    ];
    const monthOptions = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t.month(i + 1) }));
    return layout(
      c,
      `${t('nav.ipk')} · ${monthName}`,
      html`<h1>${t('ipk.title')}</h1>${ipkTabs(c, 'III-1', year, month)}
      <form method="get" action="/petugas/ipk" class="no-print"><div class="grid2">
        ${field(c, { name: 'month', label: t('ipk.month'), type: 'select', values: { month: String(month) }, options: monthOptions })}
        ${field(c, { name: 'year', label: t('ipk.year'), type: 'number', values: { year: String(year) } })}</div>
        <div class="actions"><button class="btn primary" type="submit">${t('dash.show')}</button>
        <button type="button" class="btn secondary" data-print>${t('card.print')}</button>
        <a class="btn secondary" href="/petugas/ipk.csv?year=${year}&month=${month}" download>${t('ipk.csv')}</a></div></form>
      ${facts([[t('ipk.region'), t('card.issuer')], [t('ipk.period'), monthName]])}
      <h2>${t('ipk.part1')}</h2>
      <div class="table-wrap"><table><thead>
        <tr><th rowspan="2">${t('ipk.row')}</th>${AGE_BANDS.map((b) => html`<th colspan="2" class="num">${b}</th>`)}<th colspan="3" class="num">${t('ipk.total')}</th></tr>
        <tr>${AGE_BANDS.map(() => html`<th class="num">L</th><th class="num">P</th>`)}<th class="num">L</th><th class="num">P</th><th class="num">L+P</th></tr></thead>
        <tbody>${seekerRows.map(([key, label]) => {
          const row = r.seekers[key];
          return html`<tr><th scope="row">${label}</th>${AGE_BANDS.map((b) => html`<td class="num">${row[b].L}</td><td class="num">${row[b].P}</td>`)}<td class="num">${row.total.L}</td><td class="num">${row.total.P}</td><td class="num"><strong>${row.total.LP}</strong></td></tr>`;
        })}</tbody></table></div>
      <h2>${t('ipk.part2')}</h2>
      <div class="table-wrap"><table><thead><tr><th>${t('ipk.row')}</th><th class="num">L</th><th class="num">P</th><th class="num">L+P</th></tr></thead>
        <tbody>${vacancyRows.map(([key, label]) => {
          const row = r.vacancies[key] as SexCells;
          return html`<tr><th scope="row">${label}</th><td class="num">${row.L}</td><td class="num">${row.P}</td><td class="num"><strong>${row.LP}</strong></td></tr>`;
        })}</tbody></table></div>
      <p class="meta">${t('ipk.note')}</p>`,
    );
  }

  /** The IPK III/1 as CSV: the API's rows (one per part and row, cells as columns). */
  async ipkCsv(_c: ConsoleContext, q: Record<string, string>, res: Response): Promise<void> {
    const { year, month } = this.month(q);
    const r = await this.reports.ipkIII1(Object.assign(new MonthQuery(), { year, month }));
    const rows = [...flowTableToCsvRows('seekers', r.seekers as unknown as Record<string, unknown>), ...flowTableToCsvRows('vacancies', r.vacancies as unknown as Record<string, unknown>)].map((row) => ({ period: r.period, ...row }));
    this.sendCsv(res, `ipk-iii-1-${r.period}.csv`, rows);
  }

  /**
   * IPK III/2 (job seekers) or III/4 (vacancy positions) by education level for a month: one row per
   * level, and for each flow row of the form (1, 2, A, 3, 4, B, 5) the L, P and L+P counts.
   */
  async educationReport(c: ConsoleContext, kind: EducationReportKind, q: Record<string, string>): Promise<SafeHtml> {
    const t = c.t;
    const { year, month } = this.month(q);
    const { table, flows } = await this.educationTable(kind, year, month);
    const monthName = `${t.month(month)} ${year}`;
    const title = t(kind === 'III-2' ? 'ipk.title2' : 'ipk.title4');
    const path = kind === 'III-2' ? '/petugas/ipk/iii-2' : '/petugas/ipk/iii-4';
    const monthOptions = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t.month(i + 1) }));
    const levels: string[] = [...EDUCATION_LEVELS, 'total'];
    const cell = (flow: string, level: string): SexCells => table[flow]?.[level] ?? { L: 0, P: 0, LP: 0 };
    return layout(
      c,
      `${title} · ${monthName}`,
      html`<h1>${title}</h1>${ipkTabs(c, kind, year, month)}
      <form method="get" action="${path}" class="no-print"><div class="grid2">
        ${field(c, { name: 'month', label: t('ipk.month'), type: 'select', values: { month: String(month) }, options: monthOptions })}
        ${field(c, { name: 'year', label: t('ipk.year'), type: 'number', values: { year: String(year) } })}</div>
        <div class="actions"><button class="btn primary" type="submit">${t('dash.show')}</button>
        <button type="button" class="btn secondary" data-print>${t('card.print')}</button>
        <a class="btn secondary" href="${path}.csv?year=${year}&month=${month}" download>${t('ipk.csv')}</a></div></form>
      ${facts([[t('ipk.region'), t('card.issuer')], [t('ipk.period'), monthName]])}
      <div class="table-wrap"><table class="ipk-wide"><thead>
        <tr><th rowspan="2">${t('ipk.education')}</th>${flows.map(([, code, key]) => html`<th colspan="3" class="num"><abbr title="${t(key)}">${code}</abbr></th>`)}</tr>
        <tr>${flows.map(() => html`<th class="num">L</th><th class="num">P</th><th class="num">L+P</th>`)}</tr></thead>
        <tbody>${levels.map((level) => {
          const label = level === 'total' ? t('ipk.total') : t.label('education', level);
          return html`<tr><th scope="row">${level === 'total' ? html`<strong>${label}</strong>` : label}</th>${flows.map(([flow]) => {
            const x = cell(flow, level);
            return html`<td class="num">${x.L}</td><td class="num">${x.P}</td><td class="num"><strong>${x.LP}</strong></td>`;
          })}</tr>`;
        })}</tbody></table></div>
      <h2>${t('ipk.legend')}</h2>
      <dl class="facts">${flows.map(([, code, key]) => html`<div><dt>${code}</dt><dd>${t(key).replace(/^[0-9A-D]\.\s*/, '')}</dd></div>`)}</dl>
      <p class="meta">${t(kind === 'III-2' ? 'ipk.note2' : 'ipk.note4')}</p>`,
    );
  }

  /** IPK III/2 or III/4 as CSV: the API's rows (one per flow row, `<level>.L`, `<level>.P`, `<level>.LP` columns). */
  async educationReportCsv(kind: EducationReportKind, q: Record<string, string>, res: Response): Promise<void> {
    const { year, month } = this.month(q);
    const query = Object.assign(new MonthQuery(), { year, month });
    const r = kind === 'III-2' ? await this.reports.ipkIII2(query) : await this.reports.ipkIII4(query);
    const [part, table] = 'seekers' in r ? ['seekers', r.seekers] : ['vacancies', r.vacancies];
    const rows = flowTableToCsvRows(part, table as unknown as Record<string, unknown>).map((row) => ({ period: r.period, ...row }));
    this.sendCsv(res, `ipk-${kind.toLowerCase()}-${r.period}.csv`, rows);
  }

  private async educationTable(kind: EducationReportKind, year: number, month: number): Promise<{ table: Record<string, Record<string, SexCells>>; flows: [string, string, MessageKey][] }> {
    const query = Object.assign(new MonthQuery(), { year, month });
    if (kind === 'III-2') return { table: (await this.reports.ipkIII2(query)).seekers as unknown as Record<string, Record<string, SexCells>>, flows: SEEKER_FLOWS };
    return { table: (await this.reports.ipkIII4(query)).vacancies as unknown as Record<string, Record<string, SexCells>>, flows: VACANCY_FLOWS };
  }

  /** Rows as the API's CSV: a UTF-8 BOM (so spreadsheets read the encoding), a header, one line per row. */
  private sendCsv(res: Response, filename: string, rows: Record<string, unknown>[]): void {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send('\uFEFF' + csvLine(columns) + rows.map((row) => csvLine(columns.map((k) => row[k]))).join(''));
  }
}
