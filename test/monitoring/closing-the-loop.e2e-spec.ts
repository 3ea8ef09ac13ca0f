import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  verifiedEmployer,
  walkInSeekerWithCard,
} from '../support/factories';

/**
 * Issue 17's "done when", through HTTP only, on a database of its own so the office's figures are
 * exactly what this client did: a holder withdraws (WITHDRAWN, removed in IPK III/1), an employer closes
 * a vacancy with a position unfilled and records who it hired (the card PLACED, `filled` counting it),
 * and /monitoring/outcomes says the same.
 */
describe('closing the loop: every card and vacancy ends with a known outcome', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
    t.clock.set('2031-05-10T03:00:00.000Z');
  });
  afterAll(() => t.close());

  it('withdraws a card, records a closed vacancy’s outcome, and reads figures equal to what was done', async () => {
    const officer = await makeOfficer(t);
    const ipk = async () =>
      (await t.http.get('/api/v1/reports/ipk-iii-1?year=2031&month=5').set(bearer(officer)).expect(200)).body;
    const before = await ipk();

    // A job seeker who is no longer looking for work says so.
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const withdrawn = await t.http
      .post(`/api/v1/cards/${card.id}/withdraw`)
      .set(bearer(seeker))
      .send({ reason: 'Melanjutkan kuliah' })
      .expect(200);
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    const mine = await t.http.get(`/api/v1/cards/${card.id}`).set(bearer(seeker)).expect(200);
    expect(mine.body.status).toBe('WITHDRAWN');
    const after = await ipk();
    expect(after.seekers.removed.total.LP).toBe(before.seekers.removed.total.LP + 1);
    expect(after.seekers.placed.total.LP).toBe(before.seekers.placed.total.LP);

    // A vacancy for two closes with nobody hired through the platform; its employer records one hire.
    const employer = await verifiedEmployer(t, officer);
    const vacancy = await postVacancy(t, employer, { quota: 2 });
    await t.http.post(`/api/v1/vacancies/${vacancy.id}/close`).set(bearer(employer)).send({}).expect(200);
    const holder = await walkInSeekerWithCard(t, officer);
    const outcome = await t.http
      .post(`/api/v1/vacancies/${vacancy.id}/outcome`)
      .set(bearer(employer))
      .send({
        hires: [{ cardNumber: holder.card.cardNumber, nik: holder.nik, startDate: '2031-05-12' }],
        unfilledReason: 'HIRED_WITHOUT_AK1',
      })
      .expect(200);
    expect(outcome.body).toMatchObject({ positions: 2, filled: 1, unfilledReason: 'HIRED_WITHOUT_AK1' });
    const placed = await t.http.get(`/api/v1/cards/${holder.card.id}`).set(bearer(officer)).expect(200);
    expect(placed.body.status).toBe('PLACED');
    const v = await t.http.get(`/api/v1/vacancies/${vacancy.id}`).set(bearer(employer)).expect(200);
    expect(v.body.filled).toBe(1);

    const outcomes = await t.http
      .get('/api/v1/monitoring/outcomes?from=2031-05-01&to=2031-05-31')
      .set(bearer(officer))
      .expect(200);
    expect(outcomes.body).toMatchObject({
      cardsClosed: 2,
      placed: 1,
      withdrawn: 1,
      revoked: 0,
      expiredWithoutOutcome: 0,
      knownOutcomeRate: 1,
      vacanciesClosed: 1,
      vacanciesWithOutcome: 1,
      hiredWithoutAk1: 1,
    });
  });
});
