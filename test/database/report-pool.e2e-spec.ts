import { loadConfig } from '../../src/config/config';
import { ReportingReads } from '../../src/database/reporting-reads';
import { ENGINE, startApp, type TestApp } from '../support/app';
import { postVacancy, verifiedEmployer } from '../support/factories';

/**
 * Reports read through connections of their own (MySQL without replicas), so a burst of them never
 * holds the connections an ordinary request needs: no request waits behind a report for a connection.
 */
describe(`reports' own connections (${ENGINE})`, () => {
  it('pool sizes are settings, refused out of range with one sentence', () => {
    expect(loadConfig({}).db).toMatchObject({ poolSize: 20, reportPoolSize: 4 });
    expect(loadConfig({ DB_POOL_SIZE: '8', DB_REPORT_POOL_SIZE: '2' }).db).toMatchObject({
      poolSize: 8,
      reportPoolSize: 2,
    });
    for (const bad of ['0', '-1', 'many', '100'])
      expect(() => loadConfig({ DB_REPORT_POOL_SIZE: bad })).toThrow(/DB_REPORT_POOL_SIZE must be a whole number/);
  });

  if (ENGINE !== 'mysql') return; // SQLite is one file inside the process: there is no pool to share.

  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ DB_POOL_SIZE: '2', DB_REPORT_POOL_SIZE: '1' });
  });
  afterAll(() => t.close());

  it('while slow reports fill their one connection, a vacancy is still answered before any of them ends', async () => {
    const employer = await verifiedEmployer(t);
    const vacancy = await postVacancy(t, employer);
    const reads = t.app.get(ReportingReads);
    const finished: string[] = [];
    // Three slow report reads: one runs on the report connection, two wait for it. On the main pool
    // (two connections) they would take both, and the vacancy would wait for one to end.
    const reports = [1, 2, 3].map((i) =>
      reads.query('SELECT SLEEP(0.8) AS s').then(() => finished.push(`report ${i}`)),
    );
    await new Promise((r) => setTimeout(r, 100));
    const page = await t.http.get(`/api/v1/vacancies/${vacancy.id}`);
    finished.push('vacancy');
    expect(page.status).toBe(200);
    await Promise.all(reports);
    expect(finished[0]).toBe('vacancy');
    expect(finished).toHaveLength(4);
  });
});
