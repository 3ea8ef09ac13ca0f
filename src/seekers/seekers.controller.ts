import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from '../auth/auth.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { ClientAddress } from '../common/http/client-address.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CreateSeekerDto, RegisterSeekerDto, UpdateSeekerDto } from './dto/seeker.dto.js';
import { SeekersService } from './seekers.service.js';
import { ApiError } from '../common/http/api-responses.js';
import { SeekerRegistrationReply, SeekerReply } from './dto/seeker.reply.js';

@ApiTags('auth')
@Controller('auth/register')
export class SeekerRegistrationController {
  constructor(
    private readonly seekers: SeekersService,
    private readonly auth: AuthService,
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
}

@ApiTags('seekers')
@Controller('seekers')
export class SeekersController {
  constructor(private readonly seekers: SeekersService) {}

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

  @Get(':id')
  @Roles('officer')
  @ApiOperation({ summary: 'A job seeker profile (officer)' })
  @ApiOkResponse({ type: SeekerReply })
  @ApiError(404, 'NOT_FOUND: no such job seeker')
  get(@Param('id', IdPipe) id: string) {
    return this.seekers.get(id);
  }
}
