import request from 'supertest';
import { startApp, type TestApp } from '../support/app';
import { makeOfficer, PASSWORD } from '../support/factories';
import { browser, csrfOf, postForm, signIn, textOf } from './support';

const DEVICE_COOKIE = 'ak1_device';

const cookiesOf = (res: { headers: Record<string, unknown> }): string[] =>
  (res.headers['set-cookie'] as string[] | undefined) ?? [];
const deviceCookieOf = (res: { headers: Record<string, unknown> }) =>
  cookiesOf(res).find((c) => c.startsWith(`${DEVICE_COOKIE}=`));

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
 * The console keeps the known-device token of the API's sign-in in an HttpOnly cookie, so an officer
 * who has signed in on this browser before is not locked out by strangers failing on their email.
 */
describe('web console: the known-device cookie', () => {
  const LIMIT = 5;
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ LOGIN_FAILURE_LIMIT_PER_EMAIL: String(LIMIT), LOGIN_FAILURE_LIMIT_PER_ADDRESS: '100000' });
  });
  afterAll(() => t.close());

  /** A sign-in attempt through the form, by a browser of its own (no cookies but the CSRF seed). */
  async function attempt(b: ReturnType<typeof browser>, email: string, password: string) {
    const form = await b.get('/masuk');
    return b
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email, password, next: '/' });
  }

  it('sets an HttpOnly, SameSite=Lax, long-lived cookie limited to the sign-in path on console sign-in', async () => {
    const officer = await makeOfficer(t);
    const b = browser(t);
    const form = await b.get('/masuk');
    const res = await b
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: officer.email, password: PASSWORD, next: '/' });
    expect(res.status).toBe(303);
    const cookie = deviceCookieOf(res);
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/^ak1_device=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\/masuk(;|$)/);
    expect(cookie).toMatch(/; Max-Age=31536000(;|$)/);
    expect(cookie).not.toMatch(/Secure/); // plain http in test
    // A failed sign-in sets no device cookie.
    const failed = await attempt(browser(t), officer.email, 'not-the-password');
    expect(failed.status).toBe(401);
    expect(deviceCookieOf(failed)).toBeUndefined();
  });

  it('lets the browser that signed in before back in while strangers keep the email locked', async () => {
    const officer = await makeOfficer(t);
    const owner = browser(t);
    await signIn(owner, officer.email);
    expect((await postForm(owner, '/', '/keluar', {})).headers.location).toBe('/masuk?reason=signedOut');

    await awayFromWindowEdge();
    const stranger = browser(t);
    for (let i = 0; i < LIMIT; i++)
      expect((await attempt(stranger, officer.email, 'attacker-guess-123')).status).toBe(401);
    const locked = await attempt(stranger, officer.email, 'attacker-guess-123');
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    // The right password from a browser that is not known: still 429.
    expect((await attempt(browser(t), officer.email, PASSWORD)).status).toBe(429);

    // The owner's browser sends its device cookie with the form and gets in.
    const back = await attempt(owner, officer.email, PASSWORD);
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/petugas');
    // Signed in: the sign-in page now sends the officer home.
    expect((await owner.get('/masuk')).headers.location).toBe('/petugas');
  });

  it('ignores a forged or malformed device cookie (the sign-in still works when the email is not locked)', async () => {
    const officer = await makeOfficer(t);
    const form = await t.http.get('/masuk');
    const seed = cookiesOf(form)
      .find((c) => c.startsWith('ak1_csrf='))!
      .split(';')[0];
    for (const forged of ['A'.repeat(43), 'x'.repeat(5000), '%ZZ']) {
      const res = await t.http
        .post('/masuk')
        .set('Cookie', `${seed}; ${DEVICE_COOKIE}=${forged}`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), email: officer.email, password: PASSWORD, next: '/' });
      expect(res.status).toBe(303);
      // A fresh, real token replaces it.
      expect(deviceCookieOf(res)).toMatch(/^ak1_device=[A-Za-z0-9_-]{43};/);
      expect(deviceCookieOf(res)).not.toContain(forged);
    }
    // With the email locked, a forged cookie is one more stranger.
    await awayFromWindowEdge();
    const stranger = browser(t);
    for (let i = 0; i < LIMIT; i++) await attempt(stranger, officer.email, 'attacker-guess-123');
    const res = await t.http
      .post('/masuk')
      .set('Cookie', `${seed}; ${DEVICE_COOKIE}=${'A'.repeat(43)}`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: officer.email, password: PASSWORD, next: '/' });
    expect(res.status).toBe(429);
    expect(textOf(res.text)).not.toContain('A'.repeat(43));
  });

  describe('behind an https proxy', () => {
    let proxied: TestApp;
    beforeAll(async () => {
      proxied = await startApp({ TRUST_PROXY: 'loopback' });
    });
    afterAll(() => proxied.close());

    it('marks the cookie Secure when the request came over https', async () => {
      const officer = await makeOfficer(proxied);
      const agent = request.agent(proxied.app.getHttpServer());
      const form = await agent.get('/masuk').set('X-Forwarded-Proto', 'https');
      const res = await agent
        .post('/masuk')
        .set('X-Forwarded-Proto', 'https')
        .type('form')
        .send({ _csrf: csrfOf(form.text), email: officer.email, password: PASSWORD, next: '/' });
      expect(res.status).toBe(303);
      expect(deviceCookieOf(res)).toMatch(/; Secure/);
      expect(deviceCookieOf(res)).toMatch(/; HttpOnly/);
    });
  });
});
