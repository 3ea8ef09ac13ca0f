import type { Page } from 'playwright-core';
import {
  bearer,
  makeOfficer,
  nikFor,
  PASSWORD,
  postVacancy,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import { shoot, signIn, startConsole, visible, type Console } from './support';

/**
 * Issue 14 in a real browser: forms that take effect once (a double click without script, buttons
 * disabled while sending with it), the console's own messages instead of the browser's bubbles, one
 * id per element, the 404 page, the phone header and its tap targets, compressed pages, a shared
 * vacancy's preview, sitemap and robots, help and privacy. Every page visited is checked for
 * duplicate ids and axe violations (support.ts).
 */
describe('forms once, phones and sharing (browser)', () => {
  let web: Console;
  let officer: Session;

  beforeAll(async () => {
    web = await startConsole();
    officer = await makeOfficer(web.t);
  }, 60_000);
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    await web.assertPagesClean();
  }, 120_000);

  async function fillSeeker(page: Page, email: string, nik: string, birthDate: string) {
    await page.getByLabel(/^NIK/).fill(nik);
    await page.getByLabel(/^Nama lengkap/).fill('Budi Klik Dua');
    await page.getByLabel(/^Tempat lahir/).fill('Palembang');
    await page.getByLabel(/^Tanggal lahir/).fill(birthDate);
    await page.getByLabel(/^Jenis kelamin/).selectOption('L');
    await page.getByLabel(/^Alamat/).fill('Jl. Merdeka No. 10, Palembang');
    await page.getByLabel(/^Pendidikan terakhir/).selectOption('SMA');
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  }

  it('the page checks themselves catch a duplicate id and an axe violation', async () => {
    const { ctx, page } = await web.person();
    const html =
      '<!doctype html><html lang="id"><head><title>Uji</title></head><body><main>' +
      '<p id="dua">1</p><p id="dua">2</p><img src="/assets/logo.svg"></main></body></html>';
    await page.route('**/uji-pemeriksa', (r) => r.fulfill({ contentType: 'text/html', body: html }));
    await page.goto('/uji-pemeriksa');
    await ctx.close();
    await expect(web.assertPagesClean()).rejects.toThrow(/duplicate id dua ×2[\s\S]*axe image-alt/);
  });

  it('a double click on "Daftar" without script signs the person in, once', async () => {
    const { ctx, page } = await web.person({ javaScript: false });
    const email = `${uniq('dobel')}@mail.test`;
    await page.goto('/daftar/pencari-kerja');
    await fillSeeker(page, email, nikFor('1994-04-04', 'L'), '1994-04-04');
    await page.getByRole('button', { name: 'Daftar', exact: true }).dblclick();
    await page.waitForURL('**/saya/kartu?ok=seekerRegistered');
    const text = await visible(page);
    expect(text).toContain('Pendaftaran berhasil');
    expect(text).not.toContain('Email ini sudah terdaftar');
    const users = await web.t.ds.query('SELECT COUNT(*) AS n FROM users WHERE email = ?', [email]);
    expect(Number(users[0].n)).toBe(1);
    await ctx.close();
  });

  it('"Simpan dan tayangkan" clicked twice without script publishes one vacancy; with script the button waits', async () => {
    const hr = await verifiedEmployer(web.t, officer);
    const closes = new Date(Date.parse(`${web.t.clock.today()}T00:00:00Z`) + 25 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const fill = async (page: Page, title: string) => {
      await page.goto('/perusahaan/lowongan/baru');
      await page.getByLabel(/^Nama jabatan/).fill(title);
      await page.getByLabel(/^Uraian pekerjaan/).fill('Menyusun barang di rak dan menghitung stok harian.');
      await page.getByLabel(/^Kode jabatan/).fill('9334');
      await page.getByLabel(/^Jenis pekerjaan/).selectOption('FULL_TIME');
      await page.getByLabel(/^Jumlah posisi/).fill('1');
      await page.getByLabel(/^Gaji terendah/).fill('Rp 3.200.000');
      await page.getByLabel(/^Gaji tertinggi/).fill('4.000.000,-');
      await page.getByLabel(/^Lokasi kerja/).fill('Jl. Merdeka No. 7, Palembang');
      await page.getByLabel(/^Batas lamaran/).fill(closes);
      await page.getByLabel(/^Pendidikan minimal/).selectOption('SMA');
    };
    const count = async (title: string) => {
      const res = await web.t.http.get('/api/v1/employers/me/vacancies?pageSize=100').set(bearer(hr));
      return (res.body.items as { title: string }[]).filter((v) => v.title === title).length;
    };

    const noJs = await web.person({ javaScript: false });
    await signIn(noJs.page, hr.email);
    const first = `Pramuniaga ${uniq('A')}`;
    await fill(noJs.page, first);
    await noJs.page.getByRole('button', { name: 'Simpan dan tayangkan' }).dblclick();
    await noJs.page.waitForURL('**ok=vacancyPublished');
    expect(await count(first)).toBe(1);

    // With script: the button is disabled while the form is on its way (the answer held back here).
    const js = await web.person();
    await signIn(js.page, hr.email);
    const second = `Pramuniaga ${uniq('B')}`;
    await fill(js.page, second);
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await js.page.route('**/perusahaan/lowongan/baru', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    // Clicked from the page itself, which reports its buttons a moment later, while the form is on its way.
    const state = await js.page.evaluate(`new Promise((resolve) => {
      document.querySelector('button[value=OPEN]').click();
      setTimeout(() => resolve([...document.querySelectorAll('form[action="/perusahaan/lowongan/baru"] button')]
        .map((b) => [b.textContent, b.disabled])), 100);
    })`);
    expect(state).toEqual([
      ['Simpan dan tayangkan', true],
      ['Simpan sebagai draf', true],
    ]);
    release();
    await js.page.waitForURL('**ok=vacancyPublished');
    expect(await count(second)).toBe(1);
    await noJs.ctx.close();
    await js.ctx.close();
  });

  it("the console's messages, not the browser's bubbles: every form is novalidate and the server says what is missing", async () => {
    const { ctx, page } = await web.person();
    for (const path of ['/', '/masuk', '/daftar/pencari-kerja', '/daftar/perusahaan', '/cek-kartu']) {
      await page.goto(path);
      const checked = (await page.evaluate(`document.querySelectorAll('form:not([novalidate])').length`)) as number;
      expect([path, checked]).toEqual([path, 0]);
    }
    await page.goto('/daftar/perusahaan');
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await page.waitForLoadState('load');
    const summary = await page.locator('.notice.error').innerText();
    expect(summary).toContain('Nama resmi perusahaan wajib diisi.');
    // In the order of the form: the company's fields before the HR account's.
    expect(summary.indexOf('Nama resmi perusahaan')).toBeLessThan(summary.indexOf('Email wajib diisi.'));
    // Focus lands on the summary, so keyboard and screen-reader users hear it first.
    await expect(page.evaluate(`document.activeElement.classList.contains('notice')`)).resolves.toBe(true);
    await ctx.close();
  });

  it('the applicants page has one id per element: the label of Dewi’s confirmation ticks Dewi’s box', async () => {
    const hr = await verifiedEmployer(web.t, officer);
    const v = await postVacancy(web.t, hr, { title: `Operator ${uniq('Id')}`, ageMin: null, ageMax: null });
    for (const fullName of ['Budi Santoso', 'Dewi Lestari']) {
      const { seeker } = await seekerWithActiveCard(web.t, officer, { fullName });
      await web.t.http.post(`/api/v1/vacancies/${v.id}/applications`).set(bearer(seeker)).send({}).expect(201);
    }
    const { ctx, page } = await web.person();
    await signIn(page, hr.email);
    await page.goto(`/perusahaan/lowongan/${v.id}/pelamar`);
    const ids = (await page.evaluate(`[...document.querySelectorAll('[id]')].map((e) => e.id)`)) as string[];
    expect(new Set(ids).size).toBe(ids.length);
    const dewi = page.locator('tr', { hasText: 'Dewi Lestari' });
    const budi = page.locator('tr', { hasText: 'Budi Santoso' });
    await dewi.getByText('Terima bekerja…').click();
    await page.getByText('Saya menyatakan Dewi Lestari diterima bekerja').click();
    await expect(dewi.getByRole('checkbox').isChecked()).resolves.toBe(true);
    await expect(budi.locator('input[type=checkbox]').isChecked()).resolves.toBe(false);
    // "TMT" is explained where it is asked.
    expect(await dewi.innerText()).toContain('TMT (terhitung mulai tanggal)');
    page.once('dialog', (d) => void d.accept());
    await dewi.getByRole('button', { name: 'Catat penerimaan' }).click();
    await page.waitForURL('**ok=hired');
    await shoot(page, 'hr-applicants-hired');
    await ctx.close();
  });

  it('an unknown address shows the console’s 404 page in Indonesian', async () => {
    const { ctx, page } = await web.person();
    const res = await page.goto('/lowongan-lama/123');
    expect(res!.status()).toBe(404);
    const text = await visible(page);
    expect(text).toContain('Halaman tidak ditemukan');
    expect(text).not.toContain('statusCode');
    await page.getByRole('link', { name: 'Ke halaman utama' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await ctx.close();
  });

  it('at 390 px the header is one row with a "Menu" button (no script needed), and everything to tap is 44 px high', async () => {
    for (const javaScript of [true, false]) {
      const { ctx, page } = await web.person({ width: 390, javaScript });
      await signIn(page, officer.email);
      await page.goto('/petugas/kartu');
      const header = await page.locator('header.top').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(64);
      const nav = page.getByRole('navigation', { name: 'Menu utama' });
      await expect(nav.isVisible()).resolves.toBe(false);
      await page.locator('header summary').click();
      await expect(nav.isVisible()).resolves.toBe(true);
      expect(await nav.innerText()).toContain('Buku induk kartu');
      const small = (await page.evaluate(
        `[...document.querySelectorAll('header a, header button, header summary, main button, main .btn, main summary, footer a, .pager a')]
           .filter((el) => el.offsetParent !== null)
           .map((el) => [el.textContent.trim().slice(0, 30), Math.round(el.getBoundingClientRect().height)])
           .filter(([, h]) => h < 44)`,
      )) as [string, number][];
      expect(small).toEqual([]);
      if (javaScript) await shoot(page, 'officer-menu-open');
      await ctx.close();
    }
  });

  it('pages leave compressed; a shared vacancy has its preview and JobPosting; sitemap, robots, help and privacy', async () => {
    const hr = await verifiedEmployer(web.t, officer, { legalName: `PT ${uniq('Bagikan')}` });
    const v = await postVacancy(web.t, hr, { title: `Juru Masak ${uniq('Og')}` });
    const { ctx, page } = await web.person({ width: 390 });
    const res = await page.goto(`/lowongan/${v.id}`);
    expect(['gzip', 'br']).toContain(res!.headers()['content-encoding']);
    const og = (await page.evaluate(
      `Object.fromEntries([...document.querySelectorAll('meta[property^="og:"]')].map((m) => [m.getAttribute('property'), m.getAttribute('content')]))`,
    )) as Record<string, string>;
    expect(og['og:title']).toContain(v.title as string);
    expect(og['og:url']).toBe(`${web.base}/lowongan/${v.id}`);
    expect(og['og:description']).toContain('Rp 3.500.000 – Rp 4.500.000');
    expect(og['og:image']).toBe(`${web.base}/assets/og.png`);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld).toMatchObject({
      '@type': 'JobPosting',
      title: v.title,
      hiringOrganization: { name: expect.stringContaining('PT ') },
    });
    const css = await page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.includes('/assets/app.css')).length`,
    );
    expect(css).toBe(1);

    const sitemap = await page.goto('/sitemap.xml');
    expect(await sitemap!.text()).toContain(`${web.base}/lowongan/${v.id}`);
    const robots = await page.goto('/robots.txt');
    expect(await robots!.text()).toContain(`Sitemap: ${web.base}/sitemap.xml`);

    await page.goto('/');
    await page.getByRole('link', { name: 'Bantuan' }).last().click();
    await page.waitForURL('**/bantuan');
    const help = await visible(page);
    for (const s of [
      'Apa itu kartu AK1?',
      'Persyaratan',
      'KTP elektronik',
      'Jam layanan',
      'Dinas Tenaga Kerja Kota Palembang',
    ])
      expect(help).toContain(s);
    await shoot(page, 'help');
    await page.getByRole('link', { name: 'Pemberitahuan privasi' }).last().click();
    await page.waitForURL('**/privasi');
    expect(await visible(page)).toContain('Pelindungan Data Pribadi');
    await ctx.close();
  });
});
