import { createConnection } from 'mysql2/promise';
import { ConfigError, loadConfig } from '../../src/config/config';
import { ReportingReads } from '../../src/database/reporting-reads';
import { createScratchDatabase, ENGINE, startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, postVacancy, verifiedEmployer, walkInSeekerWithCard } from '../support/factories';

/**
 * Read replicas: monitoring and reports read from DB_REPLICA_URLS, everything else from the primary.
 * Here the "replica" is the same MariaDB database reached as a user that may only SELECT, so any write
 * sent through it would fail, and the user a query runs as tells which side it went to.
 */
describe(`read replicas (${ENGINE})`, () => {
  if (ENGINE !== 'mysql') {
    it('are refused on the embedded database, with one sentence', () => {
      expect(() => loadConfig({ DB_REPLICA_URLS: 'mysql://ro@127.0.0.1:3306/x' })).toThrow(ConfigError);
      expect(() => loadConfig({ DB_REPLICA_URLS: 'mysql://ro@127.0.0.1:3306/x' })).toThrow(
        'DB_REPLICA_URLS needs DB_TYPE=mysql: the embedded database has no replicas.',
      );
    });
    return;
  }

  let t: TestApp;
  let drop: () => Promise<void>;
  const roUser = `ak1_ro_${process.pid % 100000}`;

  beforeAll(async () => {
    const scratch = await createScratchDatabase(process.env.DB_URL ?? 'mysql://root@127.0.0.1:3306/ak1_test');
    drop = scratch.drop;
    const url = new URL(scratch.url);
    const dbName = url.pathname.slice(1);
    const admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    for (const host of ['%', 'localhost', '127.0.0.1']) {
      await admin.query(`CREATE USER IF NOT EXISTS '${roUser}'@'${host}' IDENTIFIED BY 'read-only-pass'`);
      await admin.query(`GRANT SELECT ON \`${dbName}\`.* TO '${roUser}'@'${host}'`);
    }
    await admin.end();
    const replica = new URL(scratch.url);
    replica.username = roUser;
    replica.password = 'read-only-pass';
    t = await startApp({ DB_URL: scratch.url, DB_REPLICA_URLS: replica.toString() });
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
    const url = new URL(process.env.DB_URL ?? 'mysql://root@127.0.0.1:3306/ak1_test');
    const admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    for (const host of ['%', 'localhost', '127.0.0.1']) await admin.query(`DROP USER IF EXISTS '${roUser}'@'${host}'`);
    await admin.end();
  });

  it('sends report reads to the replica, which refuses writes', async () => {
    const reads = t.app.get(ReportingReads);
    const [who] = await reads.query<{ u: string }>('SELECT CURRENT_USER() AS u');
    expect(who.u.startsWith(`${roUser}@`)).toBe(true);
    await expect(
      reads.query(
        "INSERT INTO job_runs (job, run_date, instance, finished_at) VALUES ('x', '2030-01-01', 'x', '2030-01-01 00:00:00')",
      ),
    ).rejects.toThrow(/denied/i);
  });

  it('keeps writes and ordinary reads on the primary while reports read the replica', async () => {
    const officer = await makeOfficer(t);
    const employer = await verifiedEmployer(t, officer);
    const v = await postVacancy(t, employer, { quota: 1 });
    const seeker = await walkInSeekerWithCard(t, officer);
    await t.http
      .post('/api/v1/card-validations')
      .set(bearer(employer))
      .send({ cardNumber: seeker.card.cardNumber, nik: seeker.nik })
      .expect(200);
    await t.http
      .post('/api/v1/placements')
      .set(bearer(employer))
      .send({
        cardNumber: seeker.card.cardNumber,
        nik: seeker.nik,
        startDate: t.clock.today(),
        position: 'Staf',
        vacancyId: v.id,
      })
      .expect(201);
    // Read-your-writes on the primary.
    expect((await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(employer)).expect(200)).body).toMatchObject({
      status: 'FILLED',
      filled: 1,
    });
    // Reports, through the replica (the same data here, so no lag).
    const summary = (await t.http.get('/api/v1/monitoring/summary').set(bearer(officer)).expect(200)).body;
    // Two checks of the card: the validation, and the direct placement's own (channel PLACEMENT).
    expect(summary).toMatchObject({
      employers: { verified: 1, participating: 1 },
      placements: { total: 1 },
      validations: { total: 2 },
    });
    const [y, m] = t.clock.today().split('-').map(Number);
    const ipk = (await t.http.get(`/api/v1/reports/ipk-iii-1?year=${y}&month=${m}`).set(bearer(officer)).expect(200))
      .body;
    expect(ipk.seekers.placed.total.LP).toBe(1);
  });
});
