import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  nikFor,
  PASSWORD,
  registerSeeker,
  seekerProfile,
  uniq,
  verifiedEmployer,
  type Session,
} from '../support/factories';

describe('job seekers: registration, walk-ins, profiles', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  const registration = (overrides: Record<string, unknown> = {}) => ({
    email: `${uniq('seeker')}@mail.test`,
    password: PASSWORD,
    ...seekerProfile(overrides),
  });

  describe('self-registration', () => {
    it('creates the seeker and a seeker account, and shows the full profile with the NIK to its owner', async () => {
      const body = registration({
        fullName: 'Siti  Rahmawati',
        gender: 'P',
        birthDate: '1998-03-07',
        nik: nikFor('1998-03-07', 'P'),
      });
      const res = await t.http.post('/api/v1/auth/register/seeker').send(body).expect(201);
      expect(res.body.user).toMatchObject({ email: body.email, role: 'seeker', seekerId: res.body.seeker.id });
      expect(res.body.seeker).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        nik: body.nik,
        fullName: 'Siti Rahmawati',
        birthPlace: 'Palembang',
        birthDate: '1998-03-07',
        gender: 'P',
        maritalStatus: 'BELUM_KAWIN',
        phone: '0812-7777-1234',
        address: body.address,
        kecamatanCode: '16.71.05',
        educationLevel: 'SMK',
        major: 'Teknik Mesin',
        educationCode: null,
        desiredOccupationCode: null,
        graduationYear: 2020,
        skills: ['Las listrik', 'Mengemudi'],
        experience: [{ position: 'Montir', company: 'Bengkel Jaya', fromYear: 2020, toYear: 2022 }],
        activeJobSeeker: true,
        placedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const login = await t.http.post('/api/v1/auth/login').send({ email: body.email, password: PASSWORD }).expect(200);
      const me = await t.http
        .get('/api/v1/seekers/me')
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .expect(200);
      expect(me.body).toEqual(res.body.seeker);
      const account = await t.http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${login.body.accessToken}`)
        .expect(200);
      expect(account.body).toMatchObject({ role: 'seeker', seekerId: res.body.seeker.id });
    });

    it('stores the NIK encrypted, with a keyed hash, never in clear', async () => {
      const s = await registerSeeker(t);
      const [row] = await t.ds.query('SELECT nik_encrypted, nik_hash FROM seekers WHERE id = ?', [s.seekerId]);
      expect(row.nik_encrypted).toMatch(/^v1\./);
      expect(row.nik_encrypted).not.toContain(s.nik);
      expect(row.nik_hash).toMatch(/^[0-9a-f]{64}$/);
      const audit = await t.ds.query('SELECT before_state, after_state FROM audit_events WHERE entity_id = ?', [
        s.seekerId,
      ]);
      expect(audit.length).toBeGreaterThan(0);
      expect(JSON.stringify(audit)).not.toContain(s.nik);
    });

    it('answers a registered NIK with 409 DUPLICATE_NIK and creates no account', async () => {
      const first = registration();
      await t.http.post('/api/v1/auth/register/seeker').send(first).expect(201);
      const again = registration({ nik: first.nik, birthDate: first.birthDate, gender: first.gender });
      const res = await t.http.post('/api/v1/auth/register/seeker').send(again).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'DUPLICATE_NIK' });
      await t.http.post('/api/v1/auth/login').send({ email: again.email, password: PASSWORD }).expect(401);
    });

    it('answers a taken email with 409 DUPLICATE_EMAIL', async () => {
      const first = registration();
      await t.http.post('/api/v1/auth/register/seeker').send(first).expect(201);
      const res = await t.http
        .post('/api/v1/auth/register/seeker')
        .send(registration({ email: first.email }))
        .expect(409);
      expect(res.body.code).toBe('DUPLICATE_EMAIL');
    });
  });

  describe('NIK rules', () => {
    const nikErrors = async (overrides: Record<string, unknown>) => {
      const res = await t.http.post('/api/v1/auth/register/seeker').send(registration(overrides)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.details.find((d: { field: string }) => d.field === 'nik')?.messages.join(' ') ?? '';
    };

    it('refuses an NIK that is not 16 digits', async () => {
      expect(await nikErrors({ nik: '16710512059500' })).toContain('exactly 16 digits');
      expect(await nikErrors({ nik: '16710512059500AB' })).toContain('exactly 16 digits');
    });

    it('refuses an NIK whose date part is not a date, or whose serial is 0000', async () => {
      expect(await nikErrors({ birthDate: '1995-05-12', gender: 'L', nik: '1671053505950001' })).toContain('birth day');
      expect(await nikErrors({ birthDate: '1995-05-12', gender: 'L', nik: '1671051213950001' })).toContain(
        'birth month',
      );
      expect(await nikErrors({ birthDate: '1995-05-12', gender: 'L', nik: '1671051205950000' })).toContain('serial');
    });

    it('refuses an NIK that disagrees with the birth date', async () => {
      const msg = await nikErrors({ birthDate: '1995-05-13', gender: 'L', nik: '1671051205950001' });
      expect(msg).toContain('born on 12-05-95');
      expect(msg).toContain('1995-05-13');
    });

    it('refuses an NIK that disagrees with the sex (women: day + 40)', async () => {
      expect(await nikErrors({ birthDate: '1995-05-12', gender: 'P', nik: '1671051205950001' })).toContain('is a man');
      expect(await nikErrors({ birthDate: '1995-05-12', gender: 'L', nik: '1671055205950001' })).toContain(
        'is a woman',
      );
    });

    it('accepts an NIK issued outside Palembang', async () => {
      await t.http
        .post('/api/v1/auth/register/seeker')
        .send(
          registration({
            birthDate: '1990-11-30',
            gender: 'P',
            nik: nikFor('1990-11-30', 'P').replace(/^1671/, '3174'),
          }),
        )
        .expect(201);
    });

    it('reports other field errors together with the NIK', async () => {
      const res = await t.http
        .post('/api/v1/auth/register/seeker')
        .send(
          registration({
            nik: '123',
            gender: 'X',
            educationLevel: 'PHD',
            kecamatanCode: '99.99.99',
            birthDate: '1995-02-30',
          }),
        )
        .expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field).sort();
      expect(fields).toEqual(['birthDate', 'educationLevel', 'gender', 'kecamatanCode', 'nik']);
    });

    it('refuses a birth date in the future and religion (not collected)', async () => {
      const future = await t.http
        .post('/api/v1/auth/register/seeker')
        .send(registration({ birthDate: '2099-01-01', nik: nikFor('2099-01-01', 'L'), gender: 'L' }))
        .expect(400);
      expect(future.body.details).toEqual([{ field: 'birthDate', messages: ['birthDate must be in the past'] }]);
      const religion = await t.http
        .post('/api/v1/auth/register/seeker')
        .send(registration({ religion: 'ISLAM' }))
        .expect(400);
      expect(religion.body.details[0].field).toBe('religion');
    });
  });

  describe('walk-in registration by an officer', () => {
    it('registers a seeker without an account', async () => {
      const body = seekerProfile({ fullName: 'Ahmad Walk In' });
      const res = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(body).expect(201);
      expect(res.body).toMatchObject({ nik: body.nik, fullName: 'Ahmad Walk In', activeJobSeeker: true });
      const users = await t.ds.query('SELECT COUNT(*) AS n FROM users WHERE seeker_id = ?', [res.body.id]);
      expect(Number(users[0].n)).toBe(0);
      const got = await t.http.get(`/api/v1/seekers/${res.body.id}`).set(bearer(officer)).expect(200);
      expect(got.body).toEqual(res.body);
    });

    it('refuses email/password in a walk-in and a duplicate NIK', async () => {
      const body = seekerProfile();
      expect(
        (
          await t.http
            .post('/api/v1/seekers')
            .set(bearer(officer))
            .send({ ...body, email: 'a@b.test' })
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
      await t.http.post('/api/v1/seekers').set(bearer(officer)).send(body).expect(201);
      expect((await t.http.post('/api/v1/seekers').set(bearer(officer)).send(body).expect(409)).body.code).toBe(
        'DUPLICATE_NIK',
      );
    });

    it('is for officers only', async () => {
      const seeker = await registerSeeker(t);
      const employer = await verifiedEmployer(t, officer);
      await t.http.post('/api/v1/seekers').set(bearer(seeker)).send(seekerProfile()).expect(403);
      await t.http.post('/api/v1/seekers').set(bearer(employer)).send(seekerProfile()).expect(403);
      await t.http.post('/api/v1/seekers').send(seekerProfile()).expect(401);
    });
  });

  describe('profile access and edits', () => {
    it('lets the seeker edit the profile but not identity fields', async () => {
      const s = await registerSeeker(t);
      const res = await t.http
        .patch('/api/v1/seekers/me')
        .set(bearer(s))
        .send({
          phone: null,
          educationLevel: 'D3',
          skills: ['Excel', ' excel ', 'Akuntansi'],
          kecamatanCode: '16.71.10',
          address: 'Jl. Baru No. 2, Palembang',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        phone: null,
        educationLevel: 'D3',
        skills: ['Excel', 'Akuntansi'],
        kecamatanCode: '16.71.10',
        address: 'Jl. Baru No. 2, Palembang',
        nik: s.nik,
      });
      for (const identity of [
        { nik: '1671051205950001' },
        { fullName: 'Other' },
        { birthDate: '1990-01-01' },
        { gender: 'P' },
      ]) {
        const refused = await t.http.patch('/api/v1/seekers/me').set(bearer(s)).send(identity).expect(400);
        expect(refused.body.details[0].field).toBe(Object.keys(identity)[0]);
      }
      const bad = await t.http.patch('/api/v1/seekers/me').set(bearer(s)).send({ address: null }).expect(400);
      expect(bad.body.details[0].field).toBe('address');
      const exp = await t.http
        .patch('/api/v1/seekers/me')
        .set(bearer(s))
        .send({ experience: [{ position: 'Kasir', company: 'Toko', fromYear: 2022, toYear: 2020 }] })
        .expect(400);
      expect(exp.body.details[0]).toEqual({
        field: 'experience.0.toYear',
        messages: ['toYear must not be before fromYear'],
      });
    });

    it('shows seekers to officers only; others get 403, unknown ids 404', async () => {
      const s = await registerSeeker(t);
      const other = await registerSeeker(t);
      const employer = await verifiedEmployer(t, officer);
      await t.http.get(`/api/v1/seekers/${s.seekerId}`).set(bearer(other)).expect(403);
      await t.http.get(`/api/v1/seekers/${s.seekerId}`).set(bearer(employer)).expect(403);
      await t.http.get('/api/v1/seekers/me').set(bearer(employer)).expect(403);
      await t.http.get('/api/v1/seekers/me').set(bearer(officer)).expect(403);
      await t.http.get('/api/v1/seekers/00000000-0000-4000-8000-000000000000').set(bearer(officer)).expect(404);
      const got = await t.http.get(`/api/v1/seekers/${s.seekerId}`).set(bearer(officer)).expect(200);
      expect(got.body.nik).toBe(s.nik);
    });
  });
});
