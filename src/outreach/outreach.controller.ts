import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiError } from '../common/http/api-responses.js';
import { CsvColumns, CsvExport } from '../common/http/csv.interceptor.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { PageQuery } from '../common/http/pagination.js';
import { CreateCampaignDto } from './dto/outreach.dto.js';
import { CampaignPage, CampaignReply } from './dto/outreach.reply.js';
import { OutreachService } from './outreach.service.js';

/** The campaign list's CSV columns, in order (nested audience fields dotted). */
const CAMPAIGN_COLUMNS = [
  'id',
  'title',
  'message',
  'audience.participating',
  'audience.silentClosures',
  'audience.from',
  'audience.to',
  'audience.kbli',
  'audience.kecamatanCode',
  'audience.status',
  'status',
  'createdAt',
  'sentAt',
  'recipients',
  'delivered',
  'failed',
  'participatedAfter',
  'conversionRate',
];

@ApiTags('outreach')
@Controller('outreach/campaigns')
export class OutreachController {
  constructor(private readonly outreach: OutreachService) {}

  @Post()
  @Roles('officer')
  @ApiOperation({
    summary: 'Write an outreach campaign ("sosialisasi") to the employers an audience matches now (officer)',
    description:
      'The audience uses the definitions of GET /monitoring/employers (every filter given must hold; `{}` is every ' +
      'employer). The employers it matches now are stored as the recipients: the send and every count use that set. ' +
      'The campaign starts as DRAFT; nothing is sent until POST /outreach/campaigns/:id/send.',
  })
  @ApiCreatedResponse({ type: CampaignReply })
  @ApiError(422, 'EMPTY_AUDIENCE: no employer matches the audience; nothing was stored')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCampaignDto) {
    return this.outreach.create(user, dto);
  }

  @Get()
  @CsvExport()
  @Roles('officer')
  @CsvColumns(CAMPAIGN_COLUMNS)
  @ApiOperation({ summary: 'Outreach campaigns, newest first, with their recipients, deliveries and conversion' })
  @ApiOkResponse({ type: CampaignPage })
  list(@CurrentUser() user: AuthUser, @Query() q: PageQuery) {
    return this.outreach.list(user, q);
  }

  @Get(':id')
  @Roles('officer')
  @ApiOperation({ summary: 'One outreach campaign with its recipients, deliveries and conversion' })
  @ApiOkResponse({ type: CampaignReply })
  @ApiError(404, "NOT_FOUND: no such campaign, or another office's outside the caller's")
  get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.outreach.get(user, id);
  }

  @Post(':id/send')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    summary: 'Send a DRAFT campaign: one OUTREACH notification to every staff user of each recipient employer',
    description:
      'The notifications are written in the transaction that marks the campaign SENT and delivered afterwards ' +
      '(inbox, and email / WhatsApp where configured and allowed). A campaign is sent once.',
  })
  @ApiOkResponse({ type: CampaignReply })
  @ApiError(403, "FORBIDDEN: a campaign of an office below the caller's; only its own office's officers send it")
  @ApiError(404, 'NOT_FOUND: no such campaign')
  @ApiError(409, 'INVALID_STATE_TRANSITION: the campaign was sent already')
  send(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.outreach.send(user, id);
  }
}
