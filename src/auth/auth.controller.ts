import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiAcceptedResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { ClientAddress } from '../common/http/client-address.js';
import { RegisterEmployerDto } from '../employers/dto/employer.dto.js';
import { EmployersService } from '../employers/employers.service.js';
import { AuthService } from './auth.service.js';
import {
  CreateOfficerDto,
  EmailVerificationConfirmDto,
  LoginDto,
  LoginReplyDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshDto,
} from './dto/auth.dto.js';
import { EmailVerification } from './email-verification.js';
import { PasswordReset } from './password-reset.js';
import { ApiError } from '../common/http/api-responses.js';
import { EmployerRegistrationReply } from '../employers/dto/employer.reply.js';
import { UserReply } from '../users/user.reply.js';
import { AcceptedReply, MeReply, TokenPairReply } from './dto/auth.reply.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly employers: EmployersService,
    private readonly passwordReset: PasswordReset,
    private readonly emailVerification: EmailVerification,
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
  @ApiOkResponse({ type: MeReply })
  @ApiError(404, 'NOT_FOUND: the account is gone')
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset link by email',
    description:
      'Always 202 `{}`, whether or not the address has an account, and answered before the lookup, so neither the reply nor its timing tells. When it has one, a mail is sent with a link to `/masuk/atur-ulang?token=…`: single use, valid 30 minutes, replacing any earlier link. At most 3 requests per address an hour; past that still 202, and nothing is sent.',
  })
  @ApiAcceptedResponse({ type: AcceptedReply, description: 'taken (the same reply for every address)' })
  requestPasswordReset(@Body() dto: PasswordResetRequestDto): AcceptedReply {
    this.passwordReset.request(dto.email);
    return {};
  }

  @Post('auth/password-reset/confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token of a reset link',
    description:
      'Every refresh token of the account is revoked (signed out everywhere), the per-email sign-in failure counter is cleared, and the email counts as verified (the link proved the mailbox). Passwords: 10 to 128 characters.',
  })
  @ApiNoContentResponse({ description: 'the password is changed; sign in with it' })
  @ApiError(400, 'INVALID_RESET_TOKEN: unknown, used, replaced by a newer one, or expired', 'VALIDATION_FAILED')
  async confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.passwordReset.confirm(dto.token, dto.password);
  }

  @Post('auth/email-verification')
  @Roles('officer', 'employer', 'seeker')
  @HttpCode(202)
  @ApiOperation({
    summary: "Send a verification link to the signed-in account's email",
    description:
      'The link (`/akun/verifikasi-email?token=…`) is single use and valid 24 hours; a newer one replaces the older. An address already verified gets no mail (still 202). At most 5 an hour per account.',
  })
  @ApiAcceptedResponse({
    type: AcceptedReply,
    description: 'the link is on its way (or the email is already verified)',
  })
  @ApiError(404, 'NOT_FOUND: the account is gone')
  @ApiError(429, 'EMAIL_VERIFICATION_LIMIT: 5 links in the last hour')
  async requestEmailVerification(@CurrentUser() user: AuthUser): Promise<AcceptedReply> {
    await this.emailVerification.request(user);
    return {};
  }

  @Post('auth/email-verification/confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Verify the email with the token of a verification link',
    description: 'No sign-in needed: the token is the proof. `GET /auth/me` then shows `emailVerified: true`.',
  })
  @ApiNoContentResponse({ description: 'the email is verified' })
  @ApiError(400, 'INVALID_VERIFICATION_TOKEN: unknown, used, replaced by a newer one, or expired', 'VALIDATION_FAILED')
  async confirmEmailVerification(@Body() dto: EmailVerificationConfirmDto): Promise<void> {
    await this.emailVerification.confirm(dto.token);
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
  @ApiError(403, 'FORBIDDEN: officeId names an office outside yours and those below it')
  @ApiError(404, 'NOT_FOUND: no such office')
  @ApiError(409, 'DUPLICATE_EMAIL')
  createOfficer(@CurrentUser() user: AuthUser, @Body() dto: CreateOfficerDto) {
    return this.auth.createOfficer(user, dto);
  }
}
