import { addDays } from '../../src/common/dates';
import {
  bearer,
  digits,
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

const BOOTSTRAP = { email: 'kepala@disnaker.test', password: 'rahasia-kantor-2026' };

/**
 * Issue 14's language, in a real browser: one name for the card; "Batas lamaran"; "Data tidak cocok"
 * for a mistyped NIK (and an NIK error without birth date or sex); "… wajib diisi" in the form's own
 * order; "Lolos seleksi berkas", "Buku induk kartu", TMT explained; no English left (the bootstrap
 * officer is "Petugas Utama", the audit log speaks in sentences with names, the CSV import explains
 * in Indonesian); Indonesian habits accepted — phone "(0711) 352233", "+62 812-3456-7890", an NIK with
 * spaces, wages "Rp 4.500.000" and "4.500.000,-". Every page visited is checked for duplicate ids and
 * axe violations (support.ts).
 */
describe('formal Bahasa Indonesia, and the way people type (browser)', () => {
  let web: Console;
  let officer: Session;

  beforeAll(async () => {
    web = await startConsole({
      BOOTSTRAP_OFFICER_EMAIL: BOOTSTRAP.email,
      BOOTSTRAP_OFFICER_PASSWORD: BOOTSTRAP.password,
    });
    officer = await makeOfficer(web.t);
  }, 60_000);
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    await web.assertPagesClean();
  }, 120_000);

  it('one name for the card, and "Batas lamaran" next to "Dibuka"', async () => {
    const hr = await verifiedEmployer(web.t, officer);
    const v = await postVacancy(web.t, hr, { title: `Satpam ${uniq('Batas')}` });
    const { ctx, page } = await web.person({ width: 390 });
    await page.goto(`/?q=${encodeURIComponent(v.title as string)}`);
    const list = await visible(page);
    expect(list).toMatch(/Batas lamaran \d{1,2} \w+ \d{4}/);
    expect(list).not.toMatch(/Ditutup \d/);
    await page.goto(`/lowongan/${v.id}`);
    const detail = await visible(page);
    expect(detail).toContain('Dibuka');
    expect(detail).toContain('Batas lamaran');
    for (const path of ['/', '/bantuan', '/daftar/pencari-kerja', `/lowongan/${v.id}`]) {
      await page.goto(path);
      const all = await page.locator('body').innerText();
      expect(all).toContain('Layanan Kartu AK1');
      expect(all).not.toMatch(/Kartu Kuning Online|AK\/I|Kartu Tanda Pencari Kerja/);
    }
    await ctx.close();
  });

  it('registration: Indonesian phone and NIK habits accepted; empty fields "wajib diisi" in the form’s order', async () => {
    const { ctx, page } = await web.person({ width: 390 });
    await page.goto('/daftar/perusahaan');
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    const summary = await page.locator('.notice.error').innerText();
    const order = [
      'Nama resmi perusahaan wajib diisi.',
      'NIB wajib diisi.',
      'KBLI wajib diisi.',
      'Telepon perusahaan wajib diisi.',
      'Nama Anda (staf HR) wajib diisi.',
      'Email wajib diisi.',
      'Kata sandi wajib diisi.',
    ];
    const at = order.map((s) => summary.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    await shoot(page, 'register-company-errors');

    await page.getByLabel(/^Nama resmi perusahaan/).fill(`PT ${uniq('Telepon')}`);
    await page.getByLabel(/^NIB/).fill(digits(13));
    await page.getByLabel(/^KBLI/).fill('47111');
    await page.getByLabel(/^Alamat perusahaan/).fill('Jl. Kapten A. Rivai No. 3, Palembang');
    await page.getByLabel(/^Telepon perusahaan/).fill('(0711) 352233');
    await page.getByLabel(/^Nama Anda/).fill('Rina Staf HR');
    await page.getByLabel(/^Email/).fill(`${uniq('hr')}@company.test`);
    await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await page.waitForURL('**/perusahaan?ok=companyRegistered');
    expect(await visible(page)).toContain('0711 352233');
    await ctx.close();

    const seeker = await web.person({ width: 390 });
    const birthDate = '2000-02-29';
    await seeker.page.goto('/daftar/pencari-kerja');
    await seeker.page.getByLabel(/^NIK/).fill(nikFor(birthDate, 'P').replace(/(\d{4})(?=\d)/g, '$1 '));
    await seeker.page.getByLabel(/^Nama lengkap/).fill('Nur Aini');
    await seeker.page.getByLabel(/^Tempat lahir/).fill('Palembang');
    await seeker.page.getByLabel(/^Tanggal lahir/).fill(birthDate);
    await seeker.page.getByLabel(/^Jenis kelamin/).selectOption('P');
    await seeker.page.getByLabel(/^Nomor HP/).fill('+62 812-3456-7890');
    await seeker.page.getByLabel(/^Alamat/).fill('Jl. Veteran No. 21, Palembang');
    await seeker.page.getByLabel(/^Pendidikan terakhir/).selectOption('SMK');
    await seeker.page.getByLabel(/^Email/).fill(`${uniq('nur')}@mail.test`);
    await seeker.page.getByLabel(/^Kata sandi/).fill(PASSWORD);
    await seeker.page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await seeker.page.waitForURL('**/saya/kartu?ok=seekerRegistered');
    await seeker.ctx.close();
  });

  it('HR: "Data tidak cocok" for a mistyped NIK, an NIK error without birth date or sex, "Lolos seleksi berkas", TMT explained', async () => {
    const hr = await verifiedEmployer(web.t, officer);
    const v = await postVacancy(web.t, hr, { title: `Kasir ${uniq('Bahasa')}`, ageMin: null, ageMax: null });
    const { seeker, card } = await seekerWithActiveCard(web.t, officer, { fullName: 'Andi Wijaya' });
    await web.t.http.post(`/api/v1/vacancies/${v.id}/applications`).set(bearer(seeker)).send({}).expect(201);
    const { ctx, page } = await web.person();
    await signIn(page, hr.email);

    await page.goto('/perusahaan/cek-kartu');
    await page.getByLabel(/^Nomor kartu AK1/).fill(card.cardNumber);
    await page.getByLabel(/^NIK/).fill('1671');
    await page.getByRole('button', { name: 'Cek kartu' }).click();
    const short = await visible(page);
    expect(short).toContain('NIK harus 16 digit');
    expect(short).not.toMatch(/tanggal lahir|jenis kelamin/i);
    await page.getByLabel(/^Nomor kartu AK1/).fill(card.cardNumber);
    await page.getByLabel(/^NIK/).fill(nikFor('1985-01-01', 'L'));
    await page.getByRole('button', { name: 'Cek kartu' }).click();
    const mismatch = await visible(page);
    expect(mismatch).toContain('Data tidak cocok');
    expect(mismatch).not.toMatch(/TIDAK SAH/);
    await page.getByLabel(/^Nomor kartu AK1/).fill(card.cardNumber.replace(/-/g, ' '));
    await page.getByLabel(/^NIK/).fill(seeker.nik.replace(/(\d{4})(?=\d)/g, '$1 '));
    await page.getByRole('button', { name: 'Cek kartu' }).click();
    expect(await visible(page)).toContain('Kartu SAH');

    await page.goto(`/perusahaan/lowongan/${v.id}/pelamar`);
    const row = page.locator('tr', { hasText: 'Andi Wijaya' });
    await row.getByRole('button', { name: 'Lolos seleksi berkas' }).click();
    await page.waitForURL('**ok=decided');
    expect(await page.locator('tr', { hasText: 'Andi Wijaya' }).innerText()).toContain('Lolos seleksi berkas');
    await page.locator('tr', { hasText: 'Andi Wijaya' }).getByText('Terima bekerja…').click();
    expect(await page.locator('tr', { hasText: 'Andi Wijaya' }).innerText()).toContain(
      'TMT (terhitung mulai tanggal): hari pertama bekerja.',
    );
    await ctx.close();
  });

  it('no English left: "Petugas Utama", the audit log in sentences with names, the import in Indonesian, wages as typed', async () => {
    const { ctx, page } = await web.person();
    await signIn(page, BOOTSTRAP.email, BOOTSTRAP.password);
    await page.goto('/petugas');
    expect(await page.locator('header').innerText()).toContain('Petugas Utama');
    expect(await page.locator('header nav').innerText()).toContain('Buku induk kartu');

    // Something to read in the log: a company verified, a card approved, a hire recorded.
    const hr = await verifiedEmployer(web.t, officer, { legalName: `PT ${uniq('Audit')}` });
    const { seeker } = await seekerWithActiveCard(web.t, officer, { fullName: 'Yusuf Hakim' });
    await web.t.http
      .post('/api/v1/seekers/me/placement')
      .set(bearer(seeker))
      .send({ employerName: 'CV Maju Jaya', startDate: web.t.clock.today() });

    await page.goto('/petugas/audit');
    const options = await page
      .getByLabel(/^Jenis objek/)
      .locator('option')
      .allInnerTexts();
    expect(options).toEqual(expect.arrayContaining(['Semua', 'Perusahaan', 'Kartu AK1', 'Lowongan', 'Penempatan']));
    await page.getByLabel(/^Jenis objek/).selectOption('card');
    await page.getByRole('button', { name: 'Cari' }).click();
    const log = await visible(page);
    expect(log).toMatch(/Petugas Uji menyetujui kartu AK1 Yusuf Hakim dengan nomor 1671-\d{2}-\d{6}-\d\./);
    expect(log).toMatch(/Kartu AK1 1671-\d{2}-\d{6}-\d \(Yusuf Hakim\) ditutup karena pemegangnya diterima bekerja/);
    expect(log).not.toMatch(/card\.approved|placement\.recorded|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(log).not.toContain('{');
    await shoot(page, 'officer-audit');
    await page.goto('/petugas/audit?entityType=employer');
    expect(await visible(page)).toContain(
      `Petugas Uji memverifikasi perusahaan ${(await web.t.http.get(`/api/v1/employers/${hr.employerId}`).set(bearer(officer))).body.legalName as string}.`,
    );

    // The CSV import explains refusals in Indonesian, with no pointer to docs/.
    await page.goto('/petugas/kartu/impor');
    const csv = [
      'cardNumber,nik,fullName,birthPlace,birthDate,gender,address,educationLevel,issuedAt,status',
      `LAMA/${digits(8)},${nikFor('1991-05-05', 'L')},Joko Lama,Palembang,1991-05-05,L,Jl. Dempo No. 3,SMA,2099-01-01,AKTIF`,
    ].join('\n');
    await page.getByLabel(/^Atau tempelkan isi CSV/).fill(csv);
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    const result = await visible(page);
    expect(result).toContain('0 kartu diimpor, 1 baris ditolak.');
    expect(result).toContain('Status harus salah satu dari ACTIVE, EXPIRED, PLACED, REVOKED.');
    expect(result).toContain('Tanggal terbit tidak boleh di masa depan.');
    expect(result).not.toMatch(/must|docs\//);
    await page.getByLabel(/^Atau tempelkan isi CSV/).fill('nomor,nama\n1,2');
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    const header = await visible(page);
    expect(header).toContain('Kolom "nomor" tidak dikenal.');
    expect(header).toContain('Kolom wajib "cardNumber" tidak ada.');
    await ctx.close();

    // Wages typed as "Rp 4.500.000" and "4.500.000,-" are taken as numbers.
    const staff = await web.person();
    await signIn(staff.page, hr.email);
    await staff.page.goto('/perusahaan/lowongan/baru');
    const title = `Teknisi ${uniq('Gaji')}`;
    await staff.page.getByLabel(/^Nama jabatan/).fill(title);
    await staff.page.getByLabel(/^Uraian pekerjaan/).fill('Merawat mesin pendingin di gedung perkantoran.');
    await staff.page.getByLabel(/^Kode jabatan/).fill('7127');
    await staff.page.getByLabel(/^Jenis pekerjaan/).selectOption('CONTRACT');
    await staff.page.getByLabel(/^Jumlah posisi/).fill('3');
    await staff.page.getByLabel(/^Gaji terendah/).fill('Rp 4.500.000');
    await staff.page.getByLabel(/^Gaji tertinggi/).fill('5.500.000,-');
    await staff.page.getByLabel(/^Lokasi kerja/).fill('Jl. Demang Lebar Daun, Palembang');
    await staff.page.getByLabel(/^Batas lamaran/).fill(addDays(web.t.clock.today(), 14));
    await staff.page.getByLabel(/^Pendidikan minimal/).selectOption('SMK');
    await staff.page.getByRole('button', { name: 'Simpan dan tayangkan' }).click();
    await staff.page.waitForURL('**ok=vacancyPublished');
    await staff.page.getByRole('link', { name: title }).click();
    expect(await visible(staff.page)).toContain('Rp 4.500.000 – Rp 5.500.000');
    await staff.ctx.close();
  });
});
