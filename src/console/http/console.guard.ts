import { OfficesService } from '../../offices/offices.service.js';
import { InboxService } from '../../notifications/inbox.service.js';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { requestOrigin, type HttpReply, type HttpRequest as HttpRequestLike } from '../../common/http/http.js';
import { holdsFormToken } from '../../common/http/http-caching.js';
import { DataSource } from 'typeorm';
import type { Role } from '../../common/auth/auth-user.js';
import { VerifiedEmployerGuard } from '../../common/auth/verified-employer.guard.js';
import { forbidden } from '../../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Seeker } from '../../seekers/seeker.entity.js';
import { ConsoleForms } from '../forms/console-forms.service.js';
import { translator } from '../i18n/i18n.js';
import { isLang, type Lang } from '../i18n/format.js';
import { ConsoleCsrf } from '../session/csrf.js';
import { ConsoleSessions, sessionUser } from '../session/console-sessions.service.js';
import { clearCookie, parseCookies, setCookie } from './cookies.js';
import {
  CONSOLE_ROLES,
  CONSOLE_UPLOAD,
  CONSOLE_SIGNED_LINK,
  CONSOLE_VERIFIED_EMPLOYER,
  type ConsoleContext,
  type ConsoleRequest,
} from './console-context.js';
import { csrfRejected, signInRequired } from './refusals.js';

export { csrfRejected, signInRequired };

export const SESSION_COOKIE = 'ak1_session';
export const CSRF_COOKIE = 'ak1_csrf';
export const LANG_COOKIE = 'ak1_lang';

export function cookieSecurity(config: AppConfig) {
  return { secure: config.env === 'production' };
}

export function languageOf(req: ConsoleRequest): Lang {
  const v = parseCookies(req.headers.cookie)[LANG_COOKIE];
  return isLang(v) ? v : 'id';
}

/** Whether the posted form's `_csrf` is the token of this browser's seed and this session. */
export function formTokenAccepted(
  csrf: ConsoleCsrf,
  req: ConsoleRequest,
  seed: string,
  sessionId: string | null,
): boolean {
  return csrf.check(seed, sessionId, (req.body as Record<string, unknown> | undefined)?._csrf);
}

/** What the guard learns of a request before any rule is applied. */
export interface ConsoleRequestState {
  context: ConsoleContext;
  /** The browser's CSRF seed; reading it gives a browser without one a new seed (and its cookie). */
  readonly seed: string;
  /** Whether the browser came with the seed (a POST from a browser without one cannot be ours). */
  hadSeed: boolean;
}

/**
 * Every console route passes here: it reads the session cookie, gives the browser a CSRF seed (when needed),
 * refuses a POST without a valid form token (or answers a form sent before with its first answer),
 * then applies the page's roles and — through the API's own VerifiedEmployerGuard — the
 * verified-employer rule, with the session's AuthUser.
 */
@Injectable()
export class ConsoleGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reflector: Reflector,
    private readonly sessions: ConsoleSessions,
    private readonly csrf: ConsoleCsrf,
    private readonly forms: ConsoleForms,
    private readonly verifiedEmployer: VerifiedEmployerGuard,
    private readonly inbox: InboxService,
    private readonly offices: OfficesService,
  ) {}

  /**
   * The request's console context (also for pages no route claims: the 404 page).
   *
   * A browser without a CSRF seed gets one when the page hands out its first form token (decision 131), or
   * at once for a form sent (it is refused, and the page that says so carries a token). A page that hands
   * out no token — what an anonymous reader of the search, a vacancy or the help sees — sets no cookie and
   * is the same for every such reader, so it may be kept by a shared cache (http-caching.ts).
   */
  async contextOf(req: ConsoleRequest, res: HttpReply): Promise<ConsoleRequestState> {
    const cookies = parseCookies(req.headers.cookie);
    const security = cookieSecurity(this.config);
    let seed = cookies[CSRF_COOKIE];
    const hadSeed = this.csrf.isSeed(seed);
    const reading = req.method === 'GET' || req.method === 'HEAD';
    const giveSeed = (): string => {
      if (!this.csrf.isSeed(seed)) {
        seed = this.csrf.newSeed();
        setCookie(res, CSRF_COOKIE, seed, security);
      }
      return seed;
    };
    if (!reading) giveSeed();
    const token = cookies[SESSION_COOKIE];
    const session = token ? await this.sessions.find(token) : null;
    if (token && !session) clearCookie(res, SESSION_COOKIE, security);

    const lang = languageOf(req);
    const user = session ? sessionUser(session, this.offices.rootId()) : null;
    const sessionId = session?.id ?? null;
    const csrfOf = (s: string) => this.csrf.token(s, sessionId);
    let csrf: string | null = null;
    let handedOut = 0;
    const handOut = () => {
      handedOut++;
      holdsFormToken(res);
    };
    req.user = user;
    req.console = {
      lang,
      t: translator(lang),
      user,
      userName: session?.fullName ?? null,
      sessionId,
      get csrf() {
        handOut();
        return (csrf ??= csrfOf(giveSeed()));
      },
      formToken: () => {
        handOut();
        return this.forms.newToken();
      },
      get tokensHandedOut() {
        return handedOut;
      },
      path: req.url,
      seekerPlaced: user?.role === 'seeker' && user.seekerId ? await this.placed(user.seekerId) : false,
      office: this.config.office,
      origin: this.config.publicUrl ?? requestOrigin(req as HttpRequestLike),
      unread: user ? await this.inbox.unreadCount(user.id) : 0,
    };
    return {
      context: req.console,
      get seed() {
        return giveSeed();
      },
      hadSeed,
    };
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<ConsoleRequest>();
    const res = ctx.switchToHttp().getResponse<HttpReply>();
    const state = await this.contextOf(req, res);
    const { context, hadSeed } = state;

    // A file upload's fields are read after the guards, so its form token is checked then
    // (ConsoleUpload's interceptor); every other form is checked here, before anything runs.
    const uploadForm = this.reflector.get<string | undefined>(CONSOLE_UPLOAD, ctx.getHandler());
    const signedLink = this.reflector.get<boolean | undefined>(CONSOLE_SIGNED_LINK, ctx.getHandler());
    if (req.method !== 'GET' && req.method !== 'HEAD' && !uploadForm && !signedLink) {
      const seed = state.seed;
      await this.forms.begin(req, res, seed, () => {
        if (!hadSeed || !formTokenAccepted(this.csrf, req, seed, context.sessionId)) throw csrfRejected();
      });
    }

    const targets = [ctx.getHandler(), ctx.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(CONSOLE_ROLES, targets);
    if (roles) {
      if (!context.user) throw signInRequired();
      if (!roles.includes(context.user.role)) throw forbidden();
    }
    if (this.reflector.getAllAndOverride<boolean>(CONSOLE_VERIFIED_EMPLOYER, targets)) {
      await this.verifiedEmployer.canActivate(ctx);
    }
    return true;
  }

  /** Whether the job seeker has been recorded as hired (no longer looking for work). */
  private async placed(seekerId: string): Promise<boolean> {
    const s = await this.ds
      .getRepository(Seeker)
      .findOne({ select: { id: true, placedAt: true }, where: { id: seekerId } });
    return !!s?.placedAt;
  }
}
