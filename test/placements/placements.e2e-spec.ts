import { Placement } from '../../src/placements/placement.entity';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  registerEmployer,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * Placements over HTTP: the three doors that record a hire (an applicant hired, a direct placement by card
 * number and NIK, a seeker's self-report), their effects, the list, and idempotency. The hire's rules
 * themselves are also tested against the owners in hire.medium-spec.ts, its races in hire-races.e2e-spec.ts,
 * and the direct placement's limits in test/security/placement-oracle.e2e-spec.ts.
 */
describe('placements: recording hires', () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  const apply = (s: Session, vacancyId: string, body: object = {}) =>
    t.http.post(`/api/v1/vacancies/${vacancyId}/applications`).set(bearer(s)).send(body);
  const myCard = async (s: Session) => (await t.http.get('/api/v1/cards/me').set(bearer(s)).expect(200)).body;

  describe('recording a hire', () => {
    it('places the seeker, closes their other applications, fills the vacancy and takes it out of search', async () => {
      const title = `Kasir ${uniq('')}`;
      const a = await postVacancy(t, employer, { title, quota: 1 });
      const b = await postVacancy(t, employer, { quota: 2 });
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const { seeker: rival } = await seekerWithActiveCard(t, officer);
      const appA = (await apply(seeker, a.id).expect(201)).body;
      const appB = (await apply(seeker, b.id).expect(201)).body;
      const rivalA = (await apply(rival, a.id).expect(201)).body;
      expect((await t.http.get(`/api/v1/vacancies?q=${encodeURIComponent(title)}`).expect(200)).body.total).toBe(1);

      const start = t.clock.today();
      const res = await t.http
        .post(`/api/v1/applications/${appA.id}/hire`)
        .set(bearer(employer))
        .send({ startDate: start, position: 'Kasir' })
        .expect(201);
      expect(res.body).toMatchObject({
        seekerId: seeker.seekerId,
        employerId: employer.employerId,
        vacancyId: a.id,
        cardNumber: card.cardNumber,
        startDate: start,
        position: 'Kasir',
        source: 'EMPLOYER',
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);

      // The card is closed as placed, with the employer and the start date.
      const cards = await myCard(seeker);
      expect(cards.current).toBeNull();
      expect(cards.history[0]).toMatchObject({
        id: card.id,
        status: 'PLACED',
        placement: { employerName: expect.any(String), startDate: start, source: 'EMPLOYER' },
      });
      // The seeker's other undecided application closed; the vacancy filled and closed the rival's.
      const mine = (await t.http.get('/api/v1/seekers/me/applications').set(bearer(seeker)).expect(200)).body.items;
      expect(mine.find((x: { id: string }) => x.id === appA.id)).toMatchObject({ status: 'HIRED' });
      expect(mine.find((x: { id: string }) => x.id === appB.id)).toMatchObject({
        status: 'CLOSED',
        closedReason: 'SEEKER_PLACED',
      });
      const rivalApps = (await t.http.get('/api/v1/seekers/me/applications').set(bearer(rival)).expect(200)).body.items;
      expect(rivalApps[0]).toMatchObject({ id: rivalA.id, status: 'CLOSED', closedReason: 'VACANCY_FILLED' });
      const va = (await t.http.get(`/api/v1/vacancies/${a.id}`).set(bearer(employer)).expect(200)).body;
      expect(va).toMatchObject({ status: 'FILLED', filled: 1, remaining: 0 });
      const vb = (await t.http.get(`/api/v1/vacancies/${b.id}`).set(bearer(employer)).expect(200)).body;
      expect(vb).toMatchObject({ status: 'OPEN', filled: 0, remaining: 2 });
      // Out of public search and public view.
      expect((await t.http.get(`/api/v1/vacancies?q=${encodeURIComponent(title)}`).expect(200)).body.total).toBe(0);
      await t.http.get(`/api/v1/vacancies/${a.id}`).expect(404);
      // A card check now says PLACED.
      const check = await t.http
        .post('/api/v1/card-validations')
        .set(bearer(employer))
        .send({ cardNumber: card.cardNumber, nik: seeker.nik })
        .expect(200);
      expect(check.body).toMatchObject({ result: 'PLACED', valid: false });
      // The seeker is no longer an active job seeker.
      const me = (await t.http.get('/api/v1/seekers/me').set(bearer(seeker)).expect(200)).body;
      expect(me.activeJobSeeker).toBe(false);
      expect((await apply(seeker, b.id).expect(422)).body.code).toBe('SEEKER_ALREADY_PLACED');

      // Hiring again: the seeker is placed; the rival's application closed with the vacancy.
      expect(
        (
          await t.http
            .post(`/api/v1/applications/${appB.id}/hire`)
            .set(bearer(employer))
            .send({ startDate: start })
            .expect(409)
        ).body.code,
      ).toBe('SEEKER_ALREADY_PLACED');
      expect(
        (
          await t.http
            .post(`/api/v1/applications/${rivalA.id}/hire`)
            .set(bearer(employer))
            .send({ startDate: start })
            .expect(409)
        ).body.code,
      ).toBe('VACANCY_FILLED');
      expect(await t.ds.getRepository(Placement).countBy({ seekerId: rival.seekerId })).toBe(0);

      // Every transition is in the audit trail.
      const audit = (await t.http.get(`/api/v1/audit-events?entityId=${appB.id}`).set(bearer(officer)).expect(200)).body
        .items;
      expect(audit.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['application.submitted', 'application.closed']),
      );
      const cardAudit = (
        await t.http.get(`/api/v1/audit-events?entityType=card&entityId=${card.id}`).set(bearer(officer)).expect(200)
      ).body.items;
      expect(cardAudit.map((e: { action: string }) => e.action)).toContain('card.placed');
    });

    it('refuses an employer that is not verified', async () => {
      const pending = await registerEmployer(t);
      await t.http
        .post('/api/v1/applications/00000000-0000-4000-8000-000000000000/hire')
        .set(bearer(pending))
        .send({ startDate: t.clock.today() })
        .expect(403);
      const res = await t.http
        .post('/api/v1/placements')
        .set(bearer(pending))
        .send({ cardNumber: '1671-26-000001-0', nik: '1671010101900001', startDate: t.clock.today(), position: 'Staf' })
        .expect(403);
      expect(res.body.code).toBe('EMPLOYER_NOT_VERIFIED');
    });

    it('checks the start date', async () => {
      const v = await postVacancy(t, employer);
      const { seeker } = await seekerWithActiveCard(t, officer);
      const app = (await apply(seeker, v.id).expect(201)).body;
      for (const startDate of ['2026-02-30', '1999-01-01', 'besok']) {
        const res = await t.http
          .post(`/api/v1/applications/${app.id}/hire`)
          .set(bearer(employer))
          .send({ startDate })
          .expect(400);
        expect(res.body.details[0].field).toBe('startDate');
      }
      // Nothing was written by the refused attempts.
      expect((await myCard(seeker)).current.status).toBe('ACTIVE');
    });
  });

  describe('direct placement and self-report', () => {
    it('places an AK1 holder by card number and NIK, filling the named vacancy', async () => {
      const v = await postVacancy(t, employer, { quota: 1 });
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const number = card.cardNumber.replace(/-/g, ' ');
      const wrongNik = await t.http
        .post('/api/v1/placements')
        .set(bearer(employer))
        .send({ cardNumber: number, nik: '1671010101900001', startDate: t.clock.today(), position: 'Operator' })
        .expect(404);
      expect(wrongNik.body.code).toBe('CARD_NOT_FOUND');
      const typo = card.cardNumber.slice(0, -1) + String((Number(card.cardNumber.slice(-1)) + 1) % 10);
      expect(
        (
          await t.http
            .post('/api/v1/placements')
            .set(bearer(employer))
            .send({ cardNumber: typo, nik: seeker.nik, startDate: t.clock.today(), position: 'Operator' })
            .expect(400)
        ).body.code,
      ).toBe('INVALID_CARD_NUMBER');

      const res = await t.http
        .post('/api/v1/placements')
        .set(bearer(employer))
        .send({
          cardNumber: number,
          nik: seeker.nik,
          startDate: t.clock.today(),
          position: 'Operator',
          vacancyId: v.id,
        })
        .expect(201);
      expect(res.body).toMatchObject({
        seekerId: seeker.seekerId,
        vacancyId: v.id,
        cardNumber: card.cardNumber,
        source: 'EMPLOYER',
        position: 'Operator',
      });
      expect((await myCard(seeker)).history[0].status).toBe('PLACED');
      expect((await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(employer)).expect(200)).body).toMatchObject({
        status: 'FILLED',
        filled: 1,
      });
      const again = await t.http
        .post('/api/v1/placements')
        .set(bearer(employer))
        .send({ cardNumber: number, nik: seeker.nik, startDate: t.clock.today(), position: 'Operator' })
        .expect(409);
      expect(again.body.code).toBe('SEEKER_ALREADY_PLACED');
      const own = await t.http.get('/api/v1/placements').set(bearer(employer)).expect(200);
      expect(own.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
    });

    it("records a seeker's own report, marked as such and visible to officers only", async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const v = await postVacancy(t, employer);
      const app = (await apply(seeker, v.id).expect(201)).body;
      const res = await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(seeker))
        .send({ employerName: 'Toko Sembako Jaya', startDate: t.clock.today(), position: 'Pramuniaga' })
        .expect(201);
      expect(res.body).toMatchObject({
        seekerId: seeker.seekerId,
        employerId: null,
        vacancyId: null,
        cardNumber: card.cardNumber,
        source: 'SELF_REPORT',
      });
      const history = (await myCard(seeker)).history[0];
      expect(history).toMatchObject({
        status: 'PLACED',
        placement: { employerName: 'Toko Sembako Jaya', source: 'SELF_REPORT' },
      });
      const apps = (await t.http.get('/api/v1/seekers/me/applications').set(bearer(seeker)).expect(200)).body.items;
      expect(apps[0]).toMatchObject({ id: app.id, status: 'CLOSED', closedReason: 'SEEKER_PLACED' });
      expect(
        (
          await t.http
            .post('/api/v1/seekers/me/placement')
            .set(bearer(seeker))
            .send({ employerName: 'Lagi', startDate: t.clock.today() })
            .expect(409)
        ).body.code,
      ).toBe('SEEKER_ALREADY_PLACED');

      const seen = await t.http
        .get('/api/v1/placements?source=SELF_REPORT&pageSize=100')
        .set(bearer(officer))
        .expect(200);
      expect(seen.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
      const employerView = await t.http.get('/api/v1/placements?pageSize=100').set(bearer(employer)).expect(200);
      expect(employerView.body.items.map((p: { id: string }) => p.id)).not.toContain(res.body.id);
      await t.http.get('/api/v1/placements').set(bearer(seeker)).expect(403);
    });
  });

  describe('idempotency', () => {
    it('replays the first response for the same key and body, and refuses the key with another body', async () => {
      const v = await postVacancy(t, employer);
      const { seeker } = await seekerWithActiveCard(t, officer);
      const app = (await apply(seeker, v.id).expect(201)).body;
      const key = uniq('idem');
      const first = await t.http
        .post(`/api/v1/applications/${app.id}/hire`)
        .set(bearer(employer))
        .set('Idempotency-Key', key)
        .send({ startDate: t.clock.today() })
        .expect(201);
      const second = await t.http
        .post(`/api/v1/applications/${app.id}/hire`)
        .set(bearer(employer))
        .set('Idempotency-Key', key)
        .send({ startDate: t.clock.today() })
        .expect(201);
      expect(second.body).toEqual(first.body);
      expect(await t.ds.getRepository(Placement).countBy({ applicationId: app.id })).toBe(1);
      const reused = await t.http
        .post(`/api/v1/applications/${app.id}/hire`)
        .set(bearer(employer))
        .set('Idempotency-Key', key)
        .send({ startDate: t.clock.today(), position: 'Lain' })
        .expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('replays a refusal as the same refusal', async () => {
      const { seeker } = await seekerWithActiveCard(t, officer);
      await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(seeker))
        .send({ employerName: 'CV Satu', startDate: t.clock.today() })
        .expect(201);
      const key = uniq('idem');
      const a = await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(seeker))
        .set('Idempotency-Key', key)
        .send({ employerName: 'CV Dua', startDate: t.clock.today() })
        .expect(409);
      const b = await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(seeker))
        .set('Idempotency-Key', key)
        .send({ employerName: 'CV Dua', startDate: t.clock.today() })
        .expect(409);
      expect(b.body).toEqual(a.body);
    });
  });
});
