import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, walkInSeekerWithCard, type Session } from '../support/factories';

/**
 * The summary counts cards by their status as it is today: an ACTIVE card past its expiry date is EXPIRED
 * there before the daily job has stored it so (the summary counts stored statuses, then moves the lapsed
 * ACTIVE ones over).
 */
describe('monitoring summary: cards past their expiry before the daily job', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
    t.clock.set('2026-03-02T05:00:00.000Z');
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  it('counts an ACTIVE card past its expiry as expired from the day after its expiry date', async () => {
    const cards = async () =>
      (await t.http.get('/api/v1/monitoring/summary').set(bearer(officer)).expect(200)).body.cards as Record<
        string,
        number
      >;
    const { card } = await walkInSeekerWithCard(t, officer);
    await walkInSeekerWithCard(t, officer);
    const issued = (await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(officer)).expect(200)).body as {
      expiresAt: string;
    };
    expect(await cards()).toMatchObject({ active: 2, expired: 0 });

    // The day after the expiry (both cards were issued the same day), no daily job run: both count as expired.
    t.clock.set(`${issued.expiresAt}T05:00:00.000Z`);
    expect(await cards()).toMatchObject({ active: 2, expired: 0 });
    t.clock.advanceDays(1);
    expect(await cards()).toMatchObject({ active: 0, expired: 2 });
    const [{ n }] = (await t.ds.query("SELECT COUNT(*) AS n FROM cards WHERE status = 'ACTIVE'")) as { n: number }[];
    expect(Number(n)).toBe(2);
  });
});
