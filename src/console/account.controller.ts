import { Controller, Get, Header, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from '../auth/dto/auth.dto.js';
import { EmailVerification } from '../auth/email-verification.js';
import { PasswordReset } from '../auth/password-reset.js';
import { AuthService } from '../auth/auth.service.js';
import { Public } from '../common/auth/decorators.js';
import { DomainError } from '../common/domain-error.js';
import type { HttpReply, HttpRequest } from '../common/http/http.js';
import { Ctx, ForRoles, safeNext, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { blankForm, formValues, validateAs } from './http/forms.js';
import { refusal, refusedForm } from './http/refusal.js';
import { redirect, sendPage, withOutcome } from './http/respond.js';
import { ConsoleSessions } from './session/console-sessions.service.js';
import { flashOf } from './view-models/flash.js';
import { ForgotPasswordPage } from './views/account/ForgotPasswordPage.js';
import { ResetPasswordPage } from './views/account/ResetPasswordPage.js';
import { VerifyEmailPage } from './views/account/VerifyEmailPage.js';

/** A token from a mailed link, as the query or a form carries it (anything longer cannot be one). */
const tokenOf = (v: unknown): string => (typeof v === 'string' && v.length <= 256 ? v.trim() : '');

/**
 * Getting back into an account and proving its email: "Lupa kata sandi?" and the mailed reset link,
 * the mailed verification link and "send it again". A mailed link's GET only shows a form: mail
 * scanners open links, so only the POST spends a token.
 */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class AccountConsoleController {
  constructor(
    private readonly passwordReset: PasswordReset,
    private readonly emailVerification: EmailVerification,
    private readonly auth: AuthService,
    private readonly sessions: ConsoleSessions,
  ) {}

  @Get('masuk/lupa-kata-sandi')
  forgotForm(@Ctx() c: ConsoleContext, @Query('sent') sent: unknown, @Res() res: HttpReply) {
    sendPage(res, ForgotPasswordPage({ c, vm: { form: blankForm(), sent: sent === '1' } }));
  }

  /** Always the same answer for a well-formed address: whether it has an account is not told. */
  @Post('masuk/lupa-kata-sandi')
  async forgot(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues([{ name: 'email' }], req.body);
    try {
      const dto = await validateAs(PasswordResetRequestDto, { email: values.email });
      this.passwordReset.request(dto.email);
      redirect(res, '/masuk/lupa-kata-sandi?sent=1');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      sendPage(res, ForgotPasswordPage({ c, vm: { form: refusedForm(values, r), sent: false } }), r.status);
    }
  }

  @Get('masuk/atur-ulang')
  @Header('Referrer-Policy', 'no-referrer')
  async resetForm(@Ctx() c: ConsoleContext, @Query('token') token: unknown, @Res() res: HttpReply) {
    const t = tokenOf(token);
    const invalid = !(await this.passwordReset.usable(t));
    sendPage(res, ResetPasswordPage({ c, vm: { form: blankForm({ token: t }), invalid } }), invalid ? 400 : 200);
  }

  /** The new password; then every sign-in of the account ends (API and console) and the person signs in again. */
  @Post('masuk/atur-ulang')
  @Header('Referrer-Policy', 'no-referrer')
  async reset(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues([{ name: 'token' }, { name: 'password' }], req.body);
    const token = tokenOf(values.token);
    try {
      const dto = await validateAs(PasswordResetConfirmDto, { token, password: values.password });
      const userId = await this.passwordReset.confirm(dto.token, dto.password);
      await this.sessions.endAllOf(userId);
      redirect(res, '/masuk?reason=passwordReset');
    } catch (err) {
      if (err instanceof DomainError && err.code === 'INVALID_RESET_TOKEN') {
        return sendPage(res, ResetPasswordPage({ c, vm: { form: blankForm(), invalid: true } }), 400);
      }
      const r = refusal(c.t, err, {}, { values });
      sendPage(res, ResetPasswordPage({ c, vm: { form: refusedForm({ token }, r), invalid: false } }), r.status);
    }
  }

  /** With `?token=`: the mailed link (a button to confirm). Without: the signed-in account's state. */
  @Get('akun/verifikasi-email')
  @Header('Referrer-Policy', 'no-referrer')
  async verifyPage(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const token = tokenOf(query.token);
    if (token) {
      const usable = await this.emailVerification.usable(token);
      return sendPage(
        res,
        VerifyEmailPage({ c, vm: usable ? { state: 'confirm', token } : { state: 'invalid' } }),
        usable ? 200 : 400,
      );
    }
    if (!c.user) return sendPage(res, VerifyEmailPage({ c, vm: { state: 'signedOut' } }));
    const me = await this.auth.me(c.user);
    const vm = { state: 'account' as const, email: me.email, verified: me.emailVerified, flash: flashOf(query) };
    sendPage(res, VerifyEmailPage({ c, vm }));
  }

  @Post('akun/verifikasi-email')
  async verify(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const token = tokenOf(formValues([{ name: 'token' }], req.body).token);
    try {
      await this.emailVerification.confirm(token);
      sendPage(res, VerifyEmailPage({ c, vm: { state: 'done' } }));
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'INVALID_VERIFICATION_TOKEN') throw err;
      sendPage(res, VerifyEmailPage({ c, vm: { state: 'invalid' } }), 400);
    }
  }

  /** "Kirim ulang tautan verifikasi": the link is sent, then back to the page the person came from. */
  @Post('akun/verifikasi-email/kirim')
  @ForRoles('seeker', 'employer', 'officer')
  async sendLink(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const back = safeNext((req.body as Record<string, unknown> | undefined)?.back);
    const to = back === '/' ? '/akun/verifikasi-email' : back;
    try {
      await this.emailVerification.request(c.user!);
      redirect(res, withOutcome(to, { ok: 'verificationSent' }));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      redirect(res, withOutcome(to, { err: err.code }));
    }
  }
}
