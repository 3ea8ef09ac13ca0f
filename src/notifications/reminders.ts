import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { REPORT_WINDOW_DAYS } from '../cards/card-dates.js';
import { cardSql, graceGroups, overdueThreshold, positional, type Bind } from '../cards/card-lifecycle.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { addDays, jakartaDate } from '../common/dates.js';
import { sqlDate } from '../common/sql.js';
import { select } from '../database/statements.js';
import { Transactions } from '../database/transactions.js';
import type { NotificationKind } from './notification-kinds.js';
import { Notifier } from './notifier.js';

/** The holder is reminded of a six-monthly report this many days before it is due (api.md): its window. */
export const REPORT_DUE_LEAD_DAYS = REPORT_WINDOW_DAYS;
/** … of the card's expiry this many days before it. */
export const EXPIRING_LEAD_DAYS = 30;
/** The employer's staff are reminded this many days before an open vacancy's closing date. */
export const CLOSING_LEAD_DAYS = 3;
/**
 * An overdue report is still worth telling for this long after it became overdue (its due date plus its
 * office's grace days; a run missed for days catches up); a card overdue for longer was told then, or was
 * overdue before reminders existed.
 */
export const OVERDUE_TOLD_WITHIN_DAYS = 30;
/** Rows read per query, and reminders written per transaction. */
const CHUNK = 200;

interface CardRow {
  id: string;
  cardNumber: string | null;
  /** The date the reminder is about: the report's due date, or the expiry date. */
  onDate: string | Date;
  userId: string;
}

interface VacancyRow {
  id: string;
  title: string;
  employerId: string;
  closesAt: string | Date;
}

/**
 * The daily job's reminders (daily-tasks.ts): CARD_REPORT_DUE, CARD_REPORT_OVERDUE, CARD_EXPIRING and
 * VACANCY_CLOSING, each sent once per card or vacancy and date.
 *
 * Each run reads what is in its reminder's window today — not only what entered the window since the
 * last run — so a day the job did not run, a card that reported late into a near due date, or a closing
 * date moved nearer is still told, once, while the reminder still means something (before the date, or
 * within OVERDUE_TOLD_WITHIN_DAYS after a missed report). "Once" is the notifications' unique key
 * (recipient, kind, subject) with the date in the subject: a second run, or two instances at once, write
 * nothing more. Card reminders leave out, in the query, those already written (the key's index answers
 * that), so a run costs a pass over the index range of its window plus one notify per new reminder;
 * vacancies closing within three days are few and are simply notified again (a no-op).
 *
 * Reads go through the existing indexes: cards (status, next_report_due) and (status, expires_at),
 * vacancies (status, closes_at), users (seeker_id); pages of CHUNK rows in key order (keyset, no OFFSET).
 */
@Injectable()
export class Reminders {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly notifier: Notifier,
    private readonly officeSettings: OfficeSettings,
  ) {}

  async sendDue(now: Date): Promise<Record<string, number>> {
    const today = jakartaDate(now);
    return {
      reportDue: await this.cardReminders(
        'CARD_REPORT_DUE',
        'next_report_due',
        today,
        addDays(today, REPORT_DUE_LEAD_DAYS),
        today,
      ),
      reportOverdue: await this.overdueReminders(today),
      expiring: await this.cardReminders(
        'CARD_EXPIRING',
        'expires_at',
        today,
        addDays(today, EXPIRING_LEAD_DAYS),
        today,
      ),
      vacancyClosing: await this.vacancyReminders(today),
    };
  }

  /**
   * CARD_REPORT_OVERDUE once a card's office's grace days have run out (card-lifecycle.ts, the rule every
   * reader of "overdue" uses): one pass per grace, over the offices with that grace — the first over every
   * office with none — each with its own window of due dates, overdue since at most OVERDUE_TOLD_WITHIN_DAYS.
   * A grace changed later moves the window; the subject (card and due date) still tells each report once.
   */
  private async overdueReminders(today: string): Promise<number> {
    const rules = await this.officeSettings.overdueRules();
    const groups = graceGroups(rules);
    const graced = groups.flatMap((g) => g.officeIds);
    const passes = [
      {
        graceDays: 0,
        offices: (bind: Bind) =>
          graced.length === 0 ? '' : `AND ${cardSql.notOfOffices('c', graced, rules.rootId, bind)}`,
      },
      ...groups.map((g) => ({
        graceDays: g.graceDays,
        offices: (bind: Bind) => `AND ${cardSql.ofOffices('c', g.officeIds, rules.rootId, bind)}`,
      })),
    ];
    let sent = 0;
    for (const pass of passes) {
      const threshold = overdueThreshold(today, pass.graceDays);
      sent += await this.cardReminders(
        'CARD_REPORT_OVERDUE',
        'next_report_due',
        addDays(threshold, -OVERDUE_TOLD_WITHIN_DAYS),
        addDays(threshold, -1),
        today,
        pass.offices,
      );
    }
    return sent;
  }

  /**
   * Cards active today whose `column` date lies in [from, to], held by a seeker with a login, not yet
   * told this kind for this date. A report due on the expiry date (the last six-monthly mark clamped to
   * it, card-dates.ts) is no report: the card ends, and CARD_EXPIRING tells that.
   */
  private async cardReminders(
    kind: 'CARD_REPORT_DUE' | 'CARD_REPORT_OVERDUE' | 'CARD_EXPIRING',
    column: 'next_report_due' | 'expires_at',
    from: string,
    to: string,
    today: string,
    offices: (bind: Bind) => string = () => '',
  ): Promise<number> {
    const subject = this.concat("'card:'", 'c.id', "':'", `c.${column}`);
    const officeParams: unknown[] = [];
    const ofOffices = offices(positional(officeParams));
    const sql = `SELECT c.id AS id, c.card_number_display AS cardNumber, c.${column} AS onDate, u.id AS userId
      FROM cards c INNER JOIN users u ON u.seeker_id = c.seeker_id AND u.role = 'seeker'
      WHERE c.status = 'ACTIVE' AND c.${column} >= ? AND c.${column} <= ? AND ${cardSql.hasStatus('c', 'ACTIVE', '?')}
        ${column === 'next_report_due' ? 'AND c.next_report_due < c.expires_at' : ''}
        AND (c.${column} > ? OR (c.${column} = ? AND c.id > ?))
        AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.kind = ? AND n.subject = ${subject})
        ${ofOffices}
      ORDER BY c.${column}, c.id LIMIT ${CHUNK}`;
    let sent = 0;
    let after = { date: from, id: '' };
    for (;;) {
      const rows = await select<CardRow>(this.ds.manager, sql, [
        from,
        to,
        today,
        after.date,
        after.date,
        after.id,
        kind,
        ...officeParams,
      ]);
      if (rows.length === 0) return sent;
      await this.tx.run(async (m) => {
        for (const row of rows) await this.notifyCard(m, kind, row);
      });
      sent += rows.length;
      const last = rows[rows.length - 1];
      after = { date: sqlDate(last.onDate), id: last.id };
      if (rows.length < CHUNK) return sent;
    }
  }

  private async notifyCard(m: EntityManager, kind: NotificationKind, row: CardRow): Promise<void> {
    const date = sqlDate(row.onDate);
    const base = { userIds: [row.userId], subject: `card:${row.id}:${date}` };
    const cardNumber = row.cardNumber ?? '';
    if (kind === 'CARD_EXPIRING')
      await this.notifier.notify(m, { ...base, kind, params: { cardNumber, expiresOn: date } });
    else if (kind === 'CARD_REPORT_DUE' || kind === 'CARD_REPORT_OVERDUE')
      await this.notifier.notify(m, { ...base, kind, params: { cardNumber, dueDate: date } });
  }

  /** OPEN vacancies closing within CLOSING_LEAD_DAYS (today included): their employer's staff are told. */
  private async vacancyReminders(today: string): Promise<number> {
    const sql = `SELECT v.id AS id, v.title AS title, v.employer_id AS employerId, v.closes_at AS closesAt
      FROM vacancies v WHERE v.status = 'OPEN' AND v.closes_at >= ? AND v.closes_at <= ?
        AND (v.closes_at > ? OR (v.closes_at = ? AND v.id > ?))
      ORDER BY v.closes_at, v.id LIMIT ${CHUNK}`;
    let told = 0;
    let after = { date: today, id: '' };
    for (;;) {
      const rows = await select<VacancyRow>(this.ds.manager, sql, [
        today,
        addDays(today, CLOSING_LEAD_DAYS),
        after.date,
        after.date,
        after.id,
      ]);
      if (rows.length === 0) return told;
      await this.tx.run(async (m) => {
        for (const v of rows) {
          const closesOn = sqlDate(v.closesAt);
          const staff = await this.notifier.notifyStaff(m, [v.employerId], {
            kind: 'VACANCY_CLOSING',
            subject: `vacancy:${v.id}:${closesOn}`,
            params: { vacancyId: v.id, vacancyTitle: v.title, closesOn },
          });
          if (staff > 0) told++;
        }
      });
      const last = rows[rows.length - 1];
      after = { date: sqlDate(last.closesAt), id: last.id };
      if (rows.length < CHUNK) return told;
    }
  }

  /** String concatenation in SQL, in the engine's dialect (a DATE column concatenates as YYYY-MM-DD on both). */
  private concat(...parts: string[]): string {
    return this.ds.options.type === 'mysql' ? `CONCAT(${parts.join(', ')})` : `(${parts.join(' || ')})`;
  }
}
