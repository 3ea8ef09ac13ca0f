import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorBody } from '../../common/http/exception.filter.js';
import { html } from './html.js';
import { fallbackContext, type ConsoleRequest } from './console-context.js';
import { languageOf } from './console.guard.js';
import { sendPage, redirect } from './respond.js';
import { layout } from '../views/layout.js';
import { notice } from '../views/components.js';

/**
 * Errors of console routes become pages, not JSON: not signed in → the sign-in page (coming back
 * here afterwards); refused → 403 page; unknown → 404 page; anything else → the generic error page.
 * Status codes stay those of the API, so a test (or a proxy) sees the same refusal.
 */
@Catch()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<ConsoleRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.end();
      return;
    }
    const { body, headers } = toErrorBody(exception);
    if (body.statusCode === 401) {
      const next = req.method === 'GET' ? req.originalUrl : '/';
      return redirect(res, `/masuk?next=${encodeURIComponent(next)}`);
    }
    if (body.statusCode >= 500) {
      const e = exception as Error;
      this.logger.error(JSON.stringify({ route: req.route?.path, error: e?.name, message: e?.message?.slice(0, 500) }));
    }
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    const c = req.console ?? fallbackContext(languageOf(req), req.originalUrl);
    const t = c.t;
    const titleKey = body.statusCode === 404 ? 'errpage.notFound' : body.statusCode === 403 ? 'errpage.forbidden' : body.statusCode === 429 ? 'errpage.tooMany' : 'errpage.failed';
    const message = t.error(body.code) ?? t(body.statusCode === 404 ? 'error.NOT_FOUND' : body.statusCode === 403 ? 'error.FORBIDDEN' : 'error.generic');
    const extra =
      body.code === 'EMPLOYER_NOT_VERIFIED'
        ? html`<p><a href="/perusahaan">${t('errpage.companyStatus')}</a></p>`
        : body.code === 'CSRF_REJECTED'
          ? html`<p><a href="${req.method === 'GET' ? req.originalUrl : '/'}">${t('errpage.reload')}</a></p>`
          : html`<p><a href="/">${t('errpage.home')}</a></p>`;
    sendPage(res, layout(c, t(titleKey), html`<h1>${t(titleKey)}</h1>${notice('error', message)}${extra}`), body.statusCode);
  }
}
