import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, PASSWORD, registerSeeker, seekerProfile, uniq, type Session } from '../support/factories';
import { browser, csrfOf, signIn, textOf, tokensOf } from './support';

/** Claim codes in the console: the officer makes one on the seeker's page, the seeker uses it on /daftar/klaim. */
describe('web console: claim codes for walk-in job seekers (server)', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterAll(() => t.close());

  async function walkIn() {
    const profile = seekerProfile();
    const res = await t.http.post('/api/v1/seekers').set(bearer(officer)).send(profile).expect(201);
    return { id: res.body.id as string, nik: profile.nik as string, fullName: profile.fullName as string };
  }

  it('shows the code once, large, with its expiry; the seeker claims the record with it and lands signed in', async () => {
    const s = await walkIn();
    const desk = browser(t);
    await signIn(desk, officer.email);
    const page = await desk.get(`/petugas/pencari-kerja/${s.id}`).expect(200);
    expect(textOf(page.text)).toContain('Buat kode klaim');
    const action = `/petugas/pencari-kerja/${s.id}/kode-klaim`;
    const tokens = tokensOf(page.text, action);
    const shown = await desk.post(action).type('form').send(tokens).expect(200);
    const m = /data-claim-code[^>]*>([^<]+)</.exec(shown.text);
    expect(m).not.toBeNull();
    const code = m![1].trim();
    expect(code).toMatch(/^[23456789A-HJKMNP-Z]{4} [23456789A-HJKMNP-Z]{4}$/);
    const text = textOf(shown.text);
    expect(text).toContain(`Kode klaim untuk ${s.fullName}`);
    expect(text).toMatch(/Berlaku sampai .+\(7 hari\)/);
    expect(text).toContain('/daftar/klaim');
    // A double click shows the same code again instead of replacing it.
    const again = await desk.post(action).type('form').send(tokens).expect(200);
    expect(/data-claim-code[^>]*>([^<]+)</.exec(again.text)![1].trim()).toBe(code);

    // The seeker, on the registration page, finds the way to the claim form.
    const seeker = browser(t);
    const register = await seeker.get('/daftar/pencari-kerja').expect(200);
    expect(textOf(register.text)).toContain('Sudah pernah mendaftar di kantor Disnaker?');
    expect(register.text).toContain('href="/daftar/klaim"');
    const form = await seeker.get('/daftar/klaim').expect(200);
    const email = `${uniq('klaim')}@mail.test`;
    const wrong = await seeker
      .post('/daftar/klaim')
      .type('form')
      .send({ ...tokensOf(form.text, '/daftar/klaim'), claimCode: 'ZZZZ ZZZZ', nik: s.nik, email, password: PASSWORD })
      .expect(400);
    expect(textOf(wrong.text)).toContain('Kode klaim atau NIK tidak cocok');
    expect(wrong.text).not.toContain('INVALID_CLAIM_CODE');
    const done = await seeker
      .post('/daftar/klaim')
      .type('form')
      .send({
        ...tokensOf(wrong.text, '/daftar/klaim'),
        claimCode: code.toLowerCase(),
        nik: s.nik.replace(/(\d{4})(?=\d)/g, '$1 '),
        email,
        password: PASSWORD,
      })
      .expect(303);
    expect(done.headers.location).toBe('/saya/kartu?ok=seekerClaimed');
    const card = await seeker.get(done.headers.location as string).expect(200);
    expect(textOf(card.text)).toContain('Akun Anda sudah dibuat');

    // The record now has a login: the desk no longer offers a code.
    const after = await desk.get(`/petugas/pencari-kerja/${s.id}`).expect(200);
    expect(textOf(after.text)).toContain('sudah punya akun daring');
    expect(after.text).not.toContain(action);
  });

  it('says so in words when the seeker already has a login', async () => {
    const self = await registerSeeker(t);
    const desk = browser(t);
    await signIn(desk, officer.email);
    const page = await desk.get(`/petugas/pencari-kerja/${self.seekerId}`).expect(200);
    expect(page.text).not.toContain('/kode-klaim');
    // A stale page's button (made before the seeker signed up) is refused with a sentence, not a code.
    const form = await desk.get(`/petugas/pencari-kerja/${(await walkIn()).id}`);
    const _csrf = csrfOf(form.text);
    const res = await desk.post(`/petugas/pencari-kerja/${self.seekerId}/kode-klaim`).type('form').send({ _csrf });
    expect(res.status).toBe(303);
    const shown = await desk.get(res.headers.location as string).expect(200);
    expect(textOf(shown.text)).toContain('sudah punya akun daring; kode klaim tidak diperlukan');
    expect(textOf(shown.text)).not.toContain('SEEKER_HAS_LOGIN');
  });
});
