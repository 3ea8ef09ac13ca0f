import { createHash, randomBytes } from 'node:crypto';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, PASSWORD, registerEmployer, type Session } from '../support/factories';
import { expectErrorShape } from './world';

/**
 * The failure counters use fixed 15-minute windows aligned to the wall clock; a test that fills one and
 * then checks the lock waits for a fresh window if the current one is about to end (at most ~20 s).
 */
async function awayFromWindowEdge(): Promise<void> {
  const windowMs = 15 * 60_000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 20_000) await new Promise((r) => setTimeout(r, left + 50));
}

/**
 * Finding of the outside audit: anyone could lock any account (an officer's too) by failing ten times on
 * its email, after which even the right password got 429. Known devices (OWASP's device cookies): the
 * `deviceToken` a successful sign-in returns lets its owner past the per-email failure limit; everyone
 * else — no token, a garbage token, another account's token, a device that failed too often — is still
 * held by it.
 */
describe('security: known devices and the per-email failure limit', () => {
  const LIMIT = 10;
  let t: TestApp;

  beforeAll(async () => {
    // Attacker and owner share the test's loopback address: the per-address limit is raised out of the way
    // (it is checked on its own in "the per-address limit still applies").
    t = await startApp({ LOGIN_FAILURE_LIMIT_PER_EMAIL: String(LIMIT), LOGIN_FAILURE_LIMIT_PER_ADDRESS: '100000' });
  });
  afterAll(() => t.close());

  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
  const signIn = (body: Record<string, unknown>) => t.http.post('/api/v1/auth/login').send(body);

  /** Signs in with the right password and returns the device token the reply carries. */
  async function knownDevice(email: string): Promise<string> {
    const res = await signIn({ email, password: PASSWORD }).expect(200);
    expect(typeof res.body.deviceToken).toBe('string');
    return res.body.deviceToken as string;
  }

  /** An anonymous attacker fails on the email until it is locked (and a bit beyond). */
  async function lockOut(email: string): Promise<void> {
    await awayFromWindowEdge();
    for (let i = 0; i < LIMIT; i++) await signIn({ email, password: 'attacker-guess-123' }).expect(401);
    for (let i = 0; i < 3; i++) {
      const res = await signIn({ email, password: 'attacker-guess-123' }).expect(429);
      expect(res.body.code).toBe('LOGIN_FAILURE_LIMIT_PER_EMAIL');
    }
  }

  async function expectLocked(body: Record<string, unknown>): Promise<void> {
    const res = await signIn(body);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 429, code: 'LOGIN_FAILURE_LIMIT_PER_EMAIL' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.deviceToken).toBeUndefined();
    expectErrorShape(res);
  }

  it('returns a long random deviceToken with every successful sign-in, stored only as its SHA-256', async () => {
    const officer = await makeOfficer(t);
    const res = await signIn({ email: officer.email, password: PASSWORD }).expect(200);
    const token = res.body.deviceToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'deviceToken', 'expiresIn', 'refreshToken', 'user']);

    const rows: { user_id: string; token_hash: string }[] = await t.ds.query(
      'SELECT user_id, token_hash FROM known_devices WHERE user_id = ?',
      [officer.userId],
    );
    expect(rows.map((r) => r.token_hash)).toContain(sha256(token));
    const asText = JSON.stringify(await t.ds.query('SELECT * FROM known_devices'));
    expect(asText).not.toContain(token);

    // A second sign-in without the token is another device.
    const other = await knownDevice(officer.email);
    expect(other).not.toBe(token);
  });

  it('lets the owner of a known device sign in while an attacker keeps the email locked; without the token: 429', async () => {
    const officer = await makeOfficer(t);
    const device = await knownDevice(officer.email);
    await lockOut(officer.email);

    const res = await signIn({ email: officer.email, password: PASSWORD, deviceToken: device });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: officer.userId, role: 'officer' });
    // The presented token is still valid, so the reply hands the same one back.
    expect(res.body.deviceToken).toBe(device);
    await t.http
      .get('/api/v1/auth/me')
      .set(bearer({ token: res.body.accessToken }))
      .expect(200);

    // Everyone else is still held by the limit — the right password too.
    await expectLocked({ email: officer.email, password: PASSWORD });
    // The owner again, with a different capitalisation of the email.
    await signIn({ email: officer.email.toUpperCase(), password: PASSWORD, deviceToken: device }).expect(200);
  });

  it("does not let another account's device token past the limit", async () => {
    const victim = await makeOfficer(t);
    const attacker = await registerEmployer(t);
    const attackersDevice = await knownDevice(attacker.email);
    await lockOut(victim.email);

    await expectLocked({ email: victim.email, password: PASSWORD, deviceToken: attackersDevice });
    await expectLocked({ email: victim.email, password: 'attacker-guess-123', deviceToken: attackersDevice });
    // The token still works for its own account.
    await signIn({ email: attacker.email, password: PASSWORD, deviceToken: attackersDevice }).expect(200);
  });

  it('does not let a garbage, made-up or malformed token past the limit', async () => {
    const officer = await makeOfficer(t);
    await knownDevice(officer.email);
    await lockOut(officer.email);

    for (const deviceToken of [randomBytes(32).toString('base64url'), 'x', '%00', sha256('guess'), ' '.repeat(43)]) {
      await expectLocked({ email: officer.email, password: PASSWORD, deviceToken });
    }
    // Not a string, or absurdly long: refused as input.
    for (const deviceToken of [12345, { $ne: null }, ['a'], 'a'.repeat(10_000)]) {
      const res = await signIn({ email: officer.email, password: PASSWORD, deviceToken });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'deviceToken' })]);
      expect(JSON.stringify(res.body)).not.toContain('a'.repeat(100));
    }
  });

  it("bounds the device's own failures: past the limit the token is no longer honoured (a stolen token cannot brute-force)", async () => {
    const officer = await makeOfficer(t);
    const device = await knownDevice(officer.email);
    await lockOut(officer.email);

    // With the token, failures are the device's, not the email's: each is an honest 401 ...
    for (let i = 0; i < LIMIT; i++) {
      const res = await signIn({ email: officer.email, password: `thief-guess-${i}-xyz`, deviceToken: device });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' });
    }
    // ... until the device has failed LIMIT times: now it is one more stranger, held by the email's limit.
    await expectLocked({ email: officer.email, password: 'thief-guess-final', deviceToken: device });
    await expectLocked({ email: officer.email, password: PASSWORD, deviceToken: device });
  });

  it("does not count a known device's failures against the email, and a success clears the device's count", async () => {
    const officer = await makeOfficer(t);
    const device = await knownDevice(officer.email);
    // The owner mistypes LIMIT - 1 times on their own device, then gets it right (the count starts again) ...
    for (let i = 0; i < LIMIT - 1; i++)
      await signIn({ email: officer.email, password: 'typo-typo-typo', deviceToken: device }).expect(401);
    await signIn({ email: officer.email, password: PASSWORD, deviceToken: device }).expect(200);
    for (let i = 0; i < LIMIT - 1; i++)
      await signIn({ email: officer.email, password: 'typo-typo-typo', deviceToken: device }).expect(401);
    await signIn({ email: officer.email, password: PASSWORD, deviceToken: device }).expect(200);
    // ... and the email's own counter has not moved: strangers still get their full LIMIT failures.
    await lockOut(officer.email);
    await signIn({ email: officer.email, password: PASSWORD, deviceToken: device }).expect(200);
  });

  it('answers an unknown email with a device token exactly like one without', async () => {
    const officer = await makeOfficer(t);
    const device = await knownDevice(officer.email);
    const nobody = `nobody-${randomBytes(4).toString('hex')}@nowhere.test`;
    const withToken = await signIn({ email: nobody, password: PASSWORD, deviceToken: device });
    const without = await signIn({ email: nobody, password: PASSWORD });
    expect(withToken.status).toBe(401);
    expect(withToken.body).toEqual(without.body);
  });

  it('issues a fresh token when the presented one is no longer honoured, and keeps at most 20 devices per account', async () => {
    const owner: Session = await makeOfficer(t);
    const first = await knownDevice(owner.email);
    for (let i = 0; i < 22; i++) await knownDevice(owner.email);
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM known_devices WHERE user_id = ?', [owner.userId]);
    expect(Number(n)).toBe(20);
    // The oldest device was pruned: its token is no longer honoured and a new one is issued in its place.
    const res = await signIn({ email: owner.email, password: PASSWORD, deviceToken: first }).expect(200);
    expect(res.body.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.deviceToken).not.toBe(first);
    await lockOut(owner.email);
    await expectLocked({ email: owner.email, password: PASSWORD, deviceToken: first });
    await signIn({ email: owner.email, password: PASSWORD, deviceToken: res.body.deviceToken }).expect(200);
  });

  describe('the per-address limit', () => {
    let strict: TestApp;
    beforeAll(async () => {
      strict = await startApp({ LOGIN_FAILURE_LIMIT_PER_EMAIL: String(LIMIT), LOGIN_FAILURE_LIMIT_PER_ADDRESS: '3' });
    });
    afterAll(() => strict.close());

    it('still applies to a known device', async () => {
      const officer = await makeOfficer(strict);
      const device = (
        await strict.http.post('/api/v1/auth/login').send({ email: officer.email, password: PASSWORD }).expect(200)
      ).body.deviceToken;
      await awayFromWindowEdge();
      for (let i = 0; i < 3; i++)
        await strict.http
          .post('/api/v1/auth/login')
          .send({ email: officer.email, password: 'wrong-password-1', deviceToken: device })
          .expect(401);
      const res = await strict.http
        .post('/api/v1/auth/login')
        .send({ email: officer.email, password: PASSWORD, deviceToken: device });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 429,
        code: 'LOGIN_FAILURE_LIMIT_PER_ADDRESS',
      });
    });
  });
});
