import type { Response } from 'express';
import { DomainError } from '../../common/domain-error.js';
import type { SafeHtml } from './html.js';

/**
 * Console pages load only this origin's assets: no inline script, no third-party anything. Pages
 * are never cached by shared caches and not at all once signed in (they hold personal data).
 */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export function sendPage(res: Response, page: SafeHtml, status = 200): void {
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-store');
  res.send(page.value);
}

/** After a form post: 303 See Other, so reloading the next page does not post again. */
export function redirect(res: Response, url: string): void {
  res.redirect(303, url);
}

/** `path?ok=key` / `path?err=CODE`, keeping path's own query. */
export function withOutcome(path: string, outcome: { ok?: string; err?: string }): string {
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.delete('ok');
  params.delete('err');
  if (outcome.ok) params.set('ok', outcome.ok);
  if (outcome.err) params.set('err', outcome.err);
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/**
 * Runs a one-button action; success and refusal both come back to `path` with the outcome in the
 * query (`?ok=key` or `?err=CODE`), so a reload never repeats it. Failures of ours (5xx) still
 * reach the error page.
 */
export async function actThenRedirect(res: Response, path: string, ok: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
    redirect(res, withOutcome(path, { ok }));
  } catch (err) {
    if (!(err instanceof DomainError) || err.status >= 500) throw err;
    redirect(res, withOutcome(path, { err: err.code }));
  }
}
