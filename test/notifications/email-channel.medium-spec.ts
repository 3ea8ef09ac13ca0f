import { Test, type TestingModule } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { ConfigModule } from '../../src/config/config.module';
import { ChannelsModule } from '../../src/notifications/channels/channels.module';
import { DeliveryError } from '../../src/notifications/channels/delivery-error';
import { EmailChannel } from '../../src/notifications/channels/email-channel';
import { renderMessage } from '../../src/notifications/messages';
import { SmtpInbox } from '../support/smtp-inbox';

const LINK_BASE = 'https://ak1.example.go.id';
const UNSUBSCRIBE = `${LINK_BASE}/api/v1/notifications/unsubscribe?token=u-123`;

/** The channel as the application builds it: Nest's container, the real configuration, shutdown hooks. */
async function channelWith(env: Record<string, string>): Promise<{ channel: EmailChannel; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ak1-mail-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, PUBLIC_URL: LINK_BASE, ...env });
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), ChannelsModule],
  }).compile();
  await moduleRef.init();
  return {
    channel: moduleRef.get(EmailChannel),
    async close() {
      await moduleRef.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function sendError(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

const approved = (lang: 'id' | 'en' = 'id') =>
  renderMessage(
    'CARD_APPROVED',
    { cardNumber: '1671-2027-000123', validUntil: '2027-01-12' },
    lang,
    LINK_BASE,
    'Dinas Tenaga Kerja Kota Palembang',
  );

describe('EmailChannel against a real SMTP server', () => {
  let inbox: SmtpInbox;
  let mail: Awaited<ReturnType<typeof channelWith>>;

  beforeAll(async () => {
    inbox = await SmtpInbox.start({ refuseRecipients: /^nobody@/ });
    mail = await channelWith({ SMTP_URL: inbox.url, MAIL_FROM: 'AK1 Palembang <ak1@disnaker.example.go.id>' });
  });
  afterAll(async () => {
    await mail?.close();
    await inbox?.stop();
  });

  it('delivers text and HTML, the subject, the sender and the unsubscribe headers', async () => {
    expect(mail.channel.configured).toBe(true);
    const message = approved();
    await mail.channel.send('siti@example.com', message, UNSUBSCRIBE);
    const m = await inbox.waitFor((x) => x.to.includes('siti@example.com'));
    expect(m.subject).toBe('Kartu AK1 Anda telah disetujui');
    expect(m.from).toBe('ak1@disnaker.example.go.id');
    expect(m.text).toContain('12 Januari 2027');
    expect(m.text).toContain('Dinas Tenaga Kerja Kota Palembang');
    expect(m.html).toContain('<a href="https://ak1.example.go.id/saya/kartu"');
    const links = [...m.text.matchAll(/https?:\/\/\S+/g)].map((x) => x[0]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(`${LINK_BASE}/`)).toBe(true);
    const header = (name: string) =>
      m.rawHeaders
        .split('\n')
        .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
        ?.slice(name.length + 1)
        .trim();
    expect(header('List-Unsubscribe')).toBe(`<${UNSUBSCRIBE}>`);
    expect(header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('refuses for good an address the server refuses (550): not retryable', async () => {
    const err = await sendError(mail.channel.send('nobody@example.com', approved(), UNSUBSCRIBE));
    expect(err.retryable).toBe(false);
    expect(err.reason).toMatch(/550/);
    expect(err.reason).not.toContain('nobody');
  });

  it('server down: a retryable error, quickly; back up: the next message goes through', async () => {
    await inbox.stop();
    const started = Date.now();
    const err = await sendError(mail.channel.send('budi@example.com', approved('en'), UNSUBSCRIBE));
    expect(err.retryable).toBe(true);
    expect(err.reason).not.toContain('budi');
    expect(Date.now() - started).toBeLessThan(10_000);

    await inbox.restart();
    await mail.channel.send('budi@example.com', approved('en'), UNSUBSCRIBE);
    const m = await inbox.waitFor((x) => x.to.includes('budi@example.com'));
    expect(m.subject).toBe('Your AK1 card has been approved');
  });
});

describe('EmailChannel with a login in SMTP_URL', () => {
  it('logs in with the user and password of SMTP_URL', async () => {
    const inbox = await SmtpInbox.start({ auth: { user: 'ak1-mailer', pass: 'p@ss word' } });
    const mail = await channelWith({ SMTP_URL: inbox.url });
    try {
      expect(inbox.url).toMatch(/^smtp:\/\/ak1-mailer:p%40ss%20word@127\.0\.0\.1:\d+$/);
      await mail.channel.send('ani@example.com', approved(), UNSUBSCRIBE);
      const m = await inbox.waitFor((x) => x.to.includes('ani@example.com'));
      expect(m.user).toBe('ak1-mailer');
    } finally {
      await mail.close();
      await inbox.stop();
    }
  });

  it('a wrong password is a retryable error (the operator fixes SMTP_URL, the messages wait)', async () => {
    const inbox = await SmtpInbox.start({ auth: { user: 'ak1-mailer', pass: 'right' } });
    const mail = await channelWith({ SMTP_URL: inbox.url.replace(':right@', ':wrong@') });
    try {
      const err = await sendError(mail.channel.send('ani@example.com', approved(), UNSUBSCRIBE));
      expect(err.retryable).toBe(true);
      expect(err.reason).not.toMatch(/wrong|ani@/);
      expect(inbox.messages).toHaveLength(0);
    } finally {
      await mail.close();
      await inbox.stop();
    }
  });
});

describe('EmailChannel without SMTP_URL', () => {
  it('is not configured and sends nothing', async () => {
    const mail = await channelWith({});
    try {
      expect(mail.channel.configured).toBe(false);
      const err = await sendError(mail.channel.send('ani@example.com', approved(), UNSUBSCRIBE));
      expect(err.retryable).toBe(false);
    } finally {
      await mail.close();
    }
  });
});
