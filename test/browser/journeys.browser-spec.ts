import { addDays } from '../../src/common/dates';
import {
  digits,
  makeOfficer,
  nikFor,
  PASSWORD,
  postVacancy,
  uniq,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import { shoot, signIn as signInAs, startConsole, visible, type Console } from './support';
import type { Page } from 'playwright-core';

/**
 * Each role's main journey through the web console in a real browser (Debian's chromium driven by
 * playwright-core) against the real service: a company registers, an officer verifies it, HR posts
 * a vacancy, a seeker registers and requests a card, the officer approves it, the seeker applies, HR
 * checks the card and records the hire, the seeker's card page says placed, and the officer's
 * dashboard and IPK III/1 count it. Assertions are on what a person sees. Every page visited is
 * checked for duplicate ids and axe violations (support.ts). Screenshots (360 px and 1280 px) go to
 * test-artifacts/console/.
 */
describe('web console journeys (browser)', () => {
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

  const person = () => web.person();
  const signIn = async (page: Page, email: string) => signInAs(page, email);

  it('company → officer → HR → seeker → hire → placed → statistics', async () => {
    const companyName = `PT ${uniq('Jaya')}`;
    const hrEmail = `${uniq('hr')}@company.test`;
    const seekerEmail = `${uniq('seeker')}@mail.test`;
    const seekerName = 'Siti Rahmawati';
    const birthDate = '1998-03-14';
    const nik = nikFor(birthDate, 'P');
    const title = `Kasir ${uniq('Toko')}`;
    const today = web.t.clock.today();

    // 1. A company registers itself and lands on its status page: pending, with what to do meanwhile.
    const hr = await person();
    await hr.page.goto('/daftar/perusahaan');
    await shoot(hr.page, 'register-company');
    await hr.page.getByLabel(/^Nama resmi perusahaan/).fill(companyName);
    await hr.page.getByLabel(/^NIB/).fill(String(Date.now()).slice(-13).padStart(13, '9'));
    await hr.page.getByLabel(/^KBLI/).fill('47111');
    await hr.page.getByLabel(/^Alamat perusahaan/).fill('Jl. Jenderal Sudirman No. 1, Palembang');
    await hr.page.getByLabel(/^Kecamatan/).fill('16.71.05');
    await hr.page.getByLabel(/^Telepon perusahaan/).fill('0711-123456');
    await hr.page.getByLabel(/^Nama Anda/).fill('Rina Staf HR');
    await hr.page.getByLabel(/^Email/).fill(hrEmail);
    await hr.page.getByLabel(/^Kata sandi/).fill(PASSWORD);
    await hr.page.getByRole('button', { name: 'Daftar' }).click();
    await hr.page.waitForURL('**/perusahaan?ok=companyRegistered');
    expect(await visible(hr.page)).toContain('Menunggu verifikasi Disnaker.');
    await shoot(hr.page, 'company-pending');

    // 2. The officer verifies it from the queue.
    const off = await person();
    await signIn(off.page, officer.email);
    await off.page.waitForURL('**/petugas');
    await off.page.goto('/petugas/perusahaan');
    const row = off.page.locator('tr', { hasText: companyName });
    // One click only unfolds the question; the second does it.
    await row.getByText('Verifikasi', { exact: true }).click();
    expect(await row.innerText()).toContain(`Verifikasi ${companyName}`);
    await row.getByRole('button', { name: 'Ya, verifikasi' }).click();
    await off.page.waitForURL('**ok=employerVerified');
    expect(await visible(off.page)).toContain('Perusahaan diverifikasi.');

    // 3. HR posts a vacancy with the legal fields.
    await hr.page.goto('/perusahaan');
    expect(await visible(hr.page)).toContain('Perusahaan terverifikasi');
    await hr.page.goto('/perusahaan/lowongan/baru');
    await hr.page.getByLabel(/^Nama jabatan/).fill(title);
    await hr.page
      .getByLabel(/^Uraian pekerjaan/)
      .fill('Melayani pembeli di kasir, menghitung uang dan membuat laporan harian.');
    // The occupation picker: a text field with suggestions; a suggestion copied whole is taken by its code.
    await hr.page.getByLabel(/^Kode jabatan/).fill('5230 — Kasir dan petugas tiket');
    await hr.page.getByLabel(/^Jenis pekerjaan/).selectOption('FULL_TIME');
    await hr.page.getByLabel(/^Jumlah posisi/).fill('2');
    await hr.page.getByLabel(/^Gaji terendah/).fill('3.500.000');
    await hr.page.getByLabel(/^Gaji tertinggi/).fill('4.500.000');
    await hr.page.getByLabel(/^Lokasi kerja/).fill('Jl. Merdeka No. 5, Palembang');
    await hr.page.getByLabel(/^Kecamatan/).fill('16.71.05');
    const closes = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    await hr.page.getByLabel(/^Batas lamaran/).fill(closes);
    await hr.page.getByLabel(/^Pendidikan minimal/).selectOption('SMA');
    await hr.page.getByLabel(/^Keahlian/).fill('kasir, Excel');
    await shoot(hr.page, 'vacancy-form');
    await hr.page.getByRole('button', { name: 'Simpan dan tayangkan' }).click();
    await hr.page.waitForURL('**ok=vacancyPublished');
    expect(await visible(hr.page)).toContain(title);

    // 4. A job seeker registers on a phone and requests a card.
    const seeker = await person();
    await seeker.page.setViewportSize({ width: 360, height: 740 });
    await seeker.page.goto('/daftar/pencari-kerja');
    await seeker.page.getByLabel(/^NIK/).fill(nik);
    await seeker.page.getByLabel(/^Nama lengkap/).fill(seekerName);
    await seeker.page.getByLabel(/^Tempat lahir/).fill('Palembang');
    await seeker.page.getByLabel(/^Tanggal lahir/).fill(birthDate);
    await seeker.page.getByLabel(/^Jenis kelamin/).selectOption('P');
    await seeker.page.getByLabel(/^Alamat/).fill('Jl. Kolonel Atmo No. 7, Palembang');
    await seeker.page.getByLabel(/^Kecamatan/).fill('16.71.05');
    await seeker.page.getByLabel(/^Pendidikan terakhir/).selectOption('SMK');
    await seeker.page.getByLabel(/^Keahlian/).fill('Kasir, Excel');
    await seeker.page.getByLabel(/^Email/).fill(seekerEmail);
    await seeker.page.getByLabel(/^Kata sandi/).fill(PASSWORD);
    await seeker.page.getByRole('button', { name: 'Daftar' }).click();
    await seeker.page.waitForURL('**/saya/kartu?ok=seekerRegistered');
    await seeker.page.getByRole('button', { name: 'Ajukan kartu AK1' }).click();
    await seeker.page.waitForURL('**ok=cardRequested');
    expect(await visible(seeker.page)).toContain('Diajukan');

    // 5. The officer approves the request.
    await off.page.goto('/petugas/kartu/permohonan');
    await shoot(off.page, 'officer-card-queue');
    const request = off.page.locator('tr', { hasText: nik });
    await request.getByText('Setujui', { exact: true }).click();
    await request.getByRole('button', { name: 'Ya, setujui dan beri nomor' }).click();
    await off.page.waitForURL('**ok=cardApproved**');
    // The message names the number issued.
    expect(await visible(off.page)).toMatch(/Kartu disetujui dengan nomor 1671-\d{2}-\d{6}-\d\./);

    // 6. The seeker sees an active card with a number and its next report date, and can print it.
    await seeker.page.goto('/saya/kartu');
    const cardText = await visible(seeker.page);
    expect(cardText).toContain('Aktif');
    const cardNumber = /1671-\d{2}-\d{6}-\d/.exec(cardText)![0];
    expect(cardText).toContain('Wajib lapor berikutnya');
    await shoot(seeker.page, 'seeker-card');
    await seeker.page.getByRole('link', { name: 'Unduh / cetak kartu' }).click();
    await seeker.page.waitForURL('**/saya/kartu/cetak');
    expect(await visible(seeker.page)).toContain(cardNumber);
    expect(await visible(seeker.page)).toContain(nik);
    await expect(seeker.page.locator('.idcard .qr svg').count()).resolves.toBe(1);
    await shoot(seeker.page, 'seeker-card-print');

    // 7. The seeker finds the vacancy in search (with its facets) and applies.
    await seeker.page.goto(`/?q=${encodeURIComponent(title)}`);
    expect(await visible(seeker.page)).toContain('1 hasil');
    await shoot(seeker.page, 'search');
    await seeker.page.getByRole('link', { name: title }).click();
    expect(await visible(seeker.page)).toContain('Rp 3.500.000 – Rp 4.500.000');
    await shoot(seeker.page, 'vacancy');
    await seeker.page.getByRole('button', { name: 'Kirim lamaran' }).click();
    await seeker.page.waitForURL('**/saya/lamaran?ok=applied');
    expect(await visible(seeker.page)).toContain(title);
    expect(await visible(seeker.page)).toContain('Terkirim');
    await seeker.page.goto('/saya/rekomendasi');
    await shoot(seeker.page, 'seeker-recommendations');

    // 8. HR checks the card by number and NIK: valid, masked name only.
    await hr.page.goto('/perusahaan/cek-kartu');
    await hr.page.getByLabel(/^Nomor kartu AK1/).fill(cardNumber.replace(/-/g, ''));
    await hr.page.getByLabel(/^NIK/).fill(nik);
    await hr.page.getByRole('button', { name: 'Cek kartu' }).click();
    const checked = await visible(hr.page);
    expect(checked).toContain('Kartu SAH');
    expect(checked).toContain('S*** R********');
    expect(checked).not.toContain(seekerName);
    await shoot(hr.page, 'hr-card-check');

    // 9. HR opens the applicants, sees the live card status, and records the hire (with confirmation).
    await hr.page.goto('/perusahaan/lowongan');
    await hr.page.locator('tr', { hasText: title }).getByRole('link', { name: 'Pelamar' }).click();
    const applicant = hr.page.locator('tr', { hasText: seekerName });
    expect(await applicant.innerText()).toContain('Aktif');
    await applicant.getByText('Terima bekerja…').click();
    await applicant.getByLabel(/^Tanggal mulai kerja/).fill(today);
    await applicant.getByLabel(/Saya menyatakan/).check();
    await shoot(hr.page, 'hr-applicants');
    hr.page.once('dialog', (d) => void d.accept());
    await applicant.getByRole('button', { name: 'Catat penerimaan' }).click();
    await hr.page.waitForURL('**ok=hired');
    expect(await visible(hr.page)).toContain('Penerimaan karyawan tercatat.');
    expect(await hr.page.locator('tr', { hasText: seekerName }).innerText()).toContain('Diterima bekerja');

    // 10. The seeker's card page now says placed.
    await seeker.page.goto('/saya/kartu');
    const placed = await visible(seeker.page);
    expect(placed).toContain('Diterima bekerja');
    expect(placed).toContain(`Selamat! Anda tercatat diterima bekerja di ${companyName}`);
    await shoot(seeker.page, 'seeker-card-placed');

    // 11. The officer's dashboard and IPK III/1 count the placement.
    await off.page.goto('/petugas');
    const dash = await visible(off.page);
    const placementsInPeriod = Number(/(\d+)\s*penempatan dalam periode/.exec(dash)![1]);
    expect(placementsInPeriod).toBeGreaterThanOrEqual(1);
    await expect(off.page.locator('svg.chart').count()).resolves.toBeGreaterThanOrEqual(3);
    await shoot(off.page, 'officer-dashboard');
    const [y, m] = today.split('-').map(Number);
    await off.page.goto(`/petugas/ipk?year=${y}&month=${m}`);
    const placedRow = off.page.locator('tr', { hasText: '3. Ditempatkan bulan ini' });
    const cells = await placedRow.locator('td').allInnerTexts();
    expect(Number(cells[cells.length - 1])).toBeGreaterThanOrEqual(1);
    const registeredRow = await off.page
      .locator('tr', { hasText: '2. Terdaftar bulan ini' })
      .first()
      .locator('td')
      .allInnerTexts();
    expect(Number(registeredRow[registeredRow.length - 1])).toBeGreaterThanOrEqual(1);
    await shoot(off.page, 'officer-ipk');
    await off.page.goto('/petugas/penjangkauan');
    await shoot(off.page, 'officer-outreach');

    await hr.ctx.close();
    await seeker.ctx.close();
    await off.ctx.close();
  }, 180_000);

  it('officer at the counter: walk-in registration with work experience, card issued, CSV import', async () => {
    const off = await person();
    await signIn(off.page, officer.email);
    await off.page.waitForURL('**/petugas');
    const birthDate = '1995-06-21';
    const nik = nikFor(birthDate, 'L');

    // 1. A walk-in job seeker is registered from the menu, with two jobs of work experience.
    await off.page.getByRole('link', { name: 'Pendaftaran di loket' }).click();
    await off.page.waitForURL('**/petugas/pencari-kerja/baru');
    await off.page.getByLabel(/^NIK/).fill(nik);
    await off.page.getByLabel(/^Nama lengkap/).fill('Agus Walkin');
    await off.page.getByLabel(/^Tempat lahir/).fill('Palembang');
    await off.page.getByLabel(/^Tanggal lahir/).fill(birthDate);
    await off.page.getByLabel(/^Jenis kelamin/).selectOption('L');
    await off.page.getByLabel(/^Alamat/).fill('Jl. Veteran No. 9, Palembang');
    await off.page.getByLabel(/^Kecamatan/).fill('16.71.05');
    await off.page.getByLabel(/^Pendidikan terakhir/).selectOption('SMK');
    await off.page.getByLabel(/^Keahlian/).fill('Las listrik, Mengemudi');
    const jobs = [
      ['Montir', 'Bengkel Jaya', '2015', '2019'],
      ['Sopir', 'CV Angkut Cepat', '2019', ''],
    ];
    for (const [i, [position, company, from, to]] of jobs.entries()) {
      const row = off.page.getByRole('group', { name: `Pengalaman ${i + 1}` });
      await row.getByLabel('Jabatan', { exact: true }).fill(position);
      await row.getByLabel('Perusahaan', { exact: true }).fill(company);
      await row.getByLabel('Tahun mulai', { exact: true }).fill(from);
      await row.getByLabel('Tahun selesai', { exact: true }).fill(to);
    }
    await shoot(off.page, 'officer-walk-in');
    await off.page.getByRole('button', { name: 'Simpan pencari kerja' }).click();
    await off.page.waitForURL('**ok=walkInRegistered');
    const saved = await visible(off.page);
    expect(saved).toContain('Agus Walkin');
    expect(saved).toContain('Montir, Bengkel Jaya (2015–2019)');
    expect(saved).toContain('Sopir, CV Angkut Cepat (2019–sekarang)');

    // 2. The card is issued at the counter (after a confirmation) and is active with a number at once.
    off.page.once('dialog', (d) => void d.accept());
    await off.page.getByRole('button', { name: 'Terbitkan kartu AK1' }).click();
    await off.page.waitForURL('**ok=cardIssued');
    const card = await visible(off.page);
    expect(card).toContain('Kartu AK1 diterbitkan.');
    expect(card).toContain('Aktif');
    expect(card).toContain(nik);
    expect(card).toMatch(/1671-\d{2}-\d{6}-\d/);
    await shoot(off.page, 'officer-card-issued');

    // 3. Cards from the earlier system are imported from a CSV file; the bad line is shown with its reason.
    const issuedAt = addDays(web.t.clock.today(), -60);
    const number = `LAMA/${digits(10)}`;
    const csv = [
      'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status',
      `${number},${nikFor('1997-04-04', 'P')},Rina Impor,Palembang,1997-04-04,P,Jl. Dempo No. 2,SMA,${issuedAt},ACTIVE`,
      `LAMA/${digits(10)},${nikFor('1993-09-09', 'L')},Joko Keliru,Palembang,1993-09-10,L,Jl. Dempo No. 3,SMA,${issuedAt},ACTIVE`,
    ].join('\n');
    await off.page.getByRole('link', { name: 'Impor kartu' }).click();
    await off.page.waitForURL('**/petugas/kartu/impor');
    await off.page
      .getByLabel('Berkas CSV')
      .setInputFiles({ name: 'kartu-lama.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await off.page.getByRole('button', { name: 'Impor', exact: true }).click();
    const result = await visible(off.page);
    expect(result).toContain('1 kartu diimpor, 1 baris ditolak.');
    // In Indonesian: the column's own rule, no English, no pointer to docs/.
    expect(result).toMatch(/3\s+nik\s+NIK harus 16 digit dan sesuai dengan tanggal lahir/);
    expect(result).not.toContain('says the holder');
    expect(result).not.toContain('docs/');
    await shoot(off.page, 'officer-import');
    await off.page.goto(`/petugas/kartu?q=${encodeURIComponent(number)}`);
    expect(await visible(off.page)).toContain('Rina Impor');
    await off.ctx.close();
  }, 120_000);

  it('refuses a forged form, a seeker on an HR page, and HR on another company’s applicants', async () => {
    const { ctx, page } = await person();
    // A seeker, signed in, is refused HR pages with a visible "access denied".
    const email = `${uniq('s')}@mail.test`;
    await page.goto('/daftar/pencari-kerja');
    await page.getByLabel(/^NIK/).fill(nikFor('1990-05-05', 'L'));
    await page.getByLabel(/^Nama lengkap/).fill('Budi Santoso');
    await page.getByLabel(/^Tempat lahir/).fill('Palembang');
    await page.getByLabel(/^Tanggal lahir/).fill('1990-05-05');
    await page.getByLabel(/^Jenis kelamin/).selectOption('L');
    await page.getByLabel(/^Alamat/).fill('Jl. Merdeka No. 10');
    await page.getByLabel(/^Pendidikan terakhir/).selectOption('SMA');
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Daftar' }).click();
    await page.waitForURL('**/saya/kartu**');
    const refused = await page.goto('/perusahaan/lowongan');
    expect(refused!.status()).toBe(403);
    expect(await visible(page)).toContain('Akses ditolak');

    // A form whose token was tampered with is refused and changes nothing.
    await page.goto('/saya/kartu');
    await page
      .locator('form[action="/saya/kartu/ajukan"] input[name=_csrf]')
      .evaluate((el: { setAttribute(name: string, value: string): void }) => el.setAttribute('value', 'forged'));
    await page.getByRole('button', { name: 'Ajukan kartu AK1' }).click();
    expect(await visible(page)).toContain('Formulir sudah kedaluwarsa');
    await page.goto('/saya/kartu');
    expect(await visible(page)).not.toContain('Diajukan');
    await ctx.close();

    // HR of one company opening another company's applicants: not found.
    const someone = await postVacancy(web.t, await verifiedEmployer(web.t, officer));
    const hrEmail = `${uniq('hr')}@company.test`;
    const reg = await web.t.http.post('/api/v1/auth/register/employer').send({
      email: hrEmail,
      password: PASSWORD,
      fullName: 'Staf Lain',
      company: {
        legalName: `PT ${uniq('Lain')}`,
        nib: String(Date.now()).slice(-13).padStart(13, '8'),
        kbli: '47111',
        address: 'Jl. Lain No. 2, Palembang',
        phone: '0711-654321',
      },
    });
    expect(reg.status).toBe(201);
    const hr = await person();
    await signIn(hr.page, hrEmail);
    const res = await hr.page.goto(`/perusahaan/lowongan/${someone.id}/pelamar`);
    expect(res!.status()).toBe(404);
    expect(await visible(hr.page)).toContain('Halaman tidak ditemukan');
    await hr.ctx.close();
  }, 120_000);
});
