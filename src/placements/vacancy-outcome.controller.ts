import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles, VerifiedEmployer } from '../common/auth/decorators.js';
import { ApiError, RETRY_AFTER_HEADER } from '../common/http/api-responses.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator.js';
import { RecordOutcomeDto } from './dto/vacancy-outcome.dto.js';
import { VacancyOutcomeReply } from './dto/vacancy-outcome.reply.js';
import { VacancyOutcomeService } from './vacancy-outcome.service.js';

/** A closed vacancy's outcome: who its employer hired (placements of the vacancy) and why the rest stayed open. */
@ApiTags('vacancies')
@Controller()
export class VacancyOutcomeController {
  constructor(private readonly outcomes: VacancyOutcomeService) {}

  @Post('vacancies/:id/outcome')
  @HttpCode(200)
  @VerifiedEmployer()
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary:
      'Say who was hired for a CLOSED vacancy with positions unfilled, and why the rest stayed open (its employer)',
    description:
      'Each hire is recorded as a direct placement of this vacancy (`POST /placements`: the same limits, validation records and checks), all in one transaction: a refused hire refuses the whole request, and its index is named in `details` (`hires.<i>`). ' +
      'At most the positions left unfilled (422 TOO_MANY_HIRES); `unfilledReason` is required while positions stay unfilled and none is on record (422 UNFILLED_REASON_REQUIRED). ' +
      'A later call may add hires (until every position is filled) and change the reason or the note.',
  })
  @ApiOkResponse({ type: VacancyOutcomeReply, description: 'the outcome, with the placements this call recorded' })
  @ApiTooManyRequestsResponse({
    description:
      '`VALIDATION_RATE_LIMITED` or `CARD_CHECK_LOCKED`, as `POST /placements` (each hire is one card check)',
    headers: RETRY_AFTER_HEADER,
  })
  @ApiError(400, 'INVALID_CARD_NUMBER: a hire with a wrong check digit', 'VALIDATION_FAILED')
  @ApiError(
    404,
    'NOT_FOUND: no such vacancy, or not yours',
    'CARD_NOT_FOUND: no issued card has this number with this NIK',
  )
  @ApiError(
    409,
    'VACANCY_STILL_OPEN: close the vacancy first',
    'INVALID_STATE_TRANSITION: a DRAFT or FILLED vacancy has no outcome to record',
    'SEEKER_ALREADY_PLACED',
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
  )
  @ApiError(
    422,
    'TOO_MANY_HIRES: more hires than the positions left unfilled',
    'UNFILLED_REASON_REQUIRED',
    'AK1_NOT_ACTIVE: a hire with an expired or revoked card',
    'IDEMPOTENCY_KEY_REUSED: same key, different body',
  )
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: RecordOutcomeDto,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.outcomes.record(user, id, dto, key);
  }

  @Get('vacancies/:id/outcome')
  @Roles('employer', 'officer')
  @ApiOperation({ summary: "A vacancy's recorded outcome (its employer, officers)" })
  @ApiOkResponse({ type: VacancyOutcomeReply, description: 'the outcome, with every placement of the vacancy' })
  @ApiError(404, 'NOT_FOUND: no such vacancy (or not yours), or no outcome recorded yet')
  get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.outcomes.get(user, id);
  }
}
