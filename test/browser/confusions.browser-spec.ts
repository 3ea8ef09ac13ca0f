import {
  bearer,
  makeOfficer,
  postVacancy,
  registerEmployer,
  registerSeeker,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  type Session,
} from '../support/factories';
import { shoot, signIn, startConsole, visible, type Console } from './support';

/**
 * Issue 14, "things that confuse", in a real browser: a rejected card says why; a vacancy page stops
 * offering "Kirim lamaran" once applied; an unverified company is told why it cannot post; the public
 * "Cek kartu" explains scanning with the phone's camera and takes a pasted link; after a hire the
 * seeker is no longer offered a card, recommendations or "Saya sudah bekerja"; "Setujui" and
 * "Verifikasi" ask first (without script too) and the approval names the number; a 6-month report
 * says when the next one is due. Every page visited is checked for duplicate ids and axe violations.
 */
describe('what used to confuse (browser)', () => {
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

  it('a rejected card shows the reason and no "Menunggu persetujuan"; the seeker may ask again', async () => {
    const seeker = await registerSeeker(web.t);
    const requested = await web.t.http.post('/api/v1/cards/requests').set(bearer(seeker));
    await web.t.http
      .post(`/api/v1/cards/${requested.body.id}/reject`)
      .set(bearer(officer))
      .send({ reason: 'Foto KTP tidak terbaca' })
      .expect(200);
    const { ctx, page } = await web.person({ width: 390 });
    await signIn(page, seeker.email);
    await page.goto('/saya/kartu');
    const text = await visible(page);
    expect(text).toContain('Ditolak');
    expect(text).toContain('Alasan penolakan');
    expect(text).toContain('Foto KTP tidak terbaca');
    expect(text).not.toContain('Menunggu persetujuan');
    expect(text).toContain('Ajukan kartu AK1');
    await shoot(page, 'seeker-card-rejected');
    await ctx.close();
  });

  it('after applying, the vacancy page says so instead of offering "Kirim lamaran"', async () => {
    const hr = await verifiedEmployer(web.t, officer);
    const v = await postVacancy(web.t, hr, { title: `Kurir ${uniq('Lamar')}`, ageMin: null, ageMax: null });
    const { seeker } = await seekerWithActiveCard(web.t, officer);
    const { ctx, page } = await web.person({ width: 390 });
    await signIn(page, seeker.email);
    await page.goto(`/lowongan/${v.id}`);
    await page.getByRole('button', { name: 'Kirim lamaran' }).click();
    await page.waitForURL('**/saya/lamaran?ok=applied');
    await page.goto(`/lowongan/${v.id}`);
    const text = await visible(page);
    expect(text).toContain('Anda sudah melamar lowongan ini');
    expect(text).toContain('Status lamaran: Terkirim');
    await expect(page.getByRole('button', { name: 'Kirim lamaran' }).count()).resolves.toBe(0);
    await ctx.close();
  });

  it('an unverified company is told why it cannot post instead of being offered "Pasang lowongan baru"', async () => {
    const hr = await registerEmployer(web.t);
    const { ctx, page } = await web.person();
    await signIn(page, hr.email);
    await page.goto('/perusahaan/lowongan');
    const text = await visible(page);
    expect(text).not.toContain('Pasang lowongan baru');
    expect(text).toContain('Lowongan dapat dipasang setelah perusahaan Anda diverifikasi Disnaker');
    await page.getByRole('link', { name: 'Lihat status perusahaan' }).click();
    await page.waitForURL('**/perusahaan');
    await ctx.close();
  });

  it('"Cek kartu" explains scanning the QR code with the phone camera, and takes the link a scanner shows', async () => {
    const { seeker } = await seekerWithActiveCard(web.t, officer, { fullName: 'Sari Wulandari' });
    const me = await web.t.http.get('/api/v1/cards/me').set(bearer(seeker));
    const credential = await web.t.http.get(`/api/v1/cards/${me.body.current.id}/credential`).set(bearer(seeker));
    const { ctx, page } = await web.person({ width: 390 });
    await page.goto('/');
    await page.locator('header summary').click();
    await page.getByRole('link', { name: 'Cek kartu', exact: true }).click();
    await page.waitForURL('**/cek-kartu');
    const text = await visible(page);
    expect(text).toContain('Memindai kode QR dengan kamera HP');
    expect(text).toContain('Buka aplikasi Kamera');
    await page
      .getByLabel(/^Tautan atau kode dari kode QR/)
      .fill(`${web.base}/cek-kartu?t=${credential.body.token as string}`);
    await page.getByRole('button', { name: 'Cek kartu' }).click();
    const result = await visible(page);
    expect(result).toContain('Kartu SAH');
    expect(result).toMatch(/S\*{3} W\*{8}/);
    expect(result).not.toContain('Sari Wulandari');
    await shoot(page, 'public-card-check');
    await ctx.close();
  });

  it('"Setujui" and "Verifikasi" ask first, without script too; the approval names the number; a report says when the next is due', async () => {
    const seeker = await registerSeeker(web.t, { fullName: 'Rahmat Hidayat' });
    await web.t.http.post('/api/v1/cards/requests').set(bearer(seeker)).expect(201);
    const company = await registerEmployer(web.t, { legalName: `PT ${uniq('Tanya')}` });
    const pending = await web.t.http.get(`/api/v1/employers/${company.employerId}`).set(bearer(officer));
    const name = pending.body.legalName as string;

    const off = await web.person({ javaScript: false });
    await signIn(off.page, officer.email);
    await off.page.goto('/petugas/perusahaan');
    const row = off.page.locator('tr', { hasText: name });
    await row.getByText('Verifikasi', { exact: true }).click();
    expect(await row.innerText()).toContain(`Verifikasi ${name}`);
    expect((await web.t.http.get(`/api/v1/employers/${company.employerId}`).set(bearer(officer))).body.status).toBe(
      'PENDING',
    );
    await row.getByRole('button', { name: 'Ya, verifikasi' }).click();
    await off.page.waitForURL('**ok=employerVerified');

    await off.page.goto('/petugas/kartu/permohonan');
    const request = off.page.locator('tr', { hasText: 'Rahmat Hidayat' });
    await request.getByText('Setujui', { exact: true }).click();
    expect(await request.innerText()).toContain('Setujui permohonan kartu AK1 atas nama Rahmat Hidayat');
    await request.getByRole('button', { name: 'Ya, setujui dan beri nomor' }).click();
    await off.page.waitForURL('**ok=cardApproved**');
    const message = await visible(off.page);
    const number = /Kartu disetujui dengan nomor (1671-\d{2}-\d{6}-\d)\./.exec(message)![1];
    await shoot(off.page, 'officer-card-approved');

    // The holder reports: the answer says it was recorded, and when the next report is due.
    const holder = await web.person({ width: 390 });
    await signIn(holder.page, seeker.email);
    await holder.page.goto('/saya/kartu');
    expect(await visible(holder.page)).toContain(number);
    await holder.page.getByRole('button', { name: /Saya masih mencari kerja/ }).click();
    await holder.page.waitForURL('**ok=reported');
    const reported = await visible(holder.page);
    expect(reported).toMatch(
      /Laporan 6 bulanan tercatat pada \d{1,2} \w+ \d{4}\. Wajib lapor berikutnya: \d{1,2} \w+ \d{4}\./,
    );
    await shoot(holder.page, 'seeker-card-reported');
    await off.ctx.close();
    await holder.ctx.close();
  });

  it('after a hire the seeker is no longer offered a card request, recommendations or "Saya sudah bekerja"', async () => {
    const { seeker } = await seekerWithActiveCard(web.t, officer, { fullName: 'Putri Ayu' });
    const { ctx, page } = await web.person({ width: 390 });
    await signIn(page, seeker.email);
    await page.goto('/saya/sudah-bekerja');
    await page.getByLabel(/^Nama perusahaan tempat bekerja/).fill('PT Sriwijaya Makmur');
    await page.getByLabel(/^Tanggal mulai kerja/).fill(web.t.clock.today());
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Laporkan saya sudah bekerja' }).click();
    await page.waitForURL('**ok=hiredReported');
    const text = await visible(page);
    expect(text).toContain('Selamat! Anda tercatat diterima bekerja di PT Sriwijaya Makmur');
    expect(text).not.toContain('Ajukan kartu AK1');
    expect(text).not.toContain('Saya sudah bekerja');
    await page.locator('header summary').click();
    const menu = await page.getByRole('navigation', { name: 'Menu utama' }).innerText();
    expect(menu).not.toContain('Lowongan yang cocok');
    expect(menu).not.toContain('Saya sudah bekerja');
    expect(menu).toContain('Kartu AK1 saya');
    await page.goto('/saya/rekomendasi');
    expect(await visible(page)).toContain('Anda tercatat sudah diterima bekerja');
    await shoot(page, 'seeker-after-hire');
    await ctx.close();
  });
});
