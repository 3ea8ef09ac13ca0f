import { MeiliStandIn } from '../support/meili-stand-in';
import { postVacancy, verifiedEmployer, type EmployerSession } from '../support/factories';
import { PrivateMariaDb } from './private-mariadb';
import { BuiltService, call, officerSession, remote, sleep } from './support';

/**
 * Meilisearch (the stand-in, in this process) goes down while vacancies are posted and closed, then
 * comes back. Writes keep succeeding (the outbox holds the changes), /health reports search degraded,
 * and once it is back the outbox worker delivers: the index holds exactly the OPEN vacancies.
 */
const CONVERGE_WITHIN_MS = 45_000;

describe('Meilisearch down during vacancy writes (built service, private MariaDB, stand-in)', () => {
  let db: PrivateMariaDb;
  let svc: BuiltService;
  let meili: MeiliStandIn;
  let employer: EmployerSession;

  beforeAll(async () => {
    meili = new MeiliStandIn();
    await meili.start();
    db = await PrivateMariaDb.create();
    await db.createDatabase('ak1_resilience');
    svc = await BuiltService.start({
      DB_TYPE: 'mysql',
      DB_URL: db.url('ak1_resilience'),
      SEARCH_DRIVER: 'meilisearch',
      MEILI_HOST: meili.url,
      MEILI_INDEX: 'vacancies',
      SCHEDULER_ENABLED: 'true',
    });
    employer = await verifiedEmployer(remote(svc.url), await officerSession(svc.url));
  });

  afterAll(async () => {
    await svc?.kill();
    await db?.destroy();
    await meili?.stop();
  });

  it('converges: the index holds exactly the open vacancies after Meilisearch returns', async () => {
    const t = remote(svc.url);
    const before = [];
    for (let i = 0; i < 5; i++) before.push(await postVacancy(t, employer, { title: `Teknisi listrik ${i}` }));
    await waitUntil(() => indexed().length === 5, 15_000, 'the first vacancies to be indexed');

    await meili.stop();
    const during = [];
    for (let i = 0; i < 10; i++) during.push(await postVacancy(t, employer, { title: `Juru masak ${i}` }));
    for (const v of [before[0], before[1], during[0]]) {
      const r = await call(svc.url, 'POST', `/api/v1/vacancies/${v.id}/close`, {
        token: employer.token,
        body: { reason: 'Posisi sudah terisi' },
      });
      expect(r.status).toBe(200);
    }
    // Search keeps answering from the database while Meilisearch is away.
    const search = await call(svc.url, 'GET', '/api/v1/vacancies?q=masak');
    expect(search.status).toBe(200);
    await sleep(3_000);
    const health = await call(svc.url, 'GET', '/health');
    expect(health.body).toMatchObject({ status: 'ok', db: 'up', search: 'degraded' });
    expect(await outboxSize()).toBeGreaterThan(0);

    await meili.start();
    const backAt = Date.now();
    const open = async () =>
      (
        await db.withConnection((c) => c.query(`SELECT id FROM vacancies WHERE status = 'OPEN'`), 'ak1_resilience')
      )[0] as { id: string }[];
    let expected: string[] = [];
    await waitUntil(
      async () => {
        expected = (await open()).map((r) => r.id).sort();
        return JSON.stringify(indexed()) === JSON.stringify(expected) && (await outboxSize()) === 0;
      },
      CONVERGE_WITHIN_MS,
      'index and database to converge',
    );
    process.stdout.write(
      `[resilience] Meilisearch outage: converged ${Date.now() - backAt} ms after it came back (${expected.length} open vacancies indexed)\n`,
    );
    expect(expected).toHaveLength(12);
    expect((await call(svc.url, 'GET', '/health')).body.search).toBe('up');
    expect(meili.violations).toEqual([]);
  });

  function indexed(): string[] {
    return meili
      .documents('vacancies')
      .map((d) => String(d.id))
      .sort();
  }

  async function outboxSize(): Promise<number> {
    const [rows] = (await db.withConnection(
      (c) => c.query('SELECT COUNT(*) AS n FROM search_outbox'),
      'ak1_resilience',
    )) as unknown as [{ n: number }[]];
    return Number(rows[0].n);
  }
});

async function waitUntil(check: () => boolean | Promise<boolean>, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`timed out after ${withinMs} ms waiting for ${what}`);
}
