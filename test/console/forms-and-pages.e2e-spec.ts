import { loadConfig } from '../../src/config/config';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  digits,
  makeOfficer,
  nikFor,
  PASSWORD,
  postVacancy,
  registerEmployer,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import { browser, csrfOf, signIn, textOf, tokensOf } from './support';

/**
 * Issue 14, the server side: every console form takes effect once however often it is sent, the
 * console's own 404 page, sitemap.xml and robots.txt, compressed replies, the vacancy page's link
 * preview and JobPosting, and what people type the Indonesian way.
 */
describe('web console: forms once, 404 page, sharing, compression (server)', () => {
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    t = await startApp();
    officer = await makeOfficer(t);
  });
  afterAll(async () => {
    await t.close();
  });

  function seekerForm(email: string, overrides: Record<string, string> = {}) {
    const birthDate = '1997-08-17';
    return {
      nik: nikFor(birthDate, 'L'),
      fullName: 'Budi Dua Kali',
      birthPlace: 'Palembang',
      birthDate,
      gender: 'L',
      address: 'Jl. Merdeka No. 10, Palembang',
      educationLevel: 'SMA',
      email,
      password: PASSWORD,
      ...overrides,
    };
  }

  describe('a form takes effect once, however often it is sent', () => {
    it('a registration sent twice signs the person in both times instead of saying the email exists', async () => {
      const b = browser(t);
      const page = await b.get('/daftar/pencari-kerja');
      const email = `${uniq('dua')}@mail.test`;
      const body = { ...tokensOf(page.text, '/daftar/pencari-kerja'), ...seekerForm(email) };

      const [first, second] = await Promise.all([
        b.post('/daftar/pencari-kerja').type('form').send(body),
        b.post('/daftar/pencari-kerja').type('form').send(body),
      ]);
      for (const res of [first, second]) {
        expect(res.status).toBe(303);
        expect(res.headers.location).toBe('/saya/kartu?ok=seekerRegistered');
        // Each answer signs the browser in: whichever copy the browser shows, the person is signed in.
        expect(String(res.headers['set-cookie'] ?? '')).toContain('ak1_session=');
      }
      // The same form once more, later (a reload of the answer): the same answer, still signed in.
      const third = await b.post('/daftar/pencari-kerja').type('form').send(body);
      expect(third.status).toBe(303);
      expect(third.headers.location).toBe('/saya/kartu?ok=seekerRegistered');
      const card = await b.get('/saya/kartu');
      expect(card.status).toBe(200);
      expect(textOf(card.text)).not.toContain('Email ini sudah terdaftar');

      // One account, made once.
      const accounts = await t.ds.query('SELECT COUNT(*) AS n FROM users WHERE email = ?', [email]);
      expect(Number(accounts[0].n)).toBe(1);
    });

    it('"Pasang lowongan" sent twice publishes one vacancy, and the replay shows the first answer', async () => {
      const hr = await verifiedEmployer(t, officer);
      const b = browser(t);
      await signIn(b, hr.email);
      const page = await b.get('/perusahaan/lowongan/baru');
      const title = `Kasir ${uniq('Dua')}`;
      const closesAt = new Date(Date.parse(`${t.clock.today()}T00:00:00Z`) + 20 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const body = {
        ...tokensOf(page.text, '/perusahaan/lowongan/baru'),
        title,
        description: 'Melayani pembeli di kasir dan membuat laporan harian.',
        occupationCode: '5230',
        educationMin: 'SMA',
        employmentType: 'FULL_TIME',
        quota: '2',
        salaryMin: 'Rp 3.500.000',
        salaryMax: '4.500.000,-',
        location: 'Jl. Merdeka No. 5, Palembang',
        closesAt,
        requiresAk1: 'true',
        status: 'OPEN',
      };
      const [a, c] = await Promise.all([
        b.post('/perusahaan/lowongan/baru').type('form').send(body),
        b.post('/perusahaan/lowongan/baru').type('form').send(body),
      ]);
      expect([a.status, c.status]).toEqual([303, 303]);
      expect(a.headers.location).toBe('/perusahaan/lowongan?ok=vacancyPublished');
      expect(c.headers.location).toBe(a.headers.location);
      const again = await b.post('/perusahaan/lowongan/baru').type('form').send(body);
      expect(again.headers.location).toBe(a.headers.location);

      const mine = await t.http.get('/api/v1/employers/me/vacancies?pageSize=100').set(bearer(hr));
      const posted = (mine.body.items as { title: string; salaryMin: number; salaryMax: number }[]).filter(
        (v) => v.title === title,
      );
      expect(posted).toHaveLength(1);
      // Wages typed the Indonesian way: "Rp 3.500.000" and "4.500.000,-".
      expect(posted[0]).toMatchObject({ salaryMin: 3_500_000, salaryMax: 4_500_000 });
    });

    it('a CSV import sent twice (a file upload) imports once and shows the same report again', async () => {
      const b = browser(t);
      await signIn(b, officer.email);
      const page = await b.get('/petugas/kartu/impor');
      const tokens = tokensOf(page.text, '/petugas/kartu/impor');
      const number = `LAMA/${digits(9)}`;
      const csv = [
        'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status',
        `${number},${nikFor('1992-07-07', 'P')},Rina Dua Kali,Palembang,1992-07-07,P,Jl. Dempo No. 9,SMA,${t.clock.today()},ACTIVE`,
      ].join('\n');
      const send = () =>
        b.post('/petugas/kartu/impor').field('_csrf', tokens._csrf).field('_form', tokens._form).field('csv', csv);
      const first = await send();
      const second = await send();
      for (const res of [first, second]) {
        expect(res.status).toBe(200);
        expect(textOf(res.text)).toContain('1 kartu diimpor, 0 baris ditolak.');
      }
      const found = await t.http.get(`/api/v1/cards?q=${encodeURIComponent(number)}`).set(bearer(officer));
      expect(found.body.total).toBe(1);
    });

    it('a refused form gives its token back: corrected and sent again, it goes through', async () => {
      const b = browser(t);
      const page = await b.get('/daftar/perusahaan');
      const tokens = tokensOf(page.text, '/daftar/perusahaan');
      const company = {
        'company.legalName': `PT ${uniq('Koreksi')}`,
        'company.nib': digits(13),
        'company.kbli': '47111',
        'company.address': 'Jl. Sudirman No. 9, Palembang',
        'company.phone': '(0711) 352233',
        fullName: 'Rina Staf',
        email: `${uniq('hr')}@company.test`,
        password: PASSWORD,
      };
      const refused = await b
        .post('/daftar/perusahaan')
        .type('form')
        .send({ ...tokens, ...company, 'company.legalName': '' });
      expect(refused.status).toBe(400);
      // An empty required field is "… wajib diisi", not the API's English or a length rule.
      expect(textOf(refused.text)).toContain('Nama resmi perusahaan wajib diisi.');
      const accepted = await b
        .post('/daftar/perusahaan')
        .type('form')
        .send({ ...tokens, ...company });
      expect(accepted.status).toBe(303);
      expect(accepted.headers.location).toBe('/perusahaan?ok=companyRegistered');
      // The phone typed as "(0711) 352233" was taken.
      const me = await t.http.post('/api/v1/auth/login').send({ email: company.email, password: PASSWORD });
      const employer = await t.http
        .get(`/api/v1/employers/${me.body.user.employerId}`)
        .set('Authorization', `Bearer ${me.body.accessToken}`);
      expect(employer.body.phone).toBe('0711 352233');
    });

    it("another browser cannot replay a form's token, and after sign-out the registration form signs nobody in", async () => {
      const b = browser(t);
      const page = await b.get('/daftar/pencari-kerja');
      const email = `${uniq('keluar')}@mail.test`;
      const body = {
        ...tokensOf(page.text, '/daftar/pencari-kerja'),
        ...seekerForm(email, { nik: nikFor('1996-02-03', 'P'), birthDate: '1996-02-03', gender: 'P' }),
      };
      expect((await b.post('/daftar/pencari-kerja').type('form').send(body)).status).toBe(303);

      const stranger = browser(t);
      await stranger.get('/');
      const foreign = await stranger.post('/daftar/pencari-kerja').type('form').send(body);
      expect(foreign.status).toBe(403);

      // Sign out, then the back button and "resend": the form is refused, nobody is signed in.
      const card = await b.get('/saya/kartu');
      const out = await b
        .post('/keluar')
        .type('form')
        .send({ _csrf: csrfOf(card.text) });
      expect(out.status).toBe(303);
      const resent = await b.post('/daftar/pencari-kerja').type('form').send(body);
      expect(resent.status).toBe(403);
      expect((await b.get('/saya/kartu')).status).toBe(303);
    });
  });

  describe('addresses', () => {
    it('an unknown console address answers the console 404 page in Indonesian; the API keeps its JSON', async () => {
      for (const path of ['/tidak-ada', '/lowongan-kerja/123', '/saya/tidak-ada']) {
        const res = await t.http.get(path);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        const text = textOf(res.text);
        expect(text).toContain('Halaman tidak ditemukan');
        expect(text).toContain('Cari lowongan');
        expect(res.text).not.toContain('statusCode');
      }
      const api = await t.http.get('/api/v1/tidak-ada');
      expect(api.status).toBe(404);
      expect(api.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: expect.any(String) });
      // Signed in, the 404 page keeps the person's menu; in English for who chose English.
      const hr = await registerEmployer(t);
      const b = browser(t);
      await signIn(b, hr.email);
      const mine = await b.get('/perusahaan/tidak-ada');
      expect(mine.status).toBe(404);
      expect(textOf(mine.text)).toContain('Lowongan kami');
      const en = await t.http.get('/tidak-ada').set('Cookie', 'ak1_lang=en');
      expect(textOf(en.text)).toContain('Page not found');
    });

    it('sitemap.xml lists the open vacancies; robots.txt keeps crawlers out of private pages', async () => {
      const hr = await verifiedEmployer(t, officer);
      const open = await postVacancy(t, hr);
      const draft = await postVacancy(t, hr, { status: 'DRAFT' });
      const sitemap = await t.http.get('/sitemap.xml');
      expect(sitemap.status).toBe(200);
      expect(sitemap.headers['content-type']).toMatch(/application\/xml/);
      expect(sitemap.text).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
      );
      expect(sitemap.text).toContain(`/lowongan/${open.id}</loc>`);
      expect(sitemap.text).not.toContain(draft.id);
      expect(sitemap.text).toContain('/bantuan</loc>');

      const robots = await t.http.get('/robots.txt');
      expect(robots.status).toBe(200);
      expect(robots.headers['content-type']).toMatch(/text\/plain/);
      for (const line of ['User-agent: *', 'Disallow: /saya', 'Disallow: /petugas', 'Disallow: /api/'])
        expect(robots.text).toContain(line);
      expect(robots.text).toMatch(
        /Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml|Sitemap: http:\/\/[^\s]+\/sitemap\.xml/,
      );
    });

    it('a public vacancy page carries Open Graph tags and a JobPosting whose text cannot close its script', async () => {
      const hr = await verifiedEmployer(t, officer);
      const title = 'Kasir </script><script>alert(1)</script> & Pramuniaga';
      const v = await postVacancy(t, hr, { title });
      const res = await t.http.get(`/lowongan/${v.id}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<meta property="og:title"');
      expect(res.text).toMatch(/<meta property="og:url" content="http:\/\/[^"]+\/lowongan\/[0-9a-f-]{36}"/);
      expect(res.text).toContain('<meta property="og:image"');
      const scripts = [...res.text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(scripts).toHaveLength(1);
      expect(scripts[0][1]).not.toMatch(/[<>&]/);
      const posting = JSON.parse(scripts[0][1]);
      expect(posting).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'JobPosting',
        title,
        employmentType: 'FULL_TIME',
        hiringOrganization: { '@type': 'Organization' },
        baseSalary: { currency: 'IDR', value: { minValue: 3_500_000, maxValue: 4_500_000, unitText: 'MONTH' } },
        validThrough: `${v.closesAt as string}T23:59:59+07:00`,
      });
      expect(res.text).not.toContain('<script>alert(1)');
      // The picture of the link preview is served.
      const og = await t.http.get('/assets/og.png');
      expect(og.status).toBe(200);
      expect(og.headers['content-type']).toBe('image/png');

      // A closed vacancy is no longer a job posting.
      await t.http.post(`/api/v1/vacancies/${v.id}/close`).set(bearer(hr)).expect(200);
      expect((await t.http.get(`/lowongan/${v.id}`)).text).not.toContain('application/ld+json');
    });

    it('the help page and the privacy notice are public, with the office from the settings', async () => {
      const help = await t.http.get('/bantuan');
      expect(help.status).toBe(200);
      const text = textOf(help.text);
      expect(text).toContain('Apa itu kartu AK1?');
      expect(text).toContain('Dinas Tenaga Kerja Kota Palembang');
      expect(text).toContain('Jam layanan');
      const privacy = await t.http.get('/privasi');
      expect(privacy.status).toBe(200);
      expect(textOf(privacy.text)).toContain('Undang-Undang Nomor 27 Tahun 2022');
    });
  });

  describe('compression', () => {
    it('pages, stylesheets, scripts and JSON leave gzip-compressed for clients that accept it', async () => {
      const page = await t.http.get('/').set('Accept-Encoding', 'gzip');
      expect(page.headers['content-encoding']).toBe('gzip');
      expect(page.headers['vary']).toMatch(/Accept-Encoding/i);
      const css = /href="(\/assets\/app\.css\?v=[^"]+)"/.exec(page.text)![1];
      const js = /src="(\/assets\/app\.js\?v=[^"]+)"/.exec(page.text)![1];
      for (const path of [css, js, '/api/v1/vacancies?pageSize=50', '/bantuan']) {
        const res = await t.http.get(path).set('Accept-Encoding', 'gzip');
        expect([path, res.headers['content-encoding']]).toEqual([path, 'gzip']);
      }
      // Without Accept-Encoding: plain.
      const plain = await t.http.get('/').set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
    });
  });

  describe('what people type, and what they are told', () => {
    it("HR's card check takes an NIK typed with spaces, and its NIK error says nothing of birth date or sex", async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const hr = await verifiedEmployer(t, officer);
      const b = browser(t);
      await signIn(b, hr.email);
      const page = await b.get('/perusahaan/cek-kartu');
      const spaced = seeker.nik.replace(/(\d{4})(?=\d)/g, '$1 ');
      const ok = await b
        .post('/perusahaan/cek-kartu')
        .type('form')
        .send({ ...tokensOf(page.text, '/perusahaan/cek-kartu'), cardNumber: card.cardNumber, nik: spaced });
      expect(ok.status).toBe(200);
      expect(textOf(ok.text)).toContain('Kartu SAH');

      const again = await b.get('/perusahaan/cek-kartu');
      const bad = await b
        .post('/perusahaan/cek-kartu')
        .type('form')
        .send({ ...tokensOf(again.text, '/perusahaan/cek-kartu'), cardNumber: card.cardNumber, nik: '12345' });
      expect(bad.status).toBe(400);
      const text = textOf(bad.text);
      expect(text).toContain('NIK harus 16 digit');
      expect(text).not.toMatch(/tanggal lahir|jenis kelamin/i);

      // A mistyped NIK (16 digits, not this card's) is "Data tidak cocok", not "tidak sah".
      const third = await b.get('/perusahaan/cek-kartu');
      const other = nikFor('1990-01-01', 'L');
      const mismatch = await b
        .post('/perusahaan/cek-kartu')
        .type('form')
        .send({ ...tokensOf(third.text, '/perusahaan/cek-kartu'), cardNumber: card.cardNumber, nik: other });
      expect(textOf(mismatch.text)).toContain('Data tidak cocok');
      expect(textOf(mismatch.text)).not.toMatch(/TIDAK SAH/);
    });

    it('the registration\'s error summary follows the form\'s order, empty fields are "wajib diisi", an NIK with spaces is taken', async () => {
      const b = browser(t);
      const page = await b.get('/daftar/pencari-kerja');
      const res = await b
        .post('/daftar/pencari-kerja')
        .type('form')
        .send({
          ...tokensOf(page.text, '/daftar/pencari-kerja'),
          nik: '',
          fullName: '',
          email: '',
          password: 'pendek',
        });
      expect(res.status).toBe(400);
      const summary = textOf(/<div class="notice error"[\s\S]*?<\/div>/.exec(res.text)![0]);
      const order = [
        'NIK wajib diisi.',
        'Nama lengkap wajib diisi.',
        'Tempat lahir wajib diisi.',
        'Alamat wajib diisi.',
        'Email wajib diisi.',
        'Kata sandi',
      ];
      const at = order.map((s) => summary.indexOf(s));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
      // The password was typed (too short): its rule, not "wajib diisi".
      expect(summary).toMatch(/Kata sandi\s*: Kata sandi harus 10 sampai 128 karakter\./);

      const birthDate = '1999-12-01';
      const nik = nikFor(birthDate, 'P');
      const form = await b.get('/daftar/pencari-kerja');
      const ok = await b
        .post('/daftar/pencari-kerja')
        .type('form')
        .send({
          ...tokensOf(form.text, '/daftar/pencari-kerja'),
          ...seekerForm(`${uniq('spasi')}@mail.test`, {
            nik: nik.replace(/(\d{4})(?=\d)/g, '$1 '),
            birthDate,
            gender: 'P',
            phone: '+62 812-3456-7890',
          }),
        });
      expect(ok.status).toBe(303);
    });

    it('the bootstrap officer is "Petugas Utama" unless BOOTSTRAP_OFFICER_NAME names them', () => {
      const base = {
        NODE_ENV: 'test',
        DATA_DIR: t.config.dataDir,
        BOOTSTRAP_OFFICER_EMAIL: 'admin@disnaker.test',
        BOOTSTRAP_OFFICER_PASSWORD: 'rahasia-sekali-123',
      };
      expect(loadConfig(base).bootstrapOfficer?.fullName).toBe('Petugas Utama');
      expect(loadConfig({ ...base, BOOTSTRAP_OFFICER_NAME: 'Ahmad Kepala Seksi' }).bootstrapOfficer?.fullName).toBe(
        'Ahmad Kepala Seksi',
      );
    });
  });
});
