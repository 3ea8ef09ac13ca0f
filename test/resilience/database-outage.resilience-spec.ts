import { HireLoad, makeHiringWorld, tally, type HiringWorld, type Outcome } from './hire-load';
import { PrivateMariaDb } from './private-mariadb';
import { BuiltService, call, hireInvariantViolations, sleep } from './support';

/**
 * MariaDB goes away in the middle of a card-validation + hire load and comes back. The service must
 * answer every request within a few seconds (503 DATABASE_UNAVAILABLE while the database is gone), stay
 * up, serve again by itself once the database is back, and leave no hire half-done.
 *
 * Two kinds of outage on a private server: a shutdown (the port refuses connections) and a freeze
 * (SIGSTOP: connections stay open and nothing answers, like a hung host or a dropped network).
 */
const ANSWER_WITHIN_MS = 5_000;
const FREEZE_MS = 15_000;
const LOAD = { workers: 8, hiresPerSecond: 6, pauseMs: 15, timeoutMs: 20_000, maxRequests: 30_000 };

describe('database outage under load (built service, private MariaDB)', () => {
  let db: PrivateMariaDb;
  let svc: BuiltService;
  let world: HiringWorld;

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    await db.createDatabase('ak1_resilience');
    svc = await BuiltService.start({ DB_TYPE: 'mysql', DB_URL: db.url('ak1_resilience') });
    world = await makeHiringWorld(svc.url, { employers: 3, vacanciesPerEmployer: 2, quota: 12, seekers: 260 });
  });

  afterAll(async () => {
    await svc?.kill();
    await db?.destroy();
  });

  /** Runs the load around `outage` and returns the outcomes with the outage's time marks. */
  async function loadAround(outage: () => Promise<{ downFrom: number; downUntil: number }>) {
    const load = new HireLoad(svc.url, world, LOAD);
    load.start();
    await sleep(4_000);
    const marks = await outage();
    const recoveredAt = await waitUntilHealthy(svc.url, 20_000);
    await sleep(4_000);
    await load.stop();
    return { load, ...marks, recoveredAt };
  }

  function expectAnsweredInTime(outcomes: Outcome[]) {
    const unanswered = outcomes.filter((o) => o.status === 0);
    expect({ unanswered: unanswered.length, tally: tally(unanswered) }).toEqual({ unanswered: 0, tally: {} });
    const slowest = Math.max(...outcomes.map((o) => o.endedAt - o.startedAt));
    expect(slowest).toBeLessThanOrEqual(ANSWER_WITHIN_MS);
    expect(
      outcomes.filter((o) => o.status >= 500 && o.status !== 503).map((o) => `${o.status} ${o.body?.code}`),
    ).toEqual([]);
  }

  function expectServingAfter(outcomes: Outcome[], since: number) {
    const after = outcomes.filter((o) => o.startedAt >= since);
    expect(after.length).toBeGreaterThan(20);
    // Refusals a hire may legitimately meet (the vacancy reached its quota); nothing else.
    const unexpected = after.filter(
      (o) => !(o.status === 200 || o.status === 201 || (o.status === 409 && o.body?.code === 'VACANCY_FILLED')),
    );
    expect(tally(unexpected)).toEqual({});
    expect(after.filter((o) => o.kind === 'hire' && o.status === 201).length).toBeGreaterThan(0);
  }

  async function expectConsistent(load: HireLoad) {
    const acknowledged = load.acknowledged;
    expect(acknowledged.length).toBeGreaterThan(10);
    const problems = await db.withConnection((c) => hireInvariantViolations(c, acknowledged), 'ak1_resilience');
    expect(problems).toEqual([]);
  }

  it('stopped for 10 seconds and started again: 503 while down, recovery without a restart, hires whole', async () => {
    const pid = svc.proc.pid;
    const { load, downFrom, downUntil, recoveredAt } = await loadAround(async () => {
      await db.stop();
      const downFrom = Date.now();
      await sleep(10_000);
      const downUntil = Date.now();
      await db.start();
      return { downFrom, downUntil };
    });
    report('shutdown', load.outcomes, downFrom, downUntil, recoveredAt);

    expect(svc.alive).toBe(true);
    expect(svc.proc.pid).toBe(pid);
    expectAnsweredInTime(load.outcomes);
    const whileDown = load.outcomes.filter((o) => o.startedAt >= downFrom && o.endedAt <= downUntil);
    expect(whileDown.length).toBeGreaterThan(50);
    expect(tally(whileDown)).toEqual({ '503 DATABASE_UNAVAILABLE': whileDown.length });
    expect(whileDown.every((o) => o.body?.statusCode === 503 && typeof o.body?.message === 'string')).toBe(true);
    expect(recoveredAt - downUntil).toBeLessThan(15_000);
    expectServingAfter(load.outcomes, recoveredAt + 1_000);
    await expectConsistent(load);
  });

  it('frozen (SIGSTOP) for 15 seconds and resumed: answers within seconds while it hangs, then serves again', async () => {
    const { load, downFrom, downUntil, recoveredAt } = await loadAround(async () => {
      db.freeze();
      const downFrom = Date.now();
      // Long enough for each worker to see at least two answers inside the freeze even when a stalled
      // request takes the whole ANSWER_WITHIN_MS (a 10 s freeze left ~1.25 per worker on a slow run).
      await sleep(FREEZE_MS);
      const downUntil = Date.now();
      db.thaw();
      return { downFrom, downUntil };
    });
    report('freeze', load.outcomes, downFrom, downUntil, recoveredAt);

    expect(svc.alive).toBe(true);
    expectAnsweredInTime(load.outcomes);
    // Requests sent into the hang are answered 503 after about STALLED_AFTER_MS + the probe (~3 s).
    const whileFrozen = load.outcomes.filter((o) => o.startedAt >= downFrom + 200 && o.endedAt <= downUntil);
    expect(whileFrozen.length).toBeGreaterThanOrEqual(LOAD.workers);
    expect(tally(whileFrozen)).toEqual({ '503 DATABASE_UNAVAILABLE': whileFrozen.length });
    expect(recoveredAt - downUntil).toBeLessThan(15_000);
    expectServingAfter(load.outcomes, recoveredAt + 1_000);
    await expectConsistent(load);
  });
});

async function waitUntilHealthy(base: string, withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const r = await call(base, 'GET', '/health', { timeoutMs: 3_000 });
    if (r.status === 200) return Date.now();
    await sleep(100);
  }
  throw new Error(`the service did not report healthy within ${withinMs} ms of the database coming back`);
}

/** One line per outage for the log (copied into docs/benchmarks.md). */
function report(kind: string, outcomes: Outcome[], downFrom: number, downUntil: number, recoveredAt: number) {
  const latencies = outcomes.map((o) => o.endedAt - o.startedAt).sort((a, b) => a - b);
  const during = outcomes.filter((o) => o.startedAt >= downFrom && o.endedAt <= downUntil);
  const duringLatency = during.map((o) => o.endedAt - o.startedAt).sort((a, b) => a - b);
  process.stdout.write(
    `[resilience] database ${kind}: ${outcomes.length} requests (${outcomes.filter((o) => o.kind === 'hire').length} hires), ` +
      `outcomes ${JSON.stringify(tally(outcomes))}; during the outage ${during.length} requests, p50 ${duringLatency[Math.floor(duringLatency.length / 2)] ?? '-'} ms, ` +
      `max ${duringLatency[duringLatency.length - 1] ?? '-'} ms; overall max ${latencies[latencies.length - 1]} ms; ` +
      `healthy ${recoveredAt - downUntil} ms after the database came back\n`,
  );
}
