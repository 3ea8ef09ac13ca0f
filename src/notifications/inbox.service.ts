import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addDays, startOfJakartaDay } from '../common/dates.js';
import { notFound } from '../common/domain-error.js';
import { rawInstant } from '../common/sql.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { DeliveryQuery, InboxQuery, NotificationSettingsDto } from './dto/notification.dto.js';
import type { DeliveryReply, NotificationReply, NotificationSettingsReply } from './dto/notification.reply.js';
import { renderMessage } from './messages.js';
import { NotificationDelivery } from './notification-delivery.entity.js';
import type { Lang, MessageKind, MessageParams, NotificationKind } from './notification-kinds.js';
import { NotificationSettingsRow } from './notification-settings.entity.js';
import { Notification } from './notification.entity.js';

export interface InboxPage extends Page<NotificationReply> {
  unread: number;
}

export interface UserChoices {
  email: boolean;
  whatsapp: boolean;
  muted: NotificationKind[];
  language: Lang;
}

const DEFAULT_CHOICES: UserChoices = { email: true, whatsapp: false, muted: [], language: 'id' };

/**
 * What a user reads and chooses: the inbox (rendered in the user's language at reading time),
 * read marks, the channel settings; and, for officers, the deliveries and why they failed.
 */
@Injectable()
export class InboxService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, q: InboxQuery, lang?: Lang): Promise<InboxPage> {
    const { page, pageSize, skip } = pageWindow(q);
    const repo = this.ds.getRepository(Notification);
    const where = { userId: user.id, inInbox: true, ...(q.unread ? { readAt: IsNull() } : {}) };
    const [rows, total, unread, choices] = await Promise.all([
      repo.find({ where, order: { createdAt: 'DESC', id: 'DESC' }, skip, take: pageSize }),
      repo.count({ where }),
      q.unread ? null : this.unreadCount(user.id),
      lang ? null : this.choices(user.id),
    ]);
    const language = lang ?? choices!.language;
    return {
      items: rows.map((n) => this.view(n, language)),
      page,
      pageSize,
      total,
      unread: unread ?? total,
    };
  }

  unreadCount(userId: string): Promise<number> {
    return this.ds.getRepository(Notification).count({ where: { userId, inInbox: true, readAt: IsNull() } });
  }

  /** Marks one of the user's messages read; another user's (or an unknown) id answers 404. Idempotent. */
  async markRead(user: AuthUser, id: string): Promise<void> {
    const repo = this.ds.getRepository(Notification);
    const result = await repo.update(
      { id, userId: user.id, inInbox: true, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
    if (result.affected) return;
    if (!(await repo.exists({ where: { id, userId: user.id, inInbox: true } }))) throw notFound('The notification');
  }

  /** Opening a message from the inbox: it is read, and the reader goes where it points. */
  async openLink(user: AuthUser, id: string, lang: Lang): Promise<string> {
    const n = await this.ds.getRepository(Notification).findOne({ where: { id, userId: user.id, inInbox: true } });
    if (!n) throw notFound('The notification');
    if (!n.readAt) await this.markRead(user, id);
    return this.view(n, lang).link;
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.ds
      .getRepository(Notification)
      .update({ userId: user.id, inInbox: true, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  async choices(userId: string): Promise<UserChoices> {
    const row = await this.ds.getRepository(NotificationSettingsRow).findOne({ where: { userId } });
    if (!row) return { ...DEFAULT_CHOICES };
    return {
      email: Boolean(row.email),
      whatsapp: Boolean(row.whatsapp),
      muted: row.muted ? (row.muted.split(',') as NotificationKind[]) : [],
      language: row.language === 'en' ? 'en' : 'id',
    };
  }

  async settings(userId: string): Promise<NotificationSettingsReply> {
    return this.settingsReply(await this.choices(userId));
  }

  async saveSettings(userId: string, dto: NotificationSettingsDto): Promise<NotificationSettingsReply> {
    const current = await this.choices(userId);
    const next: UserChoices = {
      email: dto.email,
      whatsapp: dto.whatsapp,
      muted: [...new Set(dto.muted)].sort() as NotificationKind[],
      language: dto.language ?? current.language,
    };
    await this.write(userId, next);
    return this.settingsReply(next);
  }

  /** The console's language switch: messages follow the language the user reads the console in. */
  async setLanguage(userId: string, language: Lang): Promise<void> {
    const current = await this.choices(userId);
    if (current.language !== language) await this.write(userId, { ...current, language });
  }

  /** The one-click unsubscribe link of an email: email off, the rest kept. */
  async turnEmailOff(userId: string): Promise<void> {
    const current = await this.choices(userId);
    if (current.email) await this.write(userId, { ...current, email: false });
  }

  async deliveries(q: DeliveryQuery): Promise<Page<DeliveryReply>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.ds
      .createQueryBuilder(NotificationDelivery, 'd')
      .innerJoin(Notification, 'n', 'n.id = d.notification_id')
      .select([
        'd.id AS id',
        'd.notification_id AS notificationId',
        'n.kind AS kind',
        'd.channel AS channel',
        'd.status AS status',
        'd.attempts AS attempts',
        'd.last_error AS lastError',
        'd.created_at AS createdAt',
        'd.next_attempt_at AS nextAttemptAt',
        'd.sent_at AS sentAt',
      ]);
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.channel) qb.andWhere('d.channel = :channel', { channel: q.channel });
    if (q.from) qb.andWhere('d.created_at >= :from', { from: startOfJakartaDay(q.from) });
    if (q.to) qb.andWhere('d.created_at < :to', { to: startOfJakartaDay(addDays(q.to, 1)) });
    const [rows, total] = await Promise.all([
      qb.clone().orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').offset(skip).limit(pageSize).getRawMany(),
      qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>(),
    ]);
    return {
      items: rows.map((r: Record<string, unknown>) => this.deliveryView(r)),
      page,
      pageSize,
      total: Number(total?.n ?? 0),
    };
  }

  private async write(userId: string, c: UserChoices): Promise<void> {
    await this.ds.getRepository(NotificationSettingsRow).upsert(
      {
        userId,
        email: c.email,
        whatsapp: c.whatsapp,
        muted: c.muted.join(','),
        language: c.language,
        updatedAt: this.clock.now(),
      },
      ['userId'],
    );
  }

  private settingsReply(c: UserChoices): NotificationSettingsReply {
    return {
      email: c.email,
      whatsapp: c.whatsapp,
      muted: c.muted,
      language: c.language,
      emailAvailable: this.config.notifications.smtpUrl !== null,
      whatsappAvailable: this.config.notifications.whatsapp !== null,
    };
  }

  private view(n: Notification, lang: Lang): NotificationReply {
    const params = JSON.parse(n.params) as MessageParams[MessageKind];
    const m = renderMessage(n.kind, params, lang, this.config.notifications.linkBase, this.config.office.name);
    return {
      id: n.id,
      kind: n.kind,
      title: m.title,
      body: m.body,
      link: m.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt ? n.readAt.toISOString() : null,
    };
  }

  private deliveryView(r: Record<string, unknown>): DeliveryReply {
    const iso = (v: unknown) => rawInstant(v)?.toISOString() ?? null;
    const status = r.status as string;
    return {
      id: r.id as string,
      notificationId: r.notificationId as string,
      kind: r.kind as string,
      channel: r.channel as string,
      status,
      attempts: Number(r.attempts),
      lastError: (r.lastError as string | null) ?? null,
      createdAt: iso(r.createdAt)!,
      nextAttemptAt: status === 'PENDING' ? iso(r.nextAttemptAt) : null,
      sentAt: iso(r.sentAt),
    };
  }
}
