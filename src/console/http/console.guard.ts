import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { Role } from '../../common/auth/auth-user.js';
import { VerifiedEmployerGuard } from '../../common/auth/verified-employer.guard.js';
import { DomainError, forbidden } from '../../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { translator } from '../i18n/i18n.js';
import { isLang, type Lang } from '../i18n/format.js';
import { ConsoleCsrf } from '../session/csrf.js';
import { ConsoleSessions, sessionUser } from '../session/console-sessions.service.js';
import { clearCookie, parseCookies, setCookie } from './cookies.js';
import { CONSOLE_ROLES, CONSOLE_UPLOAD, CONSOLE_VERIFIED_EMPLOYER, type ConsoleRequest } from './console-context.js';

export const SESSION_COOKIE = 'ak1_session';
export const CSRF_COOKIE = 'ak1_csrf';
export const LANG_COOKIE = 'ak1_lang';

export const signInRequired = () => new DomainError(401, 'UNAUTHENTICATED', 'Sign in to open this page.');
export const csrfRejected = () =>
  new DomainError(403, 'CSRF_REJECTED', 'The form could not be accepted: it is out of date or did not come from this site. Reload the page and try again.');

export function cookieSecurity(config: AppConfig) {
  return { secure: config.env === 'production' };
}

export function languageOf(req: ConsoleRequest): Lang {
  const v = parseCookies(req.headers.cookie)[LANG_COOKIE];
  return isLang(v) ? v : 'id';
}

/** Whether the posted form's `_csrf` is the token of this browser's seed and this session. */
export function formTokenAccepted(csrf: ConsoleCsrf, req: ConsoleRequest, seed: string, sessionId: string | null): boolean {
  return csrf.check(seed, sessionId, (req.body as Record<string, unknown> | undefined)?._csrf);
}

/**
 * Every console route passes here: it reads the session cookie, gives the browser a CSRF seed,
 * refuses a POST without a valid form token, then applies the page's roles and — through the API's
 * own VerifiedEmployerGuard — the verified-employer rule, with the session's AuthUser.
 */
@Injectable()
export class ConsoleGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reflector: Reflector,
    private readonly sessions: ConsoleSessions,
    private readonly csrf: ConsoleCsrf,
    private readonly verifiedEmployer: VerifiedEmployerGuard,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const cookies = parseCookies(req.headers.cookie);
    const security = cookieSecurity(this.config);

    let seed = cookies[CSRF_COOKIE];
    if (!this.csrf.isSeed(seed)) {
      seed = this.csrf.newSeed();
      setCookie(res, CSRF_COOKIE, seed, security);
      cookies[CSRF_COOKIE] = '';
    }
    const token = cookies[SESSION_COOKIE];
    const session = token ? await this.sessions.find(token) : null;
    if (token && !session) clearCookie(res, SESSION_COOKIE, security);

    const lang = languageOf(req);
    const user = session ? sessionUser(session) : null;
    req.user = user;
    req.console = {
      lang,
      t: translator(lang),
      user,
      userName: session?.fullName ?? null,
      sessionId: session?.id ?? null,
      csrf: this.csrf.token(seed, session?.id ?? null),
      path: req.originalUrl,
    };

    // A file upload's fields are read after the guards, so its form token is checked then
    // (ConsoleUpload's interceptor); every other form is checked here, before anything runs.
    const uploadForm = this.reflector.get<boolean | undefined>(CONSOLE_UPLOAD, ctx.getHandler());
    if (req.method !== 'GET' && req.method !== 'HEAD' && !uploadForm) {
      if (!cookies[CSRF_COOKIE] || !formTokenAccepted(this.csrf, req, seed, session?.id ?? null)) throw csrfRejected();
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(CONSOLE_ROLES, [ctx.getHandler(), ctx.getClass()]);
    if (roles) {
      if (!user) throw signInRequired();
      if (!roles.includes(user.role)) throw forbidden();
    }
    if (this.reflector.getAllAndOverride<boolean>(CONSOLE_VERIFIED_EMPLOYER, [ctx.getHandler(), ctx.getClass()])) {
      await this.verifiedEmployer.canActivate(ctx);
    }
    return true;
  }
}
