import { Transactions } from '../../src/database/transactions';
import { whatsappTemplates } from '../../src/notifications/messages';
import { NotificationWorker } from '../../src/notifications/notification-worker';
import { Notifier } from '../../src/notifications/notifier';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerSeeker, type Session } from '../support/factories';
import { SmtpInbox } from '../support/smtp-inbox';
import { WhatsAppStandIn } from '../support/whatsapp-stand-in';

/** The real channels inside the real application: the worker renders, the channels carry it out. */
describe('notifications over email and WhatsApp', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let whatsapp: WhatsAppStandIn;

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
    whatsapp = new WhatsAppStandIn({ templates: new Map(whatsappTemplates().map((x) => [x.name, x.parameterCount])) });
    await whatsapp.start();
    // A database of its own: the worker sends every pending delivery it finds.
    t = await startApp(
      {
        SMTP_URL: inbox.url,
        MAIL_FROM: 'AK1 <ak1@disnaker.test>',
        WHATSAPP_API_URL: whatsapp.apiUrl,
        WHATSAPP_PHONE_NUMBER_ID: whatsapp.phoneNumberId,
        WHATSAPP_TOKEN: whatsapp.token,
      },
      [],
      { freshDatabase: true },
    );
  });
  afterAll(async () => {
    await t?.close();
    await inbox?.stop();
    await whatsapp?.stop();
  });

  const tell = (userIds: string[], subject: string, reason: string) =>
    t.app
      .get(Transactions)
      .run((m) => t.app.get(Notifier).notify(m, { kind: 'CARD_REJECTED', userIds, subject, params: { reason } }));
  const drain = () => t.app.get(NotificationWorker).drainOnce();
  const deliveries = async (officer: Session) =>
    (await t.http.get('/api/v1/notification-deliveries').set(bearer(officer)).expect(200)).body.items as {
      channel: string;
      status: string;
      lastError: string | null;
    }[];

  it('sends the email (escaped, with List-Unsubscribe) and the WhatsApp template; SMTP down, then back', async () => {
    const officer = await makeOfficer(t);
    const seeker = await registerSeeker(t, { phone: '0812-7777-1234' });
    await t.http
      .put('/api/v1/me/notification-settings')
      .set(bearer(seeker))
      .send({ email: true, whatsapp: true, muted: [] })
      .expect(200);

    await tell([seeker.userId], 'card:1', '<b>Foto KTP</b> tidak terbaca');
    expect(await drain()).toMatchObject({ sent: 2, retrying: 0, failed: 0 });

    const mail = await inbox.waitFor((m) => m.to.includes(seeker.email));
    expect(mail.subject).toBe('Permohonan kartu AK1 belum dapat disetujui');
    expect(mail.text).toContain('<b>Foto KTP</b> tidak terbaca');
    expect(mail.html).toContain('&lt;b&gt;Foto KTP&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Foto KTP</b>');
    expect(mail.rawHeaders).toMatch(
      new RegExp(`^List-Unsubscribe: <${t.config.notifications.linkBase.replace(/[.:/]/g, '\\$&')}/`, 'm'),
    );
    expect(mail.rawHeaders).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);

    const sent = whatsapp.accepted.at(-1)!;
    expect(sent).toMatchObject({ to: '6281277771234', template: 'ak1_card_rejected', language: 'id' });
    expect(sent.params).toEqual(['<b>Foto KTP</b> tidak terbaca', `${t.config.notifications.linkBase}/saya/kartu`]);

    // The mail server goes away: the email waits (retryable), WhatsApp goes out.
    await inbox.stop();
    await tell([seeker.userId], 'card:2', 'KTP belum diunggah');
    expect(await drain()).toMatchObject({ sent: 1, retrying: 1, failed: 0 });
    const waiting = (await deliveries(officer)).find((d) => d.channel === 'EMAIL' && d.status === 'PENDING');
    expect(waiting?.lastError).toMatch(/^SMTP_UNREACHABLE: SMTP (server unreachable|connection failed)$/);

    await inbox.restart();
    t.clock.advance(120_000);
    expect(await drain()).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    const later = await inbox.waitFor((m) => m.to.includes(seeker.email) && m.text.includes('KTP belum diunggah'));
    expect(later.subject).toBe('Permohonan kartu AK1 belum dapat disetujui');
  });
});
