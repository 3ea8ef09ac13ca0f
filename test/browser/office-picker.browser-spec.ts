import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { bearer, makeOfficer, walkInSeekerWithCard, type Session } from '../support/factories';
import { shoot, signIn, startConsole, visible, type Console } from './support';

/**
 * The office picker of a province officer's IPK pages on a 390 px phone, without script: choosing a city
 * and then the aggregate by the form, the heading naming the office, the month and tabs keeping the
 * choice, the closing page saying that an aggregate is not closed. Pages are checked (ids, axe) after
 * each test. Screenshots go to test-artifacts/console/.
 */
describe('office picker (browser)', () => {
  let web: Console;
  let t: TestApp;
  let province: Session;
  let cityId: string;

  beforeAll(async () => {
    web = await startConsole({ REGION_CODE: '16', OFFICE_NAME: 'Disnakertrans Sumatera Selatan' });
    t = web.t;
    province = await makeOfficer(t);
    const me = await t.http.get('/api/v1/auth/me').set(bearer(province)).expect(200);
    const city = await t.http
      .post('/api/v1/offices')
      .set(bearer(province))
      .send({ code: '1671', level: 'CITY', name: 'Disnaker Kota Palembang', parentId: me.body.officeId })
      .expect(201);
    cityId = city.body.id as string;
    await walkInSeekerWithCard(t, province, { educationLevel: 'SMK' });
  }, 60_000);
  afterAll(async () => {
    await web?.close();
  });
  afterEach(async () => {
    await web.assertPagesClean();
  }, 120_000);

  const noSideways = async (page: Page) =>
    expect(await page.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(true);

  it('a province officer picks a city, then the aggregate, at 390 px and without script', async () => {
    const { ctx, page } = await web.person({ width: 390, javaScript: false });
    await signIn(page, province.email);
    const [y, m] = t.clock.today().split('-').map(Number);

    await page.goto(`/petugas/ipk/iii-2?year=${y}&month=${m}`);
    await page.selectOption('#f-officeId', cityId);
    await page.getByRole('button', { name: 'Tampilkan kantor' }).click();
    await page.waitForURL(new RegExp(`officeId=${cityId}`));
    expect(await page.locator('h1').innerText()).toContain('Disnaker Kota Palembang');
    expect(page.url()).toContain(`year=${y}`);
    await noSideways(page);
    await shoot(page, 'ipk-office-picker-city-phone');

    await page.selectOption('#f-officeId', { label: 'Disnakertrans Sumatera Selatan' });
    await page.selectOption('#f-scope', 'aggregate');
    await page.getByRole('button', { name: 'Tampilkan kantor' }).click();
    await page.waitForURL(/scope=aggregate/);
    expect(await page.locator('h1').innerText()).toContain('Gabungan Disnakertrans Sumatera Selatan');
    await noSideways(page);
    await shoot(page, 'ipk-office-picker-aggregate-phone');

    // The tabs keep the aggregate; closing it is not offered.
    await page.getByRole('link', { name: 'Penutupan bulan' }).click();
    await page.waitForURL(/penutupan\?.*scope=aggregate/);
    expect(await visible(page)).toContain('tidak ditutup');
    expect(await page.locator('summary.btn').count()).toBe(0);
    await noSideways(page);
    await ctx.close();
  });
});
