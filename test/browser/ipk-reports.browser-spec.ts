import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { makeOfficer, walkInSeekerWithCard, type Session } from '../support/factories';
import { shoot, signIn, startConsole, visible, type Console } from './support';

/**
 * The IPK pages on a 390 px phone: the widest table (III/8, two parts of twelve figures) scrolls inside
 * its own box and the eight tabs wrap, so the page itself never scrolls sideways; the closing page asks
 * before it closes the month and then lists it with its checksum. Pages are checked (ids, axe) after
 * each test. Screenshots go to test-artifacts/console/.
 */
describe('IPK reports (browser)', () => {
  let web: Console;
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    web = await startConsole();
    t = web.t;
    officer = await makeOfficer(t);
    await walkInSeekerWithCard(t, officer, { educationLevel: 'SMK' });
  }, 60_000);
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    await web.assertPagesClean();
  }, 120_000);

  const noSideways = async (page: Page) =>
    expect(await page.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(true);

  it('III/8 and the closing page fit 390 px without the page scrolling sideways', async () => {
    const { ctx, page } = await web.person({ width: 390 });
    await signIn(page, officer.email);
    const [y, m] = t.clock.today().split('-').map(Number);

    await page.goto(`/petugas/ipk/iii-8?year=${y}&month=${m}`);
    expect(await visible(page)).toContain('Menurut jenis perusahaan penerima');
    expect(await visible(page)).toContain('Terbuka');
    await noSideways(page);
    await shoot(page, 'ipk-iii-8-phone');

    await page.goto('/petugas/ipk/penutupan');
    expect(await visible(page)).toContain('Belum ada bulan yang ditutup.');
    await noSideways(page);
    const month = `${t.clock.today().slice(0, 7)}`;
    const label = await page.locator('summary.btn').innerText();
    expect(label).toMatch(/^Tutup bulan /);
    await page.locator('summary.btn').click();
    expect(await visible(page)).toContain('dibekukan');
    await noSideways(page);
    await page.getByRole('button', { name: /^Ya, tutup bulan / }).click();
    await page.waitForURL(new RegExp(`/petugas/ipk/penutupan\\?ok=1&month=${month}$`));
    expect(await visible(page)).toContain('sudah ditutup. Angkanya kini tetap.');
    await noSideways(page);
    await shoot(page, 'ipk-closing-phone');

    await page.goto(`/petugas/ipk/iii-2?year=${y}&month=${m}`);
    expect(await visible(page)).toContain('Ditutup pada');
    await noSideways(page);
    await ctx.close();
  });
});
