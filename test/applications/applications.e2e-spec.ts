import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  registerSeeker,
  seekerWithActiveCard,
  verifiedEmployer,
  type EmployerSession,
  type Session,
} from '../support/factories';

describe('applications', () => {
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
  const pipeline = async (vacancyId: string, as: Session = employer) =>
    (await t.http.get(`/api/v1/vacancies/${vacancyId}/applications`).set(bearer(as)).expect(200)).body;

  describe('applying', () => {
    it('takes an application from a card holder, once', async () => {
      const v = await postVacancy(t, employer);
      const { seeker } = await seekerWithActiveCard(t, officer);
      const res = await apply(seeker, v.id, { coverLetter: 'Saya berpengalaman 2 tahun.' }).expect(201);
      expect(res.body).toMatchObject({
        status: 'SUBMITTED',
        vacancy: { id: v.id, employer: { id: employer.employerId } },
      });
      expect((await apply(seeker, v.id).expect(409)).body.code).toBe('DUPLICATE_APPLICATION');
      const mine = await t.http.get('/api/v1/seekers/me/applications').set(bearer(seeker)).expect(200);
      expect(mine.body.total).toBe(1);
      expect(mine.body.items[0].id).toBe(res.body.id);
    });

    it('gives a double click exactly one application', async () => {
      const v = await postVacancy(t, employer);
      const { seeker } = await seekerWithActiveCard(t, officer);
      const replies = await Promise.all([apply(seeker, v.id), apply(seeker, v.id), apply(seeker, v.id)]);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect((await pipeline(v.id)).total).toBe(1);
    });

    it('requires an ACTIVE card when the vacancy requires the AK1, and not otherwise', async () => {
      const seeker = await registerSeeker(t);
      const strict = await postVacancy(t, employer);
      const res = await apply(seeker, strict.id).expect(422);
      expect(res.body.code).toBe('AK1_REQUIRED');
      const relaxed = await postVacancy(t, employer, { requiresAk1: false });
      await apply(seeker, relaxed.id).expect(201);
    });

    it('treats a card past its expiry day as no card, before the daily job has run', async () => {
      const { seeker } = await seekerWithActiveCard(t, officer);
      t.clock.advanceDays(2 * 366);
      try {
        const late = await postVacancy(t, employer);
        expect((await apply(seeker, late.id).expect(422)).body.code).toBe('AK1_REQUIRED');
      } finally {
        t.clock.reset();
      }
    });

    it('refuses a closed vacancy with VACANCY_NOT_OPEN and hides a draft', async () => {
      const { seeker } = await seekerWithActiveCard(t, officer);
      const v = await postVacancy(t, employer);
      await t.http.post(`/api/v1/vacancies/${v.id}/close`).set(bearer(employer)).send({}).expect(200);
      expect((await apply(seeker, v.id).expect(409)).body.code).toBe('VACANCY_NOT_OPEN');
      const draft = await postVacancy(t, employer, { status: 'DRAFT' });
      expect((await apply(seeker, draft.id).expect(404)).body.code).toBe('NOT_FOUND');
    });

    it('lets the seeker withdraw, once', async () => {
      const v = await postVacancy(t, employer);
      const { seeker } = await seekerWithActiveCard(t, officer);
      const app = (await apply(seeker, v.id).expect(201)).body;
      const w = await t.http.post(`/api/v1/applications/${app.id}/withdraw`).set(bearer(seeker)).expect(200);
      expect(w.body.status).toBe('WITHDRAWN');
      expect(
        (await t.http.post(`/api/v1/applications/${app.id}/withdraw`).set(bearer(seeker)).expect(409)).body.code,
      ).toBe('INVALID_STATE_TRANSITION');
      const other = await registerSeeker(t);
      await t.http.post(`/api/v1/applications/${app.id}/withdraw`).set(bearer(other)).expect(404);
    });
  });

  describe('the employer pipeline', () => {
    it('shows the applicant and the card as it is now, and shortlists and rejects', async () => {
      const v = await postVacancy(t, employer);
      const { seeker, card } = await seekerWithActiveCard(t, officer, {
        skills: ['Excel', 'Akuntansi'],
        educationLevel: 'S1',
      });
      const app = (await apply(seeker, v.id).expect(201)).body;
      let list = await pipeline(v.id);
      expect(list.items[0]).toMatchObject({
        id: app.id,
        status: 'SUBMITTED',
        applicant: {
          seekerId: seeker.seekerId,
          fullName: seeker.fullName,
          educationLevel: 'S1',
          skills: ['Excel', 'Akuntansi'],
        },
        card: { cardNumber: card.cardNumber, status: 'ACTIVE', reportOverdue: false },
      });
      expect(JSON.stringify(list.items[0])).not.toContain(seeker.nik);

      // The card changes after the application: the pipeline shows it as it is now.
      await t.http
        .post(`/api/v1/cards/${card.id}/revoke`)
        .set(bearer(officer))
        .send({ reason: 'Data tidak benar' })
        .expect(200);
      list = await pipeline(v.id);
      expect(list.items[0].card.status).toBe('REVOKED');

      const s = await t.http
        .patch(`/api/v1/applications/${app.id}`)
        .set(bearer(employer))
        .send({ status: 'SHORTLISTED' })
        .expect(200);
      expect(s.body.status).toBe('SHORTLISTED');
      expect(
        (
          await t.http
            .patch(`/api/v1/applications/${app.id}`)
            .set(bearer(employer))
            .send({ status: 'SHORTLISTED' })
            .expect(409)
        ).body.code,
      ).toBe('INVALID_STATE_TRANSITION');
      await t.http.patch(`/api/v1/applications/${app.id}`).set(bearer(employer)).send({ status: 'HIRED' }).expect(400);
      const r = await t.http
        .patch(`/api/v1/applications/${app.id}`)
        .set(bearer(employer))
        .send({ status: 'REJECTED' })
        .expect(200);
      expect(r.body.status).toBe('REJECTED');
      expect((await pipeline(v.id, officer)).items[0].status).toBe('REJECTED');
      expect(
        (await t.http.get(`/api/v1/vacancies/${v.id}/applications?status=REJECTED`).set(bearer(employer)).expect(200))
          .body.total,
      ).toBe(1);
    });

    it('keeps another employer out of the pipeline and the applications', async () => {
      const v = await postVacancy(t, employer);
      const { seeker } = await seekerWithActiveCard(t, officer);
      const app = (await apply(seeker, v.id).expect(201)).body;
      const rival = await verifiedEmployer(t, officer);
      await t.http.get(`/api/v1/vacancies/${v.id}/applications`).set(bearer(rival)).expect(404);
      await t.http.patch(`/api/v1/applications/${app.id}`).set(bearer(rival)).send({ status: 'REJECTED' }).expect(404);
      await t.http
        .post(`/api/v1/applications/${app.id}/hire`)
        .set(bearer(rival))
        .send({ startDate: t.clock.today() })
        .expect(404);
      await t.http.get(`/api/v1/vacancies/${v.id}/applications`).set(bearer(seeker)).expect(403);
    });
  });

  describe('closing a vacancy', () => {
    it('closes its undecided applications with VACANCY_CLOSED', async () => {
      const v = await postVacancy(t, employer);
      const { seeker } = await seekerWithActiveCard(t, officer);
      const app = (await apply(seeker, v.id).expect(201)).body;
      await t.http
        .post(`/api/v1/vacancies/${v.id}/close`)
        .set(bearer(officer))
        .send({ reason: 'Lowongan dibatalkan' })
        .expect(200);
      const mine = (await t.http.get('/api/v1/seekers/me/applications').set(bearer(seeker)).expect(200)).body.items;
      expect(mine[0]).toMatchObject({ id: app.id, status: 'CLOSED', closedReason: 'VACANCY_CLOSED' });
      expect(
        (
          await t.http
            .post(`/api/v1/applications/${app.id}/hire`)
            .set(bearer(employer))
            .send({ startDate: t.clock.today() })
            .expect(409)
        ).body.code,
      ).toBe('VACANCY_NOT_OPEN');
    });
  });
});
