import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from '../common/http/exception.filter.js';
import { requestContext } from '../common/request-context.js';
import type { DatabaseProbe } from './database-probe.js';

/** A request without an answer after this long makes the service ask whether the database still answers. */
const STALLED_AFTER_MS = 2_000;

/**
 * Fails fast while the database hangs. mysql2's pool has no acquire timeout and a frozen server never
 * answers, so without this a request would wait for as long as the outage lasts. Every request still
 * unanswered after STALLED_AFTER_MS asks the probe (a fresh connection, ~1 s at most): when the database
 * does not answer, the client gets 503 DATABASE_UNAVAILABLE now; when it does (a slow report, a big
 * export), the request simply keeps going and is asked about again later.
 *
 * The request is marked abandoned, so it opens no transaction once the database is back
 * (Transactions.run checks the mark). A transaction already past that point when the server froze
 * completes or rolls back whole when it resumes, which is why a 503 means "retry" (with the same
 * Idempotency-Key for hires), not "nothing happened".
 */
export function answerStalledRequests(probe: DatabaseProbe) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const context = requestContext.getStore();
    let timer: NodeJS.Timeout | null = null;
    const check = async () => {
      if (res.headersSent || res.writableEnded) return;
      if (await probe.reachable()) {
        timer = setTimeout(check, STALLED_AFTER_MS);
        return;
      }
      if (res.headersSent || res.writableEnded) return;
      if (context) context.abandoned = true;
      const { body, headers } = toErrorBody(Object.assign(new Error('database did not answer'), { code: 'ETIMEDOUT' }));
      for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
      res.status(body.statusCode).json(body);
    };
    timer = setTimeout(check, STALLED_AFTER_MS);
    res.once('close', () => timer && clearTimeout(timer));
    next();
  };
}
