import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  makeOfficer,
  nikFor,
  PASSWORD,
  postVacancy,
  registerEmployer,
  registerSeeker,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
} from '../support/factories';
import { browser, csrfOf, postForm, signIn, textOf } from './support';

/** The console's server behaviour, without a browser: routes, sessions, CSRF, roles, language. */
describe('web console (server)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the vacancy search at / in Bahasa Indonesia, with its own assets, while the API keeps /api/v1', async () => {
    const page = await t.http.get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(textOf(page.text)).toContain('Cari lowongan kerja');
    expect(page.text).toContain('<html lang="id">');
    expect(Buffer.byteLength(page.text)).toBeLessThan(100_000);

    const css = /href="(\/assets\/app\.css\?v=[^"]+)"/.exec(page.text)![1];
    const asset = await t.http.get(css);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/text\/css/);
    expect(asset.headers['cache-control']).toContain('immutable');

    expect((await t.http.get('/api/v1/vacancies')).status).toBe(200);
    expect((await t.http.get('/vacancies')).status).toBe(404);
    expect((await t.http.get('/assets/nope.css')).status).toBe(404);
  });

  it('signs in with an httpOnly SameSite=Lax session cookie (no Secure in test) and signs out', async () => {
    const seeker = await registerSeeker(t);
    const b = browser(t);
    const form = await b.get('/masuk');
    const res = await b
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: seeker.email, password: PASSWORD, next: '/' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/saya/kartu');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('ak1_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const card = await b.get('/saya/kartu');
    expect(card.status).toBe(200);
    expect(textOf(card.text)).toContain('Ajukan kartu AK1');

    const out = await postForm(b, '/saya/kartu', '/keluar', {});
    expect(out.status).toBe(303);
    const after = await b.get('/saya/kartu');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/masuk?next=%2Fsaya%2Fkartu');
  });

  it('answers a wrong password on the form, in Indonesian, with the API status', async () => {
    const seeker = await registerSeeker(t);
    const b = browser(t);
    const form = await b.get('/masuk');
    const res = await b
      .post('/masuk')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: seeker.email, password: 'not-the-password', next: '/' });
    expect(res.status).toBe(401);
    expect(textOf(res.text)).toContain('Email atau kata sandi salah.');
  });

  it('refuses a form without a valid CSRF token, and changes nothing', async () => {
    const seeker = await registerSeeker(t);
    const b = browser(t);
    await signIn(b, seeker.email);

    const none = await b.post('/saya/kartu/ajukan').type('form').send({});
    expect(none.status).toBe(403);
    expect(textOf(none.text)).toContain('Formulir sudah kedaluwarsa');

    // A token minted for another browser (another seed and session) is refused too.
    const other = browser(t);
    const foreign = csrfOf((await other.get('/masuk')).text);
    const forged = await b.post('/saya/kartu/ajukan').type('form').send({ _csrf: foreign });
    expect(forged.status).toBe(403);

    const cards = await t.http.get('/api/v1/cards/me').set(bearer(seeker));
    expect(cards.body.current).toBeNull();

    // With its own token the same form works.
    const ok = await postForm(b, '/saya/kartu', '/saya/kartu/ajukan', {});
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/saya/kartu?ok=cardRequested');
    expect((await t.http.get('/api/v1/cards/me').set(bearer(seeker))).body.current.status).toBe('PENDING');
  });

  it('a token from before sign-in stops working after it (tied to the session)', async () => {
    const seeker = await registerSeeker(t);
    const b = browser(t);
    const anonymousToken = csrfOf((await b.get('/masuk')).text);
    await signIn(b, seeker.email);
    const res = await b.post('/saya/kartu/ajukan').type('form').send({ _csrf: anonymousToken });
    expect(res.status).toBe(403);
  });

  it('sends the anonymous to sign in, refuses a seeker on HR and officer pages (403)', async () => {
    const anon = await t.http.get('/perusahaan/lowongan');
    expect(anon.status).toBe(303);
    expect(anon.headers.location).toBe('/masuk?next=%2Fperusahaan%2Flowongan');

    const seeker = await registerSeeker(t);
    const b = browser(t);
    await signIn(b, seeker.email);
    for (const path of ['/perusahaan', '/perusahaan/lowongan', '/perusahaan/cek-kartu', '/petugas', '/petugas/kartu']) {
      const res = await b.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(textOf(res.text)).toContain('Akses ditolak');
    }
  });

  it("does not show one company's applicants to another company's HR (404, as the API)", async () => {
    const officer = await makeOfficer(t);
    const a = await verifiedEmployer(t, officer);
    const b = await verifiedEmployer(t, officer);
    const vacancyOfB = await postVacancy(t, b);
    const { seeker } = await seekerWithActiveCard(t, officer, { fullName: 'Rahasia Pelamar' });
    expect(
      (await t.http.post(`/api/v1/vacancies/${vacancyOfB.id}/applications`).set(bearer(seeker)).send({})).status,
    ).toBe(201);

    const hrA = browser(t);
    await signIn(hrA, a.email);
    const res = await hrA.get(`/perusahaan/lowongan/${vacancyOfB.id}/pelamar`);
    expect(res.status).toBe(404);
    expect(textOf(res.text)).not.toContain('Rahasia Pelamar');
    expect((await hrA.get(`/perusahaan/lowongan/${vacancyOfB.id}/ubah`)).status).toBe(404);

    const hrB = browser(t);
    await signIn(hrB, b.email);
    const own = await hrB.get(`/perusahaan/lowongan/${vacancyOfB.id}/pelamar`);
    expect(own.status).toBe(200);
    expect(textOf(own.text)).toContain('Rahasia Pelamar');
  });

  it('keeps an unverified company away from vacancy posting, saying why', async () => {
    const e = await registerEmployer(t);
    const b = browser(t);
    await signIn(b, e.email);
    const status = await b.get('/perusahaan');
    expect(textOf(status.text)).toContain('Menunggu verifikasi Disnaker.');
    const res = await b.get('/perusahaan/lowongan/baru');
    expect(res.status).toBe(403);
    expect(textOf(res.text)).toContain('Perusahaan Anda harus diverifikasi Disnaker terlebih dahulu.');
  });

  it('switches to English and remembers it in a cookie: a link for a visitor, the form still accepted', async () => {
    const b = browser(t);
    // Not signed in, the switch is a link (decision 131) back to the page it was on.
    const home = (await b.get('/daftar/perusahaan').expect(200)).text;
    const link = /<a href="(\/bahasa\?[^"]+)"[^>]*>English<\/a>/.exec(home);
    expect(link?.[1]).toBe('/bahasa?lang=en&next=%2Fdaftar%2Fperusahaan');
    const res = await b.get(link![1]);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/daftar/perusahaan');
    expect((res.headers['set-cookie'] as unknown as string[]).join(';')).toMatch(/ak1_lang=en/);
    const page = await b.get('/');
    expect(page.text).toContain('<html lang="en">');
    expect(textOf(page.text)).toContain('Find a job');
    expect(page.text).toContain('href="/bahasa?lang=id&next=%2F"');
    // An outside address is never a redirect target, by link or by form; an unknown language is Indonesian.
    expect((await b.get('/bahasa?lang=en&next=%2F%2Fevil.example%2F')).headers.location).toBe('/');
    expect((await b.get('/bahasa?lang=xx&next=https://evil.example/')).headers.location).toBe('/');
    // What cannot go into a Location header (line breaks, NUL, a raw non-ASCII letter) is `/`, never a 500.
    for (const next of ['%2F%0D%0AX-Evil%3A%201', '%2F%00', '%2F%E6%BC%A2', '%2Flowongan%20baru'])
      expect((await b.get(`/bahasa?lang=id&next=${next}`)).headers.location).toBe('/');
    expect((await b.get('/bahasa?lang=id&next=%2F%3Fq%3Dkasir%26page%3D2')).headers.location).toBe('/?q=kasir&page=2');
    expect(textOf((await b.get('/')).text)).toContain('Cari lowongan kerja');
    // The form of before still works (a page that holds a token: the sign-in page).
    const form = await postForm(b, '/masuk', '/bahasa', { lang: 'en', next: '/daftar/perusahaan' });
    expect(form.status).toBe(303);
    expect(form.headers.location).toBe('/daftar/perusahaan');
    const evil = await postForm(b, '/masuk', '/bahasa', { lang: 'id', next: '//evil.example/' });
    expect(evil.headers.location).toBe('/');
    const broken = await postForm(b, '/masuk', '/bahasa', { lang: 'id', next: '/\r\nX-Evil: 1' });
    expect(broken.status).toBe(303);
    expect(broken.headers.location).toBe('/');
    expect(textOf((await b.get('/')).text)).toContain('Cari lowongan kerja');
  });

  it('shows the API’s validation refusals on the registration form fields, and keeps the input', async () => {
    const b = browser(t);
    const legalName = `PT ${uniq('Formulir')}`;
    const res = await postForm(b, '/daftar/perusahaan', '/daftar/perusahaan', {
      email: 'bukan-email',
      password: 'pendek',
      fullName: 'Staf HR',
      'company.legalName': legalName,
      'company.nib': '12345',
      'company.npwp': '',
      'company.kbli': '47111',
      'company.address': 'Jl. Sudirman No. 1',
      'company.kecamatanCode': '16.71.05',
      'company.phone': '0711-123456',
    });
    expect(res.status).toBe(400);
    const text = textOf(res.text);
    expect(text).toContain('NIB harus tepat 13 digit angka.');
    expect(text).toContain('Masukkan alamat email yang benar.');
    expect(text).toContain('Kata sandi harus 10 sampai 128 karakter.');
    expect(text).not.toContain('NPWP harus');
    expect(res.text).toContain(`value="${legalName}"`);
    expect(res.text).toMatch(/id="f-company-nib" name="company.nib" required aria-invalid="true"/);
  });

  it('registers a job seeker from the form and signs them in; a taken NIK is shown on the NIK field', async () => {
    const first = await registerSeeker(t);
    const b = browser(t);
    const body = {
      nik: first.nik,
      fullName: 'Siti Aminah',
      birthPlace: 'Palembang',
      birthDate: '1999-01-01',
      gender: 'P',
      phone: '',
      address: 'Jl. Merdeka No. 10',
      kecamatanCode: '',
      maritalStatus: '',
      educationLevel: 'SMA',
      major: '',
      graduationYear: '',
      skills: 'Kasir, Excel',
      email: `${uniq('siti')}@mail.test`,
      password: PASSWORD,
    };
    const mismatch = await postForm(b, '/daftar/pencari-kerja', '/daftar/pencari-kerja', body);
    expect(mismatch.status).toBe(400);
    expect(textOf(mismatch.text)).toContain('NIK harus 16 digit dan sesuai dengan tanggal lahir');

    const nik = nikFor('1999-01-01', 'P');
    const ok = await postForm(b, '/daftar/pencari-kerja', '/daftar/pencari-kerja', { ...body, nik });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/saya/kartu?ok=seekerRegistered');
    expect(textOf((await b.get('/saya/profil')).text)).toContain(nik);

    const dup = await postForm(browser(t), '/daftar/pencari-kerja', '/daftar/pencari-kerja', {
      ...body,
      nik,
      email: `${uniq('x')}@mail.test`,
    });
    expect(dup.status).toBe(409);
    expect(textOf(dup.text)).toContain('NIK ini sudah terdaftar');
  });

  it('the public card check verifies the QR credential and shows no more than the masked name', async () => {
    const officer = await makeOfficer(t);
    const { seeker, card } = await seekerWithActiveCard(t, officer, { fullName: 'Budi Santoso' });
    const cred = await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(seeker));
    const valid = await t.http.get(`/cek-kartu?t=${encodeURIComponent(cred.body.token)}`);
    expect(valid.status).toBe(200);
    const text = textOf(valid.text);
    expect(text).toContain('Kartu SAH');
    expect(text).toContain(card.cardNumber);
    expect(text).toContain('B*** S******');
    expect(text).not.toContain('Budi Santoso');
    expect(text).not.toContain(seeker.nik);

    const forged = await t.http.get('/cek-kartu?t=eyJhbGciOiJFZERTQSJ9.e30.AAAA');
    expect(textOf(forged.text)).toContain('Kartu tidak berlaku');
  });
});
