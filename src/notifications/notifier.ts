import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { PersonalData } from '../common/personal-data.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { User } from '../users/user.entity.js';
import { NotificationDelivery, type Channel } from './notification-delivery.entity.js';
import { rawBoolean } from '../common/sql.js';
import { select } from '../database/statements.js';
import { ACCOUNT_MAIL_KINDS, type MessageKind, type MessageParams } from './notification-kinds.js';
import { Notification } from './notification.entity.js';

export interface NotifyInput<K extends MessageKind> {
  kind: K;
  /** The users to tell (each gets one inbox entry and one delivery per channel). */
  userIds: readonly string[];
  /**
   * What the message is about, e.g. `card:<id>`, `card:<id>:2027-03-01` (a reminder per due date),
   * `campaign:<id>`. With the kind and the recipient it makes the message unique: asking twice sends once.
   */
  subject: string;
  params: MessageParams[K];
}

export const isAccountMail = (kind: MessageKind): boolean => (ACCOUNT_MAIL_KINDS as readonly string[]).includes(kind);

/** A UUID-shaped id derived from its parts, so the same message or delivery always gets the same id. */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Version nibble 8 ("custom", RFC 9562) and the RFC variant bits.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const deliveryId = (notificationId: string, channel: Channel): string => derivedId(notificationId, channel);

interface RecipientRow {
  id: string;
  email: string | null;
  emailOn: number | boolean | null;
  whatsappOn: number | boolean | null;
  muted: string | null;
  existing: string | null;
  phone: string | null;
}

const on = (v: number | boolean | string | null, dflt: boolean): boolean =>
  v === null || v === undefined ? dflt : rawBoolean(v);

/** Subjects are built by the platform from ids and dates; this keeps a mistake from reaching the index. */
const SUBJECT_SHAPE = /^[a-z]+:[A-Za-z0-9:._-]{1,110}$/;

function checkSubject(input: { kind: MessageKind; subject: string }): void {
  if (!SUBJECT_SHAPE.test(input.subject)) throw new Error(`notification subject of unexpected shape (${input.kind})`);
}

/**
 * The one way a use case tells people something. `notify` writes, in the caller's transaction, the
 * inbox entries and one pending delivery per channel the recipient can be reached on; the worker
 * (notification-worker.ts) sends them after commit, with retries. Nothing here talks to a channel, so
 * a channel that is down can never fail the change.
 *
 * Cost, for a use case on the hot path: one read (recipients, their choices, and whether they already
 * had this message), one insert of the inbox rows, and one insert of the deliveries when a channel is on.
 */
@Injectable()
export class Notifier {
  private readonly emailOn: boolean;
  private readonly whatsappOn: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly personalData: PersonalData,
  ) {
    this.emailOn = config.notifications.smtpUrl !== null;
    this.whatsappOn = config.notifications.whatsapp !== null;
  }

  async notify<K extends MessageKind>(manager: EntityManager, input: NotifyInput<K>): Promise<void> {
    await this.notifyEach(manager, [input]);
  }

  /**
   * Several messages in one go (a hire tells the seeker their card closed and their application was
   * accepted): one read of all their recipients, one insert of the inbox rows, one of the deliveries,
   * whatever the number of messages. Each message is still told once per recipient.
   */
  async notifyEach(manager: EntityManager, inputs: readonly NotifyInput<MessageKind>[]): Promise<void> {
    const messages = inputs
      .map((input) => ({ input, userIds: [...new Set(input.userIds)] }))
      .filter((x) => x.userIds.length > 0);
    if (messages.length === 0) return;
    for (const { input } of messages) checkSubject(input);
    const wanted = messages.flatMap(({ input, userIds }) =>
      userIds.map((userId) => ({ input, userId, id: derivedId(userId, input.kind, input.subject) })),
    );
    const ids = wanted.map((w) => w.id);
    const { recipients, existing } = await this.recipients(
      manager,
      { userIds: [...new Set(wanted.map((w) => w.userId))] },
      { sql: `n.id IN (${ids.map(() => '?').join(', ')})`, params: ids },
    );
    await this.write(manager, wanted, recipients, existing);
  }

  /**
   * A message to the staff of these companies (the users who act for them): who they are, their choices
   * and whether they already have it are read in one statement, where `staffOf` and then `notify` read twice.
   * Answers how many staff there are (told now or before).
   */
  async notifyStaff<K extends MessageKind>(
    manager: EntityManager,
    employerIds: readonly string[],
    input: Omit<NotifyInput<K>, 'userIds'>,
  ): Promise<number> {
    const ids = [...new Set(employerIds)];
    if (ids.length === 0) return 0;
    checkSubject(input);
    const { recipients, existing } = await this.recipients(
      manager,
      { employerIds: ids },
      { sql: 'n.kind = ? AND n.subject = ?', params: [input.kind, input.subject] },
    );
    const message = { ...input, userIds: [...recipients.keys()] } as NotifyInput<MessageKind>;
    const wanted = message.userIds.map((userId) => ({
      input: message,
      userId,
      id: derivedId(userId, input.kind, input.subject),
    }));
    await this.write(manager, wanted, recipients, existing);
    return recipients.size;
  }

  /** Writes the inbox rows and the deliveries of the wanted messages the recipients do not have yet. */
  private async write(
    manager: EntityManager,
    wanted: { input: NotifyInput<MessageKind>; userId: string; id: string }[],
    recipients: Map<string, RecipientRow>,
    existing: Set<string>,
  ): Promise<void> {
    const fresh = wanted.filter((w) => recipients.has(w.userId) && !existing.has(w.id));
    if (fresh.length === 0) return;

    const now = this.clock.now();
    const paramsOf = new Map<NotifyInput<MessageKind>, string>();
    for (const input of new Set(fresh.map((w) => w.input))) {
      const json = JSON.stringify(input.params);
      // An account mail's link is a secret (a reset token): it is kept sealed, and blanked once sent.
      paramsOf.set(input, isAccountMail(input.kind) ? this.personalData.encrypt(json) : json);
    }
    const notifications = fresh.map((w) => ({
      id: w.id,
      userId: w.userId,
      kind: w.input.kind,
      subject: w.input.subject,
      params: paramsOf.get(w.input)!,
      inInbox: !isAccountMail(w.input.kind),
      createdAt: now,
      readAt: null,
    }));
    // Two transactions telling the same person the same thing at once: the second insert is ignored.
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(notifications)
      .orIgnore()
      .updateEntity(false)
      .execute();

    const deliveries = fresh.flatMap((w) =>
      this.channelsFor(recipients.get(w.userId)!, w.input.kind, isAccountMail(w.input.kind)).map((channel) => ({
        id: deliveryId(w.id, channel),
        notificationId: w.id,
        channel,
        status: 'PENDING' as const,
        attempts: 0,
        lastError: null,
        nextAttemptAt: now,
        claimToken: null,
        claimedUntil: null,
        sentAt: null,
        createdAt: now,
      })),
    );
    if (deliveries.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationDelivery)
      .values(deliveries)
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** The users who act for these employers (their staff), for messages to a company. */
  async staffOf(manager: EntityManager, employerIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(employerIds)];
    if (ids.length === 0) return [];
    const rows = await manager
      .createQueryBuilder(User, 'u')
      .select('u.id', 'id')
      .where('u.employer_id IN (:...ids)', { ids })
      .andWhere("u.role = 'employer'")
      .orderBy('u.id')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Deliveries of one message to everyone (e.g. a campaign), by status. */
  async tally(kind: MessageKind, subject: string): Promise<{ sent: number; failed: number; pending: number }> {
    const rows = await this.ds
      .createQueryBuilder(NotificationDelivery, 'd')
      .innerJoin(Notification, 'n', 'n.id = d.notification_id')
      .select('d.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('n.kind = :kind AND n.subject = :subject', { kind, subject })
      .groupBy('d.status')
      .getRawMany<{ status: string; n: string | number }>();
    const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { sent: count('SENT'), failed: count('FAILED'), pending: count('PENDING') };
  }

  /**
   * The recipients — the users `userIds`, or the staff of the companies `employerIds` — with their choices
   * and, when WhatsApp is on, their number; and which of them already have the message (`existing`: a
   * condition on their notifications `n`). One written-out statement.
   */
  private async recipients(
    manager: EntityManager,
    who: { userIds: string[] } | { employerIds: string[] },
    existing: { sql: string; params: string[] },
  ): Promise<{ recipients: Map<string, RecipientRow>; existing: Set<string> }> {
    const [column, ids] =
      'userIds' in who ? ['u.id', who.userIds] : ["u.role = 'employer' AND u.employer_id", who.employerIds];
    // The number WhatsApp reaches: a seeker's own phone, or the company's for its staff.
    const [phone, phoneJoins] = this.whatsappOn
      ? [
          'COALESCE(sk.phone, e.phone)',
          'LEFT JOIN seekers sk ON sk.id = u.seeker_id LEFT JOIN employers e ON e.id = u.employer_id',
        ]
      : ['NULL', ''];
    const rows = await select<RecipientRow>(
      manager,
      `SELECT u.id AS id, u.email AS email, s.email AS emailOn, s.whatsapp AS whatsappOn, s.muted AS muted,
              n.id AS existing, ${phone} AS phone
         FROM users u ${phoneJoins}
         LEFT JOIN notification_settings s ON s.user_id = u.id
         LEFT JOIN notifications n ON n.user_id = u.id AND ${existing.sql}
        WHERE ${column} IN (${ids.map(() => '?').join(', ')})
        ORDER BY u.id`,
      [...existing.params, ...ids],
    );
    const recipients = new Map<string, RecipientRow>();
    const found = new Set<string>();
    for (const row of rows) {
      recipients.set(row.id, row);
      if (row.existing) found.add(row.existing);
    }
    return { recipients, existing: found };
  }

  private channelsFor(r: RecipientRow, kind: MessageKind, account: boolean): Channel[] {
    const muted = (r.muted ?? '').split(',').includes(kind);
    const out: Channel[] = [];
    // Account mails go whatever the settings say: they are how a person gets back in.
    if (this.emailOn && r.email && (account || (on(r.emailOn, true) && !muted))) out.push('EMAIL');
    if (this.whatsappOn && !account && r.phone && on(r.whatsappOn, false) && !muted) out.push('WHATSAPP');
    return out;
  }
}
