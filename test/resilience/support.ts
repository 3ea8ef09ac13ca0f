import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type { TestApp } from '../support/app';
import { jakartaDate } from '../../src/common/dates';
import { login, PASSWORD, type Session } from '../support/factories';

/**
 * Shared pieces of the resilience suite: free loopback ports, the built service as a child process, a
 * small HTTP client that never waits longer than a deadline, and the invariants checked after a fault.
 */

export const ROOT = resolve(__dirname, '..', '..');
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A port nothing listens on right now (asked from the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolvePort(port));
    });
  });
}

// ---- the built service -------------------------------------------------------------------------

export const OFFICER = { email: 'resilience.officer@disnaker.test', password: PASSWORD };

/** Settings every started service gets: fixed development secrets, limits out of the way, the bootstrap officer. */
export const SERVICE_ENV: Record<string, string> = {
  NODE_ENV: 'development',
  JWT_SECRET: 'resilience-only-jwt-secret-0123456789abcdef',
  DATA_KEY: 'd7c34af6e033e3008c18639d8d33f7e5cf4941fa8c6c2e60352da396c690fd6c',
  VALIDATION_RATE_LIMIT: '1000000',
  CARD_MISMATCH_LIMIT: '1000000',
  REGISTRATION_RATE_LIMIT: '1000000',
  LOGIN_FAILURE_LIMIT_PER_ADDRESS: '1000000',
  ACCESS_TOKEN_TTL_SECONDS: '3600',
  SCHEDULER_ENABLED: 'false',
  LOG_LEVEL: 'warn',
  BOOTSTRAP_OFFICER_EMAIL: OFFICER.email,
  BOOTSTRAP_OFFICER_PASSWORD: OFFICER.password,
  // Cards are issued over HTTP without documents (docs/documents.md: the checklist is off when empty).
  REQUIRED_DOCUMENTS: '',
};

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/** `node dist/main.js` on a loopback port, with its output kept for failure messages. */
export class BuiltService {
  readonly url: string;
  readonly exited: Promise<Exit>;
  private output = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((r) => proc.once('exit', (code, signal) => r({ code, signal, at: Date.now() })));
    running.add(proc);
    void this.exited.then(() => running.delete(proc));
  }

  /** Starts the service and waits until /health answers 200 (the database is reachable, migrations ran). */
  static async start(env: Record<string, string>, port?: number): Promise<BuiltService> {
    // RESILIENCE_SERVICE_ENTRY runs another build of the service (for example one compiled elsewhere
    // while dist/ is being rebuilt); module resolution still comes from this checkout's node_modules.
    const entry = process.env.RESILIENCE_SERVICE_ENTRY ?? join(ROOT, 'dist', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: the resilience global setup runs \`npm run build\``);
    const p = port ?? (await freePort());
    const proc = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_PATH: join(ROOT, 'node_modules'),
        ...SERVICE_ENV,
        ...env,
        PORT: String(p),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const svc = new BuiltService(proc, p);
    let gone = false;
    void svc.exited.then(() => (gone = true));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (gone) throw new Error(`the service exited during start:\n${svc.log}`);
      const r = await call(svc.url, 'GET', '/health', { timeoutMs: 2000 });
      if (r.status === 200) return svc;
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`the service did not become healthy within 60 s:\n${svc.log}`);
      }
      await sleep(100);
    }
  }

  get log(): string {
    return this.output;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  signal(sig: NodeJS.Signals): void {
    this.proc.kill(sig);
  }

  /** Ends the process whatever its state (for afterAll). */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.proc.kill('SIGKILL');
    await this.exited;
  }
}

// ---- HTTP ---------------------------------------------------------------------------------------

export interface Reply {
  /** 0 when no answer came: connection refused or reset (`error`), or the deadline passed (`timedOut`). */
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever the service answered, read by each test
  body: any;
  startedAt: number;
  endedAt: number;
  timedOut: boolean;
  error?: string;
}

/** One request that gives up after `timeoutMs`: a hang shows up as `timedOut`, never as a stuck test. */
export async function call(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Reply> {
  const startedAt = Date.now();
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const res = await fetch(base + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON (CSV) */
    }
    return { status: res.status, body, startedAt, endedAt: Date.now(), timedOut: false };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    return { status: 0, body: null, startedAt, endedAt: Date.now(), timedOut, error: e.cause?.code ?? e.message };
  }
}

/**
 * The shape the shared factories (test/support/factories.ts) expect, pointing at the child process:
 * they only use `t.http` and `t.clock.today()`, so the same helpers make data here over real HTTP.
 */
export function remote(base: string): TestApp {
  return { http: request(base), clock: { today: () => jakartaDate(new Date()) } } as unknown as TestApp;
}

export function officerSession(base: string): Promise<Session> {
  return login(remote(base), OFFICER.email, OFFICER.password);
}

/** Runs `work` over `items` with at most `width` in flight. */
export async function inParallel<T, R>(
  items: T[],
  width: number,
  work: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

export const idempotencyKey = () => `res-${randomUUID()}`;

// ---- invariants --------------------------------------------------------------------------------

export interface QueryRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

async function rows<T>(c: QueryRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  const [r] = (await c.query(sql, params)) as [T[]];
  return r;
}

/**
 * Problems with hires in the database (an empty list when all is well):
 * - every hire answered 201 exists exactly once, as the placement it was answered with;
 * - no seeker has two placements;
 * - no card is half-placed: a PLACED card has its placement row and its seeker has placed_at; an
 *   ACTIVE card's seeker is not placed and has no placement; a placed seeker has a placement;
 * - every vacancy's `filled` equals its placement count, and it is FILLED exactly at quota.
 */
export async function hireInvariantViolations(
  c: QueryRunner,
  acknowledged: { placementId: string; seekerId: string }[],
): Promise<string[]> {
  const problems: string[] = [];
  const placements = await rows<{ id: string; seeker_id: string; card_id: string | null; vacancy_id: string | null }>(
    c,
    'SELECT id, seeker_id, card_id, vacancy_id FROM placements',
  );
  const byId = new Map(placements.map((p) => [p.id, p]));
  const perSeeker = new Map<string, number>();
  for (const p of placements) perSeeker.set(p.seeker_id, (perSeeker.get(p.seeker_id) ?? 0) + 1);

  for (const a of acknowledged) {
    const p = byId.get(a.placementId);
    if (!p) problems.push(`hire ${a.placementId} was answered 201 but has no placement row`);
    else if (p.seeker_id !== a.seekerId) problems.push(`placement ${a.placementId} belongs to another seeker`);
  }
  for (const [seekerId, n] of perSeeker) if (n > 1) problems.push(`seeker ${seekerId} has ${n} placements`);

  const cards = await rows<{ id: string; status: string; seeker_id: string; placed_at: string | null }>(
    c,
    'SELECT c.id, c.status, c.seeker_id, s.placed_at FROM cards c JOIN seekers s ON s.id = c.seeker_id',
  );
  const placedCards = new Set(placements.map((p) => p.card_id));
  for (const card of cards) {
    if (card.status === 'PLACED') {
      if (!placedCards.has(card.id)) problems.push(`card ${card.id} is PLACED without a placement row`);
      if (!card.placed_at) problems.push(`card ${card.id} is PLACED but its seeker has no placed_at`);
    }
    if (card.status === 'ACTIVE') {
      if (card.placed_at) problems.push(`card ${card.id} is ACTIVE but its seeker has placed_at`);
      if (perSeeker.has(card.seeker_id)) problems.push(`card ${card.id} is ACTIVE but its seeker has a placement`);
    }
  }
  const placedSeekers = await rows<{ id: string }>(c, 'SELECT id FROM seekers WHERE placed_at IS NOT NULL');
  for (const s of placedSeekers)
    if (!perSeeker.has(s.id)) problems.push(`seeker ${s.id} has placed_at but no placement`);

  const vacancies = await rows<{ id: string; filled: number; quota: number; status: string; placed: number }>(
    c,
    `SELECT v.id, v.filled, v.quota, v.status, (SELECT COUNT(*) FROM placements p WHERE p.vacancy_id = v.id) AS placed FROM vacancies v`,
  );
  for (const v of vacancies) {
    if (Number(v.filled) !== Number(v.placed))
      problems.push(`vacancy ${v.id}: filled ${v.filled} but ${v.placed} placements`);
    if (Number(v.filled) >= Number(v.quota) !== (v.status === 'FILLED'))
      problems.push(`vacancy ${v.id}: filled ${v.filled}/${v.quota} with status ${v.status}`);
  }
  return problems;
}

/** How many placement rows exist (for "the check saw real hires"). */
export async function placementCount(c: QueryRunner): Promise<number> {
  const [r] = await rows<{ n: number }>(c, 'SELECT COUNT(*) AS n FROM placements');
  return Number(r.n);
}
