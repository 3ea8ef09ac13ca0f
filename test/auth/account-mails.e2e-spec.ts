import { PasswordReset } from '../../src/auth/password-reset';
import { NotificationWorker } from '../../src/notifications/notification-worker';
import { startApp, type TestApp } from '../support/app';
import { bearer, login, registerSeeker, uniq } from '../support/factories';
import { SmtpInbox } from '../support/smtp-inbox';

/** The account mails end to end: a real SMTP server receives them, and their links work. */
describe('account mails over SMTP', () => {
  let t: TestApp;
  let inbox: SmtpInbox;

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    // A database of its own: the worker sends every pending delivery it finds.
    t = await startApp({ SMTP_URL: inbox.url, PUBLIC_URL: 'https://ak1.example.go.id' }, [], { freshDatabase: true });
  });
  afterAll(async () => {
    await t?.close();
    await inbox?.stop();
  });

  const drain = () => t.app.get(NotificationWorker).drainOnce();
  const tokenIn = (text: string, path: string) => {
    const m = new RegExp(
      `https://ak1\\.example\\.go\\.id${path.replace(/[/?]/g, '\\$&')}\\?token=([A-Za-z0-9_-]{43})`,
    ).exec(text);
    if (!m) throw new Error(`no ${path} link in the mail`);
    return m[1];
  };

  it('mails a reset link to a known address only; the link sets the password; the mail is not in the inbox', async () => {
    const s = await registerSeeker(t);
    const stranger = `${uniq('nobody')}@mail.test`;
    await t.http.post('/api/v1/auth/password-reset').send({ email: stranger }).expect(202);
    await t.http.post('/api/v1/auth/password-reset').send({ email: s.email }).expect(202);
    await t.app.get(PasswordReset).settled();
    await drain();

    const mail = await inbox.waitFor((m) => m.to.includes(s.email));
    expect(mail.subject).toBe('Atur ulang kata sandi akun AK1');
    const token = tokenIn(mail.text, '/masuk/atur-ulang');
    expect(inbox.messages.some((m) => m.to.includes(stranger))).toBe(false);
    // Sent: its sealed parameters are blanked, so the database no longer holds the link.
    const rows = await t.ds.query('SELECT params FROM notifications WHERE user_id = ? AND kind = ?', [
      s.userId,
      'PASSWORD_RESET',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].params).not.toContain(token);
    const listed = await t.http.get('/api/v1/notifications').set(bearer(s)).expect(200);
    expect(listed.body.items).toHaveLength(0);

    await t.http
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'sandi-dari-email-123' })
      .expect(204);
    await login(t, s.email, 'sandi-dari-email-123');
  });

  it('mails a verification link whose token verifies the email', async () => {
    const s = await registerSeeker(t);
    await t.http.post('/api/v1/auth/email-verification').set(bearer(s)).expect(202);
    await drain();
    const mail = await inbox.waitFor((m) => m.to.includes(s.email) && m.text.includes('/akun/verifikasi-email'));
    const token = tokenIn(mail.text, '/akun/verifikasi-email');
    await t.http.post('/api/v1/auth/email-verification/confirm').send({ token }).expect(204);
    expect((await t.http.get('/api/v1/auth/me').set(bearer(s)).expect(200)).body.emailVerified).toBe(true);
  });
});
