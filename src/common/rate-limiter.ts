import { Injectable } from '@nestjs/common';

export interface LimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters kept in this process. Enough for one instance; several instances need a
 * shared store (see docs/operations.md). Windows are aligned to the window length so the reset time
 * is known and `Retry-After` is exact.
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  /** Counts one event under `key` and says whether it stays within `limit` per `windowSeconds`. */
  hit(key: string, limit: number, windowSeconds: number, now = Date.now()): LimitResult {
    const entry = this.current(key, windowSeconds, now);
    entry.count += 1;
    return this.result(entry, limit, windowSeconds, now);
  }

  /** Reads the current count without adding to it. */
  peek(key: string, limit: number, windowSeconds: number, now = Date.now()): LimitResult {
    const entry = this.windows.get(key);
    if (!entry || now - entry.start >= windowSeconds * 1000) return { allowed: true, count: 0, retryAfterSeconds: 0 };
    return { ...this.result(entry, limit, windowSeconds, now), allowed: entry.count < limit };
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string, windowSeconds: number, now: number) {
    this.sweep(now);
    const windowMs = windowSeconds * 1000;
    let entry = this.windows.get(key);
    if (!entry || now - entry.start >= windowMs) {
      entry = { start: now - (now % windowMs), count: 0 };
      this.windows.set(key, entry);
    }
    return entry;
  }

  private result(entry: { start: number; count: number }, limit: number, windowSeconds: number, now: number): LimitResult {
    const retryAfterSeconds = Math.max(1, Math.ceil((entry.start + windowSeconds * 1000 - now) / 1000));
    return { allowed: entry.count <= limit, count: entry.count, retryAfterSeconds };
  }

  /** Drops expired windows now and then so memory stays bounded by active keys. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [k, v] of this.windows) if (now - v.start > 24 * 3600 * 1000) this.windows.delete(k);
  }
}
