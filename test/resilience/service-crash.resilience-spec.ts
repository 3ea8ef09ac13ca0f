import { HireLoad, makeHiringWorld, tally, type HiringWorld } from './hire-load';
import { PrivateMariaDb } from './private-mariadb';
import { BuiltService, hireInvariantViolations, sleep } from './support';

/**
 * The service process is killed (SIGKILL: no shutdown hooks, no rollback by the app) in the middle of a
 * hire load and started again on the same port. Transactions are committed whole or not at all: every
 * hire answered 201 exists once, no card is half-placed, vacancy counts match their placements.
 */
describe('service killed with SIGKILL during hires (built service, private MariaDB)', () => {
  let db: PrivateMariaDb;
  const services: BuiltService[] = [];
  let world: HiringWorld;
  const env = () => ({ DB_TYPE: 'mysql', DB_URL: db.url('ak1_resilience') });

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    await db.createDatabase('ak1_resilience');
    services.push(await BuiltService.start(env()));
    world = await makeHiringWorld(services[0].url, { employers: 3, vacanciesPerEmployer: 2, quota: 15, seekers: 160 });
  });

  afterAll(async () => {
    for (const s of services) await s.kill();
    await db?.destroy();
  });

  it('restarts into a consistent database, and every acknowledged hire is there exactly once', async () => {
    const first = services[0];
    const load = new HireLoad(first.url, world, {
      workers: 10,
      hiresPerSecond: 20,
      pauseMs: 5,
      timeoutMs: 10_000,
      maxRequests: 20_000,
    });
    load.start();
    await sleep(3_000);
    first.signal('SIGKILL');
    const exit = await first.exited;
    await sleep(1_000);
    const second = await BuiltService.start(env(), first.port);
    services.push(second);
    const restartedAt = Date.now();
    await sleep(3_000);
    await load.stop();

    const cutOff = load.hires.filter((o) => o.startedAt < exit.at && o.status === 0);
    process.stdout.write(
      `[resilience] SIGKILL: ${load.outcomes.length} requests, ${load.hires.length} hires, ${cutOff.length} hires cut off by the kill, ` +
        `restart to healthy ${restartedAt - exit.at} ms; outcomes ${JSON.stringify(tally(load.outcomes))}\n`,
    );
    expect(exit.signal).toBe('SIGKILL');
    expect(load.outcomes.filter((o) => o.timedOut)).toHaveLength(0);
    expect(load.outcomes.filter((o) => o.status >= 500).map((o) => `${o.status} ${o.body?.code}`)).toEqual([]);
    // Before the kill and after the restart the service answered normally.
    const normal = (o: { status: number; body: { code?: string } | null }) =>
      o.status === 200 || o.status === 201 || (o.status === 409 && o.body?.code === 'VACANCY_FILLED');
    expect(tally(load.outcomes.filter((o) => o.endedAt < exit.at - 50 && !normal(o)))).toEqual({});
    const after = load.outcomes.filter((o) => o.startedAt >= restartedAt);
    expect(tally(after.filter((o) => !normal(o)))).toEqual({});
    expect(after.filter((o) => o.kind === 'hire' && o.status === 201).length).toBeGreaterThan(0);

    const acknowledged = load.acknowledged;
    expect(acknowledged.length).toBeGreaterThan(20);
    const problems = await db.withConnection((c) => hireInvariantViolations(c, acknowledged), 'ak1_resilience');
    expect(problems).toEqual([]);
  });
});
