import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  postVacancy,
  registerEmployer,
  registerSeeker,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import { lastMailedToken, mailedTokens } from './mailed-tokens';

describe('email verification', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const ask = (s: Session) => t.http.post('/api/v1/auth/email-verification').set(bearer(s));
  const confirm = (token: string) => t.http.post('/api/v1/auth/email-verification/confirm').send({ token });
  const verified = async (s: Session) =>
    (await t.http.get('/api/v1/auth/me').set(bearer(s)).expect(200)).body.emailVerified as boolean;

  it('mails a single-use link whose token verifies the email (no sign-in needed to confirm)', async () => {
    const s = await registerSeeker(t);
    expect(await verified(s)).toBe(false);
    const res = await ask(s).expect(202);
    expect(res.body).toEqual({});
    const mails = await mailedTokens(t, s.userId, 'EMAIL_VERIFICATION');
    expect(mails).toHaveLength(1);
    await confirm(mails[0].token).expect(204);
    expect(await verified(s)).toBe(true);
    expect((await confirm(mails[0].token).expect(400)).body.code).toBe('INVALID_VERIFICATION_TOKEN');
    // Already verified: nothing more is sent.
    await ask(s).expect(202);
    expect(await mailedTokens(t, s.userId, 'EMAIL_VERIFICATION')).toHaveLength(1);
    const audit = await t.ds.query('SELECT COUNT(*) AS n FROM audit_events WHERE entity_id = ? AND action = ?', [
      s.userId,
      'user.emailVerified',
    ]);
    expect(Number(audit[0].n)).toBe(1);
  });

  it('works for every role, replaces an older link and refuses one older than 24 hours', async () => {
    const e = await registerEmployer(t);
    await ask(e).expect(202);
    await ask(e).expect(202);
    const all = await mailedTokens(t, e.userId, 'EMAIL_VERIFICATION');
    expect(all).toHaveLength(2);
    const live = await lastMailedToken(t, e.userId, 'EMAIL_VERIFICATION');
    const stale = all.find((m) => m.token !== live.token)!;
    expect((await confirm(stale.token).expect(400)).body.code).toBe('INVALID_VERIFICATION_TOKEN');
    t.clock.advance(24 * 3600_000 + 1000);
    expect((await confirm(live.token).expect(400)).body.code).toBe('INVALID_VERIFICATION_TOKEN');
    t.clock.reset();
    expect(await verified(e)).toBe(false);

    const officer = await makeOfficer(t);
    await ask(officer).expect(202);
    await confirm((await lastMailedToken(t, officer.userId, 'EMAIL_VERIFICATION')).token).expect(204);
    expect(await verified(officer)).toBe(true);
  });

  it('limits links to 5 an hour per account (429 with Retry-After), and needs a sign-in to ask', async () => {
    const s = await registerSeeker(t);
    for (let i = 0; i < 5; i++) await ask(s).expect(202);
    const limited = await ask(s).expect(429);
    expect(limited.body.code).toBe('EMAIL_VERIFICATION_LIMIT');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await mailedTokens(t, s.userId, 'EMAIL_VERIFICATION')).toHaveLength(5);
    await t.http.post('/api/v1/auth/email-verification').expect(401);
  });

  it('refuses unknown, malformed and missing tokens', async () => {
    expect((await confirm('A'.repeat(43)).expect(400)).body.code).toBe('INVALID_VERIFICATION_TOKEN');
    expect((await confirm('../../etc').expect(400)).body.code).toBe('INVALID_VERIFICATION_TOKEN');
    expect((await t.http.post('/api/v1/auth/email-verification/confirm').send({}).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('does not hold anyone back while REQUIRE_EMAIL_VERIFICATION is off', async () => {
    const s = await registerSeeker(t);
    await t.http.post('/api/v1/cards/requests').set(bearer(s)).expect(201);
  });
});

describe('REQUIRE_EMAIL_VERIFICATION=true', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ REQUIRE_EMAIL_VERIFICATION: 'true' });
  });
  afterAll(() => t.close());

  it('lets an unverified job seeker neither request a card nor apply (403 EMAIL_NOT_VERIFIED) until verified', async () => {
    const officer = await makeOfficer(t);
    const employer = await verifiedEmployer(t, officer);
    const vacancy = await postVacancy(t, employer, { requiresAk1: false });
    const s = await registerSeeker(t);

    const card = await t.http.post('/api/v1/cards/requests').set(bearer(s)).expect(403);
    expect(card.body.code).toBe('EMAIL_NOT_VERIFIED');
    const apply = await t.http.post(`/api/v1/vacancies/${vacancy.id}/applications`).set(bearer(s)).send({});
    expect(apply.status).toBe(403);
    expect(apply.body.code).toBe('EMAIL_NOT_VERIFIED');
    expect(await t.ds.query('SELECT id FROM cards WHERE seeker_id = ?', [s.seekerId])).toHaveLength(0);

    await t.http.post('/api/v1/auth/email-verification').set(bearer(s)).expect(202);
    const { token } = await lastMailedToken(t, s.userId, 'EMAIL_VERIFICATION');
    await t.http.post('/api/v1/auth/email-verification/confirm').send({ token }).expect(204);
    await t.http.post('/api/v1/cards/requests').set(bearer(s)).expect(201);
    await t.http.post(`/api/v1/vacancies/${vacancy.id}/applications`).set(bearer(s)).send({}).expect(201);
  });

  it('does not hold officers back (a walk-in card at the counter)', async () => {
    const officer = await makeOfficer(t);
    const s = await registerSeeker(t);
    const created = await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId: s.seekerId }).expect(201);
    expect(created.body.status).toBe('ACTIVE');
  });
});
