import { Inject, Injectable } from '@nestjs/common';
import { createConnection } from 'mysql2';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** How long the probe waits for a connection and for `SELECT 1`: a healthy server answers in milliseconds. */
const PROBE_TIMEOUT_MS = 1_000;
/** Stalled requests ask together; one answer serves them all for this long. */
const REUSE_ANSWER_MS = 500;

/**
 * Does the database answer right now? Asked on a connection of its own, never from the pool: when the
 * server hangs (a frozen host, a dropped network) every pooled connection can be stuck in a query and
 * the pool's queue does not move, so a pooled ping would hang with them. A fresh connection with short
 * timeouts answers in about a second either way. SQLite is a file in the process: always reachable.
 */
@Injectable()
export class DatabaseProbe {
  private last: { at: number; answer: Promise<boolean> } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  reachable(): Promise<boolean> {
    if (this.config.db.type !== 'mysql') return Promise.resolve(true);
    const now = Date.now();
    if (this.last && now - this.last.at < REUSE_ANSWER_MS) return this.last.answer;
    const answer = this.ping();
    this.last = { at: now, answer };
    return answer;
  }

  private ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const conn = createConnection({ uri: this.config.db.url!, connectTimeout: PROBE_TIMEOUT_MS });
      let settled = false;
      const settle = (ok: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        conn.destroy();
        resolve(ok);
      };
      // Covers the handshake and the query together.
      const deadline = setTimeout(() => settle(false), 2 * PROBE_TIMEOUT_MS);
      conn.on('error', () => settle(false));
      conn.query({ sql: 'SELECT 1', timeout: PROBE_TIMEOUT_MS }, (err) => settle(!err));
    });
  }
}
