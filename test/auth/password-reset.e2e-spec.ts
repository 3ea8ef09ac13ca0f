import { PasswordReset } from '../../src/auth/password-reset';
import { ENGINE, startApp, type TestApp } from '../support/app';
import { bearer, login, PASSWORD, registerEmployer, registerSeeker, uniq } from '../support/factories';
import { lastMailedToken, mailedTokens } from './mailed-tokens';

const NEW_PASSWORD = 'a-brand-new-passphrase';

describe('password reset', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ LOGIN_FAILURE_LIMIT_PER_EMAIL: '3', LOGIN_FAILURE_LIMIT_PER_ADDRESS: '1000' });
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const ask = async (email: string) => {
    const res = await t.http.post('/api/v1/auth/password-reset').send({ email });
    await t.app.get(PasswordReset).settled();
    return res;
  };
  const confirm = (token: string, password = NEW_PASSWORD) =>
    t.http.post('/api/v1/auth/password-reset/confirm').send({ token, password });

  it('answers 202 {} alike for a known and an unknown address, and mails only the known one', async () => {
    const s = await registerSeeker(t);
    const before = Number((await t.ds.query('SELECT COUNT(*) AS n FROM account_tokens'))[0].n);
    const unknown = await ask(`${uniq('nobody')}@mail.test`);
    expect(Number((await t.ds.query('SELECT COUNT(*) AS n FROM account_tokens'))[0].n)).toBe(before);
    const known = await ask(s.email.toUpperCase());
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual({});
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());

    const mails = await mailedTokens(t, s.userId, 'PASSWORD_RESET');
    expect(mails).toHaveLength(1);
    expect(mails[0].token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expires = Date.parse(mails[0].params.expiresAt) - t.clock.now().getTime();
    expect(expires).toBeGreaterThan(29 * 60_000);
    expect(expires).toBeLessThanOrEqual(30 * 60_000);
    // Kept as a hash only; the mail is not in the inbox (its link is a secret).
    const rows = await t.ds.query('SELECT token_hash FROM account_tokens WHERE user_id = ?', [s.userId]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(mails[0].token);
    const inbox = await t.http.get('/api/v1/notifications').set(bearer(s)).expect(200);
    expect(inbox.body.items).toHaveLength(0);
  });

  it('sets the new password once, revokes every refresh token and counts the email as verified', async () => {
    const s = await registerSeeker(t);
    const other = await login(t, s.email); // a second sign-in elsewhere
    await ask(s.email);
    const { token } = await lastMailedToken(t, s.userId, 'PASSWORD_RESET');
    await confirm(token).expect(204);

    await t.http.post('/api/v1/auth/login').send({ email: s.email, password: PASSWORD }).expect(401);
    const fresh = await login(t, s.email, NEW_PASSWORD);
    for (const old of [s.refreshToken, other.refreshToken])
      expect((await t.http.post('/api/v1/auth/refresh').send({ refreshToken: old }).expect(401)).body.code).toBe(
        'INVALID_REFRESH_TOKEN',
      );
    const me = await t.http.get('/api/v1/auth/me').set(bearer(fresh)).expect(200);
    expect(me.body.emailVerified).toBe(true);

    const again = await confirm(token, 'yet-another-password').expect(400);
    expect(again.body.code).toBe('INVALID_RESET_TOKEN');
    await login(t, s.email, NEW_PASSWORD);
    const audit = await t.ds.query('SELECT actor_id FROM audit_events WHERE entity_id = ? AND action = ?', [
      s.userId,
      'user.passwordReset',
    ]);
    expect(audit).toEqual([{ actor_id: s.userId }]);
  });

  it('replaces an older link with a newer one, and refuses an expired link', async () => {
    const e = await registerEmployer(t);
    await ask(e.email);
    await ask(e.email);
    const [first, second] = await mailedTokens(t, e.userId, 'PASSWORD_RESET');
    expect(first.token).not.toBe(second.token);
    const live = await lastMailedToken(t, e.userId, 'PASSWORD_RESET');
    const stale = live.token === first.token ? second : first;
    expect((await confirm(stale.token).expect(400)).body.code).toBe('INVALID_RESET_TOKEN');

    t.clock.advance(30 * 60_000 + 1000);
    expect((await confirm(live.token).expect(400)).body.code).toBe('INVALID_RESET_TOKEN');
    t.clock.reset();
    // Refused tokens changed nothing.
    await login(t, e.email, PASSWORD);
  });

  it('sends at most 3 mails per address an hour, still answering 202', async () => {
    const s = await registerSeeker(t);
    for (let i = 0; i < 5; i++) expect((await ask(s.email)).status).toBe(202);
    expect(await mailedTokens(t, s.userId, 'PASSWORD_RESET')).toHaveLength(3);
  });

  it('clears the per-email sign-in failure counter', async () => {
    const s = await registerSeeker(t);
    for (let i = 0; i < 3; i++)
      await t.http.post('/api/v1/auth/login').send({ email: s.email, password: 'wrong-password' }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: s.email, password: PASSWORD }).expect(429);
    await ask(s.email);
    await confirm((await lastMailedToken(t, s.userId, 'PASSWORD_RESET')).token).expect(204);
    await t.http.post('/api/v1/auth/login').send({ email: s.email, password: NEW_PASSWORD }).expect(200);
  });

  it('applies the registration password rules and refuses unknown and malformed tokens alike', async () => {
    const s = await registerSeeker(t);
    await ask(s.email);
    const { token } = await lastMailedToken(t, s.userId, 'PASSWORD_RESET');
    const short = await confirm(token, 'too-short').expect(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');
    expect(short.body.details[0].field).toBe('password');
    await confirm(token, 'x'.repeat(129)).expect(400);
    const unknown = await confirm('A'.repeat(43)).expect(400);
    const malformed = await confirm('not a token').expect(400);
    expect(unknown.body).toEqual(malformed.body);
    expect(unknown.body.code).toBe('INVALID_RESET_TOKEN');
    // The refused attempts did not spend the real token.
    await confirm(token).expect(204);
    await t.http.post('/api/v1/auth/password-reset').send({ email: 'not-an-email' }).expect(400);
  });

  it(`lets exactly one of simultaneous confirmations with one token win (on ${ENGINE})`, async () => {
    const s = await registerSeeker(t);
    await ask(s.email);
    const { token } = await lastMailedToken(t, s.userId, 'PASSWORD_RESET');
    const passwords = ['first-new-password', 'second-new-password', 'third-new-password'];
    const replies = await Promise.all(passwords.map((p) => confirm(token, p)));
    expect(replies.map((r) => r.status).sort()).toEqual([204, 400, 400]);
    const winner = passwords[replies.findIndex((r) => r.status === 204)];
    await login(t, s.email, winner);
    for (const p of passwords.filter((x) => x !== winner))
      await t.http.post('/api/v1/auth/login').send({ email: s.email, password: p }).expect(401);
  });
});
