import type { Locator, Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { makeOfficer, verifiedEmployer, type Session } from '../support/factories';
import { shoot, signIn, startConsole, visible, type Console } from './support';

/**
 * "Kirim sosialisasi" in a real browser on a 390 px phone: from the outreach list to the form (the
 * character counter following the typing), the draft with its number of recipients, "Kirim" asked once
 * more, and the campaign list. Every page visited is checked (unique ids, axe) at 390 and 1280 px; the
 * page must not scroll sideways. Screenshots go to test-artifacts/console/.
 */
describe('outreach campaigns (browser)', () => {
  let web: Console;
  let t: TestApp;
  let officer: Session;
  const kbli = '93299';

  beforeAll(async () => {
    web = await startConsole();
    t = web.t;
    officer = await makeOfficer(t);
    await verifiedEmployer(t, officer, { kbli, kecamatanCode: '16.71.05' });
    await verifiedEmployer(t, officer, { kbli, kecamatanCode: '16.71.10' });
  }, 60_000);
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    await web.assertPagesClean();
  }, 120_000);

  const noSideways = async (page: Page) =>
    expect(await page.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(true);

  it('writes, previews and sends a campaign on a phone', async () => {
    const { ctx, page } = await web.person({ width: 390 });
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, officer.email);

    await page.goto('/petugas/penjangkauan');
    await page.getByRole('link', { name: 'Kirim sosialisasi' }).click();
    await page.waitForURL(/\/petugas\/penjangkauan\/kampanye\/baru\?/);
    await expectLocator(page.getByLabel('Partisipasi dalam periode')).toHaveValue('false');
    await expectLocator(page.getByLabel('Status perusahaan')).toHaveValue('VERIFIED');
    await noSideways(page);

    await page.getByLabel(/^Judul/).fill('Wajib lapor lowongan');
    const message = 'Bapak/Ibu HRD, laporkan setiap lowongan ke Disnaker. Terima kasih 🙏';
    await page.getByLabel(/^Isi pesan/).fill(message);
    await expectLocator(page.locator('#f-message-count')).toHaveText(`${[...message].length} dari 1.000 karakter`);
    await page.getByLabel(/^KBLI/).fill(kbli);
    await page.getByRole('button', { name: 'Lihat jumlah penerima' }).click();
    await page.waitForURL(/\/petugas\/penjangkauan\/kampanye\/[0-9a-f-]{36}\?ok=campaignDrafted$/);
    expect(await visible(page)).toContain('2 perusahaan akan menerima pesan ini');
    await noSideways(page);
    await shoot(page, 'outreach-draft');

    await page.locator('summary', { hasText: /^Kirim$/ }).click();
    await page.getByRole('button', { name: 'Ya, kirim sekarang' }).click();
    await page.waitForURL(/\?ok=campaignSent$/);
    const sent = await visible(page);
    expect(sent).toContain('Sosialisasi telah dikirim');
    expect(sent).toContain('Tingkat konversi');
    await noSideways(page);
    await shoot(page, 'outreach-sent');

    await page.getByRole('link', { name: /Riwayat sosialisasi/ }).click();
    expect(await visible(page)).toContain('Wajib lapor lowongan');
    await noSideways(page);
    await ctx.close();
  });
});

// Playwright's web-first assertions without @playwright/test: poll until the locator agrees.
function expectLocator(locator: Locator) {
  return {
    async toHaveValue(value: string) {
      await locator.waitFor();
      expect(await locator.inputValue()).toBe(value);
    },
    async toHaveText(text: string) {
      for (let i = 0; i < 50 && (await locator.innerText()) !== text; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await locator.innerText()).toBe(text);
    },
  };
}
