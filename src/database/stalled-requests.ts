import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from '../common/http/exception.filter.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DatabaseProbe } from './database-probe.js';

/** A request without an answer after this long makes the service ask whether the database still answers. */
const STALLED_AFTER_MS = 2_000;
/** How often the requests in flight are looked over. */
const SWEEP_EVERY_MS = 250;

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
 *
 * One sweep over the requests in flight, every SWEEP_EVERY_MS, rather than a timer per request: a timer
 * per request cost about a tenth of the throughput of the busiest route. SQLite is a file in the process
 * and cannot hang this way, so there the middleware does nothing.
 */
@Injectable()
export class StalledRequests implements OnApplicationShutdown {
  private readonly inFlight = new Map<FastifyReply, { since: number; context: RequestContext | undefined }>();
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly probe: DatabaseProbe,
  ) {}

  /** Watches one request until its answer is sent or its connection closes (an onRequest hook). */
  track(req: FastifyRequest, reply: FastifyReply): void {
    if (this.config.db.type !== 'mysql') return;
    this.timer ??= setInterval(() => void this.sweep(), SWEEP_EVERY_MS).unref();
    this.inFlight.set(reply, { since: Date.now(), context: req.context });
    reply.raw.once('close', () => this.inFlight.delete(reply));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    const now = Date.now();
    const stalled = [...this.inFlight].filter(([, e]) => now - e.since >= STALLED_AFTER_MS);
    if (stalled.length === 0) return;
    this.sweeping = true;
    try {
      if (await this.probe.reachable()) {
        // Slow but alive: ask about these again later.
        for (const [, e] of stalled) e.since = Date.now();
        return;
      }
      for (const [res, e] of stalled) {
        if (res.sent || res.raw.headersSent || res.raw.writableEnded) continue;
        if (e.context) e.context.abandoned = true;
        const { body, headers } = toErrorBody(
          Object.assign(new Error('database did not answer'), { code: 'ETIMEDOUT' }),
        );
        for (const [k, v] of Object.entries(headers ?? {})) res.header(k, v);
        res.status(body.statusCode).type('application/json; charset=utf-8').send(body);
      }
    } finally {
      this.sweeping = false;
    }
  }
}
