import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  login,
  makeOfficer,
  PASSWORD,
  registerSeeker,
  seekerProfile,
  seekerWithActiveCard,
} from '../support/factories';
import { SmtpInbox, type ReceivedMail } from '../support/smtp-inbox';

/**
 * The "done when", as a client outside the process sees it: the app runs its own delivery
 * worker (SCHEDULER_ENABLED), mail goes to a real SMTP server the test runs, and nothing calls into the
 * app except HTTP.
 */
describe('reaching people, end to end (the worker running on its own timer)', () => {
  let smtp: SmtpInbox;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    t = await startApp({ SMTP_URL: smtp.url, SCHEDULER_ENABLED: 'true' }, [], { freshDatabase: true });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const mailTo = (email: string, ms = 15_000): Promise<ReceivedMail> => smtp.waitFor((m) => m.to.includes(email), ms);
  const tokenIn = (mail: ReceivedMail) => /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];

  it('resets a password from the mailed link: same 202 for an unknown email, then signs in', async () => {
    const seeker = await registerSeeker(t);
    const unknown = `nobody-${Date.now()}@mail.test`;
    const a = await t.http.post('/api/v1/auth/password-reset').send({ email: seeker.email }).expect(202);
    const b = await t.http.post('/api/v1/auth/password-reset').send({ email: unknown }).expect(202);
    expect(a.body).toEqual(b.body);

    const mail = await mailTo(seeker.email);
    const token = tokenIn(mail);
    expect(token).toBeDefined();
    expect(mail.html).toContain(token!);
    await t.http
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'a-brand-new-password' })
      .expect(204);
    await t.http.post('/api/v1/auth/login').send({ email: seeker.email, password: PASSWORD }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: seeker.email, password: 'a-brand-new-password' }).expect(200);
    // The old refresh token was revoked with the reset.
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: seeker.refreshToken }).expect(401);
    expect(smtp.messages.some((m) => m.to.includes(unknown))).toBe(false);
  });

  it('tells a seeker their card was approved, in the inbox and by mail', async () => {
    const officer = await makeOfficer(t);
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const inbox = await t.http.get('/api/v1/notifications').set(bearer(seeker)).expect(200);
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toEqual(['CARD_APPROVED']);
    const mail = await mailTo(seeker.email);
    expect(mail.subject).toBe(inbox.body.items[0].title);
    expect(mail.text).toContain(card.cardNumber);
  });

  it('approves while the SMTP server is down, and the mail arrives once it is back', async () => {
    const officer = await makeOfficer(t);
    const seeker = await registerSeeker(t);
    const requested = await t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    await smtp.stop();
    try {
      await t.http.post(`/api/v1/cards/${requested.body.id}/approve`).set(bearer(officer)).expect(200);
      // Give the worker a first, failing try.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(smtp.messages.some((m) => m.to.includes(seeker.email))).toBe(false);
    } finally {
      await smtp.restart();
    }
    const mail = await mailTo(seeker.email, 30_000);
    expect(mail.text.length).toBeGreaterThan(20);
    expect(smtp.messages.filter((m) => m.to.includes(seeker.email))).toHaveLength(1);
  }, 45_000);

  it('lets the owner in with their device token after a stranger’s ten failures', async () => {
    const seeker = await registerSeeker(t);
    const first = await t.http.post('/api/v1/auth/login').send({ email: seeker.email, password: PASSWORD }).expect(200);
    const deviceToken = first.body.deviceToken as string;
    expect(typeof deviceToken).toBe('string');
    for (let i = 0; i < 10; i++) {
      await t.http.post('/api/v1/auth/login').send({ email: seeker.email, password: 'wrong-password!' });
    }
    await t.http.post('/api/v1/auth/login').send({ email: seeker.email, password: PASSWORD }).expect(429);
    await t.http.post('/api/v1/auth/login').send({ email: seeker.email, password: PASSWORD, deviceToken }).expect(200);
  });

  it('claims a walk-in record with the officer’s code', async () => {
    const officer = await makeOfficer(t);
    const profile = seekerProfile();
    const walkIn = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(profile);
    expect(walkIn.status).toBe(201);
    const code = await t.http.post(`/api/v1/seekers/${walkIn.body.id}/claim-code`).set(bearer(officer)).expect(201);
    const email = `siti-${Date.now()}@mail.test`;
    const claimed = await t.http
      .post('/api/v1/auth/register/seeker/claim')
      .send({ claimCode: code.body.code, nik: profile.nik, email, password: PASSWORD })
      .expect(201);
    expect(claimed.body.seeker.id).toBe(walkIn.body.id);
    const session = await login(t, email);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(session)).expect(200);
    expect(me.body.seekerId).toBe(walkIn.body.id);
    await t.http
      .post('/api/v1/auth/register/seeker/claim')
      .send({ claimCode: code.body.code, nik: profile.nik, email: `again-${email}`, password: PASSWORD })
      .expect(400);
  });
});
