import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../common/clock.js';
import { PersonalData } from '../common/personal-data.js';
import { rawBoolean, rawInstant } from '../common/sql.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Transactions } from '../database/transactions.js';
import { User } from '../users/user.entity.js';
import { DeliveryError } from './channels/delivery-error.js';
import { EmailChannel } from './channels/email-channel.js';
import { WhatsAppChannel } from './channels/whatsapp-channel.js';
import { renderMessage } from './messages.js';
import { NotificationDelivery, type Channel } from './notification-delivery.entity.js';
import type { Lang, MessageKind, MessageParams } from './notification-kinds.js';
import { NotificationSettingsRow } from './notification-settings.entity.js';
import { Notification } from './notification.entity.js';
import { isAccountMail } from './notifier.js';
import { UnsubscribeLinks } from './unsubscribe-links.js';

/** Deliveries claimed per round. */
const BATCH = 50;
/** Sends in flight at once per instance. */
const PARALLEL = 5;
/** How long a claim keeps other instances off a delivery; a crashed instance's claims expire after it. */
const LEASE_MS = 2 * 60_000;
/** Retry delays: 5 s, 10 s, 20 s … at most a minute, so mail held up by an SMTP outage goes soon after it ends. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 60_000;
/** After a day of failures a delivery is given up (FAILED) and shown to officers. */
const GIVE_UP_AFTER_MS = 24 * 3600_000;
const WORKER_INTERVAL_MS = 1_000;

export interface DrainResult {
  sent: number;
  /** Failed this round and to be tried again later. */
  retrying: number;
  /** Given up: FAILED. */
  failed: number;
}

interface ClaimedRow {
  id: string;
  channel: Channel;
  attempts: number | string;
  createdAt: Date | string;
  notificationId: string;
  kind: MessageKind;
  params: string;
  userId: string;
  email: string | null;
  emailOn: number | boolean | null;
  whatsappOn: number | boolean | null;
  muted: string | null;
  language: string | null;
  phone: string | null;
}

const flag = (v: number | boolean | string | null, dflt: boolean): boolean =>
  v === null || v === undefined ? dflt : rawBoolean(v);

/**
 * `lastError` as stored: a code officers read in words (console), then the channel's own short reason.
 * The worker's own refusals (`RECIPIENT_OPTED_OUT`, `NO_ADDRESS` …) are codes already.
 */
function reasonOf(channel: Channel, err: DeliveryError): string {
  if (/^[A-Z_]+$/.test(err.reason)) return err.reason;
  const code =
    err.kind === 'INVALID_PHONE' ? 'INVALID_PHONE' : `${channel === 'EMAIL' ? 'SMTP' : 'WHATSAPP'}_${err.kind}`;
  return `${code}: ${err.reason}`;
}

export const retryDelayMs = (attempts: number): number =>
  Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));

/**
 * Sends pending deliveries after their transaction committed. Each round claims a batch with one
 * conditional update (a claim token and a lease), so several instances on one MySQL database never
 * send the same delivery twice; a delivery whose sender crashed is picked up again when its lease ends
 * (at-least-once in that case only). A failure is retried with backoff; a channel that refuses for good
 * (a malformed number, a rejected address) or a day of failures marks it FAILED for officers to see.
 *
 * Runs every second with SCHEDULER_ENABLED when a channel is configured; tests call `drainOnce`.
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationWorker');
  private readonly enabled: boolean;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly personalData: PersonalData,
    private readonly email: EmailChannel,
    private readonly whatsapp: WhatsAppChannel,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly tx: Transactions,
  ) {
    this.enabled = config.notifications.smtpUrl !== null || config.notifications.whatsapp !== null;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || !this.config.schedulerEnabled) return;
    this.timer = setInterval(() => void this.tick(), WORKER_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.drainOnce().catch((err: unknown) =>
      this.logger.warn({ msg: 'notification round failed', error: (err as Error).message }),
    );
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Sends everything due now, round after round, until nothing due is left unclaimed. */
  async drainOnce(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return total;
      for (let i = 0; i < claimed.length; i += PARALLEL) {
        const outcomes = await Promise.all(claimed.slice(i, i + PARALLEL).map((row) => this.deliver(row)));
        for (const o of outcomes) total[o]++;
      }
    }
  }

  private async claim(): Promise<ClaimedRow[]> {
    const now = this.clock.now();
    const due = await this.ds
      .createQueryBuilder(NotificationDelivery, 'd')
      .select('d.id', 'id')
      .where("d.status = 'PENDING' AND d.next_attempt_at <= :now", { now })
      .andWhere('(d.claimed_until IS NULL OR d.claimed_until < :now)', { now })
      .orderBy('d.next_attempt_at')
      .limit(BATCH)
      .getRawMany<{ id: string }>();
    if (due.length === 0) return [];
    const token = randomUUID();
    await this.ds
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({ claimToken: token, claimedUntil: new Date(now.getTime() + LEASE_MS) })
      .where('id IN (:...ids)', { ids: due.map((d) => d.id) })
      .andWhere("status = 'PENDING'")
      .andWhere('(claimed_until IS NULL OR claimed_until < :now)', { now })
      .execute();
    return this.ds
      .createQueryBuilder(NotificationDelivery, 'd')
      .innerJoin(Notification, 'n', 'n.id = d.notification_id')
      .innerJoin(User, 'u', 'u.id = n.user_id')
      .leftJoin(NotificationSettingsRow, 's', 's.user_id = u.id')
      .leftJoin('seekers', 'sk', 'sk.id = u.seeker_id')
      .leftJoin('employers', 'e', 'e.id = u.employer_id')
      .select('d.id', 'id')
      .addSelect('d.channel', 'channel')
      .addSelect('d.attempts', 'attempts')
      .addSelect('d.created_at', 'createdAt')
      .addSelect('n.id', 'notificationId')
      .addSelect('n.kind', 'kind')
      .addSelect('n.params', 'params')
      .addSelect('u.id', 'userId')
      .addSelect('u.email', 'email')
      .addSelect('s.email', 'emailOn')
      .addSelect('s.whatsapp', 'whatsappOn')
      .addSelect('s.muted', 'muted')
      .addSelect('s.language', 'language')
      .addSelect('COALESCE(sk.phone, e.phone)', 'phone')
      .where('d.claim_token = :token', { token })
      .getRawMany<ClaimedRow>();
  }

  private async deliver(row: ClaimedRow): Promise<keyof DrainResult> {
    const account = isAccountMail(row.kind);
    try {
      const refusal = this.refusal(row, account);
      if (refusal) throw new DeliveryError(refusal, false);
      const lang: Lang = row.language === 'en' ? 'en' : 'id';
      const params = JSON.parse(
        account ? this.personalData.decrypt(row.params) : row.params,
      ) as MessageParams[MessageKind];
      const message = renderMessage(
        row.kind,
        params,
        lang,
        this.config.notifications.linkBase,
        this.config.office.name,
      );
      if (row.channel === 'EMAIL') {
        await this.email.send(row.email!, message, this.unsubscribe.url(row.userId));
      } else {
        await this.whatsapp.send(row.phone!, message.whatsapp.template, lang, message.whatsapp.params);
      }
    } catch (err) {
      return this.failed(row, err);
    }
    await this.ds
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({
        status: 'SENT',
        sentAt: this.clock.now(),
        attempts: () => 'attempts + 1',
        lastError: null,
        claimToken: null,
        claimedUntil: null,
      })
      .where('id = :id', { id: row.id })
      .execute();
    // Once the mail is out, the database no longer needs the secret link.
    if (account) await this.ds.getRepository(Notification).update({ id: row.notificationId }, { params: '{}' });
    return 'sent';
  }

  /** Why this delivery may no longer be sent, or null: the user's choices are read again at sending time. */
  private refusal(row: ClaimedRow, account: boolean): string | null {
    const muted = (row.muted ?? '').split(',').includes(row.kind);
    if (row.channel === 'EMAIL') {
      if (!this.email.configured) return 'CHANNEL_NOT_CONFIGURED';
      if (!row.email) return 'NO_ADDRESS';
      if (!account && (!flag(row.emailOn, true) || muted)) return 'RECIPIENT_OPTED_OUT';
      return null;
    }
    if (!this.whatsapp.configured) return 'CHANNEL_NOT_CONFIGURED';
    if (!row.phone) return 'NO_ADDRESS';
    if (!flag(row.whatsappOn, false) || muted) return 'RECIPIENT_OPTED_OUT';
    return null;
  }

  private async failed(row: ClaimedRow, err: unknown): Promise<keyof DrainResult> {
    const now = this.clock.now();
    const attempts = Number(row.attempts) + 1;
    const known = err instanceof DeliveryError;
    const reason = known ? reasonOf(row.channel, err) : 'UNEXPECTED_ERROR';
    if (!known) this.logger.warn({ msg: 'notification delivery failed unexpectedly', error: (err as Error).message });
    const age = now.getTime() - (rawInstant(row.createdAt) ?? now).getTime();
    const giveUp = (known && !err.retryable) || age >= GIVE_UP_AFTER_MS;
    await this.ds
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({
        status: giveUp ? 'FAILED' : 'PENDING',
        attempts,
        lastError: reason.slice(0, 300),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        claimToken: null,
        claimedUntil: null,
      })
      .where('id = :id', { id: row.id })
      .execute();
    return giveUp ? 'failed' : 'retrying';
  }

  /** Retention: inbox entries and their deliveries older than a year are deleted (docs/notifications.md). */
  async purge(now: Date): Promise<Record<string, number>> {
    const before = new Date(now.getTime() - 366 * 86_400_000);
    let deleted = 0;
    for (;;) {
      const old = await this.ds
        .getRepository(Notification)
        .find({ select: { id: true }, where: { createdAt: LessThan(before) }, take: 500 });
      if (old.length === 0) return { deleted };
      const ids = old.map((n) => n.id);
      await this.tx.run(async (m) => {
        await m
          .createQueryBuilder()
          .delete()
          .from(NotificationDelivery)
          .where('notification_id IN (:...ids)', { ids })
          .execute();
        await m.createQueryBuilder().delete().from(Notification).where('id IN (:...ids)', { ids }).execute();
      });
      deleted += ids.length;
    }
  }
}
