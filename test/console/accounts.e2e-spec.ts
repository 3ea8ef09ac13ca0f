import { PasswordReset } from '../../src/auth/password-reset';
import { startApp, type TestApp } from '../support/app';
import { PASSWORD, registerSeeker, uniq } from '../support/factories';
import { lastMailedToken } from '../auth/mailed-tokens';
import { browser, signIn, textOf, tokensOf } from './support';

const NEW_PASSWORD = 'kata-sandi-baru-sekali';

/** Getting back in and proving the email, through the console's own pages. */
describe('web console: password reset and email verification (server)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  const unspent = async (userId: string, purpose: string) =>
    Number(
      (
        await t.ds.query(
          'SELECT COUNT(*) AS n FROM account_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL',
          [userId, purpose],
        )
      )[0].n,
    );

  it('"Lupa kata sandi?" gives one answer for any address; the mailed link sets a new password and ends every session', async () => {
    const s = await registerSeeker(t);
    const signedIn = browser(t);
    await signIn(signedIn, s.email);
    await signedIn.get('/saya/kartu').expect(200);

    const b = browser(t);
    const signInPage = await b.get('/masuk').expect(200);
    expect(signInPage.text).toContain('href="/masuk/lupa-kata-sandi"');
    expect(textOf(signInPage.text)).toContain('Lupa kata sandi?');

    const answers: string[] = [];
    for (const email of [`${uniq('nobody')}@mail.test`, s.email]) {
      const form = await b.get('/masuk/lupa-kata-sandi').expect(200);
      const sent = await b
        .post('/masuk/lupa-kata-sandi')
        .type('form')
        .send({ ...tokensOf(form.text, '/masuk/lupa-kata-sandi'), email })
        .expect(303);
      expect(sent.headers.location).toBe('/masuk/lupa-kata-sandi?sent=1');
      answers.push(textOf((await b.get(sent.headers.location as string).expect(200)).text));
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toContain('Bila email itu terdaftar');
    await t.app.get(PasswordReset).settled();

    const { token } = await lastMailedToken(t, s.userId, 'PASSWORD_RESET');
    // Opening the link (as a mail scanner would) spends nothing.
    const page = await b.get(`/masuk/atur-ulang?token=${token}`).expect(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(await unspent(s.userId, 'PASSWORD_RESET')).toBe(1);

    const short = await b
      .post('/masuk/atur-ulang')
      .type('form')
      .send({ ...tokensOf(page.text, '/masuk/atur-ulang'), token, password: 'pendek' })
      .expect(400);
    expect(textOf(short.text)).toContain('Kata sandi harus 10 sampai 128 karakter.');
    expect(await unspent(s.userId, 'PASSWORD_RESET')).toBe(1);
    const done = await b
      .post('/masuk/atur-ulang')
      .type('form')
      .send({ ...tokensOf(short.text, '/masuk/atur-ulang'), token, password: NEW_PASSWORD })
      .expect(303);
    expect(done.headers.location).toBe('/masuk?reason=passwordReset');
    expect(textOf((await b.get('/masuk?reason=passwordReset').expect(200)).text)).toContain(
      'Kata sandi Anda sudah diganti',
    );

    // The browser that was signed in before is signed out; the new password works, the old one not.
    const after = await signedIn.get('/saya/kartu');
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/masuk/);
    await signIn(browser(t), s.email, NEW_PASSWORD);
    await t.http.post('/api/v1/auth/login').send({ email: s.email, password: PASSWORD }).expect(401);

    // The link again: a sentence and the way to a new one, no code.
    const used = await b.get(`/masuk/atur-ulang?token=${token}`).expect(400);
    expect(textOf(used.text)).toContain('Tautan ini tidak berlaku');
    expect(used.text).toContain('href="/masuk/lupa-kata-sandi"');
    expect(textOf(used.text)).not.toContain('INVALID_RESET_TOKEN');
  });

  it('verifies the email: "Kirim ulang tautan verifikasi", then the link shows a button and only the POST spends it', async () => {
    const s = await registerSeeker(t);
    const b = browser(t);
    await signIn(b, s.email);
    const status = await b.get('/akun/verifikasi-email').expect(200);
    expect(textOf(status.text)).toContain('belum terverifikasi');
    const sent = await b
      .post('/akun/verifikasi-email/kirim')
      .type('form')
      .send({ ...tokensOf(status.text, '/akun/verifikasi-email/kirim'), back: '/akun/verifikasi-email' })
      .expect(303);
    expect(sent.headers.location).toBe('/akun/verifikasi-email?ok=verificationSent');
    expect(textOf((await b.get(sent.headers.location as string)).text)).toContain('Tautan verifikasi sudah dikirim');

    const { token } = await lastMailedToken(t, s.userId, 'EMAIL_VERIFICATION');
    const anyone = browser(t); // the link may be opened on another device, signed in or not
    const page = await anyone.get(`/akun/verifikasi-email?token=${token}`).expect(200);
    expect(textOf(page.text)).toContain('Verifikasi email saya');
    expect(await unspent(s.userId, 'EMAIL_VERIFICATION')).toBe(1);
    const done = await anyone
      .post('/akun/verifikasi-email')
      .type('form')
      .send({ ...tokensOf(page.text, '/akun/verifikasi-email'), token })
      .expect(200);
    expect(textOf(done.text)).toContain('email Anda sudah terverifikasi');
    expect(textOf((await b.get('/akun/verifikasi-email').expect(200)).text)).toContain('sudah terverifikasi');
    const again = await anyone.get(`/akun/verifikasi-email?token=${token}`).expect(400);
    expect(textOf(again.text)).toContain('Tautan verifikasi ini tidak berlaku');
  });
});

describe('web console: REQUIRE_EMAIL_VERIFICATION=true (server)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ REQUIRE_EMAIL_VERIFICATION: 'true' });
  });
  afterAll(() => t.close());

  it('explains a refused card request kindly, with a button that sends the link and comes back', async () => {
    const s = await registerSeeker(t);
    const b = browser(t);
    await signIn(b, s.email);
    const card = await b.get('/saya/kartu').expect(200);
    const refused = await b
      .post('/saya/kartu/ajukan')
      .type('form')
      .send(tokensOf(card.text, '/saya/kartu/ajukan'))
      .expect(303);
    const page = await b.get(refused.headers.location as string).expect(200);
    const text = textOf(page.text);
    expect(text).toContain('Sebelum mengajukan kartu atau melamar, pastikan dulu email Anda');
    expect(text).not.toContain('EMAIL_NOT_VERIFIED');
    const tokens = tokensOf(page.text, '/akun/verifikasi-email/kirim');
    expect(page.text).toContain('name="back" value="/saya/kartu"');
    const sent = await b
      .post('/akun/verifikasi-email/kirim')
      .type('form')
      .send({ ...tokens, back: '/saya/kartu' })
      .expect(303);
    expect(sent.headers.location).toBe('/saya/kartu?ok=verificationSent');
    expect(await lastMailedToken(t, s.userId, 'EMAIL_VERIFICATION')).toBeTruthy();
  });
});
