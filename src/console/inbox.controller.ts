import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators.js';
import type { HttpReply, HttpRequest } from '../common/http/http.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DeliveryQuery, InboxQuery, NotificationSettingsDto } from '../notifications/dto/notification.dto.js';
import { InboxService } from '../notifications/inbox.service.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications/notification-kinds.js';
import { UnsubscribeLinks } from '../notifications/unsubscribe-links.js';
import { Ctx, ForRoles, SignedLinkForm, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { blankForm, fieldErrors, validateAs } from './http/forms.js';
import { pageOf, pick } from './http/paging.js';
import { actThenRedirect, redirect, sendPage } from './http/respond.js';
import { localizeErrors } from './i18n/errors.js';
import { flashOf } from './view-models/flash.js';
import { pagerOf } from './view-models/pager.js';
import { DeliveriesPage } from './views/notifications/DeliveriesPage.js';
import { InboxPage } from './views/notifications/InboxPage.js';
import { NotificationSettingsPage } from './views/notifications/NotificationSettingsPage.js';
import { UnsubscribePage } from './views/notifications/UnsubscribePage.js';

/** What each role can be told, for the settings form: nobody is offered a kind that never reaches them. */
const KINDS_OF: Record<'seeker' | 'employer' | 'officer', NotificationKind[]> = {
  seeker: NOTIFICATION_KINDS.filter(
    (k) =>
      k.startsWith('CARD_') ||
      k === 'DOCUMENT_REJECTED' ||
      k === 'PLACEMENT_VOIDED' ||
      (k.startsWith('APPLICATION_') && k !== 'APPLICATION_RECEIVED'),
  ),
  employer: NOTIFICATION_KINDS.filter(
    (k) =>
      k.startsWith('EMPLOYER_') ||
      ['APPLICATION_RECEIVED', 'VACANCY_CLOSING', 'VACANCY_OUTCOME', 'OUTREACH', 'PLACEMENT_VOIDED'].includes(k),
  ),
  officer: [],
};

/** The path and query of a message's link, so "Buka" stays on the address the reader is using. */
function localPath(link: string): string {
  try {
    const u = new URL(link);
    return `${u.pathname}${u.search}`;
  } catch {
    return '/pemberitahuan';
  }
}

const checked = (v: unknown): boolean => v === '1' || v === 'on' || v === 'true';
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** The inbox and notification settings of every signed-in user; the delivery list for officers. */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class InboxConsoleController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbox: InboxService,
    private readonly links: UnsubscribeLinks,
  ) {}

  @Get('pemberitahuan')
  @ForRoles('seeker', 'employer', 'officer')
  async list(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const q = pick(query, ['belum', 'page', 'ok', 'err']);
    const onlyUnread = q.belum === '1';
    const page = await this.inbox.list(
      c.user!,
      Object.assign(new InboxQuery(), pageOf(q), { unread: onlyUnread, pageSize: 20 }),
      c.lang,
    );
    const pager = pagerOf('/pemberitahuan', q, page);
    // The header's count was read before this page; the list is the fresher of the two.
    c.unread = onlyUnread ? page.total : page.unread;
    sendPage(res, InboxPage({ c, vm: { items: page.items, unread: c.unread, onlyUnread, pager, flash: flashOf(q) } }));
  }

  @Get('pemberitahuan/:id/buka')
  @ForRoles('seeker', 'employer', 'officer')
  async open(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    const link = await this.inbox.openLink(c.user!, id, c.lang);
    redirect(res, localPath(link));
  }

  @Post('pemberitahuan/:id/baca')
  @ForRoles('seeker', 'employer', 'officer')
  async read(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    await actThenRedirect(res, '/pemberitahuan', 'notificationRead', () => this.inbox.markRead(c.user!, id));
  }

  @Post('pemberitahuan/baca-semua')
  @ForRoles('seeker', 'employer', 'officer')
  async readAll(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    await actThenRedirect(res, '/pemberitahuan', 'notificationsAllRead', () => this.inbox.markAllRead(c.user!));
  }

  @Get('pemberitahuan/pengaturan')
  @ForRoles('seeker', 'employer', 'officer')
  async settings(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const settings = await this.inbox.settings(c.user!.id);
    const kinds = KINDS_OF[c.user!.role];
    sendPage(
      res,
      NotificationSettingsPage({ c, vm: { settings, email: c.user!.email, kinds, flash: flashOf(query) } }),
    );
  }

  @Post('pemberitahuan/pengaturan')
  @ForRoles('seeker', 'employer', 'officer')
  async saveSettings(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await actThenRedirect(res, '/pemberitahuan/pengaturan', 'notificationSettingsSaved', async () => {
      const dto = await validateAs(NotificationSettingsDto, {
        email: checked(body.email),
        whatsapp: checked(body.whatsapp),
        muted: list(body.muted),
        ...(body.language === 'en' || body.language === 'id' ? { language: body.language } : {}),
      });
      return this.inbox.saveSettings(c.user!.id, dto);
    });
  }

  /** An email's unsubscribe link: a GET only asks (mail scanners open links). */
  @Get('pemberitahuan/berhenti')
  unsubscribePage(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const userId = this.links.verify(query.u, query.s);
    sendPage(
      res,
      UnsubscribePage({ c, vm: { link: userId ? { u: userId, s: String(query.s) } : null, done: false } }),
      userId ? 200 : 400,
    );
  }

  /** The button of that page, or a mail program's one-click unsubscribe (RFC 8058) posting to the link. */
  @Post('pemberitahuan/berhenti')
  @SignedLinkForm()
  async unsubscribe(
    @Ctx() c: ConsoleContext,
    @Req() req: HttpRequest,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const userId = this.links.verify(body.u ?? query.u, body.s ?? query.s);
    if (userId) await this.inbox.turnEmailOff(userId);
    sendPage(res, UnsubscribePage({ c, vm: { link: null, done: userId !== null } }), userId ? 200 : 400);
  }

  @Get('petugas/pengiriman')
  @ForRoles('officer')
  async deliveries(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const q = pick(query, ['status', 'channel', 'from', 'to', 'page']);
    // The list opens on what needs attention: deliveries given up.
    if (!('status' in query)) q.status = 'FAILED';
    const filters = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== ''));
    const noChannels = this.config.notifications.smtpUrl === null && this.config.notifications.whatsapp === null;
    try {
      const page = await this.inbox.deliveries(await validateAs(DeliveryQuery, { ...filters, pageSize: '50' }));
      const vm = {
        form: blankForm(q),
        rows: page.items,
        total: page.total,
        pager: pagerOf('/petugas/pengiriman', q, page),
        noChannels,
      };
      sendPage(res, DeliveriesPage({ c, vm }));
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) throw err;
      const form = { values: q, errors: localizeErrors(c.t, errors, { values: q }), problem: null };
      sendPage(res, DeliveriesPage({ c, vm: { form, rows: null, total: 0, pager: null, noChannels } }), 400);
    }
  }
}
