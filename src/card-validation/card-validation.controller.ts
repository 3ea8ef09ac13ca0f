import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles, VerifiedEmployer } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CardValidationService } from './card-validation.service.js';
import { CardCredentials } from './card-credentials.js';
import {
  CardStatusQuery,
  CardValidationQuery,
  ValidateCardDto,
  ValidateCredentialDto,
  ValidationReplyDto,
} from './dto/card-validation.dto.js';
import { ApiCacheable, ApiError } from '../common/http/api-responses.js';
import { CardStatusReply, CardValidationRecordPage, CredentialReply, JwksReply } from './dto/card-validation.reply.js';

@ApiTags('card-validation')
@Controller('card-validations')
export class CardValidationController {
  constructor(private readonly validations: CardValidationService) {}

  @Post()
  @HttpCode(200)
  // Staff of a VERIFIED employer only: checked by the service in the card lookup's own query (one round
  // trip on the busiest route), answering 403 EMPLOYER_NOT_VERIFIED like @VerifiedEmployer() does.
  @Roles('employer')
  @ApiForbiddenResponse({ description: 'FORBIDDEN or EMPLOYER_NOT_VERIFIED' })
  @ApiOperation({ summary: "Check an applicant's AK1 card number against their NIK (verified employer staff)" })
  @ApiOkResponse({ type: ValidationReplyDto })
  @ApiBadRequestResponse({
    description: 'INVALID_CARD_NUMBER (13 digits with a wrong check digit) or VALIDATION_FAILED',
  })
  @ApiTooManyRequestsResponse({
    description:
      '`VALIDATION_RATE_LIMITED` (VALIDATION_RATE_LIMIT per employer per minute, direct hires included); or `CARD_CHECK_LOCKED` (this employer gave CARD_MISMATCH_LIMIT wrong NIKs for this card number within the hour, on this route or POST /placements). Refused before any lookup.',
    headers: {
      'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
    },
  })
  validate(@CurrentUser() user: AuthUser, @Body() dto: ValidateCardDto) {
    return this.validations.validate(user, dto);
  }

  @Post('credential')
  @HttpCode(200)
  @VerifiedEmployer()
  @ApiOperation({ summary: "Check a scanned card credential: signature, expiry, then the card's live status" })
  @ApiOkResponse({ type: ValidationReplyDto })
  @ApiBadRequestResponse({ description: 'INVALID_CREDENTIAL' })
  @ApiTooManyRequestsResponse({ description: 'VALIDATION_RATE_LIMITED' })
  @ApiError(422, 'CREDENTIAL_EXPIRED: ask the holder for a fresh credential')
  validateCredential(@CurrentUser() user: AuthUser, @Body() dto: ValidateCredentialDto) {
    return this.validations.validateCredential(user, dto.token);
  }

  @Get()
  @CsvExport()
  @Roles('employer', 'officer')
  @ApiOperation({ summary: 'Validation history: employers their own, officers all (optionally &employerId=)' })
  @ApiOkResponse({ type: CardValidationRecordPage })
  @ApiError(403, "FORBIDDEN: (employer) another company's employerId")
  history(@CurrentUser() user: AuthUser, @Query() q: CardValidationQuery) {
    return this.validations.history(user, q);
  }
}

@ApiTags('cards')
@Controller('cards')
export class CardCredentialController {
  constructor(private readonly validations: CardValidationService) {}

  @Get(':id/credential')
  @Roles('seeker', 'officer')
  @ApiOperation({
    summary: 'A signed, offline-verifiable credential of an ACTIVE card, with its QR code (PNG, base64)',
  })
  @ApiOkResponse({ type: CredentialReply })
  @ApiError(404, 'NOT_FOUND: no such card, or (seeker) not yours')
  @ApiError(409, 'CARD_NOT_ACTIVE: only an ACTIVE, unexpired card has a credential')
  credential(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.validations.credential(user, id);
  }
}

@ApiTags('card-validation')
@Controller('.well-known')
export class JwksController {
  constructor(
    private readonly credentials: CardCredentials,
    private readonly validations: CardValidationService,
  ) {}

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'Public keys (JWK Set) that verify card credentials offline' })
  @ApiOkResponse({ type: JwksReply })
  jwks() {
    return this.credentials.jwks();
  }

  @Get('card-status')
  @Public()
  @ApiCacheable()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary: 'Cards no longer ACTIVE whose credentials may still be unexpired, signed, for verifiers working offline',
    description:
      'The body is signed as it is sent: `X-JWS-Signature` is a JWS with a detached payload (RFC 7515 appendix F), `header..signature`, EdDSA with a key of /.well-known/jwks.json, over `header.` + base64url(body). Only cards whose expiry day is today or later are listed (an expired card’s credentials have expired too); `since` narrows it to cards closed since a day. docs/credentials.md.',
  })
  @ApiOkResponse({
    type: CardStatusReply,
    headers: {
      'X-JWS-Signature': {
        description: 'detached JWS of the body (`header..signature`)',
        schema: { type: 'string' },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: since is not a date' })
  async cardStatus(@Query() q: CardStatusQuery, @Res({ passthrough: true }) res: FastifyReply) {
    const { body, signature } = await this.validations.cardStatus(q.since);
    res.header('X-JWS-Signature', signature);
    return body;
  }
}
