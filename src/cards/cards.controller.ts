import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CardImportService } from './card-import.service.js';
import { CardsService } from './cards.service.js';
import { CardListQuery, CardReasonDto, CardReportDto, IssueCardDto } from './dto/card.dto.js';
import { ApiError } from '../common/http/api-responses.js';
import { CardPage, CardReply, ImportReportReply, MyCardsReply } from './dto/card.reply.js';

@ApiTags('cards')
@Controller('cards')
export class CardsController {
  constructor(
    private readonly cards: CardsService,
    private readonly importer: CardImportService,
  ) {}

  @Post('requests')
  @Roles('seeker')
  @ApiOperation({ summary: 'Request an AK1 card (PENDING until an officer decides)' })
  @ApiCreatedResponse({ type: CardReply, description: 'the card, PENDING' })
  @ApiError(404, 'NOT_FOUND: your profile is gone')
  @ApiError(409, 'CARD_ALREADY_HELD: you hold a pending or active card')
  @ApiError(403, 'EMAIL_NOT_VERIFIED: REQUIRE_EMAIL_VERIFICATION is on and your email is not verified yet', 'FORBIDDEN')
  request(@CurrentUser() user: AuthUser) {
    return this.cards.request(user);
  }

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Issue an ACTIVE card to a walk-in job seeker (officer)' })
  @ApiCreatedResponse({ type: CardReply, description: 'the card, ACTIVE and numbered' })
  @ApiError(404, 'NOT_FOUND: no such job seeker')
  @ApiError(409, 'CARD_ALREADY_HELD', 'DUPLICATE_CARD_NUMBER')
  @ApiError(
    422,
    'DOCUMENTS_INCOMPLETE: a requirement of REQUIRED_DOCUMENTS has no SUBMITTED or VERIFIED document (details: [{ requirement }])',
  )
  @ApiError(503, 'CARD_SERIALS_EXHAUSTED: no serials left for this region and year', 'DATABASE_UNAVAILABLE')
  issue(@CurrentUser() user: AuthUser, @Body() dto: IssueCardDto) {
    return this.cards.issue(user, dto.seekerId);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('officer')
  @ApiConsumes('text/csv', 'text/plain')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status\n…',
    },
  })
  @ApiOperation({
    summary:
      'Import cards from the earlier system as CSV (docs/cards-import.md) → { imported, rejected: [{ line, errors }] }',
  })
  @ApiOkResponse({ type: ImportReportReply })
  @ApiError(
    400,
    'VALIDATION_FAILED: the header line is wrong, or the file is not valid CSV (lines with errors are reported in the reply instead)',
  )
  @ApiError(415, 'UNSUPPORTED_MEDIA_TYPE: send the file as text/csv')
  import(@CurrentUser() user: AuthUser, @Body() body: string) {
    return this.importer.import(user, body);
  }

  @Get('me')
  @Roles('seeker')
  @ApiOperation({ summary: 'Your current (pending or active) card and your earlier ones' })
  @ApiOkResponse({ type: MyCardsReply })
  mine(@CurrentUser() user: AuthUser) {
    return this.cards.mine(user);
  }

  @Get()
  @CsvExport()
  @Roles('officer')
  @ApiOperation({ summary: 'List cards by status, holder name or number, overdue reports (officer)' })
  @ApiOkResponse({ type: CardPage })
  list(@CurrentUser() user: AuthUser, @Query() q: CardListQuery) {
    return this.cards.list(user, q);
  }

  @Get(':id')
  @Roles('officer', 'seeker')
  @ApiOperation({ summary: 'One card (officer, or its holder)' })
  @ApiOkResponse({ type: CardReply })
  @ApiError(404, 'NOT_FOUND: no such card, or (seeker) not yours')
  get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.cards.get(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Approve a PENDING request: ACTIVE, numbered, valid 2 years' })
  @ApiOkResponse({ type: CardReply, description: 'ACTIVE, numbered, issued today, valid 2 years' })
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a PENDING request can be approved', 'DUPLICATE_CARD_NUMBER')
  @ApiError(
    422,
    'DOCUMENTS_INCOMPLETE: a requirement of REQUIRED_DOCUMENTS has no SUBMITTED or VERIFIED document (details: [{ requirement }])',
  )
  @ApiError(503, 'CARD_SERIALS_EXHAUSTED: no serials left for this region and year', 'DATABASE_UNAVAILABLE')
  approve(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.cards.approve(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Reject a PENDING request with a reason' })
  @ApiOkResponse({ type: CardReply, description: 'REJECTED' })
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a PENDING request can be rejected')
  reject(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: CardReasonDto) {
    return this.cards.reject(user, id, dto.reason);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Revoke an ACTIVE card with a reason' })
  @ApiOkResponse({ type: CardReply, description: 'REVOKED' })
  @ApiError(409, 'INVALID_STATE_TRANSITION: only an ACTIVE card can be revoked')
  revoke(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: CardReasonDto) {
    return this.cards.revoke(user, id, dto.reason);
  }

  @Post(':id/reports')
  @Roles('seeker', 'officer')
  @ApiOperation({ summary: '6-month report (holder or officer): nextReportDue moves to the next mark after today' })
  @ApiCreatedResponse({ type: CardReply, description: 'the card with its new nextReportDue and the report added' })
  @ApiError(404, 'NOT_FOUND: no such card, or (seeker) not yours')
  @ApiError(409, 'CARD_NOT_ACTIVE: only an ACTIVE, unexpired card reports')
  report(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: CardReportDto) {
    return this.cards.report(user, id, dto.note);
  }
}
