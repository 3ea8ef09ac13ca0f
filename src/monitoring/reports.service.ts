import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { pageWindow, type Page, type PageQuery } from '../common/http/pagination.js';
import { UNKNOWN_CODE } from '../common/reference/classification.js';
import { sqlDate, sqlInstant } from '../common/sql.js';
import { ReportingReads } from '../database/reporting-reads.js';
import { select } from '../database/statements.js';
import { Transactions, uniqueViolation } from '../database/transactions.js';
import { nextMonth, ReportPeriods } from '../statistics/report-periods.js';
import { ipkIII1, type FlowRow } from './ipk-report.js';
import {
  ipkByOccupation,
  ipkIII2,
  ipkIII4,
  ipkIII6,
  ipkIII7,
  ipkIII8,
  type CodeFlow,
  type StockTable,
} from './ipk-tables.js';
import type { MonthQuery } from './dto/monitoring.dto.js';
import { ReportLabels } from './report-labels.js';
import { ReportScopes, scopeCodes, type ReportScope } from './report-scope.js';

export const IPK_TABLES = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;
export type IpkTable = (typeof IPK_TABLES)[number];
export type StockTableNo = Exclude<IpkTable, '1' | '8'>;

/** What every report answers besides its table: the month, and when it was closed, its checksum. */
export interface ReportHead {
  year: number;
  month: number;
  period: string;
  closedAt: string | null;
  checksum: string | null;
}
export type Ipk1Report = ReportHead & ReturnType<typeof ipkIII1>;
export type IpkStockReport = ReportHead & StockTable;
export type Ipk8Report = ReportHead & ReturnType<typeof ipkIII8>;

/** How a report reads the roll-up: through the reporting pool, or inside the closing's transaction. */
type Reader = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The roll-up's rows of some offices (their codes): a WHERE clause part and its parameters. */
interface OfficeCodes {
  sql: string;
  params: string[];
}
const officeCodes = (codes: readonly string[]): OfficeCodes => ({
  sql: `office IN (${codes.map(() => '?').join(', ')})`,
  params: [...codes],
});

export interface PeriodView {
  month: string;
  closed: boolean;
  closedAt: string | null;
  closedBy: string | null;
  checksum: string | null;
}

export interface AdjustmentView {
  id: string;
  countedIn: string;
  subject: string;
  kind: string;
  positions: number;
  cause: string | null;
  recordedAt: string;
}

/**
 * The monthly statistics, the whole IPK set III/1–III/8, computed from the labour-market event history's
 * monthly roll-up (the month's flows, and everything before it for the carried-over row), and the closing
 * of a month: its eight tables stored with a checksum and answered from there ever after. Events are never
 * changed, and one that belongs to a closed month is counted in the first open month (ReportPeriods), so
 * any month gives the same numbers every time, and a month's remaining row is the next month's first.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reads: ReportingReads,
    private readonly periods: ReportPeriods,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly labels: ReportLabels,
    private readonly scopes: ReportScopes,
  ) {}

  ipkIII1(q: MonthQuery, scope?: ReportScope): Promise<Ipk1Report> {
    return this.report('1', q, scope) as unknown as Promise<Ipk1Report>;
  }

  /** III/2–III/7: one row per code. */
  ipkStock(table: StockTableNo, q: MonthQuery, scope?: ReportScope): Promise<IpkStockReport> {
    return this.report(table, q, scope) as unknown as Promise<IpkStockReport>;
  }

  ipkIII8(q: MonthQuery, scope?: ReportScope): Promise<Ipk8Report> {
    return this.report('8', q, scope) as unknown as Promise<Ipk8Report>;
  }

  /**
   * One table of a month for an office (default: the first office): a month the office closed as it was
   * filed, an open month computed now. An aggregate (a province and its cities) is always added up from
   * the roll-up: a month an office closed never changes there (later events are counted in its first open
   * month), so the sum equals the offices' filed tables; an aggregate itself is never filed.
   */
  async report(table: IpkTable, q: MonthQuery, scope?: ReportScope): Promise<ReportHead & Record<string, unknown>> {
    const s = scope ?? this.scopes.root();
    const month = monthOf(q);
    const head = { year: q.year, month: q.month, period: month };
    const stored = s.aggregate ? null : await this.stored(s.office.code, month);
    if (stored) {
      const tables = JSON.parse(stored.tables) as Record<string, Record<string, unknown>>;
      return {
        ...head,
        ...tables[`ipk-iii-${table}`],
        closedAt: stored.closedAt,
        checksum: stored.checksum,
      };
    }
    const read: Reader = (sql, params) => this.reads.query(sql, params);
    return {
      ...head,
      ...(await this.compute(table, month, read, officeCodes(scopeCodes(s)))),
      closedAt: null,
      checksum: null,
    };
  }

  /**
   * `POST /reports/periods/:month/close?officeId=`: freezes one office's eight tables of the month
   * (default: the first office). Each office closes its own months, in order.
   */
  async close(actor: AuthUser, month: string, scope?: ReportScope): Promise<PeriodView> {
    checkMonth(month);
    const office = (scope ?? this.scopes.root()).office.code;
    await this.ensureLedger(office);
    return this.tx.run(async (m) => {
      const closedThrough = await this.periods.closedThrough(m, office, 'update');
      if (closedThrough && month <= closedThrough)
        throw new DomainError(
          409,
          'PERIOD_CLOSED',
          `The month ${month} is already closed (months up to ${closedThrough} are).`,
        );
      // The first closing sets where the filed history starts (earlier months are closed with it: nothing
      // is counted in them any more); after it, months close one after the other.
      const expected = closedThrough ? nextMonth(closedThrough) : month;
      if (month !== expected)
        throw new DomainError(
          409,
          'PREVIOUS_PERIOD_OPEN',
          `Months close in order: close ${expected} before ${month}.`,
          [{ field: 'month', messages: [`close ${expected} first`] }],
        );
      if (month > this.clock.today().slice(0, 7))
        throw new DomainError(422, 'PERIOD_NOT_STARTED', `The month ${month} has not begun; it cannot be closed.`);

      const read: Reader = (sql, params) => select<Record<string, unknown>>(m, sql, params);
      const tables: Record<string, unknown> = {};
      for (const t of IPK_TABLES) tables[`ipk-iii-${t}`] = await this.compute(t, month, read, officeCodes([office]));
      const json = canonicalJson(tables);
      const checksum = createHash('sha256').update(json).digest('hex');
      const closedAt = this.clock.now();
      await m.query('UPDATE report_ledger SET closed_through = ? WHERE office = ?', [month, office]);
      await m.query(
        'INSERT INTO report_periods (office, month, closed_at, closed_by, checksum, tables) VALUES (?, ?, ?, ?, ?, ?)',
        [office, month, sqlInstant(closedAt), actor.id, checksum, json],
      );
      await this.audit.record(m, {
        actor,
        entityType: 'report_period',
        entityId: month,
        action: 'report_period.closed',
        after: { month, office, checksum },
      });
      return { month, closed: true, closedAt: closedAt.toISOString(), closedBy: actor.id, checksum };
    });
  }

  /**
   * The office's ledger row, made by its first closing (outside the closing's transaction; two at once:
   * one insert wins). Events of an office without one read no row: nothing closed.
   */
  private async ensureLedger(office: string): Promise<void> {
    const [row] = await this.reads.query('SELECT office FROM report_ledger WHERE office = ?', [office]);
    if (row) return;
    try {
      await this.tx.run((m) =>
        m.query('INSERT INTO report_ledger (office, closed_through) VALUES (?, NULL)', [office]),
      );
    } catch (err) {
      if (!uniqueViolation(err)) throw err;
    }
  }

  /** `GET /reports/periods/:month?officeId=`. */
  async period(month: string, scope?: ReportScope): Promise<PeriodView> {
    checkMonth(month);
    const office = (scope ?? this.scopes.root()).office.code;
    const stored = await this.stored(office, month);
    if (stored) return { month, closed: true, ...stored, tables: undefined } as PeriodView;
    const [ledger] = await this.reads.query<{ closedThrough: string | null }>(
      'SELECT closed_through AS closedThrough FROM report_ledger WHERE office = ?',
      [office],
    );
    const closed = !!ledger?.closedThrough && month <= ledger.closedThrough;
    return { month, closed, closedAt: null, closedBy: null, checksum: null };
  }

  /**
   * The month the console's closing form offers: the one after the last closed (the only one `close()`
   * accepts then); before any closing, last month or, on a new installation, this month. It may not have
   * begun yet (then closing it answers PERIOD_NOT_STARTED).
   */
  async nextMonthToClose(scope?: ReportScope): Promise<string> {
    const office = (scope ?? this.scopes.root()).office.code;
    const [ledger] = await this.reads.query<{ closedThrough: string | null }>(
      'SELECT closed_through AS closedThrough FROM report_ledger WHERE office = ?',
      [office],
    );
    if (ledger?.closedThrough) return nextMonth(ledger.closedThrough);
    // Nothing closed yet: the first closing may be any month that has begun. Offer last month (the one an
    // office files), or this month when nothing happened before it (a new installation).
    const today = this.clock.today();
    const thisMonth = today.slice(0, 7);
    const [y, m] = today.split('-').map(Number);
    const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const [first] = await this.reads.query<{ first: string | null }>(
      'SELECT MIN(month) AS first FROM labour_monthly WHERE office = ?',
      [office],
    );
    return first?.first && first.first >= thisMonth ? thisMonth : lastMonth;
  }

  /** `GET /reports/periods`: the months closed, newest first. */
  async closedPeriods(q: PageQuery, scope?: ReportScope): Promise<Page<PeriodView>> {
    const office = (scope ?? this.scopes.root()).office.code;
    const { page, pageSize, skip } = pageWindow(q);
    const rows = await this.reads.query<{ month: string; closedAt: unknown; closedBy: string; checksum: string }>(
      `SELECT month, closed_at AS closedAt, closed_by AS closedBy, checksum FROM report_periods WHERE office = ? ORDER BY month DESC LIMIT ${pageSize} OFFSET ${skip}`,
      [office],
    );
    const [{ n }] = await this.reads.query<{ n: number }>('SELECT COUNT(*) AS n FROM report_periods WHERE office = ?', [
      office,
    ]);
    return {
      items: rows.map((r) => ({ month: r.month, closed: true, ...periodTimes(r), checksum: r.checksum })),
      page,
      pageSize,
      total: Number(n),
    };
  }

  /**
   * `GET /reports/periods/:month/adjustments`: the corrections that belong to a closed month and were
   * counted in a later one (a placement voided after the month closed, an event dated in it).
   */
  async adjustments(
    month: string,
    q: PageQuery,
    scope?: ReportScope,
  ): Promise<Page<AdjustmentView> & { month: string }> {
    checkMonth(month);
    const office = (scope ?? this.scopes.root()).office.code;
    const { page, pageSize, skip } = pageWindow(q);
    const rows = await this.reads.query<Record<string, unknown>>(
      `SELECT id, event_date AS eventDate, subject, kind, positions, cause, recorded_at AS recordedAt
         FROM labour_events WHERE adjusts_month = ? AND office = ? ORDER BY recorded_at, id LIMIT ${pageSize} OFFSET ${skip}`,
      [month, office],
    );
    const [{ n }] = await this.reads.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM labour_events WHERE adjusts_month = ? AND office = ?',
      [month, office],
    );
    return {
      month,
      items: rows.map((r) => ({
        id: String(r.id),
        countedIn: sqlDate(r.eventDate as string).slice(0, 7),
        subject: String(r.subject),
        kind: String(r.kind),
        positions: Number(r.positions),
        cause: (r.cause as string | null) ?? null,
        recordedAt: toInstant(r.recordedAt),
      })),
      page,
      pageSize,
      total: Number(n),
    };
  }

  private async stored(
    office: string,
    month: string,
  ): Promise<{ closedAt: string; closedBy: string; checksum: string; tables: string } | null> {
    const [row] = await this.reads.query<{ closedAt: unknown; closedBy: string; checksum: string; tables: string }>(
      'SELECT closed_at AS closedAt, closed_by AS closedBy, checksum, tables FROM report_periods WHERE office = ? AND month = ?',
      [office, month],
    );
    return row ? { ...periodTimes(row), checksum: row.checksum, tables: row.tables } : null;
  }

  /** A table computed from the roll-up as it is now. */
  private async compute(
    table: IpkTable,
    month: string,
    read: Reader,
    offices: OfficeCodes,
  ): Promise<Record<string, unknown>> {
    const labels = await this.labels.forTables();
    const grouped = (cols: string, where: string) => this.grouped(read, month, cols, where, offices);
    switch (table) {
      case '1': {
        const cols = 'subject, kind, sex, age_band';
        const [before, during] = await grouped(cols, '1 = 1');
        const norm = (rows: Record<string, unknown>[]): FlowRow[] =>
          rows.map((r) => ({
            subject: String(r.subject),
            kind: String(r.kind),
            sex: String(r.sex),
            ageBand: String(r.age_band),
            education: '',
            total: Number(r.total),
          }));
        return ipkIII1(norm(before), norm(during));
      }
      case '2':
      case '4': {
        const subject = table === '2' ? 'SEEKER' : 'VACANCY';
        const [before, during] = await grouped(
          'subject, kind, sex, education, education_code',
          `subject = '${subject}'`,
        );
        const norm = educationFlows;
        const t =
          table === '2' ? ipkIII2(norm(before), norm(during), labels) : ipkIII4(norm(before), norm(during), labels);
        return { ...t };
      }
      case '3':
      case '5': {
        const subject = table === '3' ? 'SEEKER' : 'VACANCY';
        const [before, during] = await grouped('subject, kind, sex, occupation', `subject = '${subject}'`);
        const norm = (rows: Record<string, unknown>[]) => codeFlows(rows, 'occupation');
        return { ...ipkByOccupation(norm(before), norm(during), table === '3' ? 'placed' : 'filled') };
      }
      case '6': {
        const [before, during] = await grouped('subject, kind, sex, sector', "subject = 'VACANCY'");
        return { ...ipkIII6(codeFlows(before, 'sector'), codeFlows(during, 'sector')) };
      }
      case '7': {
        const [before, during] = await grouped(
          'subject, kind, sex, sector, channel',
          "(subject = 'VACANCY' OR (kind = 'PLACED' AND channel = 'D'))",
        );
        const norm = (rows: Record<string, unknown>[]) => codeFlows(rows, 'sector', 'channel');
        return { ...ipkIII7(norm(before), norm(during)) };
      }
      case '8': {
        const where = `month = ? AND subject = 'SEEKER' AND kind = 'PLACED' AND ${offices.sql}`;
        const byEducation = await read(
          `SELECT subject, kind, sex, education, education_code, placement_type, SUM(total) AS total FROM labour_monthly WHERE ${where} GROUP BY subject, kind, sex, education, education_code, placement_type`,
          [month, ...offices.params],
        );
        const byKind = await read(
          `SELECT subject, kind, sex, employer_kind, placement_type, SUM(total) AS total FROM labour_monthly WHERE ${where} GROUP BY subject, kind, sex, employer_kind, placement_type`,
          [month, ...offices.params],
        );
        return ipkIII8(
          educationFlows(byEducation, 'placement_type'),
          codeFlows(byKind, 'employer_kind', 'placement_type'),
          labels,
        );
      }
    }
  }

  /** The roll-up grouped by `cols`: before the month, and during it. */
  private async grouped(
    read: Reader,
    month: string,
    cols: string,
    where: string,
    offices: OfficeCodes,
  ): Promise<[Record<string, unknown>[], Record<string, unknown>[]]> {
    const sql = (op: string) =>
      `SELECT ${cols}, SUM(total) AS total FROM labour_monthly WHERE month ${op} ? AND ${where} AND ${offices.sql} GROUP BY ${cols}`;
    return [await read(sql('<'), [month, ...offices.params]), await read(sql('='), [month, ...offices.params])];
  }
}

function codeFlows(rows: Record<string, unknown>[], codeCol: string, extraCol?: string): CodeFlow[] {
  return rows.map((r) => ({
    subject: String(r.subject),
    kind: String(r.kind),
    sex: String(r.sex),
    code: String(r[codeCol] ?? UNKNOWN_CODE),
    extra: extraCol ? String(r[extraCol]) : '',
    total: Number(r.total),
  }));
}

/** Education rows: the detailed code when given, else the level itself. */
function educationFlows(rows: Record<string, unknown>[], extraCol?: string): CodeFlow[] {
  return rows.map((r) => {
    const detailed = String(r.education_code ?? UNKNOWN_CODE);
    return {
      subject: String(r.subject),
      kind: String(r.kind),
      sex: String(r.sex),
      code: detailed === UNKNOWN_CODE ? String(r.education) : detailed,
      level: String(r.education),
      extra: extraCol ? String(r[extraCol]) : '',
      total: Number(r.total),
    };
  });
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function checkMonth(month: string): void {
  const m = MONTH.exec(month);
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100)
    throw new DomainError(400, 'VALIDATION_FAILED', 'The month must be written YYYY-MM (2000–2100).', [
      { field: 'month', messages: ['must be YYYY-MM'] },
    ]);
}

export function monthOf(q: MonthQuery): string {
  return `${q.year}-${String(q.month).padStart(2, '0')}`;
}

function toInstant(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  return new Date(s.includes('T') ? s : `${s.replace(' ', 'T')}Z`).toISOString();
}

function periodTimes(r: { closedAt: unknown; closedBy: string }) {
  return { closedAt: toInstant(r.closedAt), closedBy: r.closedBy };
}

/** JSON with every object's keys sorted, so the same tables always give the same checksum. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}
