import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReportingReads } from '../database/reporting-reads.js';
import { cardSql, positional } from '../cards/card-lifecycle.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { Clock } from '../common/clock.js';
import { addDays, addMonths } from '../common/dates.js';
import type { Page } from '../common/http/pagination.js';
import { pageWindow } from '../common/http/pagination.js';
import { sqlInstant } from '../common/sql.js';
import type { EmployerSort, ParticipationQuery, PeriodQuery } from './dto/monitoring.dto.js';
import { resolvePeriod, type Period } from './period.js';
import type {
  MonitoringOutcomesReply,
  MonitoringSummaryReply,
  OutcomeFiguresReply,
  OutcomeMonthReply,
} from './dto/monitoring.reply.js';
import { cardsClosedIn, officeFilter, silentClosers, vacanciesClosedIn } from './outcome-sql.js';
import type { ParticipationRowReply } from './dto/monitoring.reply.js';

/** One description of this reply: the class `MonitoringSummaryReply` (OpenAPI and code alike). */
export type MonitoringSummary = MonitoringSummaryReply;

/** One description of this reply: the class `ParticipationRowReply` (OpenAPI and code alike). */
export type ParticipationRow = ParticipationRowReply;

/** The participation table's columns, in order (its CSV export and the console's outreach list). */
export const PARTICIPATION_COLUMNS: (keyof ParticipationRow)[] = [
  'employerId',
  'legalName',
  'status',
  'kbli',
  'kecamatanCode',
  'phone',
  'vacanciesPosted',
  'vacanciesRequiringAk1',
  'validations',
  'applicationsReceived',
  'hires',
  'lastActivityAt',
  'participating',
];

const n = (v: unknown): number => Number(v ?? 0);

/** A datetime as either driver returns it (Date from mysql2, `YYYY-MM-DD HH:MM:SS.mmm` UTC from SQLite). */
function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return new Date(`${String(v).replace(' ', 'T')}Z`).toISOString();
}

/** Latest of several nullable columns, in SQL both engines understand (no GREATEST in SQLite). */
function latestOf(cols: string[]): string {
  if (cols.length === 1) return cols[0];
  const [first, ...rest] = cols;
  const beatsRest = rest.map((c) => `${first} >= COALESCE(${c}, ${first})`).join(' AND ');
  return `CASE WHEN ${beatsRest} THEN ${first} ELSE ${latestOf(rest)} END`;
}

const SORT_SQL: Record<string, string> = {
  legalName: 'legalName',
  vacanciesPosted: 'vacanciesPosted',
  validations: 'validations',
  hires: 'hires',
  applicationsReceived: 'applicationsReceived',
  lastActivityAt: 'lastActivityAt',
};

/**
 * What the office watches: which employers take part, and the state of the register. An employer
 * **participates** in a period when, in it, it posted a vacancy requiring the AK1, validated a card, or
 * recorded a hire. Counts of states are as of now; counts of events fall inside the period.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly reads: ReportingReads,
    private readonly clock: Clock,
    private readonly officeSettings: OfficeSettings,
  ) {}

  /**
   * `offices`: the ids of the offices counted (one office, or a province's subtree); absent: every row.
   * Employers, cards and vacancies by their `office_id`; validations by the validating employer's office,
   * placements by the placed seeker's.
   */
  async summary(q: PeriodQuery, offices?: readonly string[]): Promise<MonitoringSummary> {
    const p = resolvePeriod(q, this.clock.today());
    const [s, e] = [sqlInstant(p.start), sqlInstant(p.end)];
    const of = (col: string) => officeFilter(col, offices);
    const byStatus = async (table: string) =>
      Object.fromEntries(
        (
          (await this.reads.query(
            `SELECT status, COUNT(*) AS c FROM ${table} WHERE 1 = 1${of('office_id').sql} GROUP BY status`,
            of('office_id').params,
          )) as {
            status: string;
            c: unknown;
          }[]
        ).map((r) => [r.status, n(r.c)]),
      );

    const employers = await byStatus('employers');
    const [participating] = await this.reads.query(
      `SELECT COUNT(*) AS c FROM employers e JOIN (${PARTICIPANTS}) t ON t.employer_id = e.id WHERE e.status = 'VERIFIED'${of('e.office_id').sql}`,
      [s, e, s, e, s, e, ...of('e.office_id').params],
    );
    // Cards by their status as it is today (card-lifecycle.ts): an ACTIVE card past its expiry is EXPIRED.
    // Counted by stored status, then the ACTIVE ones past expiry moved over: both read from the index
    // (office_id, status, next_report_due, expires_at) alone, half the time of grouping by the effective status.
    const today = this.clock.today();
    const cards = await byStatus('cards');
    const [lapsed] = await this.reads.query(
      `SELECT COUNT(*) AS c FROM cards WHERE status = 'ACTIVE' AND expires_at < ?${of('office_id').sql}`,
      [today, ...of('office_id').params],
    );
    if (n(lapsed.c) > 0) {
      cards.ACTIVE = (cards.ACTIVE ?? 0) - n(lapsed.c);
      cards.EXPIRED = (cards.EXPIRED ?? 0) + n(lapsed.c);
    }
    // By each card's own office's grace days: an aggregate is the sum of its offices' counts.
    const overdueParams: unknown[] = [];
    const overdueSql = cardSql.reportOverdue(
      'cards',
      today,
      await this.officeSettings.overdueRules(),
      positional(overdueParams),
    );
    const [overdue] = await this.reads.query(
      `SELECT COUNT(*) AS c FROM cards WHERE ${overdueSql}${of('office_id').sql}`,
      [...overdueParams, ...of('office_id').params],
    );
    const [issued] = await this.reads.query(
      `SELECT COUNT(*) AS c FROM cards WHERE issued_at >= ? AND issued_at <= ?${of('office_id').sql}`,
      [p.from, p.to, ...of('office_id').params],
    );
    const [open] = await this.reads.query(
      `SELECT COUNT(*) AS c, SUM(quota - filled) AS positions FROM vacancies WHERE status = 'OPEN'${of('office_id').sql}`,
      of('office_id').params,
    );
    const [posted] = await this.reads.query(
      `SELECT COUNT(*) AS c, SUM(CASE WHEN requires_ak1 = 1 THEN 1 ELSE 0 END) AS ak1 FROM vacancies WHERE published_at >= ? AND published_at < ?${of('office_id').sql}`,
      [s, e, ...of('office_id').params],
    );
    const [filled] = await this.reads.query(
      `SELECT COUNT(*) AS c FROM vacancies WHERE closed_reason = 'FILLED' AND closed_at >= ? AND closed_at < ?${of('office_id').sql}`,
      [s, e, ...of('office_id').params],
    );
    const seekersOf = offices ? ` AND seeker_id IN (SELECT id FROM seekers WHERE 1 = 1${of('office_id').sql})` : '';
    const employersOf = offices
      ? ` AND employer_id IN (SELECT id FROM employers WHERE 1 = 1${of('office_id').sql})`
      : '';
    const placements = Object.fromEntries(
      (
        (await this.reads.query(
          `SELECT source, COUNT(*) AS c FROM placements WHERE recorded_at >= ? AND recorded_at < ? AND status = 'RECORDED'${seekersOf} GROUP BY source`,
          [s, e, ...(offices ? of('office_id').params : [])],
        )) as { source: string; c: unknown }[]
      ).map((r) => [r.source, n(r.c)]),
    );
    const [validations] = await this.reads.query(
      `SELECT COUNT(*) AS c FROM card_validations WHERE checked_at >= ? AND checked_at < ?${employersOf}`,
      [s, e, ...(offices ? of('office_id').params : [])],
    );

    const verified = employers.VERIFIED ?? 0;
    return {
      period: { from: p.from, to: p.to },
      employers: {
        registered: Object.values(employers).reduce((a, b) => a + b, 0),
        pending: employers.PENDING ?? 0,
        verified,
        suspended: employers.SUSPENDED ?? 0,
        participating: n(participating.c),
        participationRate: verified === 0 ? 0 : Math.round((n(participating.c) / verified) * 10_000) / 10_000,
      },
      cards: {
        pending: cards.PENDING ?? 0,
        active: cards.ACTIVE ?? 0,
        placed: cards.PLACED ?? 0,
        expired: cards.EXPIRED ?? 0,
        revoked: cards.REVOKED ?? 0,
        reportOverdue: n(overdue.c),
        issued: n(issued.c),
      },
      vacancies: {
        open: n(open.c),
        posted: n(posted.c),
        postedRequiringAk1: n(posted.ak1),
        filled: n(filled.c),
        positionsOpen: n(open.positions),
      },
      placements: {
        total: (placements.EMPLOYER ?? 0) + (placements.SELF_REPORT ?? 0),
        bySource: { EMPLOYER: placements.EMPLOYER ?? 0, SELF_REPORT: placements.SELF_REPORT ?? 0 },
      },
      validations: { total: n(validations.c) },
    };
  }

  /**
   * Cards issued and placements recorded in each of `periods`, counted exactly as `summary` counts
   * `cards.issued` and `placements.total` for each period alone, in two statements instead of a summary per
   * period (the console's dashboard shows six months).
   */
  async issuedAndPlaced(
    periods: readonly PeriodQuery[],
    offices?: readonly string[],
  ): Promise<{ issued: number; placements: number }[]> {
    if (periods.length === 0) return [];
    const today = this.clock.today();
    const ps = periods.map((q) => resolvePeriod(q, today));
    const of = (col: string) => officeFilter(col, offices);
    const issuedCase = ps.map((_, i) => `SUM(CASE WHEN issued_at >= ? AND issued_at <= ? THEN 1 ELSE 0 END) AS p${i}`);
    const [issued] = (await this.reads.query(
      `SELECT ${issuedCase.join(', ')} FROM cards WHERE issued_at >= ? AND issued_at <= ?${of('office_id').sql}`,
      [
        ...ps.flatMap((p) => [p.from, p.to]),
        ps.reduce((a, p) => (p.from < a ? p.from : a), ps[0].from),
        ps.reduce((a, p) => (p.to > a ? p.to : a), ps[0].to),
        ...of('office_id').params,
      ],
    )) as Record<string, unknown>[];
    const instants = ps.map((p) => [sqlInstant(p.start), sqlInstant(p.end)] as const);
    const seekersOf = offices ? ` AND seeker_id IN (SELECT id FROM seekers WHERE 1 = 1${of('office_id').sql})` : '';
    const placedCase = instants.map(
      (_, i) => `SUM(CASE WHEN recorded_at >= ? AND recorded_at < ? THEN 1 ELSE 0 END) AS p${i}`,
    );
    const [placed] = (await this.reads.query(
      `SELECT ${placedCase.join(', ')} FROM placements WHERE recorded_at >= ? AND recorded_at < ? AND status = 'RECORDED'${seekersOf}`,
      [
        ...instants.flat(),
        instants.reduce((a, [s]) => (s < a ? s : a), instants[0][0]),
        instants.reduce((a, [, e]) => (e > a ? e : a), instants[0][1]),
        ...(offices ? of('office_id').params : []),
      ],
    )) as Record<string, unknown>[];
    return ps.map((_, i) => ({ issued: n(issued?.[`p${i}`]), placements: n(placed?.[`p${i}`]) }));
  }

  /**
   * How much of the register ends with a known outcome: cards and vacancies that closed in the period
   * (outcome-sql.ts says when each closed), in total and per calendar month. See docs/reports.md.
   */
  async outcomes(q: PeriodQuery, offices?: readonly string[]): Promise<MonitoringOutcomesReply> {
    const today = this.clock.today();
    const p = resolvePeriod(q, today);
    const mysql = this.reads.isMysql;
    const cards = cardsClosedIn(p, today, mysql, offices);
    const cardRows: { month: string; outcome: string; c: unknown }[] = await this.reads.query(
      `SELECT t.month AS month, t.outcome AS outcome, COUNT(*) AS c FROM (${cards.sql}) t GROUP BY t.month, t.outcome`,
      cards.params,
    );
    const vacancies = vacanciesClosedIn(p, today, mysql, true, offices);
    const vacancyRows: { month: string; closed: unknown; known: unknown; withoutAk1: unknown }[] =
      await this.reads.query(
        `SELECT t.month AS month, COUNT(*) AS closed,
                SUM(CASE WHEN t.filled >= t.quota OR o.vacancy_id IS NOT NULL THEN 1 ELSE 0 END) AS known,
                SUM(CASE WHEN o.unfilled_reason = 'HIRED_WITHOUT_AK1' THEN 1 ELSE 0 END) AS withoutAk1
           FROM (${vacancies.sql}) t LEFT JOIN vacancy_outcomes o ON o.vacancy_id = t.id
          GROUP BY t.month`,
        vacancies.params,
      );

    const months = monthsOf(p);
    const tally = new Map(months.map((m) => [m.month, emptyTally()]));
    for (const r of cardRows) {
      const t = tally.get(String(r.month));
      if (t && r.outcome in t.cards) t.cards[r.outcome as CardOutcome] += n(r.c);
    }
    for (const r of vacancyRows) {
      const t = tally.get(String(r.month));
      if (t) Object.assign(t.vacancies, { closed: n(r.closed), known: n(r.known), withoutAk1: n(r.withoutAk1) });
    }
    const byMonth: OutcomeMonthReply[] = months.map((m) => ({ ...m, ...figures(tally.get(m.month)!) }));
    const total = emptyTally();
    for (const t of tally.values()) {
      for (const k of CARD_OUTCOMES) total.cards[k] += t.cards[k];
      for (const k of ['closed', 'known', 'withoutAk1'] as const) total.vacancies[k] += t.vacancies[k];
    }
    return { period: { from: p.from, to: p.to }, ...figures(total), byMonth };
  }

  /** The participation table, one row per employer; `participating=false` is the outreach list. */
  async employers(
    q: ParticipationQuery,
    offices?: readonly string[],
  ): Promise<Page<ParticipationRow> & { period: { from: string; to: string } }> {
    const p = resolvePeriod(q, this.clock.today());
    const { page, pageSize, skip } = pageWindow(q);
    const { sql, params } = participationQuery(p, q, this.clock.today(), offices);
    const sort: EmployerSort = q.sort ?? '-lastActivityAt';
    const desc = sort.startsWith('-');
    const column = SORT_SQL[desc ? sort.slice(1) : sort];
    // The page and the number of rows in one pass over the period's activity (a window count), rather than
    // aggregating it twice; only a page past the end needs a count of its own.
    const rows: Record<string, unknown>[] = await this.reads.query(
      `SELECT t.*, COUNT(*) OVER () AS fullCount FROM (${sql}) t
        ORDER BY ${column} ${desc ? 'DESC' : 'ASC'}, legalName ASC, employerId ASC LIMIT ? OFFSET ?`,
      [...params, pageSize, skip],
    );
    const total =
      rows.length > 0
        ? n(rows[0].fullCount)
        : skip === 0
          ? 0
          : n((await this.reads.query(`SELECT COUNT(*) AS c FROM (${sql}) t`, params))[0].c);
    return {
      period: { from: p.from, to: p.to },
      items: rows.map((r) => ({
        employerId: String(r.employerId),
        legalName: String(r.legalName),
        status: String(r.status),
        kbli: String(r.kbli),
        kecamatanCode: (r.kecamatanCode as string | null) ?? null,
        phone: String(r.phone),
        vacanciesPosted: n(r.vacanciesPosted),
        vacanciesRequiringAk1: n(r.vacanciesRequiringAk1),
        validations: n(r.validations),
        applicationsReceived: n(r.applicationsReceived),
        hires: n(r.hires),
        lastActivityAt: iso(r.lastActivityAt),
        participating: n(r.vacanciesRequiringAk1) + n(r.validations) + n(r.hires) > 0,
      })),
      page,
      pageSize,
      total,
    };
  }

  /**
   * The ids of every employer the participation table's filters match (no paging, `sort` ignored), read
   * through the caller's transaction: an outreach campaign stores them as its recipients.
   */
  async employerIdsMatching(m: EntityManager, q: ParticipationQuery): Promise<string[]> {
    const p = resolvePeriod(q, this.clock.today());
    const { sql, params } = participationQuery(p, q, this.clock.today());
    const rows: { employerId: unknown }[] = await m.query(
      `SELECT employerId FROM (${sql}) t ORDER BY employerId`,
      params,
    );
    return rows.map((r) => String(r.employerId));
  }

  /**
   * How many of the employers selected by `among` (SQL selecting employer ids, and its parameters) took
   * part — as defined above — in [start, end): an outreach campaign's recipients after it was sent.
   */
  async countParticipating(among: { sql: string; params: unknown[] }, start: Date, end: Date): Promise<number> {
    const [s, e] = [sqlInstant(start), sqlInstant(end)];
    const [row] = await this.reads.query(
      `SELECT COUNT(*) AS c FROM (${among.sql}) a WHERE a.employer_id IN (${PARTICIPANTS})`,
      [...among.params, s, e, s, e, s, e],
    );
    return n(row.c);
  }
}

/**
 * Ids of the employers that took part in the period, by any of the three ways, with the period bound
 * three times. Read from the period's rows (index ranges that cover employer_id, migration
 * 1764231000000) rather than probed employer by employer: at 20,000 employers that took ~1 s.
 */
const PARTICIPANTS = [
  `SELECT employer_id FROM vacancies WHERE published_at >= ? AND published_at < ? AND requires_ak1 = 1`,
  `SELECT employer_id FROM card_validations WHERE checked_at >= ? AND checked_at < ?`,
  `SELECT employer_id FROM placements WHERE recorded_at >= ? AND recorded_at < ? AND source = 'EMPLOYER' AND status = 'RECORDED'`,
].join(' UNION ');

/** Per-employer activity in the period, aggregated once per source table and joined to employers. */
function participationQuery(
  p: Period,
  q: ParticipationQuery,
  today: string,
  offices?: readonly string[],
): { sql: string; params: unknown[] } {
  const [s, e] = [sqlInstant(p.start), sqlInstant(p.end)];
  const where: string[] = [];
  const params: unknown[] = [s, e, s, e, s, e, s, e];
  if (offices) {
    const of = officeFilter('e.office_id', offices);
    where.push(of.sql.replace(/^ AND /, ''));
    params.push(...of.params);
  }
  if (q.status) {
    where.push('e.status = ?');
    params.push(q.status);
  }
  if (q.kecamatanCode) {
    where.push('e.kecamatan_code = ?');
    params.push(q.kecamatanCode);
  }
  if (q.kbli) {
    where.push('e.kbli = ?');
    params.push(q.kbli);
  }
  if (q.kbliGroup) {
    where.push('e.kbli LIKE ?');
    params.push(`${q.kbliGroup}%`);
  }
  if (q.silentClosures) {
    const silent = silentClosers(p, today);
    where.push(`e.id ${q.silentClosures === 'true' ? 'IN' : 'NOT IN'} (${silent.sql})`);
    params.push(...silent.params);
  }
  const active = 'COALESCE(v.postedAk1, 0) + COALESCE(cv.n, 0) + COALESCE(p.n, 0)';
  if (q.participating === 'true') where.push(`${active} > 0`);
  if (q.participating === 'false') where.push(`${active} = 0`);
  const sql = `SELECT e.id AS employerId, e.legal_name AS legalName, e.status AS status, e.kbli AS kbli, e.kecamatan_code AS kecamatanCode, e.phone AS phone,
      COALESCE(v.posted, 0) AS vacanciesPosted, COALESCE(v.postedAk1, 0) AS vacanciesRequiringAk1, COALESCE(cv.n, 0) AS validations,
      COALESCE(a.n, 0) AS applicationsReceived, COALESCE(p.n, 0) AS hires, ${latestOf(['v.last', 'cv.last', 'p.last'])} AS lastActivityAt
    FROM employers e
    LEFT JOIN (SELECT employer_id, COUNT(*) AS posted, SUM(CASE WHEN requires_ak1 = 1 THEN 1 ELSE 0 END) AS postedAk1, MAX(published_at) AS last
               FROM vacancies WHERE published_at >= ? AND published_at < ? GROUP BY employer_id) v ON v.employer_id = e.id
    LEFT JOIN (SELECT employer_id, COUNT(*) AS n, MAX(checked_at) AS last
               FROM card_validations WHERE checked_at >= ? AND checked_at < ? GROUP BY employer_id) cv ON cv.employer_id = e.id
    LEFT JOIN (SELECT employer_id, COUNT(*) AS n FROM applications WHERE applied_at >= ? AND applied_at < ? GROUP BY employer_id) a ON a.employer_id = e.id
    LEFT JOIN (SELECT employer_id, COUNT(*) AS n, MAX(recorded_at) AS last
               FROM placements WHERE source = 'EMPLOYER' AND status = 'RECORDED' AND recorded_at >= ? AND recorded_at < ? GROUP BY employer_id) p ON p.employer_id = e.id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { sql, params };
}

const CARD_OUTCOMES = ['PLACED', 'WITHDRAWN', 'REVOKED', 'EXPIRED'] as const;
type CardOutcome = (typeof CARD_OUTCOMES)[number];

interface Tally {
  cards: Record<CardOutcome, number>;
  vacancies: { closed: number; known: number; withoutAk1: number };
}

const emptyTally = (): Tally => ({
  cards: { PLACED: 0, WITHDRAWN: 0, REVOKED: 0, EXPIRED: 0 },
  vacancies: { closed: 0, known: 0, withoutAk1: 0 },
});

/** The reply's figures from a tally; the rate rounded to 4 decimals like the participation rate. */
function figures(t: Tally): OutcomeFiguresReply {
  const { PLACED: placed, WITHDRAWN: withdrawn, REVOKED: revoked, EXPIRED: expired } = t.cards;
  const cardsClosed = placed + withdrawn + revoked + expired;
  return {
    cardsClosed,
    placed,
    withdrawn,
    revoked,
    expiredWithoutOutcome: expired,
    knownOutcomeRate: cardsClosed === 0 ? 0 : Math.round(((placed + withdrawn) / cardsClosed) * 10_000) / 10_000,
    vacanciesClosed: t.vacancies.closed,
    vacanciesWithOutcome: t.vacancies.known,
    hiredWithoutAk1: t.vacancies.withoutAk1,
  };
}

/** Every calendar month the period touches, with the days of it inside the period. */
function monthsOf(p: Period): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  let first = `${p.from.slice(0, 7)}-01`;
  while (first <= p.to) {
    const next = addMonths(first, 1);
    const last = addDays(next, -1);
    out.push({ month: first.slice(0, 7), from: first < p.from ? p.from : first, to: last > p.to ? p.to : last });
    first = next;
  }
  return out;
}
