import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CardImportService } from './card-import.service.js';
import { CardsService } from './cards.service.js';
import { CardListQuery, CardReasonDto, CardReportDto, IssueCardDto } from './dto/card.dto.js';

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
  @ApiConflictResponse({ description: 'CARD_ALREADY_HELD' })
  request(@CurrentUser() user: AuthUser) {
    return this.cards.request(user);
  }

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Issue an ACTIVE card to a walk-in job seeker (officer)' })
  @ApiConflictResponse({ description: 'CARD_ALREADY_HELD' })
  issue(@CurrentUser() user: AuthUser, @Body() dto: IssueCardDto) {
    return this.cards.issue(user, dto.seekerId);
  }

  @Post('import')
  @HttpCode(200)
  @Roles('officer')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status\n…' } })
  @ApiOperation({ summary: "Import cards from the earlier system as CSV (docs/cards-import.md) → { imported, rejected: [{ line, errors }] }" })
  import(@CurrentUser() user: AuthUser, @Body() body: string) {
    return this.importer.import(user, body);
  }

  @Get('me')
  @Roles('seeker')
  @ApiOperation({ summary: 'Your current (pending or active) card and your earlier ones' })
  mine(@CurrentUser() user: AuthUser) {
    return this.cards.mine(user);
  }

  @Get()
  @CsvExport()
  @Roles('officer')
  @ApiOperation({ summary: 'List cards by status, holder name or number, overdue reports (officer)' })
  list(@Query() q: CardListQuery) {
    return this.cards.list(q);
  }

  @Get(':id')
  @Roles('officer', 'seeker')
  @ApiOperation({ summary: 'One card (officer, or its holder)' })
  get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.cards.get(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Approve a PENDING request: ACTIVE, numbered, valid 2 years' })
  approve(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.cards.approve(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Reject a PENDING request with a reason' })
  reject(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: CardReasonDto) {
    return this.cards.reject(user, id, dto.reason);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Revoke an ACTIVE card with a reason' })
  revoke(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: CardReasonDto) {
    return this.cards.revoke(user, id, dto.reason);
  }

  @Post(':id/reports')
  @Roles('seeker', 'officer')
  @ApiOperation({ summary: '6-month report (holder or officer): nextReportDue moves to the next mark after today' })
  @ApiConflictResponse({ description: 'CARD_NOT_ACTIVE' })
  report(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: CardReportDto) {
    return this.cards.report(user, id, dto.note);
  }
}
