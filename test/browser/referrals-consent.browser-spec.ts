import type { BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import {
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  type EmployerSession,
  type SeekerSession,
  type Session,
} from '../support/factories';
import { pageProblems, shoot, signIn, startConsole, visible, type Console } from './support';

/**
 * Issue 14 in a real browser (Debian's chromium driven by playwright-core): the officer finds a card by
 * NIK and refers a candidate to a vacancy; the referred seeker sees the referral, applies and allows the
 * company to see their phone and email, and HR sees both (tel: and mailto: links) with the referral;
 * another seeker applies without that consent and HR sees only a sentence saying so; withdrawing the
 * consent hides the contact again. Every page visited has unique element ids and no axe violations.
 * Screenshots (360 px and 1280 px) go to test-artifacts/console/. Started through support.ts, so every
 * page visited is also checked there.
 */

describe('referrals and the applicant’s consent (browser)', () => {
  let web: Console;
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;
  let dewi: SeekerSession & { cardNumber: string };
  let yusuf: SeekerSession;
  /** One vacancy per test, so that each stands on its own. */
  let vacancy: { id: string; title: string };
  let second: { id: string; title: string };

  beforeAll(async () => {
    web = await startConsole();
    t = web.t;
    // The world through the API: a verified company with an open vacancy, two card holders.
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer, { legalName: `PT ${uniq('Rujukan')}` });
    const open = async (title: string) => ({
      id: (await postVacancy(t, employer, { title, ageMin: null, ageMax: null, educationMin: 'SMA' })).id,
      title,
    });
    vacancy = await open(`Operator Gudang ${uniq('R')}`);
    second = await open(`Admin Gudang ${uniq('K')}`);
    const d = await seekerWithActiveCard(t, officer, { fullName: 'Dewi Lestari', phone: '0812-3456-7890' });
    dewi = { ...d.seeker, cardNumber: d.card.cardNumber };
    yusuf = (await seekerWithActiveCard(t, officer, { fullName: 'Yusuf Ramadhan', phone: '0813-5555-0101' })).seeker;
  }, 60_000);

  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    await web.assertPagesClean();
  }, 120_000);

  /** A signed-in person's browser; confirmation dialogs (data-confirm) are answered yes. */
  async function person(email: string, width = 1280): Promise<{ ctx: BrowserContext; page: Page }> {
    const you = await web.person({ width });
    you.page.on('dialog', (dialog) => void dialog.accept());
    await signIn(you.page, email);
    return you;
  }

  /** No two elements share an id, and axe-core finds nothing on the page as it is now. */
  async function checkPage(page: Page, name: string): Promise<void> {
    expect({ page: name, problems: await pageProblems(page) }).toEqual({ page: name, problems: [] });
  }

  it('officer finds a card by NIK and refers a candidate; the seeker and the company see the referral', async () => {
    const off = await person(officer.email);

    // The card register finds Dewi's card by her NIK typed in groups, as it is printed on the KTP.
    await off.page.goto('/petugas/kartu');
    const spaced = dewi.nik.replace(/(\d{4})(?=\d)/g, '$1 ');
    await off.page.getByLabel(/^Nama pemegang, nomor kartu, atau NIK/).fill(spaced);
    await off.page.getByRole('button', { name: 'Cari' }).click();
    const found = await visible(off.page);
    expect(found).toContain('1 hasil');
    expect(found).toContain(dewi.cardNumber);
    expect(found).toContain('Dewi Lestari');

    // The vacancy's candidates: Dewi and Yusuf; refer Dewi with a note.
    await off.page.goto(`/petugas/lowongan/${vacancy.id}`);
    expect(await visible(off.page)).toContain('Belum ada pencari kerja yang dirujuk ke lowongan ini.');
    const row = off.page.locator('tr', { hasText: 'Dewi Lestari' });
    await row.getByText('Rujuk…').click();
    await row.getByLabel(/^Catatan rujukan/).fill('Pengalaman gudang dua tahun; siap kerja shift.');
    await checkPage(off.page, 'officer vacancy with a referral form open');
    await shoot(off.page, 'officer-referral');
    await row.getByRole('button', { name: 'Rujuk Dewi Lestari ke lowongan ini' }).click();
    await off.page.waitForURL('**ok=referred');
    const after = await visible(off.page);
    expect(after).toContain('Pencari kerja dirujuk.');
    expect(after).toContain('1 pencari kerja dirujuk ke lowongan ini.');
    // Dewi left the candidates and is listed as referred; Yusuf is still a candidate.
    const candidates = off.page.locator('table').first();
    expect(await candidates.innerText()).not.toContain('Dewi Lestari');
    expect(await candidates.innerText()).toContain('Yusuf Ramadhan');
    const referred = off.page.locator('tr', { hasText: 'Pengalaman gudang dua tahun' });
    expect(await referred.innerText()).toContain('Dewi Lestari');
    expect(await referred.innerText()).toContain('Belum melamar');
    await checkPage(off.page, 'officer vacancy after the referral');

    // Dewi sees the referral on "Lamaran saya".
    const seeker = await person(dewi.email, 360);
    await seeker.page.goto('/saya/lamaran');
    const mine = await visible(seeker.page);
    expect(mine).toContain('Rujukan dari Disnaker');
    expect(mine).toContain(`Anda dirujuk ke lowongan ${vacancy.title}`);
    expect(mine).toContain('Pengalaman gudang dua tahun; siap kerja shift.');
    await checkPage(seeker.page, 'seeker applications with a referral');
    await shoot(seeker.page, 'seeker-referral');

    // The company sees who was referred, before anyone applied, without contact details.
    const hr = await person(employer.email);
    await hr.page.goto(`/perusahaan/lowongan/${vacancy.id}/pelamar`);
    const applicants = await visible(hr.page);
    expect(applicants).toContain('Dirujuk oleh Disnaker (1)');
    expect(applicants).toContain('Dewi Lestari');
    expect(applicants).not.toContain('0812-3456-7890');
    await checkPage(hr.page, 'HR applicants with a referral');

    await Promise.all([off.ctx.close(), seeker.ctx.close(), hr.ctx.close()]);
  }, 120_000);

  it('a seeker applies with consent and HR sees the phone and email; without consent HR does not', async () => {
    const vacancy = second;
    // The office referred Dewi to this vacancy (through the API here; the first test does it in the console).
    const referral = await t.http
      .post(`/api/v1/vacancies/${vacancy.id}/referrals`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ seekerId: dewi.seekerId, note: 'Pengalaman gudang dua tahun.' });
    expect(referral.status).toBe(201);

    // Dewi follows the referral and applies, ticking the consent box (unticked until she does).
    const dewiTab = await person(dewi.email, 360);
    await dewiTab.page.goto('/saya/lamaran');
    const card = dewiTab.page.locator('li.card', { hasText: vacancy.title });
    await card.getByRole('link', { name: 'Lihat lowongan dan kirim lamaran' }).click();
    await dewiTab.page.waitForURL(`**/lowongan/${vacancy.id}`);
    const consentBox = dewiTab.page.getByLabel(/^Saya mengizinkan perusahaan ini melihat nomor HP dan email saya/);
    await expect(consentBox.isChecked()).resolves.toBe(false);
    expect(await visible(dewiTab.page)).toContain('Anda dapat mengubahnya kapan saja di halaman Lamaran saya.');
    await checkPage(dewiTab.page, 'vacancy with the apply form');
    await shoot(dewiTab.page, 'seeker-apply-consent');
    await consentBox.check();
    await dewiTab.page.getByRole('button', { name: 'Kirim lamaran' }).click();
    await dewiTab.page.waitForURL('**/saya/lamaran?ok=applied');
    const dewiRow = dewiTab.page.locator('tr', { hasText: vacancy.title });
    expect(await dewiRow.innerText()).toContain('Nomor HP dan email dibagikan');
    expect(await dewiTab.page.locator('li.card', { hasText: vacancy.title }).innerText()).toContain(
      'Anda sudah melamar lowongan ini.',
    );

    // Yusuf applies without ticking it.
    const yusufTab = await person(yusuf.email, 360);
    await yusufTab.page.goto(`/lowongan/${vacancy.id}`);
    await yusufTab.page.getByRole('button', { name: 'Kirim lamaran' }).click();
    await yusufTab.page.waitForURL('**/saya/lamaran?ok=applied');
    expect(await yusufTab.page.locator('tr', { hasText: vacancy.title }).innerText()).toContain('Tidak dibagikan');

    // HR: Dewi's phone (tel:) and email (mailto:); for Yusuf only the sentence, none of his details.
    const hr = await person(employer.email);
    await hr.page.goto(`/perusahaan/lowongan/${vacancy.id}/pelamar`);
    const dewiApplicant = hr.page.locator('tr', { hasText: 'Dewi Lestari' }).first();
    await expect(dewiApplicant.getByRole('link', { name: '0812-3456-7890' }).getAttribute('href')).resolves.toBe(
      'tel:081234567890',
    );
    await expect(dewiApplicant.getByRole('link', { name: dewi.email }).getAttribute('href')).resolves.toBe(
      `mailto:${dewi.email}`,
    );
    const yusufApplicant = hr.page.locator('tr', { hasText: 'Yusuf Ramadhan' });
    expect(await yusufApplicant.innerText()).toContain('Pelamar belum membagikan nomor HP dan email.');
    const page = await hr.page.content();
    expect(page).not.toContain('0813-5555-0101');
    expect(page).not.toContain(yusuf.email);
    // The referral now says Dewi applied.
    expect(await hr.page.locator('tr', { hasText: 'Pengalaman gudang dua tahun.' }).innerText()).toContain(
      'Sudah melamar',
    );
    await checkPage(hr.page, 'HR applicants with and without consent');
    await shoot(hr.page, 'hr-applicants-contact');

    // Dewi withdraws her consent; HR no longer sees her details.
    await dewiRow.getByRole('button', { name: 'Berhenti membagikan' }).click();
    await dewiTab.page.waitForURL('**ok=contactHidden');
    expect(await visible(dewiTab.page)).toContain('Nomor HP dan email Anda tidak lagi ditampilkan kepada perusahaan.');
    expect(await dewiTab.page.locator('tr', { hasText: vacancy.title }).innerText()).toContain('Tidak dibagikan');
    await checkPage(dewiTab.page, 'seeker applications after withdrawing consent');
    await hr.page.reload();
    expect(await hr.page.locator('tr', { hasText: 'Dewi Lestari' }).first().innerText()).toContain(
      'Pelamar belum membagikan nomor HP dan email.',
    );
    expect(await hr.page.content()).not.toContain('0812-3456-7890');

    await Promise.all([dewiTab.ctx.close(), yusufTab.ctx.close(), hr.ctx.close()]);
  }, 120_000);
});
