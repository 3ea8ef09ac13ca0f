import { ArgumentsHost, Catch, Inject, Injectable, Logger, type ExceptionFilter } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { routeOf, type HttpReply } from '../../common/http/http.js';
import { DataSource } from 'typeorm';
import { toErrorBody } from '../../common/http/exception.filter.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { toUserView, User } from '../../users/user.entity.js';
import { ConsoleForms, FormReplay } from '../forms/console-forms.service.js';
import type { MessageKey, Translator } from '../i18n/i18n.js';
import { ConsoleSessions } from '../session/console-sessions.service.js';
import { RefusalPage, type RefusalView } from '../views/shared/RefusalPage.js';
import { fallbackContext, type ConsoleRequest } from './console-context.js';
import { languageOf } from './console.guard.js';
import { redirect, sendPage } from './respond.js';
import { openSession } from './session-cookie.js';

function titleKey(status: number): MessageKey {
  if (status === 404) return 'errpage.notFound';
  if (status === 403) return 'errpage.forbidden';
  if (status === 429) return 'errpage.tooMany';
  if (status === 409) return 'errpage.busy';
  return 'errpage.failed';
}

export function refusalView(t: Translator, status: number, code: string, req: ConsoleRequest): RefusalView {
  const fallback = status === 404 ? 'error.NOT_FOUND' : status === 403 ? 'error.FORBIDDEN' : 'error.generic';
  const next =
    code === 'EMPLOYER_NOT_VERIFIED'
      ? { href: '/perusahaan', text: t('errpage.companyStatus') }
      : code === 'CSRF_REJECTED'
        ? { href: req.method === 'GET' ? req.url : '/', text: t('errpage.reload') }
        : { href: '/', text: t('errpage.home') };
  return { title: t(titleKey(status)), message: t.error(code) ?? t(fallback), next, status };
}

/**
 * Errors of console routes become pages, not JSON: not signed in → the sign-in page (coming back
 * here afterwards); refused → 403 page; unknown → 404 page; anything else → the generic error page.
 * Status codes stay those of the API, so a test (or a proxy) sees the same refusal. A form sent
 * again (`FormReplay`) is answered here with its first answer.
 */
@Catch()
@Injectable()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly forms: ConsoleForms,
    private readonly sessions: ConsoleSessions,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<ConsoleRequest>();
    const res = host.switchToHttp().getResponse<HttpReply>();
    if (res.sent) return;
    if (res.raw.headersSent) {
      res.raw.end();
      return;
    }
    if (exception instanceof FormReplay) {
      try {
        await this.replay(exception, req, res);
      } catch (err) {
        this.page(err, req, res);
      }
      return;
    }
    this.page(exception, req, res);
  }

  private page(exception: unknown, req: ConsoleRequest, res: HttpReply): void {
    const { body, headers } = toErrorBody(exception);
    if (body.statusCode === 401) {
      const next = req.method === 'GET' ? req.url : '/';
      return redirect(res, `/masuk?next=${encodeURIComponent(next)}`);
    }
    if (body.statusCode >= 500) {
      const e = exception as Error;
      const entry = { route: routeOf(req as never), error: e?.name, message: e?.message?.slice(0, 500) };
      this.logger.error(JSON.stringify(entry));
    }
    for (const [k, v] of Object.entries(headers ?? {})) res.header(k, v);
    const c = req.console ?? fallbackContext(languageOf(req), req.url);
    sendPage(res, RefusalPage({ c, vm: refusalView(c.t, body.statusCode, body.code, req) }), body.statusCode);
  }

  /** The first answer of a form sent again: the same redirect (signed in again if it signed in), or page. */
  private async replay({ form }: FormReplay, req: ConsoleRequest, res: HttpReply): Promise<void> {
    if (this.forms.maySignInAgain(form) && req.console?.user?.id !== form.signedInUserId) {
      const user = await this.ds.getRepository(User).findOne({ where: { id: form.signedInUserId! } });
      if (user) await openSession(this.sessions, this.config, req, res, toUserView(user));
    }
    if (form.location) {
      res.redirect(form.location, form.statusCode ?? 303);
      return;
    }
    const page = this.forms.pageOf(form);
    if (page === null) {
      redirect(res, req.url);
      return;
    }
    sendPage(res, page, form.statusCode ?? 200);
  }
}
