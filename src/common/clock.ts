import { Injectable } from '@nestjs/common';
import { jakartaDate } from './dates.js';

/**
 * The source of "now". Injected everywhere time matters (expiry, 6-month reports, closing dates)
 * so tests can move it instead of waiting.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in Asia/Jakarta, `YYYY-MM-DD`. */
  today(): string {
    return jakartaDate(this.now());
  }
}

/** A clock tests can set and move. */
export class TestClock extends Clock {
  private offsetMs = 0;
  private fixed: Date | null = null;

  override now(): Date {
    return this.fixed ? new Date(this.fixed.getTime() + this.offsetMs) : new Date(Date.now() + this.offsetMs);
  }

  set(at: Date | string): void {
    this.fixed = new Date(at);
    this.offsetMs = 0;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }

  reset(): void {
    this.fixed = null;
    this.offsetMs = 0;
  }
}
