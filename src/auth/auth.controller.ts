import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { ClientAddress } from '../common/http/client-address.js';
import { RegisterEmployerDto } from '../employers/dto/employer.dto.js';
import { EmployersService } from '../employers/employers.service.js';
import { AuthService } from './auth.service.js';
import { CreateOfficerDto, LoginDto, LoginReplyDto, RefreshDto } from './dto/auth.dto.js';
import { ApiError } from '../common/http/api-responses.js';
import { EmployerRegistrationReply } from '../employers/dto/employer.reply.js';
import { UserReply } from '../users/user.reply.js';
import { TokenPairReply } from './dto/auth.reply.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly employers: EmployersService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Also returns a `deviceToken` (known device): sent back as `deviceToken` with a later sign-in of the same account, it lets that sign-in past the per-email failure limit, so nobody can lock the owner out by failing on their email.',
  })
  @ApiOkResponse({ type: LoginReplyDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS (wrong password and unknown email alike)' })
  @ApiTooManyRequestsResponse({
    description:
      'LOGIN_FAILURE_LIMIT_PER_EMAIL (not for a known device of the account) or LOGIN_FAILURE_LIMIT_PER_ADDRESS',
  })
  login(@Body() dto: LoginDto, @ClientAddress() ip: string) {
    return this.auth.login(dto, ip);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token into a new token pair' })
  @ApiOkResponse({ type: TokenPairReply, description: 'a new pair; the refresh token sent stops working' })
  @ApiError(
    401,
    'INVALID_REFRESH_TOKEN: unknown, expired, revoked or already used (a reused token revokes its whole family)',
  )
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the sign-in the refresh token belongs to' })
  @ApiNoContentResponse({ description: 'signed out (an unknown token too)' })
  async logout(@Body() dto: RefreshDto) {
    await this.auth.logout(dto.refreshToken);
  }

  @Get('auth/me')
  @Roles('officer', 'employer', 'seeker')
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: UserReply })
  @ApiError(404, 'NOT_FOUND: the account is gone')
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }

  @Post('auth/register/employer')
  @Public()
  @ApiOperation({ summary: 'Register a company and its first HR user (status PENDING)' })
  @ApiCreatedResponse({ type: EmployerRegistrationReply, description: 'the account and the company, PENDING' })
  @ApiError(409, 'DUPLICATE_EMPLOYER: a company with this NIB is registered', 'DUPLICATE_EMAIL')
  @ApiError(429, 'REGISTRATION_RATE_LIMIT: too many registrations from this address in an hour')
  async registerEmployer(@Body() dto: RegisterEmployerDto, @ClientAddress() ip: string) {
    await this.auth.checkRegistrationRate(ip);
    return this.employers.register(dto);
  }

  @Post('officers')
  @Roles('officer')
  @ApiOperation({ summary: 'Create another officer account' })
  @ApiCreatedResponse({ type: UserReply })
  @ApiError(409, 'DUPLICATE_EMAIL')
  createOfficer(@CurrentUser() user: AuthUser, @Body() dto: CreateOfficerDto) {
    return this.auth.createOfficer(user, dto);
  }
}
