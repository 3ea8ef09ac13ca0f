import type { Response } from 'express';
import { DomainError } from '../../common/domain-error.js';

/**
 * Console pages load only this origin's assets: no inline script, no third-party anything. Pages
 * are never cached by shared caches and not at all once signed in (they hold personal data).
 */
const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Sends a rendered page. Views are synchronous (the controller has loaded everything they show), so a
 * page is a string; a promise here means an async component slipped in, which is a bug of ours.
 */
export function sendPage(res: Response, page: JSX.Element, status = 200): void {
  if (typeof page !== 'string') throw new Error('Console views must render synchronously.');
  res.status(status);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-store');
  res.send(page);
}

/** After a form post: 303 See Other, so reloading the next page does not post again. */
export function redirect(res: Response, url: string): void {
  res.redirect(303, url);
}

/** `path?ok=key` / `path?err=CODE` (and the refused `field`, or ids the next page looks up), keeping path's own query. */
export function withOutcome(
  path: string,
  outcome: { ok?: string; err?: string; field?: string; more?: Record<string, string> },
): string {
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  for (const k of ['ok', 'err', 'field', ...Object.keys(outcome.more ?? {})]) params.delete(k);
  if (outcome.ok) params.set('ok', outcome.ok);
  if (outcome.err) params.set('err', outcome.err);
  if (outcome.field) params.set('field', outcome.field);
  for (const [k, v] of Object.entries(outcome.more ?? {})) params.set(k, v);
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/**
 * Runs a one-button action; success and refusal both come back to `path` with the outcome in the
 * query (`?ok=key` or `?err=CODE`), so a reload never repeats it. Failures of ours (5xx) still
 * reach the error page.
 */
export async function actThenRedirect<T>(
  res: Response,
  path: string,
  ok: string,
  action: () => Promise<T>,
  more?: (result: T) => Record<string, string>,
): Promise<void> {
  try {
    const result = await action();
    redirect(res, withOutcome(path, { ok, more: more?.(result) }));
  } catch (err) {
    if (!(err instanceof DomainError) || err.status >= 500) throw err;
    // A refused one-field form (a reason left empty) names its field, for that field's own sentence.
    const field =
      err.code === 'VALIDATION_FAILED' ? (err.details?.[0] as { field?: string } | undefined)?.field : undefined;
    redirect(res, withOutcome(path, { err: err.code, field }));
  }
}
