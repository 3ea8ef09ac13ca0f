import { applyDecorators, createParamDecorator, Injectable, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Clock } from '../common/clock.js';
import type { HttpReply, HttpRequest } from '../common/http/http.js';
import { LruMap } from '../common/lru-map.js';

/** The longest a caller may let a report answer be (seconds): a dashboard left open, not a filing. */
export const MAX_REPORT_AGE_SECONDS = 300;
/** Answers kept per instance (an IPK table is tens of kB; the console's dashboard is nine answers). */
const CAPACITY = 256;

/**
 * How old an answer the request accepts, in seconds, from its `Cache-Control` header (RFC 9111 §5.2.1):
 * `max-age=N` accepts an answer up to N seconds old (at most MAX_REPORT_AGE_SECONDS); no header,
 * `no-cache`, `no-store`, `max-age=0` or anything unreadable asks for figures computed now.
 */
export function acceptedAge(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value || value.length > 200) return 0;
  let age = 0;
  for (const part of value.toLowerCase().split(',')) {
    const directive = part.trim();
    if (directive === 'no-cache' || directive === 'no-store') return 0;
    const m = /^max-age\s*=\s*"?(\d{1,9})"?$/.exec(directive);
    if (m) age = Math.min(Number(m[1]), MAX_REPORT_AGE_SECONDS);
  }
  return age;
}

/** In the OpenAPI document: the route honours a request's `Cache-Control: max-age` (see ReportAnswers). */
export const AcceptsOlderAnswers = () =>
  applyDecorators(
    ApiHeader({
      name: 'Cache-Control',
      required: false,
      description:
        `\`max-age=N\` (N ≤ ${MAX_REPORT_AGE_SECONDS}) accepts an answer computed up to N seconds ago, sent with an ` +
        '`Age` header; without it (or with `no-cache`) the figures are computed now.',
      schema: { type: 'string', example: 'max-age=60' },
    }),
  );

/** What a report route needs of its request: the age it accepts, and where to say how old the answer is. */
export interface AnswerContext {
  acceptedAge: number;
  /** Called with the answer's age in seconds when it was not computed for this request. */
  tellAge(seconds: number): void;
}

/** The request's `AnswerContext`: its `Cache-Control`, and the reply's `Age` header. */
export const ReportRequest = createParamDecorator((_: unknown, ctx: ExecutionContext): AnswerContext => {
  const req = ctx.switchToHttp().getRequest<HttpRequest>();
  const reply = ctx.switchToHttp().getResponse<HttpReply>();
  return {
    acceptedAge: acceptedAge(req.headers['cache-control']),
    tellAge: (seconds) => void reply.header('Age', String(seconds)),
  };
});

/** A computation, when it started, and its answer once there. */
interface Entry {
  startedAt: number;
  answer: Promise<unknown>;
}

/**
 * Officers' reports, answered again from this instance's memory when the caller says an older answer
 * will do (decision 129). A report reads the office's whole history (tens of ms of the database at a
 * city, hundreds at a province), and a dashboard left open asks for the same figures over and over;
 * on a job-fair day those repeats cost more than everything else together.
 *
 * - By default (no `Cache-Control: max-age`) every request computes the figures now, as the contract
 *   says. The answer is kept for callers that accept an older one.
 * - A request with `max-age=N` gets the latest answer started at most N seconds ago, with an `Age`
 *   header; one still being computed is waited for, so a burst of dashboards costs one computation.
 * - The key is the route's name, the offices of the caller's scope and the checked query: officers of
 *   other offices never share an answer, and the guards and the scope check run on every request.
 * - A failed computation is forgotten at once; it is never served to anyone else.
 */
@Injectable()
export class ReportAnswers {
  private readonly entries = new LruMap<string, Entry>(CAPACITY);

  constructor(private readonly clock: Clock) {}

  /** The report's figures: computed now, or an answer young enough for `ctx` (its age told to `ctx`). */
  async answer<T>(ctx: AnswerContext, name: string, key: unknown, compute: () => Promise<T>): Promise<T> {
    const id = `${name}\u0000${JSON.stringify(key)}`;
    const now = this.clock.now().getTime();
    const kept = ctx.acceptedAge > 0 ? this.entries.get(id) : undefined;
    if (kept && now - kept.startedAt >= 0 && now - kept.startedAt <= ctx.acceptedAge * 1000) {
      const value = (await kept.answer) as T;
      const age = Math.floor((this.clock.now().getTime() - kept.startedAt) / 1000);
      if (age > 0) ctx.tellAge(age);
      return value;
    }
    const entry: Entry = { startedAt: now, answer: compute() };
    this.entries.set(id, entry);
    try {
      return (await entry.answer) as T;
    } catch (e) {
      if (this.entries.get(id) === entry) this.entries.delete(id);
      throw e;
    }
  }
}
