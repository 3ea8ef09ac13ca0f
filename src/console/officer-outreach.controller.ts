import { Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators.js';
import type { HttpReply, HttpRequest } from '../common/http/http.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CreateCampaignDto } from '../outreach/dto/outreach.dto.js';
import { OfficesService } from '../offices/offices.service.js';
import { OutreachService } from '../outreach/outreach.service.js';
import { Ctx, ForRoles, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { blankForm, formValues, validateAs, type FormValues } from './http/forms.js';
import { pageOf, pick } from './http/paging.js';
import { refusal, refusedForm } from './http/refusal.js';
import { actThenRedirect, redirect, sendPage } from './http/respond.js';
import { flashOf } from './view-models/flash.js';
import { pagerOf } from './view-models/pager.js';
import { CAMPAIGN_FIELDS, CampaignFormPage } from './views/officer/CampaignFormPage.js';
import { CampaignListPage } from './views/officer/CampaignListPage.js';
import { CampaignPage } from './views/officer/CampaignPage.js';

const SPECS = CAMPAIGN_FIELDS.map((name) => ({ name }));
/** The outreach list's filters, as its "Kirim sosialisasi" link passes them, onto the form's fields. */
const PREFILL = ['participating', 'silentClosures', 'from', 'to', 'status', 'kbli', 'kecamatanCode'] as const;

/**
 * The API body a campaign form stands for: text as typed, empty filters left out, `participating`
 * and `silentClosures` booleans (or absent for "every employer"); anything else is passed on for the DTO to refuse.
 */
function campaignBody(v: FormValues): Record<string, unknown> {
  const audience: Record<string, unknown> = {};
  for (const name of PREFILL) {
    const text = (v[`audience.${name}`] ?? '').trim();
    if (text === '') continue;
    const flag = name === 'participating' || name === 'silentClosures';
    audience[name] = flag && (text === 'true' || text === 'false') ? text === 'true' : text;
  }
  return { title: v.title ?? '', message: v.message ?? '', audience };
}

/**
 * Outreach campaigns ("sosialisasi") in the officers' console, through the API's OutreachService: the
 * form (prefilled from the outreach list), the draft showing how many employers it reaches with
 * "Kirim", the list of campaigns and what came of each.
 */
@ApiExcludeController()
@Public()
@ForRoles('officer')
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('petugas/penjangkauan/kampanye')
export class OfficerOutreachConsoleController {
  constructor(
    private readonly outreach: OutreachService,
    private readonly offices: OfficesService,
  ) {}

  /** The officer's office and the names of the offices it reads (campaigns name theirs). */
  private async officesOf(c: ConsoleContext): Promise<{ own: string; names: Record<string, string> }> {
    const own = this.offices.officeOf(c.user!);
    const names = Object.fromEntries((await this.offices.subtree(own)).map((o) => [o.id, o.name]));
    return { own, names };
  }

  @Get()
  async list(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const page = await this.outreach.list(c.user!, pageOf(query));
    const pager = pagerOf('/petugas/penjangkauan/kampanye', pick(query, ['page']), page);
    const offices = await this.officesOf(c);
    sendPage(res, CampaignListPage({ c, vm: { items: page.items, total: page.total, pager, offices } }));
  }

  @Get('baru')
  form(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const given = pick(query, PREFILL);
    const values = Object.fromEntries(Object.entries(given).map(([k, v]) => [`audience.${k}`, v]));
    sendPage(res, CampaignFormPage({ c, form: blankForm(values) }));
  }

  /** Saves the campaign as a draft (POST /outreach/campaigns), then shows how many it reaches. */
  @Post('baru')
  async create(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(SPECS, req.body);
    try {
      const dto = await validateAs(CreateCampaignDto, campaignBody(values));
      const campaign = await this.outreach.create(c.user!, dto);
      redirect(res, `/petugas/penjangkauan/kampanye/${campaign.id}?ok=campaignDrafted`);
    } catch (err) {
      const r = refusal(c.t, err, {}, { values, scope: 'campaign' });
      sendPage(res, CampaignFormPage({ c, form: refusedForm(values, r) }), r.status);
    }
  }

  @Get(':id')
  async campaign(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const campaign = await this.outreach.get(c.user!, id);
    const { own, names } = await this.officesOf(c);
    const office = { name: names[campaign.officeId] ?? '', own: campaign.officeId === own };
    sendPage(res, CampaignPage({ c, vm: { flash: flashOf(query), campaign, office } }));
  }

  /** "Kirim" (POST /outreach/campaigns/:id/send); sent before, it says so. */
  @Post(':id/kirim')
  async send(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    await actThenRedirect(res, `/petugas/penjangkauan/kampanye/${id}`, 'campaignSent', () =>
      this.outreach.send(c.user!, id),
    );
  }
}
