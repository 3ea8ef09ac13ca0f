import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  login,
  makeOfficer,
  PASSWORD,
  registerSeeker,
  seekerProfile,
  uniq,
  type Session,
} from '../support/factories';

const ALPHABET = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;
const RACE_ROUNDS = ENGINE === 'mysql' ? 10 : 3;

describe('claim codes: a walk-in job seeker attaches a login to their record', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp({ CLAIM_FAILURE_LIMIT: '1000' });
    officer = await makeOfficer(t);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  async function walkIn(): Promise<{ id: string; nik: string; fullName: string }> {
    const profile = seekerProfile();
    const res = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(profile).expect(201);
    return { id: res.body.id, nik: profile.nik, fullName: profile.fullName };
  }

  const issue = (seekerId: string) => t.http.post(`/api/v1/seekers/${seekerId}/claim-code`).set(bearer(officer));

  const claim = (body: Record<string, unknown>) =>
    t.http
      .post('/api/v1/auth/register/seeker/claim')
      .send({ email: `${uniq('claim')}@mail.test`, password: PASSWORD, ...body });

  it('issues a readable 8-character code valid 7 days, kept only as a keyed hash, and audited without it', async () => {
    const s = await walkIn();
    const res = await issue(s.id).expect(201);
    expect(res.body.code).toMatch(ALPHABET);
    expect(Date.parse(res.body.expiresAt) - t.clock.now().getTime()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(Date.parse(res.body.expiresAt) - t.clock.now().getTime()).toBeLessThanOrEqual(7 * 86_400_000);

    const rows = await t.ds.query('SELECT * FROM seeker_claim_codes WHERE seeker_id = ?', [s.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(res.body.code);
    expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);

    const audit = await t.ds.query(
      'SELECT actor_id, after_state FROM audit_events WHERE entity_id = ? AND action = ?',
      [s.id, 'seeker.claimCodeIssued'],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(officer.userId);
    expect(audit[0].after_state).not.toContain(res.body.code);
  });

  it('attaches a new seeker login to the record (code typed in lower case with a dash), once', async () => {
    const s = await walkIn();
    const { code } = (await issue(s.id).expect(201)).body;
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const email = `${uniq('claimed')}@mail.test`;
    const res = await claim({ claimCode: typed, nik: s.nik, email }).expect(201);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email,
      role: 'seeker',
      fullName: s.fullName,
      seekerId: s.id,
    });
    expect(res.body.seeker).toMatchObject({ id: s.id, nik: s.nik, fullName: s.fullName });

    const session = await login(t, email);
    const me = await t.http.get('/api/v1/seekers/me').set(bearer(session)).expect(200);
    expect(me.body.id).toBe(s.id);
    const audit = await t.ds.query('SELECT actor_id FROM audit_events WHERE entity_id = ? AND action = ?', [
      s.id,
      'seeker.claimed',
    ]);
    expect(audit).toEqual([{ actor_id: res.body.user.id }]);

    // Used: the same code again is refused, and the record, which now has a login, gets no new code.
    const again = await claim({ claimCode: code, nik: s.nik }).expect(400);
    expect(again.body.code).toBe('INVALID_CLAIM_CODE');
    expect((await issue(s.id).expect(409)).body.code).toBe('SEEKER_HAS_LOGIN');
  });

  it('refuses a code for a seeker who registered themself (409) and for an unknown seeker (404)', async () => {
    const self = await registerSeeker(t);
    expect((await issue(self.seekerId).expect(409)).body.code).toBe('SEEKER_HAS_LOGIN');
    expect((await issue('0f7c1c9e-8d7b-4f63-9a53-3b8f1f0a2c11').expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('answers a wrong code, another NIK, an expired code and a replaced code all the same way', async () => {
    const s = await walkIn();
    const other = await walkIn();
    const first = (await issue(s.id).expect(201)).body.code;
    const second = (await issue(s.id).expect(201)).body.code;
    expect(second).not.toBe(first);

    const replies = [
      await claim({ claimCode: first, nik: s.nik }), // replaced by the newer one
      await claim({ claimCode: 'ZZZZZZZZ', nik: s.nik }), // no such code
      await claim({ claimCode: second, nik: other.nik }), // a real NIK, but not this record's
    ];
    t.clock.advanceDays(7);
    t.clock.advance(1000);
    replies.push(await claim({ claimCode: second, nik: s.nik })); // expired
    for (const r of replies) {
      expect(r.status).toBe(400);
      expect(r.body).toEqual(replies[0].body);
    }
    expect(replies[0].body.code).toBe('INVALID_CLAIM_CODE');
    expect(replies[0].body.message).not.toMatch(/expired only|NIK does not match/i);
    t.clock.reset();

    // The newer code still works with the right NIK (the expiry test above did not spend it).
    await claim({ claimCode: second, nik: s.nik }).expect(201);
    const users = await t.ds.query('SELECT id FROM users WHERE seeker_id = ?', [other.id]);
    expect(users).toHaveLength(0);
  });

  it('refuses a taken email with 409 DUPLICATE_EMAIL and leaves the code usable', async () => {
    const s = await walkIn();
    const taken = await registerSeeker(t);
    const { code } = (await issue(s.id).expect(201)).body;
    const res = await claim({ claimCode: code, nik: s.nik, email: taken.email.toUpperCase() }).expect(409);
    expect(res.body.code).toBe('DUPLICATE_EMAIL');
    await claim({ claimCode: code, nik: s.nik }).expect(201);
  });

  it('rejects malformed bodies with 400 VALIDATION_FAILED', async () => {
    const res = await claim({ claimCode: 'ABCDEFGH', nik: '12345', password: 'short' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['nik', 'password']);
    await t.http
      .post('/api/v1/auth/register/seeker/claim')
      .send({ claimCode: 'ABCDEFGH', nik: '1671051205950001', email: 'a@b.test', password: PASSWORD, role: 'officer' })
      .expect(400);
  });

  it(`lets exactly one of three simultaneous claims with one code win (${RACE_ROUNDS} rounds on ${ENGINE})`, async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const s = await walkIn();
      const { code } = (await issue(s.id).expect(201)).body;
      const replies = await Promise.all([0, 1, 2].map(() => claim({ claimCode: code, nik: s.nik })));
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 400, 400]);
      for (const r of replies.filter((x) => x.status === 400)) expect(r.body.code).toBe('INVALID_CLAIM_CODE');
      const users = await t.ds.query('SELECT id FROM users WHERE seeker_id = ?', [s.id]);
      expect(users).toHaveLength(1);
      const used = await t.ds.query('SELECT used_at FROM seeker_claim_codes WHERE seeker_id = ?', [s.id]);
      expect(used[0].used_at).not.toBeNull();
    }
  });
});

describe('claim codes: failures are limited per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ CLAIM_FAILURE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 CLAIM_FAILURE_LIMIT with Retry-After after 3 failures, even for the right code', async () => {
    const officer = await makeOfficer(t);
    const record = async () => {
      const profile = seekerProfile();
      const s = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(profile).expect(201);
      const issued = await t.http.post(`/api/v1/seekers/${s.body.id}/claim-code`).set(bearer(officer)).expect(201);
      return { id: s.body.id as string, nik: profile.nik, code: issued.body.code as string };
    };
    const send = (claimCode: string, nik: string) =>
      t.http
        .post('/api/v1/auth/register/seeker/claim')
        .send({ claimCode, nik, email: `${uniq('g')}@mail.test`, password: PASSWORD });
    const a = await record();
    const b = await record();

    // Successes do not count: after one, three failures are still answered 400.
    expect((await send(a.code, a.nik)).status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await send('ABCDEFGH', b.nik)).status).toBe(400);
    const locked = await send(b.code, b.nik);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('CLAIM_FAILURE_LIMIT');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.ds.query('SELECT id FROM users WHERE seeker_id = ?', [b.id])).toHaveLength(0);
  });
});
