import request from 'supertest';
import { Transactions } from '../../src/database/transactions';
import { Notifier } from '../../src/notifications/notifier';
import { UnsubscribeLinks } from '../../src/notifications/unsubscribe-links';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerSeeker } from '../support/factories';
import { browser, postForm, signIn, textOf, tokensOf } from '../console/support';

describe('web console: the inbox, notification settings, unsubscribe link, deliveries (server)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  const tell = (userId: string, subject: string) =>
    t.app.get(Transactions).run((m) =>
      t.app.get(Notifier).notify(m, {
        kind: 'CARD_REJECTED',
        userIds: [userId],
        subject,
        params: { reason: 'Foto kurang jelas' },
      }),
    );

  it('shows the unread count in the header, lists, opens and marks messages read', async () => {
    const seeker = await registerSeeker(t);
    const b = browser(t);
    await signIn(b, seeker.email);
    let home = await b.get('/saya/kartu').expect(200);
    expect(home.text).toContain('aria-label="Pemberitahuan"');
    expect(home.text).not.toContain('belum dibaca');

    await tell(seeker.userId, 'card:one');
    await tell(seeker.userId, 'card:two');
    home = await b.get('/saya/kartu').expect(200);
    expect(home.text).toContain('aria-label="Pemberitahuan, 2 belum dibaca"');

    const inbox = await b.get('/pemberitahuan').expect(200);
    const text = textOf(inbox.text);
    expect(text).toContain('2 belum dibaca');
    expect(text).toContain('Foto kurang jelas');
    const ids = [...inbox.text.matchAll(/href="\/pemberitahuan\/([0-9a-f-]{36})\/buka"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);

    // "Buka" marks it read and goes to the page the message is about, on this address.
    const opened = await b.get(`/pemberitahuan/${ids[0]}/buka`).expect(303);
    expect(opened.headers.location).toBe('/saya/kartu');
    expect(textOf((await b.get('/pemberitahuan').expect(200)).text)).toContain('1 belum dibaca');

    const marked = await postForm(b, '/pemberitahuan', `/pemberitahuan/${ids[1]}/baca`, {});
    expect(marked.status).toBe(303);
    const after = textOf((await b.get('/pemberitahuan?belum=1').expect(200)).text);
    expect(after).toContain('Semua pemberitahuan sudah dibaca.');

    // Another seeker cannot open it.
    const other = await registerSeeker(t);
    const b2 = browser(t);
    await signIn(b2, other.email);
    await b2.get(`/pemberitahuan/${ids[0]}/buka`).expect(404);
  });

  it('marks everything read with one button', async () => {
    const seeker = await registerSeeker(t);
    await tell(seeker.userId, 'card:x');
    await tell(seeker.userId, 'card:y');
    const b = browser(t);
    await signIn(b, seeker.email);
    const page = await b.get('/pemberitahuan').expect(200);
    await b
      .post('/pemberitahuan/baca-semua')
      .type('form')
      .send(tokensOf(page.text, '/pemberitahuan/baca-semua'))
      .expect(303);
    const list = await t.http.get('/api/v1/notifications?unread=true').set(bearer(seeker)).expect(200);
    expect(list.body.total).toBe(0);
  });

  it('saves the settings form and follows the language switch', async () => {
    const seeker = await registerSeeker(t);
    const b = browser(t);
    await signIn(b, seeker.email);
    const form = await b.get('/pemberitahuan/pengaturan').expect(200);
    expect(textOf(form.text)).toContain('Kartu AK1 disetujui');
    // A seeker is not offered the employers' kinds.
    expect(form.text).not.toContain('value="EMPLOYER_VERIFIED"');
    const saved = await b
      .post('/pemberitahuan/pengaturan')
      .type('form')
      .send({ ...tokensOf(form.text, '/pemberitahuan/pengaturan'), whatsapp: '1', muted: ['CARD_REPORT_DUE'] })
      .expect(303);
    expect(saved.headers.location).toContain('ok=notificationSettingsSaved');
    const api = await t.http.get('/api/v1/me/notification-settings').set(bearer(seeker)).expect(200);
    expect(api.body).toMatchObject({ email: false, whatsapp: true, muted: ['CARD_REPORT_DUE'], language: 'id' });

    await postForm(b, '/pemberitahuan', '/bahasa', { lang: 'en', next: '/pemberitahuan' }).then((r) =>
      expect(r.status).toBe(303),
    );
    const english = await t.http.get('/api/v1/me/notification-settings').set(bearer(seeker)).expect(200);
    expect(english.body.language).toBe('en');
    expect(textOf((await b.get('/pemberitahuan').expect(200)).text)).toContain('No notifications yet.');
  });

  it('turns email off from a signed unsubscribe link, and refuses a forged one', async () => {
    const seeker = await registerSeeker(t);
    const url = new URL(t.app.get(UnsubscribeLinks).url(seeker.userId));
    const path = `${url.pathname}${url.search}`;
    const anonymous = request(t.app.getHttpServer());

    const page = await anonymous.get(path).expect(200);
    expect(textOf(page.text)).toContain('Berhenti menerima email');
    // Opening the link changes nothing (mail scanners open links).
    expect((await t.http.get('/api/v1/me/notification-settings').set(bearer(seeker))).body.email).toBe(true);

    // A mail program's one-click unsubscribe: no cookies, no form token.
    await anonymous.post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect((await t.http.get('/api/v1/me/notification-settings').set(bearer(seeker))).body.email).toBe(false);

    const other = await registerSeeker(t);
    const forged = path.replace(seeker.userId, other.userId);
    await anonymous.post(forged).type('form').send('List-Unsubscribe=One-Click').expect(400);
    expect((await t.http.get('/api/v1/me/notification-settings').set(bearer(other))).body.email).toBe(true);
    expect(textOf((await anonymous.get(forged).expect(400)).text)).toContain('Tautan ini tidak dapat digunakan');
  });

  it('gives officers the delivery list, opening on the failed ones', async () => {
    const officer = await makeOfficer(t);
    const b = browser(t);
    await signIn(b, officer.email);
    const page = await b.get('/petugas/pengiriman').expect(200);
    const text = textOf(page.text);
    expect(text).toContain('Pengiriman email dan WhatsApp');
    expect(text).toContain('Email dan WhatsApp belum diatur');
    expect(page.text).toMatch(/<option value="FAILED" selected/);
    const bad = await b.get('/petugas/pengiriman?from=2026-13-01').expect(400);
    expect(textOf(bad.text)).not.toContain('VALIDATION_FAILED');

    const seeker = await registerSeeker(t);
    const sb = browser(t);
    await signIn(sb, seeker.email);
    await sb.get('/petugas/pengiriman').expect(403);
  });
});
