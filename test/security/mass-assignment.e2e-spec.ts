import { startApp, type TestApp } from '../support/app';
import { bearer, companyBody, login, PASSWORD, seekerProfile, uniq, vacancyBody } from '../support/factories';
import { buildWorld, expectErrorShape, type World } from './world';

/**
 * Fields the server owns (status, verification, ownership, roles, counters, timestamps) cannot be set
 * by a client: the strict validation pipe refuses unknown fields with 400, and the stored state is
 * checked afterwards to prove nothing was written.
 */
describe('security: mass assignment', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startApp({ VALIDATION_RATE_LIMIT: '100000', REGISTRATION_RATE_LIMIT: '100000' });
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  /** 400 VALIDATION_FAILED naming each smuggled field. */
  async function expectRefused(
    res: { status: number; body: { code?: string; details?: { field: string; messages: string[] }[] }; text: string },
    fields: string[],
  ) {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expectErrorShape(res as never);
    const refused = (res.body.details ?? [])
      .filter((d) => d.messages.some((m) => m.includes('not an allowed field')))
      .map((d) => d.field);
    expect(refused.sort()).toEqual([...fields].sort());
  }

  it('employer registration cannot set its own status, verification, role or ids', async () => {
    const email = `${uniq('hr')}@company.test`;
    const res = await t.http.post('/api/v1/auth/register/employer').send({
      email,
      password: PASSWORD,
      fullName: 'Staf HR',
      role: 'officer',
      employerId: w.b.employerId,
      company: {
        ...companyBody(),
        status: 'VERIFIED',
        verifiedAt: '2026-01-01T00:00:00.000Z',
        verifiedBy: w.officer.userId,
        id: w.b.employerId,
      },
    });
    await expectRefused(res, [
      'role',
      'employerId',
      'company.status',
      'company.verifiedAt',
      'company.verifiedBy',
      'company.id',
    ]);
    expect((await t.http.post('/api/v1/auth/login').send({ email, password: PASSWORD })).status).toBe(401);
  });

  it('seeker registration cannot set a role, a placement or ids', async () => {
    const email = `${uniq('seeker')}@mail.test`;
    const res = await t.http.post('/api/v1/auth/register/seeker').send({
      email,
      password: PASSWORD,
      ...seekerProfile(),
      role: 'officer',
      seekerId: w.s2.seekerId,
      placedAt: '2026-01-01T00:00:00.000Z',
      status: 'ACTIVE',
      userId: w.officer.userId,
    });
    await expectRefused(res, ['role', 'seekerId', 'placedAt', 'status', 'userId']);
    expect((await t.http.post('/api/v1/auth/login').send({ email, password: PASSWORD })).status).toBe(401);
  });

  it('staff and officer creation cannot choose a role or another company', async () => {
    const staff = await t.http
      .post('/api/v1/employers/me/staff')
      .set(bearer(w.a))
      .send({
        email: `${uniq('st')}@c.test`,
        password: PASSWORD,
        fullName: 'Staf Dua',
        role: 'officer',
        employerId: w.b.employerId,
      });
    await expectRefused(staff, ['role', 'employerId']);
    const officer = await t.http
      .post('/api/v1/officers')
      .set(bearer(w.officer))
      .send({ email: `${uniq('of')}@d.test`, password: PASSWORD, fullName: 'Petugas Dua', role: 'seeker' });
    await expectRefused(officer, ['role']);
  });

  it('a seeker cannot rewrite identity, ids or placement through PATCH /seekers/me', async () => {
    const before = (await t.http.get('/api/v1/seekers/me').set(bearer(w.s1)).expect(200)).body;
    const res = await t.http.patch('/api/v1/seekers/me').set(bearer(w.s1)).send({
      nik: w.s2.nik,
      fullName: 'Nama Baru',
      birthDate: '1980-01-01',
      gender: 'P',
      placedAt: '2026-01-01T00:00:00.000Z',
      id: w.s2.seekerId,
      userId: w.officer.userId,
      phone: '0812-0000-0000',
    });
    await expectRefused(res, ['nik', 'fullName', 'birthDate', 'gender', 'placedAt', 'id', 'userId']);
    const after = (await t.http.get('/api/v1/seekers/me').set(bearer(w.s1)).expect(200)).body;
    expect(after).toEqual(before);
  });

  it('a vacancy cannot be created already filled, for another employer, or published in the past', async () => {
    const res = await t.http
      .post('/api/v1/vacancies')
      .set(bearer(w.a))
      .send({
        ...vacancyBody(t),
        employerId: w.b.employerId,
        filled: 5,
        remaining: 0,
        publishedAt: '2020-01-01T00:00:00.000Z',
        id: w.vacancyB,
        employer: { id: w.b.employerId },
      });
    await expectRefused(res, ['employerId', 'filled', 'remaining', 'publishedAt', 'id', 'employer']);
    // `status` is a field of the create body, but only OPEN or DRAFT.
    const filled = await t.http
      .post('/api/v1/vacancies')
      .set(bearer(w.a))
      .send({ ...vacancyBody(t), status: 'FILLED' });
    expect({
      status: filled.status,
      code: filled.body.code,
      fields: filled.body.details?.map((d: { field: string }) => d.field),
    }).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['status'] });
    const mine = await t.http.get('/api/v1/employers/me/vacancies').set(bearer(w.a)).expect(200);
    expect(mine.body.items.map((v: { id: string }) => v.id)).toEqual([w.vacancyA]);
  });

  it('a vacancy edit cannot change its status, counters or owner', async () => {
    const before = (await t.http.get(`/api/v1/vacancies/${w.vacancyA}`).set(bearer(w.a)).expect(200)).body;
    const res = await t.http
      .patch(`/api/v1/vacancies/${w.vacancyA}`)
      .set(bearer(w.a))
      .send({ status: 'FILLED', filled: 2, employerId: w.b.employerId, publishedAt: '2020-01-01T00:00:00.000Z' });
    await expectRefused(res, ['status', 'filled', 'employerId', 'publishedAt']);
    const after = (await t.http.get(`/api/v1/vacancies/${w.vacancyA}`).set(bearer(w.a)).expect(200)).body;
    expect(after).toEqual(before);
  });

  it('an application cannot be created or moved into a state its actor may not choose', async () => {
    const apply = await t.http
      .post(`/api/v1/vacancies/${w.vacancyA}/applications`)
      .set(bearer(w.s1))
      .send({ status: 'HIRED', seekerId: w.s2.seekerId, employerId: w.b.employerId });
    await expectRefused(apply, ['status', 'seekerId', 'employerId']);
    const hired = await t.http.patch(`/api/v1/applications/${w.appS2toA}`).set(bearer(w.a)).send({ status: 'HIRED' });
    expect({ status: hired.status, code: hired.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const withdraw = await t.http
      .patch(`/api/v1/applications/${w.appS2toA}`)
      .set(bearer(w.a))
      .send({ status: 'SHORTLISTED', closedReason: 'SEEKER_PLACED', decidedBy: w.officer.userId });
    await expectRefused(withdraw, ['closedReason', 'decidedBy']);
    const mine = await t.http.get('/api/v1/seekers/me/applications').set(bearer(w.s2)).expect(200);
    expect(mine.body.items.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      [w.appS2toA, 'SUBMITTED'],
    ]);
    const s1 = await t.http.get('/api/v1/seekers/me/applications').set(bearer(w.s1)).expect(200);
    expect(s1.body.items.map((a: { id: string }) => a.id)).toEqual([w.appS1toB]);
  });

  it('a hire cannot name another seeker, employer, vacancy or source', async () => {
    const hire = await t.http.post(`/api/v1/applications/${w.appS2toA}/hire`).set(bearer(w.a)).send({
      startDate: w.today,
      seekerId: w.s1.seekerId,
      employerId: w.b.employerId,
      vacancyId: w.vacancyB,
      source: 'SELF_REPORT',
      placedAt: '2020-01-01T00:00:00.000Z',
    });
    await expectRefused(hire, ['seekerId', 'employerId', 'vacancyId', 'source', 'placedAt']);
    const direct = await t.http.post('/api/v1/placements').set(bearer(w.a)).send({
      cardNumber: w.s1.cardNumber,
      nik: w.s1.nik,
      startDate: w.today,
      position: 'Operator',
      employerId: w.b.employerId,
      seekerId: w.s2.seekerId,
      source: 'SELF_REPORT',
    });
    await expectRefused(direct, ['employerId', 'seekerId', 'source']);
    const self = await t.http.post('/api/v1/seekers/me/placement').set(bearer(w.s1)).send({
      employerName: 'PT Uji',
      startDate: w.today,
      source: 'EMPLOYER',
      seekerId: w.s2.seekerId,
      cardNumber: w.s2.cardNumber,
    });
    await expectRefused(self, ['source', 'seekerId', 'cardNumber']);
    // Nobody was placed: both cards are still ACTIVE.
    for (const s of [w.s1, w.s2])
      expect((await t.http.get(`/api/v1/cards/${s.cardId}`).set(bearer(w.officer)).expect(200)).body.status).toBe(
        'ACTIVE',
      );
  });

  it('a card request ignores a body that tries to choose status or number; a report cannot move its own dates', async () => {
    const seeker = await login(t, (await registerFresh()).email);
    const req = await t.http
      .post('/api/v1/cards/requests')
      .set(bearer(seeker))
      .send({ status: 'ACTIVE', cardNumber: '1671-26-000001-3', expiresAt: '2099-01-01' });
    // The route takes no body: whatever is sent is either refused or ignored, never stored.
    if (req.status === 201) expect(req.body).toMatchObject({ status: 'PENDING', cardNumber: null, expiresAt: null });
    else expect(req.status).toBe(400);
    const report = await t.http
      .post(`/api/v1/cards/${w.s1.cardId}/reports`)
      .set(bearer(w.s1))
      .send({ note: 'ok', nextReportDue: '2099-01-01', reportedAt: '2020-01-01', status: 'PLACED' });
    await expectRefused(report, ['nextReportDue', 'reportedAt', 'status']);
    const card = (await t.http.get(`/api/v1/cards/${w.s1.cardId}`).set(bearer(w.s1)).expect(200)).body;
    expect(card).toMatchObject({ status: 'ACTIVE', reports: [] });
  });

  it('a card validation cannot choose its result or the employer it is counted for', async () => {
    const res = await t.http
      .post('/api/v1/card-validations')
      .set(bearer(w.a))
      .send({ cardNumber: w.s2.cardNumber, nik: w.s1.nik, result: 'VALID', valid: true, employerId: w.b.employerId });
    await expectRefused(res, ['result', 'valid', 'employerId']);
  });

  it('officer actions take only their documented fields', async () => {
    const res = await t.http
      .post(`/api/v1/employers/${w.pending.employerId}/reject`)
      .set(bearer(w.officer))
      .send({ reason: 'Data tidak lengkap', status: 'VERIFIED', verifiedAt: '2026-01-01T00:00:00.000Z' });
    await expectRefused(res, ['status', 'verifiedAt']);
    const employer = (await t.http.get(`/api/v1/employers/${w.pending.employerId}`).set(bearer(w.officer)).expect(200))
      .body;
    expect(employer).toMatchObject({ status: 'PENDING', verifiedAt: null });
    const card = await t.http
      .post('/api/v1/cards')
      .set(bearer(w.officer))
      .send({ seekerId: w.s1.seekerId, status: 'PLACED', cardNumber: '1671-26-000001-3' });
    await expectRefused(card, ['status', 'cardNumber']);
  });

  async function registerFresh() {
    const email = `${uniq('seeker')}@mail.test`;
    await t.http
      .post('/api/v1/auth/register/seeker')
      .send({ email, password: PASSWORD, ...seekerProfile() })
      .expect(201);
    return { email };
  }
});
