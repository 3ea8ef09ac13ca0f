import { DailyJobs } from '../../src/jobs/daily-jobs.service';
import { ENGINE, startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, walkInSeekerWithCard } from '../support/factories';

describe(`the daily job runs once a day, on one instance (${ENGINE})`, () => {
  let t: TestApp;
  let second: TestApp | null = null;

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('runs when due, then not again the same day, then again the next day', async () => {
    t.clock.set('2031-01-10T03:00:00.000Z');
    const jobs = t.app.get(DailyJobs);
    const first = await jobs.runIfDue();
    expect(first).not.toBeNull();
    expect(Object.keys(first!)).toEqual(expect.arrayContaining(['expire-cards', 'close-expired-vacancies']));
    expect(await jobs.runIfDue()).toBeNull();
    t.clock.advanceDays(1);
    expect(await jobs.runIfDue()).not.toBeNull();
  });

  it('lets exactly one of several concurrent runners do the work, and each card expires once', async () => {
    const officer = await makeOfficer(t);
    t.clock.set('2031-02-01T03:00:00.000Z');
    const holder = await walkInSeekerWithCard(t, officer);
    t.clock.set('2033-02-03T03:00:00.000Z'); // two years and two days later: the card is past its expiry
    const jobs = t.app.get(DailyJobs);
    const reports = await Promise.all([jobs.runIfDue(), jobs.runIfDue(), jobs.runIfDue()]);
    const ran = reports.filter((r) => r !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]!['expire-cards']).toMatchObject({ expired: expect.any(Number) });
    const audit = await t.http
      .get(`/api/v1/audit-events?entityType=card&entityId=${holder.card.id}`)
      .set(bearer(officer))
      .expect(200);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'card.expired')).toHaveLength(1);
  });

  it('on MySQL, a second instance sees the day as done and does nothing', async () => {
    if (ENGINE !== 'mysql') {
      // One process serves SQLite; the in-process queue was checked above.
      expect(ENGINE).toBe('sqlite');
      return;
    }
    second = await startApp({ DB_URL: t.config.db.url! });
    second.clock.set('2033-02-03T03:00:00.000Z');
    expect(await second.app.get(DailyJobs).runIfDue()).toBeNull();
    // A new day, both instances at once: the named lock lets one run; the other finds it held or done.
    second.clock.set('2033-02-04T03:00:00.000Z');
    t.clock.set('2033-02-04T03:00:00.000Z');
    const both = await Promise.all([t.app.get(DailyJobs).runIfDue(), second.app.get(DailyJobs).runIfDue()]);
    expect(both.filter((r) => r !== null)).toHaveLength(1);
    expect(await t.app.get(DailyJobs).runIfDue()).toBeNull();
  });
});
