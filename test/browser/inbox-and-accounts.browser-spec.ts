import type { Page } from 'playwright-core';
import { PasswordReset } from '../../src/auth/password-reset';
import { Transactions } from '../../src/database/transactions';
import { NotificationWorker } from '../../src/notifications/notification-worker';
import { Notifier } from '../../src/notifications/notifier';
import type { TestApp } from '../support/app';
import { registerSeeker } from '../support/factories';
import { SmtpInbox } from '../support/smtp-inbox';
import { shoot, signIn, startConsole, visible, type Console } from './support';

/**
 * The bell, the inbox and the settings, and "Lupa kata sandi" through the mailed link, in a real
 * browser on a 390 px phone and at 1280 px (every page checked for unique ids and axe by the support,
 * and for sideways scrolling here).
 */
describe('inbox and account recovery (browser)', () => {
  let web: Console;
  let t: TestApp;
  let smtp: SmtpInbox;

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    web = await startConsole({ SMTP_URL: smtp.url });
    t = web.t;
  }, 60_000);
  afterAll(async () => {
    await web?.close();
    await smtp?.stop();
  });
  afterEach(async () => {
    await web.assertPagesClean();
  }, 120_000);

  const noSideways = async (page: Page) =>
    expect(await page.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(true);

  for (const width of [390, 1280]) {
    it(`shows the unread count, opens a message and saves the settings (${width} px)`, async () => {
      const seeker = await registerSeeker(t);
      await t.app.get(Transactions).run((m) =>
        t.app.get(Notifier).notify(m, {
          kind: 'CARD_REJECTED',
          userIds: [seeker.userId],
          subject: `card:browser-${width}`,
          params: { reason: 'Foto pas kurang jelas, mohon unggah ulang.' },
        }),
      );
      const { ctx, page } = await web.person({ width });
      await signIn(page, seeker.email);
      const bell = page.getByRole('link', { name: 'Pemberitahuan, 1 belum dibaca' });
      await bell.click();
      await page.waitForURL(/\/pemberitahuan$/);
      expect(await visible(page)).toContain('Foto pas kurang jelas');
      await noSideways(page);
      await shoot(page, `inbox-${width}`);

      await page.getByRole('link', { name: 'Buka' }).first().click();
      await page.waitForURL(/\/saya\/kartu/);
      await page.goto('/pemberitahuan/pengaturan');
      await page.getByLabel('Pengingat lapor 6 bulanan').check();
      await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
      await page.waitForURL(/ok=notificationSettingsSaved/);
      expect(await visible(page)).toContain('Pengaturan pemberitahuan tersimpan.');
      expect(await page.getByLabel('Pengingat lapor 6 bulanan').isChecked()).toBe(true);
      await noSideways(page);
      await ctx.close();
    });
  }

  it('gets back in through "Lupa kata sandi" and the mailed link on a phone', async () => {
    const seeker = await registerSeeker(t);
    const { ctx, page } = await web.person({ width: 390 });
    await page.goto('/masuk');
    await page.getByRole('link', { name: /Lupa kata sandi/ }).click();
    await page.getByLabel(/Email/).fill(seeker.email);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await t.app.get(PasswordReset).settled();
    await t.app.get(NotificationWorker).drainOnce();
    await noSideways(page);
    const mail = await smtp.waitFor((m) => m.to.includes(seeker.email), 15_000);
    const link = /https?:\/\/\S+\/masuk\/atur-ulang\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const url = new URL(link!);
    await page.goto(`${url.pathname}${url.search}`);
    await page.getByLabel(/^Kata sandi baru/).fill('kata-sandi-yang-baru');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    expect(await visible(page)).toContain('Kata sandi Anda sudah diganti');
    await noSideways(page);
    await signIn(page, seeker.email, 'kata-sandi-yang-baru');
    expect(page.url()).not.toContain('/masuk');
    await ctx.close();
  });
});
