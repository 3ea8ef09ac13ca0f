import { connect } from 'node:net';
import { makeHiringWorld, type HiringWorld } from './hire-load';
import { PrivateMariaDb } from './private-mariadb';
import { BuiltService, call, hireInvariantViolations, idempotencyKey, sleep, type Reply } from './support';

/**
 * SIGTERM while requests are in flight: they finish with their normal answers, new connections are
 * refused from the signal on, and the process exits 0 within a bounded time.
 *
 * To have requests reliably in flight at the signal, the private database is frozen for a moment
 * (shorter than the service's 2 s stall limit) while they are sent: they wait inside the service,
 * the signal arrives, the database resumes and they complete.
 */
const EXIT_WITHIN_MS = 10_000;

describe('graceful shutdown on SIGTERM (built service, private MariaDB)', () => {
  let db: PrivateMariaDb;
  let svc: BuiltService;
  let world: HiringWorld;

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    await db.createDatabase('ak1_resilience');
    svc = await BuiltService.start({ DB_TYPE: 'mysql', DB_URL: db.url('ak1_resilience') });
    world = await makeHiringWorld(svc.url, { employers: 2, vacanciesPerEmployer: 1, quota: 100, seekers: 30 });
  });

  afterAll(async () => {
    await svc?.kill();
    await db?.destroy();
  });

  it('finishes the requests in flight, refuses new connections, exits 0', async () => {
    // Warm keep-alive connections first, so in-flight requests also ride on reused sockets.
    for (const s of world.seekers.slice(0, 4)) {
      expect(
        (
          await call(svc.url, 'POST', '/api/v1/card-validations', {
            token: world.employers[0].token,
            body: { cardNumber: s.cardNumber, nik: s.nik },
          })
        ).status,
      ).toBe(200);
    }
    db.freeze();
    const frozenAt = Date.now();
    const inFlight: Promise<Reply & { seekerId?: string }>[] = world.seekers.map((s, i) =>
      i % 3 === 2
        ? call(svc.url, 'POST', '/api/v1/card-validations', {
            token: world.employers[i % 2].token,
            body: { cardNumber: s.cardNumber, nik: s.nik },
          })
        : call(svc.url, 'POST', '/api/v1/placements', {
            token: world.employers[i % 2].token,
            headers: { 'Idempotency-Key': idempotencyKey() },
            body: {
              cardNumber: s.cardNumber,
              nik: s.nik,
              startDate: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
              position: 'Staf gudang',
              vacancyId: world.vacancies[i % 2].id,
            },
          }).then((r) => ({ ...r, seekerId: s.seekerId })),
    );
    await sleep(300);
    svc.signal('SIGTERM');
    const signalledAt = Date.now();
    await sleep(300);
    const newConnection = await tryConnect(svc.port);
    await sleep(Math.max(0, 1_200 - (Date.now() - frozenAt)));
    db.thaw();

    const replies = await Promise.all(inFlight);
    const exit = await Promise.race([svc.exited, sleep(EXIT_WITHIN_MS + 5_000).then(() => null)]);
    process.stdout.write(
      `[resilience] SIGTERM: ${replies.length} requests in flight, answers ${JSON.stringify(countBy(replies.map((r) => String(r.status))))}, ` +
        `new connection after the signal: ${newConnection}, exit ${JSON.stringify(exit && { code: exit.code, signal: exit.signal })} ` +
        `${exit ? exit.at - signalledAt : '-'} ms after the signal\n`,
    );

    expect(newConnection).toBe('ECONNREFUSED');
    expect(countBy(replies.map((r) => String(r.status)))).toEqual({ '200': 10, '201': 20 });
    expect(exit).not.toBeNull();
    expect({ code: exit!.code, signal: exit!.signal }).toEqual({ code: 0, signal: null });
    expect(exit!.at - signalledAt).toBeLessThan(EXIT_WITHIN_MS);
    expect(svc.log).toContain('shut down cleanly');

    const acknowledged = replies
      .filter((r) => r.status === 201)
      .map((r) => ({ placementId: r.body.id as string, seekerId: r.seekerId! }));
    const problems = await db.withConnection((c) => hireInvariantViolations(c, acknowledged), 'ak1_resilience');
    expect(problems).toEqual([]);
  });
});

/** 'connected' or the connection error's code. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}
