import { DomainError } from '../../common/domain-error.js';
import type { HttpReply } from '../../common/http/http.js';

/**
 * Console pages load only this origin's assets: no inline script, no third-party anything. Set on
 * every reply by @fastify/helmet (http-setup.ts), with frame and referrer rules to match.
 */
export const CONSOLE_CSP: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/**
 * Sends a rendered page. Views are synchronous (the controller has loaded everything they show), so a
 * page is a string; a promise here means an async component slipped in, which is a bug of ours.
 * Pages are never cached (they may hold personal data), unless the caller said otherwise first.
 */
export function sendPage(res: HttpReply, page: JSX.Element, status = 200): void {
  if (typeof page !== 'string') throw new Error('Console views must render synchronously.');
  res.status(status);
  res.header('Content-Type', 'text/html; charset=utf-8');
  if (!res.hasHeader('Cache-Control')) res.header('Cache-Control', 'no-store');
  res.send(page);
}

/** After a form post: 303 See Other, so reloading the next page does not post again. */
export function redirect(res: HttpReply, url: string): void {
  res.redirect(url, 303);
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
  res: HttpReply,
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
