import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { forbidden } from '../common/domain-error.js';
import { pageWindow, type Page, type PageQuery } from '../common/http/pagination.js';
import { ReportingReads } from '../database/reporting-reads.js';
import { affectedRows, Transactions } from '../database/transactions.js';
import { ParticipationQuery } from '../monitoring/dto/monitoring.dto.js';
import { MonitoringService } from '../monitoring/monitoring.service.js';
import { resolvePeriod } from '../monitoring/period.js';
import { Notifier } from '../notifications/notifier.js';
import type { CreateCampaignDto } from './dto/outreach.dto.js';
import type { CampaignAudienceReply, CampaignReply } from './dto/outreach.reply.js';
import { OutreachCampaign } from './outreach-campaign.entity.js';
import { OutreachRecipient } from './outreach-recipient.entity.js';
import { campaignAlreadySent, campaignNotFound, emptyAudience } from './outreach.errors.js';

/** One description of these replies: the classes in dto/outreach.reply.ts (OpenAPI and code alike). */
export type CampaignView = CampaignReply;
export type CampaignAudience = CampaignAudienceReply;

/** Rows per INSERT of recipients, and employers / users per call to the Notifier. */
const CHUNK = 500;
/** How long after sending a recipient's participation counts for the campaign. */
export const PARTICIPATION_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

const chunks = <T>(items: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** What a 404 names (as campaignNotFound does). */

/** The message's subject in the notifications: with the kind and the user, what makes it unique. */
export const campaignSubject = (id: string) => `campaign:${id}`;

/**
 * The owner of outreach campaigns ("sosialisasi"), the only writer of `outreach_campaigns` and
 * `outreach_recipients`. A campaign is made as a DRAFT with its recipients — the employers its
 * audience matches at that moment, by the participation table's definitions (MonitoringService) — and
 * sent once: one OUTREACH notification to every staff user of every recipient, in the transaction that
 * marks it SENT. What came of it is read from the deliveries and from the recipients' participation in
 * the 30 days after sending.
 */
@Injectable()
export class OutreachService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly monitoring: MonitoringService,
    private readonly reads: ReportingReads,
    private readonly notifier: Notifier,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly scope: OfficeScope,
  ) {}

  /**
   * An officer writes a campaign for an audience: the employers it matches now become its recipients.
   * An audience that matches nobody is refused (422 EMPTY_AUDIENCE) and nothing is stored.
   */
  async create(actor: AuthUser, dto: CreateCampaignDto): Promise<CampaignView> {
    if (actor.role !== 'officer') throw forbidden();
    const a = dto.audience;
    const period = resolvePeriod(a, this.clock.today());
    const audience: CampaignAudience = {
      participating: a.participating ?? null,
      silentClosures: a.silentClosures ?? null,
      from: period.from,
      to: period.to,
      kbli: a.kbli ?? null,
      kecamatanCode: a.kecamatanCode ?? null,
      status: a.status ?? null,
    };
    const filter = Object.assign(new ParticipationQuery(), {
      from: audience.from,
      to: audience.to,
      ...(a.participating === undefined ? {} : { participating: String(a.participating) as 'true' | 'false' }),
      ...(a.silentClosures === undefined ? {} : { silentClosures: String(a.silentClosures) as 'true' | 'false' }),
      ...(a.kbli ? { kbli: a.kbli } : {}),
      ...(a.kecamatanCode ? { kecamatanCode: a.kecamatanCode } : {}),
      ...(a.status ? { status: a.status } : {}),
    });
    const campaign = await this.tx.run(async (m) => {
      // The audience: the matching companies of the officer's office and the offices below it.
      const employerIds = await this.scope.readableIds(
        m,
        'employers',
        await this.monitoring.employerIdsMatching(m, filter),
        actor,
      );
      if (employerIds.length === 0) throw emptyAudience();
      const row: OutreachCampaign = {
        id: randomUUID(),
        title: dto.title.trim(),
        message: dto.message.trim(),
        audience: JSON.stringify(audience),
        status: 'DRAFT',
        recipientCount: employerIds.length,
        officeId: this.scope.officeOfActor(actor),
        createdBy: actor.id,
        createdAt: this.clock.now(),
        sentBy: null,
        sentAt: null,
      };
      await m.insert(OutreachCampaign, row);
      for (const part of chunks(employerIds)) {
        await m.insert(
          OutreachRecipient,
          part.map((employerId) => ({ campaignId: row.id, employerId })),
        );
      }
      await this.audit.record(m, {
        actor,
        entityType: 'outreach_campaign',
        entityId: row.id,
        action: 'outreach_campaign.created',
        after: { status: 'DRAFT', recipients: employerIds.length, audience },
      });
      return row;
    });
    return this.view(campaign);
  }

  /**
   * Sends a DRAFT campaign, once: a conditional update marks it SENT (a second send, or a concurrent
   * one, finds it SENT and gets 409), and in that same transaction every staff user of every recipient
   * employer gets one OUTREACH notification (the Notifier also sends each user a subject only once).
   */
  async send(actor: AuthUser, id: string): Promise<CampaignView> {
    if (actor.role !== 'officer') throw forbidden();
    // Another city's campaign is not found; a city's campaign read by its province is refused (403).
    const owner = await this.ds
      .getRepository(OutreachCampaign)
      .findOne({ where: { id }, select: { id: true, officeId: true } });
    if (!owner) throw campaignNotFound();
    await this.scope.requireActable(actor, owner.officeId, 'The outreach campaign');
    const campaign = await this.tx.run(async (m) => {
      const sentAt = this.clock.now();
      const marked = await m.update(
        OutreachCampaign,
        { id, status: 'DRAFT' },
        { status: 'SENT', sentAt, sentBy: actor.id },
      );
      if (affectedRows(marked) === 0) {
        if (await m.exists(OutreachCampaign, { where: { id } })) throw campaignAlreadySent();
        throw campaignNotFound();
      }
      const row = await m.findOneByOrFail(OutreachCampaign, { id });
      const employerIds = await this.recipientsOf(m, id);
      let users = 0;
      for (const employers of chunks(employerIds)) {
        const staff = await this.notifier.staffOf(m, employers);
        users += staff.length;
        for (const userIds of chunks(staff)) {
          await this.notifier.notify(m, {
            kind: 'OUTREACH',
            userIds,
            subject: campaignSubject(id),
            params: { title: row.title, message: row.message },
          });
        }
      }
      await this.audit.record(m, {
        actor,
        entityType: 'outreach_campaign',
        entityId: id,
        action: 'outreach_campaign.sent',
        before: { status: 'DRAFT' },
        after: { status: 'SENT', recipients: employerIds.length, users },
      });
      return row;
    });
    return this.view(campaign);
  }

  /** `GET /outreach/campaigns`: newest first, those of the offices the officer reads. */
  async list(actor: AuthUser, q: PageQuery): Promise<Page<CampaignView>> {
    if (actor.role !== 'officer') throw forbidden();
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.ds
      .getRepository(OutreachCampaign)
      .createQueryBuilder('c')
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(skip)
      .take(pageSize);
    const [rows, total] = await (await this.scope.restrict(qb, 'c.office_id', actor)).getManyAndCount();
    const items: CampaignView[] = [];
    // One after another: each view reads the deliveries and the participation (reports pool on MySQL).
    for (const row of rows) items.push(await this.view(row));
    return { items, page, pageSize, total };
  }

  /** `GET /outreach/campaigns/:id`; an unknown id, or another office's outside the officer's reading, is 404. */
  async get(actor: AuthUser, id: string): Promise<CampaignView> {
    if (actor.role !== 'officer') throw forbidden();
    const row = await this.ds.getRepository(OutreachCampaign).findOne({ where: { id } });
    if (!row) throw campaignNotFound();
    await this.scope.requireReadable(actor, row.officeId, 'The outreach campaign');
    return this.view(row);
  }

  private async recipientsOf(m: EntityManager, id: string): Promise<string[]> {
    const rows = await m.find(OutreachRecipient, {
      select: { employerId: true },
      where: { campaignId: id },
      order: { employerId: 'ASC' },
    });
    return rows.map((r) => r.employerId);
  }

  /** The campaign with its counts: deliveries and participation only once it was sent. */
  private async view(c: OutreachCampaign): Promise<CampaignView> {
    const base = {
      id: c.id,
      officeId: c.officeId ?? this.scope.rootId(),
      title: c.title,
      message: c.message,
      audience: withDefaults(JSON.parse(c.audience) as Partial<CampaignAudience>),
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      sentAt: c.sentAt ? c.sentAt.toISOString() : null,
      recipients: c.recipientCount,
    };
    if (c.status !== 'SENT' || !c.sentAt) {
      return { ...base, delivered: 0, failed: 0, participatedAfter: 0, conversionRate: 0 };
    }
    const { delivered, failed } = await this.reach(c.id);
    const participatedAfter = await this.monitoring.countParticipating(
      { sql: 'SELECT employer_id FROM outreach_recipients WHERE campaign_id = ?', params: [c.id] },
      c.sentAt,
      new Date(c.sentAt.getTime() + PARTICIPATION_WINDOW_DAYS * DAY_MS),
    );
    const rate = c.recipientCount === 0 ? 0 : Math.round((participatedAfter / c.recipientCount) * 10_000) / 10_000;
    return { ...base, delivered, failed, participatedAfter, conversionRate: rate };
  }

  /**
   * Counted by recipient employer, not by message: an employer is **reached** when at least one of its
   * staff was sent the campaign by email or WhatsApp (a delivery SENT) or opened it in the inbox; it
   * **failed** when it was not reached, at least one delivery to its staff was given up (FAILED) and
   * none is still pending. The rest are still on their way, or sit unread in an inbox with no outside
   * channel. Read from the notification tables (`Notifier.tally` counts messages per channel instead).
   */
  private async reach(id: string): Promise<{ delivered: number; failed: number }> {
    const [row] = await this.reads.query(
      `SELECT SUM(CASE WHEN x.reached = 1 THEN 1 ELSE 0 END) AS delivered,
              SUM(CASE WHEN x.reached = 0 AND x.failed = 1 AND x.pending = 0 THEN 1 ELSE 0 END) AS failed
         FROM (SELECT r.employer_id,
                      MAX(CASE WHEN n.read_at IS NOT NULL OR d.status = 'SENT' THEN 1 ELSE 0 END) AS reached,
                      MAX(CASE WHEN d.status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                      MAX(CASE WHEN d.status = 'PENDING' THEN 1 ELSE 0 END) AS pending
                 FROM outreach_recipients r
                 JOIN users u ON u.employer_id = r.employer_id
                 JOIN notifications n ON n.user_id = u.id AND n.kind = 'OUTREACH' AND n.subject = ?
                 LEFT JOIN notification_deliveries d ON d.notification_id = n.id
                WHERE r.campaign_id = ?
                GROUP BY r.employer_id) x`,
      [campaignSubject(id), id],
    );
    return { delivered: Number(row?.delivered ?? 0), failed: Number(row?.failed ?? 0) };
  }
}

/** A stored audience; campaigns written before `silentClosures` existed did not store it (null: either). */
function withDefaults(a: Partial<CampaignAudience>): CampaignAudience {
  return { ...a, silentClosures: a.silentClosures ?? null } as CampaignAudience;
}
