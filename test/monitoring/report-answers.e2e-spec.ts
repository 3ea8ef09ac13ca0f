import { MonitoringService } from '../../src/monitoring/monitoring.service';
import { acceptedAge, MAX_REPORT_AGE_SECONDS } from '../../src/monitoring/report-answers';
import { startApp, type TestApp } from '../support/app';
import { bearer, provinceWithTwoCities, registerEmployer, type Session } from '../support/factories';

/**
 * Officers' reports answered again when the caller accepts an older answer (`Cache-Control: max-age=N`,
 * decision 129): by default every request computes the figures now; with max-age an answer started at
 * most N seconds ago is reused (with `Age`), a burst waits for one computation, and officers of
 * different offices never share an answer.
 */
describe('report answers an officer accepts as they were a moment ago', () => {
  let t: TestApp;
  let cityA: Session; // 1671
  let cityB: Session; // 1672
  const A = { kecamatanCode: '16.71.01' };
  const B = { kecamatanCode: '16.72.01' };

  const summary = (s: Session, cacheControl?: string) => {
    const r = t.http.get('/api/v1/monitoring/summary').set(bearer(s));
    return (cacheControl ? r.set('Cache-Control', cacheControl) : r).expect(200);
  };
  const registered = async (s: Session, cacheControl?: string) =>
    (await summary(s, cacheControl)).body.employers.registered as number;

  beforeAll(async () => {
    t = await startApp({ REGION_CODE: '16', OFFICE_NAME: 'Disnakertrans Sumatera Selatan' }, [], {
      freshDatabase: true,
    });
    t.clock.set('2026-11-20T05:00:00.000Z');
    ({ cityA, cityB } = await provinceWithTwoCities(t));
  });
  afterAll(() => t.close());

  it('computes the figures now unless the caller says an older answer will do', async () => {
    const before = await registered(cityA, 'max-age=60');
    await registerEmployer(t, A);

    // Without the header, with no-cache and with max-age=0: the new company is counted at once.
    expect(await registered(cityA)).toBe(before + 1);
    await registerEmployer(t, A);
    expect(await registered(cityA, 'no-cache')).toBe(before + 2);
    await registerEmployer(t, A);
    expect(await registered(cityA, 'max-age=0')).toBe(before + 3);

    // An officer who accepts a minute-old answer gets the last one computed, and is told its age.
    await registerEmployer(t, A);
    t.clock.advance(12_000);
    const kept = await summary(cityA, 'max-age=60');
    expect(kept.body.employers.registered).toBe(before + 3);
    expect(kept.headers.age).toBe('12');

    // Older than the caller accepts: computed again.
    t.clock.advance(49_000);
    const fresh = await summary(cityA, 'max-age=60');
    expect(fresh.body.employers.registered).toBe(before + 4);
    expect(fresh.headers.age).toBeUndefined();
  });

  it("never gives one office's answer to another office's officer", async () => {
    const a = await registered(cityA, 'max-age=300');
    const b = await registered(cityB, 'max-age=300');
    await registerEmployer(t, B);
    await registerEmployer(t, B);
    expect(await registered(cityB)).toBe(b + 2);
    // City A's kept answer is City A's, City B's is the fresh one it just computed.
    expect(await registered(cityA, 'max-age=300')).toBe(a);
    expect(await registered(cityB, 'max-age=300')).toBe(b + 2);
  });

  it('keeps answers per query: another period or office filter is its own answer', async () => {
    const all = await summary(cityA, 'max-age=300');
    const october = await t.http
      .get('/api/v1/monitoring/summary?from=2026-10-01&to=2026-10-31')
      .set(bearer(cityA))
      .set('Cache-Control', 'max-age=300')
      .expect(200);
    expect(october.body.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(all.body.period).not.toEqual(october.body.period);
  });

  it('waits for one computation when a burst accepts the same answer', async () => {
    t.clock.advance(600_000); // whatever was kept is too old now
    const monitoring = t.app.get(MonitoringService);
    const spy = jest.spyOn(monitoring, 'summary');
    try {
      const replies = await Promise.all(Array.from({ length: 6 }, () => summary(cityA, 'max-age=30')));
      expect(new Set(replies.map((r) => r.body.employers.registered)).size).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1);
      // Without the header each request computes its own.
      await Promise.all([summary(cityA), summary(cityA)]);
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers the IPK tables, the employer table and their exports the same way', async () => {
    const path = '/api/v1/reports/ipk-iii-1?year=2026&month=11';
    const first = await t.http.get(path).set(bearer(cityA)).set('Cache-Control', 'max-age=120').expect(200);
    t.clock.advance(3_000);
    const again = await t.http.get(path).set(bearer(cityA)).set('Cache-Control', 'max-age=120').expect(200);
    expect(again.headers.age).toBe('3');
    expect(again.body).toEqual(first.body);
    const csv = await t.http
      .get(`${path}&format=csv`)
      .set(bearer(cityA))
      .set('Cache-Control', 'max-age=120')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);

    const employers = '/api/v1/monitoring/employers?pageSize=5';
    await t.http.get(employers).set(bearer(cityA)).set('Cache-Control', 'max-age=120').expect(200);
    t.clock.advance(2_000);
    const kept = await t.http.get(employers).set(bearer(cityA)).set('Cache-Control', 'max-age=120').expect(200);
    expect(kept.headers.age).toBe('2');
  });

  it('still checks the caller on every request', async () => {
    await summary(cityA, 'max-age=300');
    await t.http.get('/api/v1/monitoring/summary').set('Cache-Control', 'max-age=300').expect(401);
    const company = await registerEmployer(t, A);
    await t.http.get('/api/v1/monitoring/summary').set(bearer(company)).set('Cache-Control', 'max-age=300').expect(403);
  });

  it('reads the header as RFC 9111 says, and anything odd as a request for figures now', () => {
    expect(acceptedAge(undefined)).toBe(0);
    expect(acceptedAge('max-age=60')).toBe(60);
    expect(acceptedAge('Max-Age = 45')).toBe(45);
    expect(acceptedAge('max-age="30"')).toBe(30);
    expect(acceptedAge('private, max-age=20')).toBe(20);
    expect(acceptedAge(['max-age=10', 'max-stale'])).toBe(10);
    expect(acceptedAge('max-age=86400')).toBe(MAX_REPORT_AGE_SECONDS);
    expect(acceptedAge('max-age=99999999999999999999')).toBe(0);
    expect(acceptedAge('max-age=60, no-cache')).toBe(0);
    expect(acceptedAge('no-store, max-age=60')).toBe(0);
    expect(acceptedAge('max-age=-5')).toBe(0);
    expect(acceptedAge('max-age=1e3')).toBe(0);
    expect(acceptedAge('max-age=６０')).toBe(0);
    expect(acceptedAge(`max-age=60,${' '.repeat(500)}`)).toBe(0);
  });
});
