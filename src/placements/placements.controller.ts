import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles, VerifiedEmployer } from '../common/auth/decorators.js';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator.js';
import { IdPipe } from '../common/http/id.pipe.js';
import {
  DirectPlacementDto,
  HireDto,
  PlacementListQuery,
  SelfReportDto,
  VoidPlacementDto,
} from './dto/placement.dto.js';
import { HireService } from './hire.service.js';
import { PlacementsService } from './placements.service.js';
import { VoidService } from './void.service.js';
import { ApiError } from '../common/http/api-responses.js';
import { PlacementPage, PlacementReply } from './dto/placement.reply.js';

@ApiTags('placements')
@Controller()
export class PlacementsController {
  constructor(
    private readonly hires: HireService,
    private readonly placements: PlacementsService,
    private readonly voids: VoidService,
  ) {}

  @Post('applications/:id/hire')
  @VerifiedEmployer()
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: "Record the hire: the seeker's card is placed, other applications close, the vacancy fills at quota",
  })
  @ApiCreatedResponse({
    type: PlacementReply,
    description:
      'the placement (source EMPLOYER); a replay with the same Idempotency-Key and body answers the first reply',
  })
  @ApiError(404, 'NOT_FOUND: no such application to your vacancies')
  @ApiError(
    409,
    'SEEKER_ALREADY_PLACED',
    'VACANCY_FILLED',
    'VACANCY_NOT_OPEN',
    'INVALID_STATE_TRANSITION: the application is not undecided',
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
  )
  @ApiError(422, 'IDEMPOTENCY_KEY_REUSED: same key, different body')
  hire(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: HireDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.hires.fromApplication(user, id, dto, key);
  }

  @Post('placements')
  @VerifiedEmployer()
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary:
      'Record the hire of an AK1 holder by card number and NIK (checked, counted and recorded like a card validation)',
  })
  @ApiTooManyRequestsResponse({
    description:
      '`VALIDATION_RATE_LIMITED` (shares the VALIDATION_RATE_LIMIT per employer per minute with card validations); or `CARD_CHECK_LOCKED` (this employer gave CARD_MISMATCH_LIMIT wrong NIKs for this card number within the hour). Refused before any lookup.',
    headers: {
      'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
    },
  })
  @ApiCreatedResponse({
    type: PlacementReply,
    description:
      'the placement (source EMPLOYER); a replay with the same Idempotency-Key and body answers the first reply',
  })
  @ApiError(400, 'INVALID_CARD_NUMBER: 13 digits with a wrong check digit', 'VALIDATION_FAILED')
  @ApiError(
    404,
    'CARD_NOT_FOUND: no issued card has this number with this NIK',
    'NOT_FOUND: vacancyId is not one of yours',
  )
  @ApiError(
    409,
    'SEEKER_ALREADY_PLACED',
    'VACANCY_FILLED',
    'VACANCY_NOT_OPEN',
    'INVALID_STATE_TRANSITION',
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
  )
  @ApiError(422, 'AK1_NOT_ACTIVE: the card is expired or revoked', 'IDEMPOTENCY_KEY_REUSED: same key, different body')
  direct(@CurrentUser() user: AuthUser, @Body() dto: DirectPlacementDto, @Headers('idempotency-key') key?: string) {
    return this.hires.direct(user, dto, key);
  }

  @Post('seekers/me/placement')
  @Roles('seeker')
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Report my own hire ("Saya sudah bekerja")' })
  @ApiCreatedResponse({ type: PlacementReply, description: 'the placement (source SELF_REPORT)' })
  @ApiError(404, 'NOT_FOUND: your profile is gone')
  @ApiError(409, 'SEEKER_ALREADY_PLACED', 'IDEMPOTENCY_REQUEST_IN_PROGRESS')
  @ApiError(422, 'IDEMPOTENCY_KEY_REUSED: same key, different body')
  selfReport(@CurrentUser() user: AuthUser, @Body() dto: SelfReportDto, @Headers('idempotency-key') key?: string) {
    return this.hires.selfReport(user, dto, key);
  }

  @Post('placements/:id/void')
  @HttpCode(200)
  @Roles('officer', 'employer')
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary:
      'Void a placement recorded by mistake (officer; or staff of the recording employer within 7 days): the card returns to ACTIVE (EXPIRED if past its date), the application to SHORTLISTED, the vacancy counts one hire less (a FILLED one not past its closing date reopens), statistics count the reversal',
  })
  @ApiOkResponse({
    type: PlacementReply,
    description:
      'the placement, now status VOID with voidedAt, voidedBy and voidReason; a replay with the same Idempotency-Key and body answers the first reply',
  })
  @ApiError(400, 'VALIDATION_FAILED: reason missing, shorter than 3 or longer than 500 characters')
  @ApiError(
    403,
    'VOID_WINDOW_PASSED: (employer) more than 7 days since it was recorded; ask the office',
    "FORBIDDEN: (employer) a seeker's self-report",
  )
  @ApiError(404, 'NOT_FOUND: no such placement, or (employer) not recorded for your company')
  @ApiError(
    409,
    'ALREADY_VOID',
    'PLACEMENT_SUPERSEDED: the seeker has a newer card or a later placement',
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
  )
  @ApiError(422, 'IDEMPOTENCY_KEY_REUSED: same key, different body')
  void(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: VoidPlacementDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.voids.void(user, id, dto.reason, key);
  }

  @Get('placements')
  @CsvExport()
  @Roles('officer', 'employer')
  @ApiOperation({ summary: 'Recorded hires (officer: all; employer: its own)' })
  @ApiOkResponse({ type: PlacementPage })
  @ApiError(403, "FORBIDDEN: (employer) another company's employerId")
  list(@CurrentUser() user: AuthUser, @Query() q: PlacementListQuery) {
    return this.placements.list(user, q);
  }
}
