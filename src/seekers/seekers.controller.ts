import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from '../auth/auth.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { ClientAddress } from '../common/http/client-address.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CreateSeekerDto, RegisterSeekerDto, UpdateSeekerDto } from './dto/seeker.dto.js';
import { SeekersService } from './seekers.service.js';
import { ClaimCodes } from './claim-codes.js';
import { ClaimSeekerDto } from './dto/claim.dto.js';
import { ClaimCodeReply } from './dto/claim.reply.js';
import { ApiError } from '../common/http/api-responses.js';
import { SeekerRegistrationReply, SeekerReply } from './dto/seeker.reply.js';

@ApiTags('auth')
@Controller('auth/register')
export class SeekerRegistrationController {
  constructor(
    private readonly seekers: SeekersService,
    private readonly auth: AuthService,
    private readonly claimCodes: ClaimCodes,
  ) {}

  @Post('seeker')
  @Public()
  @ApiOperation({ summary: 'A job seeker registers (profile + account); the NIK must agree with birthDate and gender' })
  @ApiCreatedResponse({ type: SeekerRegistrationReply })
  @ApiError(409, 'DUPLICATE_NIK', 'DUPLICATE_EMAIL')
  @ApiError(429, 'REGISTRATION_RATE_LIMIT: too many registrations from this address in an hour')
  async register(@Body() dto: RegisterSeekerDto, @ClientAddress() ip: string) {
    await this.auth.checkRegistrationRate(ip);
    return this.seekers.register(dto);
  }

  @Post('seeker/claim')
  @Public()
  @ApiOperation({
    summary: 'A walk-in job seeker attaches a login to their record with the claim code an officer gave them',
    description:
      "The NIK must be the record's. A wrong, used or expired code and another NIK all answer the same 400 `INVALID_CLAIM_CODE`; each such failure counts against the client address (`CLAIM_FAILURE_LIMIT`, default 10 an hour, then 429). The code is spent only when the account is created: a taken email (409) leaves it usable. Also counted as a registration (`REGISTRATION_RATE_LIMIT`).",
  })
  @ApiCreatedResponse({ type: SeekerRegistrationReply, description: 'the new account and the seeker record' })
  @ApiError(400, 'INVALID_CLAIM_CODE: wrong, used or expired code, or not the NIK of its record', 'VALIDATION_FAILED')
  @ApiError(409, 'DUPLICATE_EMAIL (the code stays usable)')
  @ApiError(
    429,
    'REGISTRATION_RATE_LIMIT: too many registrations from this address in an hour',
    'CLAIM_FAILURE_LIMIT: too many failed claims from this address in an hour',
  )
  async claim(@Body() dto: ClaimSeekerDto, @ClientAddress() ip: string) {
    await this.auth.checkRegistrationRate(ip);
    return this.claimCodes.claim(dto, ip);
  }
}

@ApiTags('seekers')
@Controller('seekers')
export class SeekersController {
  constructor(
    private readonly seekers: SeekersService,
    private readonly claimCodes: ClaimCodes,
  ) {}

  @Post()
  @Roles('officer')
  @ApiOperation({ summary: 'Register a walk-in job seeker without an account (officer)' })
  @ApiCreatedResponse({ type: SeekerReply })
  @ApiError(409, 'DUPLICATE_NIK')
  createWalkIn(@CurrentUser() user: AuthUser, @Body() dto: CreateSeekerDto) {
    return this.seekers.createWalkIn(user, dto);
  }

  @Get('me')
  @Roles('seeker')
  @ApiOperation({ summary: 'Your job seeker profile (NIK included)' })
  @ApiOkResponse({ type: SeekerReply })
  @ApiError(404, 'NOT_FOUND: the profile is gone')
  me(@CurrentUser() user: AuthUser) {
    return this.seekers.me(user);
  }

  @Patch('me')
  @Roles('seeker')
  @ApiOperation({ summary: 'Edit your profile; NIK, name, birth place/date and sex cannot be changed here' })
  @ApiOkResponse({ type: SeekerReply, description: 'the profile as it is now' })
  @ApiError(404, 'NOT_FOUND: the profile is gone')
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateSeekerDto) {
    return this.seekers.updateMe(user, dto);
  }

  @Post(':id/claim-code')
  @Roles('officer')
  @ApiOperation({
    summary: 'A one-time claim code for a walk-in job seeker without a login (officer)',
    description:
      'Give the code to the seeker: with it and their NIK they attach a login to this record (`POST /auth/register/seeker/claim`). 8 characters without 0/O/1/I/L, valid 7 days, single use; a newer code replaces the earlier one. Only a keyed hash is stored, so the code is shown only in this reply.',
  })
  @ApiCreatedResponse({ type: ClaimCodeReply })
  @ApiError(404, 'NOT_FOUND: no such job seeker')
  @ApiError(
    409,
    'SEEKER_HAS_LOGIN: the seeker already has a login',
    'INVALID_STATE_TRANSITION: another code for the seeker was made at the same moment',
  )
  claimCode(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.claimCodes.issue(user, id);
  }

  @Get(':id')
  @Roles('officer')
  @ApiOperation({ summary: 'A job seeker profile (officer)' })
  @ApiOkResponse({ type: SeekerReply })
  @ApiError(404, 'NOT_FOUND: no such job seeker')
  get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.seekers.get(user, id);
  }
}
