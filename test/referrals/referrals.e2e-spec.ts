import { Referral } from '../../src/referrals/referral.entity';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  registerEmployer,
  registerSeeker,
  seekerWithActiveCard,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * Referrals (api.md v2, "Referrals and the applicant's consent"): the office refers a seeker holding a
 * card active today to an OPEN vacancy, once per pair; the vacancy's employer and officers list them,
 * the seeker sees theirs, candidate lists leave out who applied or was referred, and each vacancy
 * counts its referrals.
 */
describe(`referrals on ${ENGINE}`, () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;
  let other: EmployerSession;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
    other = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  /** A vacancy anyone of working age with an SMA/SMK education meets the hard requirements of. */
  const openVacancy = (overrides: Record<string, unknown> = {}) =>
    postVacancy(t, employer, { ageMin: null, ageMax: null, educationMin: 'SMA', ...overrides });
  const refer = (vacancyId: string, body: object, as: Session = officer) =>
    t.http.post(`/api/v1/vacancies/${vacancyId}/referrals`).set(bearer(as)).send(body);
  const listFor = (vacancyId: string, as: Session) =>
    t.http.get(`/api/v1/vacancies/${vacancyId}/referrals`).set(bearer(as));
  const candidateIds = async (vacancyId: string): Promise<string[]> => {
    const res = await t.http
      .get(`/api/v1/vacancies/${vacancyId}/candidates?pageSize=100`)
      .set(bearer(officer))
      .expect(200);
    return res.body.items.map((c: { seeker: { id: string } }) => c.seeker.id);
  };

  describe('referring', () => {
    it('records who referred whom and when, once per seeker and vacancy', async () => {
      const v = await openVacancy();
      const { seeker } = await seekerWithActiveCard(t, officer);
      const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_123);
      t.clock.set(at);
      try {
        const res = await refer(v.id, { seekerId: seeker.seekerId, note: '  Pengalaman gudang 2 tahun.  ' }).expect(
          201,
        );
        expect(res.body).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          vacancyId: v.id,
          seekerId: seeker.seekerId,
          referredAt: at.toISOString(),
          referredBy: officer.userId,
          note: 'Pengalaman gudang 2 tahun.',
        });
        const again = await refer(v.id, { seekerId: seeker.seekerId }).expect(409);
        expect(again.body.code).toBe('DUPLICATE_REFERRAL');
        expect(await t.ds.getRepository(Referral).countBy({ vacancyId: v.id })).toBe(1);
      } finally {
        t.clock.reset();
      }
    });

    it('takes a walk-in seeker without a login, and no note', async () => {
      const v = await openVacancy();
      const walkIn = await walkInSeekerWithCard(t, officer);
      const res = await refer(v.id, { seekerId: walkIn.seekerId }).expect(201);
      expect(res.body.note).toBeNull();
    });

    it('is audited', async () => {
      const v = await openVacancy();
      const walkIn = await walkInSeekerWithCard(t, officer);
      const { body } = await refer(v.id, { seekerId: walkIn.seekerId }).expect(201);
      const audit = await t.http
        .get(`/api/v1/audit-events?entityType=referral&entityId=${body.id}`)
        .set(bearer(officer))
        .expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({ action: 'referral.created', actorId: officer.userId });
    });

    it('refers only to a vacancy that takes applications', async () => {
      const walkIn = await walkInSeekerWithCard(t, officer);
      const draft = await openVacancy({ status: 'DRAFT' });
      expect((await refer(draft.id, { seekerId: walkIn.seekerId }).expect(409)).body.code).toBe('VACANCY_NOT_OPEN');
      const closed = await openVacancy();
      await t.http.post(`/api/v1/vacancies/${closed.id}/close`).set(bearer(employer)).send({}).expect(200);
      expect((await refer(closed.id, { seekerId: walkIn.seekerId }).expect(409)).body.code).toBe('VACANCY_NOT_OPEN');

      // A suspended company's vacancies are out of public search: no referrals to them either.
      const suspended = await verifiedEmployer(t, officer);
      const ofSuspended = await postVacancy(t, suspended);
      await t.http
        .post(`/api/v1/employers/${suspended.employerId}/suspend`)
        .set(bearer(officer))
        .send({ reason: 'Pemeriksaan izin usaha' })
        .expect(200);
      expect((await refer(ofSuspended.id, { seekerId: walkIn.seekerId }).expect(409)).body.code).toBe(
        'VACANCY_NOT_OPEN',
      );

      // Past its closing date (before the daily job closed it).
      const closing = await openVacancy();
      t.clock.advanceDays(31);
      try {
        expect((await refer(closing.id, { seekerId: walkIn.seekerId }).expect(409)).body.code).toBe('VACANCY_NOT_OPEN');
      } finally {
        t.clock.reset();
      }
    });

    it('refers only a seeker holding a card active today, not placed, who has not applied', async () => {
      const v = await openVacancy();
      const noCard = await registerSeeker(t);
      expect((await refer(v.id, { seekerId: noCard.seekerId }).expect(422)).body.code).toBe('AK1_REQUIRED');

      await t.http.post('/api/v1/cards/requests').set(bearer(noCard)).expect(201);
      expect((await refer(v.id, { seekerId: noCard.seekerId }).expect(422)).body.code).toBe('AK1_REQUIRED');

      const placed = await seekerWithActiveCard(t, officer);
      await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(placed.seeker))
        .send({ employerName: 'Toko Maju', startDate: t.clock.today() })
        .expect(201);
      expect((await refer(v.id, { seekerId: placed.seeker.seekerId }).expect(422)).body.code).toBe(
        'SEEKER_ALREADY_PLACED',
      );

      const revoked = await walkInSeekerWithCard(t, officer);
      await t.http
        .post(`/api/v1/cards/${revoked.card.id}/revoke`)
        .set(bearer(officer))
        .send({ reason: 'Data tidak benar' })
        .expect(200);
      expect((await refer(v.id, { seekerId: revoked.seekerId }).expect(422)).body.code).toBe('AK1_REQUIRED');

      const applied = await seekerWithActiveCard(t, officer);
      await t.http.post(`/api/v1/vacancies/${v.id}/applications`).set(bearer(applied.seeker)).send({}).expect(201);
      expect((await refer(v.id, { seekerId: applied.seeker.seekerId }).expect(409)).body.code).toBe(
        'SEEKER_ALREADY_APPLIED',
      );

      expect(await t.ds.getRepository(Referral).countBy({ vacancyId: v.id })).toBe(0);
    });

    it('does not refer with a card that expired today (before the daily job wrote it)', async () => {
      const v = await openVacancy({ closesAt: '2099-12-31' });
      const walkIn = await walkInSeekerWithCard(t, officer);
      t.clock.advanceDays(2 * 366 + 1);
      try {
        expect((await refer(v.id, { seekerId: walkIn.seekerId }).expect(422)).body.code).toBe('AK1_REQUIRED');
      } finally {
        t.clock.reset();
      }
    });

    it('answers 404 for an unknown vacancy or seeker, 400 for a bad body, 403 to other roles', async () => {
      const v = await openVacancy();
      const walkIn = await walkInSeekerWithCard(t, officer);
      expect(
        (await refer('00000000-0000-4000-8000-000000000000', { seekerId: walkIn.seekerId }).expect(404)).body.code,
      ).toBe('NOT_FOUND');
      expect((await refer(v.id, { seekerId: '00000000-0000-4000-8000-000000000000' }).expect(404)).body.code).toBe(
        'NOT_FOUND',
      );
      const bad = await refer(v.id, { seekerId: 'budi' }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['seekerId']);
      // Server-owned fields cannot be set by the client.
      const smuggled = await refer(v.id, {
        seekerId: walkIn.seekerId,
        referredBy: employer.userId,
        referredAt: '2020-01-01T00:00:00.000Z',
        employerId: other.employerId,
      }).expect(400);
      expect(smuggled.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'employerId',
        'referredAt',
        'referredBy',
      ]);
      const tooLong = await refer(v.id, { seekerId: walkIn.seekerId, note: 'x'.repeat(1001) }).expect(400);
      expect(tooLong.body.details.map((d: { field: string }) => d.field)).toEqual(['note']);
      const seeker = await registerSeeker(t);
      expect((await refer(v.id, { seekerId: walkIn.seekerId }, employer).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await refer(v.id, { seekerId: walkIn.seekerId }, seeker).expect(403)).body.code).toBe('FORBIDDEN');
      expect(
        (await t.http.post(`/api/v1/vacancies/${v.id}/referrals`).send({ seekerId: walkIn.seekerId }).expect(401)).body
          .code,
      ).toBe('UNAUTHENTICATED');
      expect(await t.ds.getRepository(Referral).countBy({ vacancyId: v.id })).toBe(0);
    });
  });

  describe('who sees them', () => {
    it('lists a vacancy’s referrals to officers and its own employer, with who applied since; nobody else', async () => {
      const v = await openVacancy();
      const a = await seekerWithActiveCard(t, officer, { fullName: 'Ani Rujukan', skills: ['Forklift'] });
      const b = await walkInSeekerWithCard(t, officer, { fullName: 'Bayu Rujukan' });
      await refer(v.id, { seekerId: a.seeker.seekerId, note: 'Cocok untuk shift malam' }).expect(201);
      t.clock.advance(1000);
      try {
        await refer(v.id, { seekerId: b.seekerId }).expect(201);
      } finally {
        t.clock.reset();
      }

      const ofEmployer = await listFor(v.id, employer).expect(200);
      expect(ofEmployer.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
      // Newest first; the seeker's summary, never an NIK or contact details.
      expect(ofEmployer.body.items.map((r: { seekerId: string }) => r.seekerId)).toEqual([
        b.seekerId,
        a.seeker.seekerId,
      ]);
      expect(ofEmployer.body.items[1]).toMatchObject({
        vacancyId: v.id,
        referredBy: officer.userId,
        note: 'Cocok untuk shift malam',
        seeker: { fullName: 'Ani Rujukan', educationLevel: 'SMK', skills: ['Forklift'] },
        applicationId: null,
      });
      expect(ofEmployer.text).not.toContain(a.seeker.nik);
      expect(ofEmployer.text).not.toMatch(/"(nik|phone|email|address|birthDate)"/);

      // Once the referred seeker applies, the referral says so.
      const applied = await t.http
        .post(`/api/v1/vacancies/${v.id}/applications`)
        .set(bearer(a.seeker))
        .send({})
        .expect(201);
      const ofOfficer = await listFor(v.id, officer).expect(200);
      expect(
        ofOfficer.body.items.find((r: { seekerId: string }) => r.seekerId === a.seeker.seekerId).applicationId,
      ).toBe(applied.body.id);

      const page2 = await t.http
        .get(`/api/v1/vacancies/${v.id}/referrals?page=2&pageSize=1`)
        .set(bearer(employer))
        .expect(200);
      expect(page2.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(page2.body.items.map((r: { seekerId: string }) => r.seekerId)).toEqual([a.seeker.seekerId]);

      // Another company, even unverified, is told the vacancy does not exist; seekers may not list.
      expect((await listFor(v.id, other).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await listFor(v.id, await registerEmployer(t)).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await listFor(v.id, a.seeker).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await t.http.get(`/api/v1/vacancies/${v.id}/referrals`).expect(401)).body.code).toBe('UNAUTHENTICATED');
      expect((await listFor('00000000-0000-4000-8000-000000000000', officer).expect(404)).body.code).toBe('NOT_FOUND');
    });

    it('shows the seeker the vacancies they were referred to, and no one else’s', async () => {
      const v = await openVacancy({ title: 'Operator Gudang Rujukan' });
      const { seeker } = await seekerWithActiveCard(t, officer);
      const bystander = await seekerWithActiveCard(t, officer);
      await refer(v.id, { seekerId: seeker.seekerId, note: 'Silakan melamar sebelum tanggal penutupan.' }).expect(201);

      const mine = await t.http.get('/api/v1/seekers/me/referrals').set(bearer(seeker)).expect(200);
      expect(mine.body.total).toBe(1);
      expect(mine.body.items[0]).toMatchObject({
        vacancyId: v.id,
        seekerId: seeker.seekerId,
        note: 'Silakan melamar sebelum tanggal penutupan.',
        vacancy: {
          id: v.id,
          title: 'Operator Gudang Rujukan',
          status: 'OPEN',
          closesAt: v.closesAt,
          employer: { id: employer.employerId },
        },
        applicationId: null,
      });
      const theirs = await t.http.get('/api/v1/seekers/me/referrals').set(bearer(bystander.seeker)).expect(200);
      expect(theirs.body).toMatchObject({ items: [], total: 0 });
      expect((await t.http.get('/api/v1/seekers/me/referrals').set(bearer(officer)).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
      expect((await t.http.get('/api/v1/seekers/me/referrals').set(bearer(employer)).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );

      const app = await t.http.post(`/api/v1/vacancies/${v.id}/applications`).set(bearer(seeker)).send({}).expect(201);
      const after = await t.http.get('/api/v1/seekers/me/referrals').set(bearer(seeker)).expect(200);
      expect(after.body.items[0].applicationId).toBe(app.body.id);
    });

    it('counts referrals per vacancy for its employer and officers, not in public', async () => {
      const v = await openVacancy();
      const untouched = await openVacancy();
      for (let i = 0; i < 2; i++)
        await refer(v.id, { seekerId: (await walkInSeekerWithCard(t, officer)).seekerId }).expect(201);

      expect((await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(officer)).expect(200)).body.referrals).toBe(2);
      expect((await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(employer)).expect(200)).body.referrals).toBe(2);
      expect(
        (await t.http.get(`/api/v1/vacancies/${untouched.id}`).set(bearer(employer)).expect(200)).body.referrals,
      ).toBe(0);
      const anonymous = await t.http.get(`/api/v1/vacancies/${v.id}`).expect(200);
      expect(anonymous.body).not.toHaveProperty('referrals');
      const asOther = await t.http.get(`/api/v1/vacancies/${v.id}`).set(bearer(other)).expect(200);
      expect(asOther.body).not.toHaveProperty('referrals');

      const mine = await t.http.get('/api/v1/employers/me/vacancies?pageSize=100').set(bearer(employer)).expect(200);
      const counts = Object.fromEntries(
        mine.body.items.map((x: { id: string; referrals: number }) => [x.id, x.referrals]),
      );
      expect(counts[v.id]).toBe(2);
      expect(counts[untouched.id]).toBe(0);
      const search = await t.http.get(`/api/v1/vacancies?employerId=${employer.employerId}&pageSize=100`).expect(200);
      expect(search.body.items.every((x: object) => !('referrals' in x))).toBe(true);
    });
  });

  describe('candidate lists', () => {
    it('leave out seekers who applied (in any state) or were referred', async () => {
      const v = await openVacancy({ genderRequirement: 'ANY' });
      const referred = await walkInSeekerWithCard(t, officer);
      const applicant = await seekerWithActiveCard(t, officer);
      const withdrawn = await seekerWithActiveCard(t, officer);
      const waiting = await walkInSeekerWithCard(t, officer);
      const before = await candidateIds(v.id);
      expect(before).toEqual(
        expect.arrayContaining([
          referred.seekerId,
          applicant.seeker.seekerId,
          withdrawn.seeker.seekerId,
          waiting.seekerId,
        ]),
      );

      await refer(v.id, { seekerId: referred.seekerId }).expect(201);
      await t.http.post(`/api/v1/vacancies/${v.id}/applications`).set(bearer(applicant.seeker)).send({}).expect(201);
      const app = await t.http
        .post(`/api/v1/vacancies/${v.id}/applications`)
        .set(bearer(withdrawn.seeker))
        .send({})
        .expect(201);
      await t.http.post(`/api/v1/applications/${app.body.id}/withdraw`).set(bearer(withdrawn.seeker)).expect(200);

      const after = await candidateIds(v.id);
      expect(after).toContain(waiting.seekerId);
      expect(after).not.toContain(referred.seekerId);
      expect(after).not.toContain(applicant.seeker.seekerId);
      expect(after).not.toContain(withdrawn.seeker.seekerId);

      // The same seekers are still candidates for another vacancy.
      const elsewhere = await candidateIds((await openVacancy()).id);
      expect(elsewhere).toEqual(expect.arrayContaining([referred.seekerId, applicant.seeker.seekerId]));
    });
  });

  describe('races', () => {
    it('makes one referral when officers refer the same seeker at the same moment', async () => {
      const v = await openVacancy();
      const walkIn = await walkInSeekerWithCard(t, officer);
      const second = await makeOfficer(t);
      const replies = await Promise.all(
        [officer, second, officer, second, officer, second].map((o) => refer(v.id, { seekerId: walkIn.seekerId }, o)),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'DUPLICATE_REFERRAL')).toBe(true);
      expect(await t.ds.getRepository(Referral).countBy({ vacancyId: v.id, seekerId: walkIn.seekerId })).toBe(1);
      expect((await listFor(v.id, employer).expect(200)).body.total).toBe(1);
    });
  });
});
