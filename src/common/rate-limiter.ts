import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

export interface LimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
  /** For a counted hit: the start (ms) of the window it was counted in, which `takeBack` needs. */
  windowStart?: number;
}

/**
 * Fixed-window counters: `hit` counts one event under a key and says whether it stays within `limit`
 * per `windowSeconds`. Windows are aligned to their length, so the reset time — and `Retry-After` —
 * is exact. Two stores: this process's memory (one instance), or Redis shared by every instance
 * (REDIS_URL), so a limit trips at the configured number however many instances serve the requests.
 */
export abstract class RateLimiter {
  abstract readonly store: 'memory' | 'redis';
  abstract hit(key: string, limit: number, windowSeconds: number): Promise<LimitResult>;
  /** The current count, without adding to it. */
  abstract peek(key: string, limit: number, windowSeconds: number): Promise<LimitResult>;
  /**
   * Takes back one event that `hit` counted, if its window is still the current one. For limits on an
   * outcome known only after the work (a wrong NIK): count first, so concurrent attempts cannot all
   * pass a check made before any of them is counted, then take back the attempts that did not count.
   */
  abstract takeBack(key: string, counted: LimitResult): Promise<void>;
  /** Clears the current window's count of a key (a password reset clears the sign-in failures of its email). */
  abstract reset(key: string, windowSeconds: number): Promise<void>;
}

function windowOf(now: number, windowSeconds: number): { start: number; retryAfterSeconds: number } {
  const windowMs = windowSeconds * 1000;
  const start = now - (now % windowMs);
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
}

export class MemoryRateLimiter extends RateLimiter {
  readonly store = 'memory' as const;
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  async hit(key: string, limit: number, windowSeconds: number, now = Date.now()): Promise<LimitResult> {
    return this.count(key, limit, windowSeconds, now, 1);
  }

  async peek(key: string, limit: number, windowSeconds: number, now = Date.now()): Promise<LimitResult> {
    return this.count(key, limit, windowSeconds, now, 0);
  }

  async takeBack(key: string, counted: LimitResult): Promise<void> {
    const entry = this.windows.get(key);
    if (entry && entry.start === counted.windowStart && entry.count > 0) entry.count -= 1;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private count(key: string, limit: number, windowSeconds: number, now: number, add: number): LimitResult {
    this.sweep(now);
    const w = windowOf(now, windowSeconds);
    let entry = this.windows.get(key);
    if (!entry || entry.start !== w.start) {
      entry = { start: w.start, count: 0 };
      if (add > 0) this.windows.set(key, entry);
    }
    entry.count += add;
    // A hit is allowed while the count including it is within the limit; a peek asks whether one more would be.
    const allowed = add > 0 ? entry.count <= limit : entry.count < limit;
    if (add > 0) return { allowed, count: entry.count, retryAfterSeconds: w.retryAfterSeconds, windowStart: w.start };
    return { allowed, count: entry.count, retryAfterSeconds: allowed && entry.count === 0 ? 0 : w.retryAfterSeconds };
  }

  /** Drops finished windows now and then, so memory stays bounded by the keys in use. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, v] of this.windows) if (now - v.start > 24 * 3600 * 1000) this.windows.delete(k);
  }
}

/** Decrements a window's counter only while it exists (an expired window is not brought back at -1). */
const TAKE_BACK = `local n = tonumber(redis.call('GET', KEYS[1])) if n and n > 0 then return redis.call('DECR', KEYS[1]) end return 0`;

/**
 * Counters in Redis: one INCR per event on a key per window, expiring with it. If Redis cannot be
 * reached the limiter lets the request through (and logs it): an outage of the counter store must not
 * lock every employer out of card validation or every user out of signing in.
 */
export class RedisRateLimiter extends RateLimiter {
  readonly store = 'redis' as const;
  private readonly logger = new Logger('RateLimiter');
  private lastWarning = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'ak1:rl:',
  ) {
    super();
  }

  async hit(key: string, limit: number, windowSeconds: number): Promise<LimitResult> {
    const w = windowOf(Date.now(), windowSeconds);
    const k = `${this.prefix}${key}:${w.start}`;
    try {
      const replies = await this.redis
        .multi()
        .incr(k)
        .pexpire(k, windowSeconds * 1000 + 5000)
        .exec();
      const count = Number(replies?.[0]?.[1] ?? 0);
      return { allowed: count <= limit, count, retryAfterSeconds: w.retryAfterSeconds, windowStart: w.start };
    } catch (err) {
      return this.failOpen(err);
    }
  }

  async peek(key: string, limit: number, windowSeconds: number): Promise<LimitResult> {
    const w = windowOf(Date.now(), windowSeconds);
    try {
      const count = Number((await this.redis.get(`${this.prefix}${key}:${w.start}`)) ?? 0);
      return { allowed: count < limit, count, retryAfterSeconds: count === 0 ? 0 : w.retryAfterSeconds };
    } catch (err) {
      return this.failOpen(err);
    }
  }

  async takeBack(key: string, counted: LimitResult): Promise<void> {
    // Nothing was counted when Redis was unreachable (fail-open results carry no window).
    if (counted.windowStart === undefined) return;
    try {
      await this.redis.eval(TAKE_BACK, 1, `${this.prefix}${key}:${counted.windowStart}`);
    } catch (err) {
      this.failOpen(err);
    }
  }

  async reset(key: string, windowSeconds: number): Promise<void> {
    const w = windowOf(Date.now(), windowSeconds);
    try {
      await this.redis.del(`${this.prefix}${key}:${w.start}`);
    } catch (err) {
      this.failOpen(err);
    }
  }

  private failOpen(err: unknown): LimitResult {
    if (Date.now() - this.lastWarning > 60_000) {
      this.lastWarning = Date.now();
      this.logger.warn({
        msg: 'Redis unreachable: rate limits are not enforced until it is back',
        error: (err as Error).message,
      });
    }
    return { allowed: true, count: 0, retryAfterSeconds: 0 };
  }
}
