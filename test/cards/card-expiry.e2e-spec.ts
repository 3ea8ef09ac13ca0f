import { Card } from '../../src/cards/card.entity';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  verifiedEmployer,
  type Session,
} from '../support/factories';

/**
 * One card, one status everywhere. Between a card's expiry date and the daily job that writes EXPIRED,
 * the row still says ACTIVE; every reader must answer EXPIRED all the same (the review found /cards/me
 * saying ACTIVE while the employer's applicant list said EXPIRED for the same card).
 */
describe('an ACTIVE card past its expiry date reads EXPIRED everywhere, before the daily job', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp({ SCHEDULER_ENABLED: 'false' });
    officer = await makeOfficer(t);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  it('in the holder’s view, the officer’s views and lists, the applicant list, a validation and the summary', async () => {
    const employer = await verifiedEmployer(t, officer);
    const vacancy = await postVacancy(t, employer, { closesAt: '2099-12-31' });
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    await t.http.post(`/api/v1/vacancies/${vacancy.id}/applications`).set(bearer(seeker)).send({}).expect(201);

    // Two years and a day later; the daily job has not run.
    t.clock.set(`${card.expiresAt}T12:00:00+07:00`);
    t.clock.advanceDays(1);
    expect((await t.ds.getRepository(Card).findOneByOrFail({ id: card.id })).status).toBe('ACTIVE');

    const mine = (await t.http.get('/api/v1/cards/me').set(bearer(seeker)).expect(200)).body;
    expect(mine.current).toBeNull();
    expect(mine.history[0]).toMatchObject({ id: card.id, status: 'EXPIRED', reportOverdue: false });
    expect((await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(officer)).expect(200)).body.status).toBe('EXPIRED');

    const listed = async (query: string) =>
      (
        (
          await t.http
            .get(`/api/v1/cards?${query}&q=${encodeURIComponent(seeker.fullName)}`)
            .set(bearer(officer))
            .expect(200)
        ).body.items as { id: string }[]
      ).map((c) => c.id);
    expect(await listed('status=EXPIRED')).toContain(card.id);
    expect(await listed('status=ACTIVE')).not.toContain(card.id);
    expect(await listed('reportOverdue=true')).not.toContain(card.id);

    const applicants = (
      await t.http.get(`/api/v1/vacancies/${vacancy.id}/applications`).set(bearer(employer)).expect(200)
    ).body.items;
    expect(applicants[0].card).toMatchObject({ status: 'EXPIRED', reportOverdue: false });

    const check = await t.http
      .post('/api/v1/card-validations')
      .set(bearer(employer))
      .send({ cardNumber: card.cardNumber, nik: seeker.nik })
      .expect(200);
    expect(check.body).toMatchObject({ result: 'EXPIRED', valid: false });

    const candidates = (await t.http.get(`/api/v1/vacancies/${vacancy.id}/candidates`).set(bearer(officer)).expect(200))
      .body.items as { seekerId: string }[];
    expect(candidates.map((c) => c.seekerId)).not.toContain(seeker.seekerId);

    // The holder can no longer report on it, nor be hired against it.
    expect(
      (await t.http.post(`/api/v1/cards/${card.id}/reports`).set(bearer(seeker)).send({}).expect(409)).body.code,
    ).toBe('CARD_NOT_ACTIVE');
    const hire = await t.http
      .post('/api/v1/placements')
      .set(bearer(employer))
      .send({ cardNumber: card.cardNumber, nik: seeker.nik, startDate: t.clock.today(), position: 'Staf' })
      .expect(422);
    expect(hire.body.code).toBe('AK1_NOT_ACTIVE');

    // And may ask for a new card at once: the request writes the old one EXPIRED (once) on its way.
    const renewed = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    expect(renewed.body.status).toBe('PENDING');
    expect((await t.ds.getRepository(Card).findOneByOrFail({ id: card.id })).status).toBe('EXPIRED');
    const expiredEvents = await t.ds.query(
      `SELECT COUNT(*) AS c FROM audit_events WHERE entity_id = ? AND action = 'card.expired'`,
      [card.id],
    );
    expect(Number(expiredEvents[0].c)).toBe(1);
  });

  it('is counted as expired, not active, in the monitoring summary', async () => {
    // Issued on a day of its own, so no other card of this database expires with it.
    t.clock.set('2027-05-17T03:00:00Z');
    const { card } = await seekerWithActiveCard(t, officer);
    const summary = async () =>
      (await t.http.get('/api/v1/monitoring/summary').set(bearer(officer)).expect(200)).body.cards;
    t.clock.set(`${card.expiresAt}T12:00:00+07:00`);
    const onTheDay = await summary();
    t.clock.advanceDays(1);
    const after = await summary();
    expect(after.active).toBe(onTheDay.active - 1);
    expect(after.expired).toBe(onTheDay.expired + 1);
  });
});
