import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { ClientAddress } from '../common/http/client-address.js';
import { RegisterEmployerDto } from '../employers/dto/employer.dto.js';
import { EmployersService } from '../employers/employers.service.js';
import { AuthService } from './auth.service.js';
import { CreateOfficerDto, LoginDto, RefreshDto } from './dto/auth.dto.js';

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
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiTooManyRequestsResponse({ description: 'LOGIN_FAILURE_LIMIT_PER_EMAIL or LOGIN_FAILURE_LIMIT_PER_ADDRESS' })
  login(@Body() dto: LoginDto, @ClientAddress() ip: string) {
    return this.auth.login(dto, ip);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token into a new token pair' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the sign-in the refresh token belongs to' })
  async logout(@Body() dto: RefreshDto) {
    await this.auth.logout(dto.refreshToken);
  }

  @Get('auth/me')
  @Roles('officer', 'employer', 'seeker')
  @ApiOperation({ summary: 'The signed-in account' })
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }

  @Post('auth/register/employer')
  @Public()
  @ApiOperation({ summary: 'Register a company and its first HR user (status PENDING)' })
  @ApiTooManyRequestsResponse({ description: 'REGISTRATION_RATE_LIMIT' })
  async registerEmployer(@Body() dto: RegisterEmployerDto, @ClientAddress() ip: string) {
    await this.auth.checkRegistrationRate(ip);
    return this.employers.register(dto);
  }

  @Post('officers')
  @Roles('officer')
  @ApiOperation({ summary: 'Create another officer account' })
  createOfficer(@CurrentUser() user: AuthUser, @Body() dto: CreateOfficerDto) {
    return this.auth.createOfficer(user, dto);
  }
}
