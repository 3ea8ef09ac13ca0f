import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  registerEmployer,
  registerSeeker,
  seekerProfile,
  seekerWithActiveCard,
  vacancyBody,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type Session,
} from '../support/factories';

/** The fields the IPK tables group by: occupation, detailed education, employer kind, placement type. */
describe('IPK fields on vacancies, seekers, employers and placements', () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;

  beforeAll(async () => {
    t = await startApp({ REGION_CODE: '1671' });
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer, { kind: 'BUMN' });
  });
  afterAll(() => t.close());

  describe('vacancies', () => {
    it('require an active KBJI occupationCode on create', async () => {
      const { occupationCode: _left, ...without } = vacancyBody(t);
      const missing = await t.http.post('/api/v1/vacancies').set(bearer(employer)).send(without);
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(missing.body.details)).toContain('occupationCode');

      const unknown = await t.http
        .post('/api/v1/vacancies')
        .set(bearer(employer))
        .send(vacancyBody(t, { occupationCode: '9998' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([{ field: 'occupationCode', messages: [expect.stringContaining('KBJI')] }]);

      const ok = await postVacancy(t, employer, { occupationCode: '2512' });
      expect(ok.occupationCode).toBe('2512');
    });

    it('let PATCH change it to another active code, and refuse null or an unknown one', async () => {
      const v = await postVacancy(t, employer);
      const set = await t.http
        .patch(`/api/v1/vacancies/${v.id}`)
        .set(bearer(employer))
        .send({ occupationCode: '4110' });
      expect(set.status).toBe(200);
      expect(set.body.occupationCode).toBe('4110');
      for (const bad of [null, '0000']) {
        const res = await t.http.patch(`/api/v1/vacancies/${v.id}`).set(bearer(employer)).send({ occupationCode: bad });
        expect(res.status).toBe(400);
      }
      const row = await t.ds.query('SELECT occupation_code FROM vacancies WHERE id = ?', [v.id]);
      expect(row[0].occupation_code).toBe('4110');
    });
  });

  describe('seekers', () => {
    it('take a detailed education code of their level and a desired occupation at registration', async () => {
      const s = await registerSeeker(t, {
        educationLevel: 'SMK',
        educationCode: '0421',
        desiredOccupationCode: '5120',
      });
      const me = await t.http.get('/api/v1/seekers/me').set(bearer(s));
      expect(me.body).toMatchObject({ educationLevel: 'SMK', educationCode: '0421', desiredOccupationCode: '5120' });
    });

    it('refuse an education code of another level (400), on registration, walk-in and update', async () => {
      const reg = await t.http.post('/api/v1/auth/register/seeker').send({
        email: `x${Date.now()}@mail.test`,
        password: 'correct-horse-battery',
        ...seekerProfile({ educationLevel: 'SMA', educationCode: '0421' }),
      });
      expect(reg.status).toBe(400);
      expect(reg.body.details).toEqual([{ field: 'educationCode', messages: [expect.stringContaining('SMA')] }]);

      const walkIn = await t.http
        .post('/api/v1/seekers')
        .set(bearer(officer))
        .send(seekerProfile({ educationLevel: 'S1', educationCode: '0301', desiredOccupationCode: '12' }));
      expect(walkIn.status).toBe(400);

      const unknownOccupation = await t.http
        .post('/api/v1/seekers')
        .set(bearer(officer))
        .send(seekerProfile({ educationLevel: 'S1', educationCode: '0906', desiredOccupationCode: '9998' }));
      expect(unknownOccupation.status).toBe(400);
      expect(unknownOccupation.body.details[0].field).toBe('desiredOccupationCode');

      const ok = await t.http
        .post('/api/v1/seekers')
        .set(bearer(officer))
        .send(seekerProfile({ educationLevel: 'S1', educationCode: '0906', desiredOccupationCode: '2512' }));
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ educationCode: '0906', desiredOccupationCode: '2512' });

      const s = await registerSeeker(t, { educationLevel: 'SMA', educationCode: '0301' });
      const mismatch = await t.http.patch('/api/v1/seekers/me').set(bearer(s)).send({ educationCode: '0906' });
      expect(mismatch.status).toBe(400);
      const both = await t.http
        .patch('/api/v1/seekers/me')
        .set(bearer(s))
        .send({ educationLevel: 'S1', educationCode: '0906' });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({ educationLevel: 'S1', educationCode: '0906' });
      // A new level alone drops the detailed code of the old one.
      const levelOnly = await t.http.patch('/api/v1/seekers/me').set(bearer(s)).send({ educationLevel: 'D3' });
      expect(levelOnly.status).toBe(200);
      expect(levelOnly.body.educationCode).toBeNull();
    });
  });

  describe('employers', () => {
    it('default to SWASTA, refuse an unknown kind, and let the officer or its own staff change it', async () => {
      const plain = await registerEmployer(t);
      const got = await t.http.get(`/api/v1/employers/${plain.employerId}`).set(bearer(officer));
      expect(got.body.kind).toBe('SWASTA');

      const bad = await t.http.post('/api/v1/auth/register/employer').send({
        email: `hr${Date.now()}@company.test`,
        password: 'correct-horse-battery',
        fullName: 'Staf HR',
        company: {
          legalName: 'PT Salah Jenis',
          nib: '9120009999999',
          kbli: '47111',
          address: 'Jl. Uji 1',
          phone: '0711-1',
          kind: 'MARTIAN',
        },
      });
      expect(bad.status).toBe(400);

      const own = await t.http
        .patch(`/api/v1/employers/${plain.employerId}`)
        .set(bearer(plain))
        .send({ kind: 'KOPERASI' });
      expect(own.status).toBe(200);
      expect(own.body.kind).toBe('KOPERASI');
      const other = await t.http
        .patch(`/api/v1/employers/${employer.employerId}`)
        .set(bearer(plain))
        .send({ kind: 'SWASTA' });
      expect(other.status).toBe(404);
      const byOfficer = await t.http
        .patch(`/api/v1/employers/${plain.employerId}`)
        .set(bearer(officer))
        .send({ kind: 'YAYASAN' });
      expect(byOfficer.body.kind).toBe('YAYASAN');
      const unknown = await t.http
        .patch(`/api/v1/employers/${plain.employerId}`)
        .set(bearer(officer))
        .send({ kind: 'NOPE_KIND' });
      expect(unknown.status).toBe(400);
      const audit = await t.ds.query(
        "SELECT COUNT(*) AS n FROM audit_events WHERE entity_id = ? AND action = 'employer.updated'",
        [plain.employerId],
      );
      expect(Number(audit[0].n)).toBe(2);
    });
  });

  describe('placements', () => {
    const placementRow = async (id: string) =>
      (await t.ds.query('SELECT placement_type, employer_kind FROM placements WHERE id = ?', [id]))[0];

    it('of a vacancy in the office province are AKL, with the employer kind', async () => {
      const v = await postVacancy(t, employer, { kecamatanCode: '16.71.05' });
      const w = await walkInSeekerWithCard(t, officer);
      const res = await t.http.post('/api/v1/placements').set(bearer(employer)).send({
        cardNumber: w.card.cardNumber,
        nik: w.nik,
        startDate: t.clock.today(),
        position: 'Operator',
        vacancyId: v.id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ placementType: 'AKL', employerKind: 'BUMN' });
      expect(await placementRow(res.body.id)).toEqual({ placement_type: 'AKL', employer_kind: 'BUMN' });
    });

    it('of a vacancy in another province are AKAD; a contradicting type is refused', async () => {
      const v = await postVacancy(t, employer);
      // The API takes Palembang locations only for now; another province's work location is set directly.
      await t.ds.query("UPDATE vacancies SET kecamatan_code = '31.71.01' WHERE id = ?", [v.id]);
      const w = await walkInSeekerWithCard(t, officer);
      const body = {
        cardNumber: w.card.cardNumber,
        nik: w.nik,
        startDate: t.clock.today(),
        position: 'Operator',
        vacancyId: v.id,
      };
      const wrong = await t.http
        .post('/api/v1/placements')
        .set(bearer(employer))
        .send({ ...body, placementType: 'AKAN' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details).toEqual([{ field: 'placementType', messages: [expect.stringContaining('AKAD')] }]);
      const card = await t.http.get(`/api/v1/cards/${w.card.id}`).set(bearer(officer));
      expect(card.body.status).toBe('ACTIVE');

      const res = await t.http.post('/api/v1/placements').set(bearer(employer)).send(body);
      expect(res.status).toBe(201);
      expect(await placementRow(res.body.id)).toEqual({ placement_type: 'AKAD', employer_kind: 'BUMN' });
    });

    it('of a hire from an application take the vacancy location', async () => {
      const v = await postVacancy(t, employer);
      const { seeker } = await seekerWithActiveCard(t, officer);
      const applied = await t.http.post(`/api/v1/vacancies/${v.id}/applications`).set(bearer(seeker)).send({});
      expect(applied.status).toBe(201);
      const contradicting = await t.http
        .post(`/api/v1/applications/${applied.body.id}/hire`)
        .set(bearer(employer))
        .send({ startDate: t.clock.today(), placementType: 'AKAD' });
      expect(contradicting.status).toBe(400);
      const hired = await t.http
        .post(`/api/v1/applications/${applied.body.id}/hire`)
        .set(bearer(employer))
        .send({ startDate: t.clock.today() });
      expect(hired.status).toBe(201);
      expect(hired.body).toMatchObject({ placementType: 'AKL', employerKind: 'BUMN' });
    });

    it('without a known location take the given type (AKAN), else AKL; self-reports take the given kind or -', async () => {
      const w = await walkInSeekerWithCard(t, officer);
      const direct = await t.http.post('/api/v1/placements').set(bearer(employer)).send({
        cardNumber: w.card.cardNumber,
        nik: w.nik,
        startDate: t.clock.today(),
        position: 'Perawat',
        placementType: 'AKAN',
      });
      expect(direct.status).toBe(201);
      expect(await placementRow(direct.body.id)).toEqual({ placement_type: 'AKAN', employer_kind: 'BUMN' });

      const a = await seekerWithActiveCard(t, officer);
      const abroad = await t.http.post('/api/v1/seekers/me/placement').set(bearer(a.seeker)).send({
        employerName: 'Sejong Care Co.',
        startDate: t.clock.today(),
        placementType: 'AKAN',
        employerKind: 'LUAR_NEGERI',
      });
      expect(abroad.status).toBe(201);
      expect(abroad.body).toMatchObject({ placementType: 'AKAN', employerKind: 'LUAR_NEGERI' });

      const b = await seekerWithActiveCard(t, officer);
      const badKind = await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(b.seeker))
        .send({ employerName: 'Toko Maju', startDate: t.clock.today(), employerKind: 'NOT_A_KIND' });
      expect(badKind.status).toBe(400);
      const plain = await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(b.seeker))
        .send({ employerName: 'Toko Maju', startDate: t.clock.today() });
      expect(plain.status).toBe(201);
      expect(plain.body).toMatchObject({ placementType: 'AKL', employerKind: '-' });

      const c = await seekerWithActiveCard(t, officer);
      const hostile = await t.http
        .post('/api/v1/seekers/me/placement')
        .set(bearer(c.seeker))
        .send({ employerName: 'Toko Maju', startDate: t.clock.today(), placementType: 'akl; DROP' });
      expect(hostile.status).toBe(400);
    });
  });
});
