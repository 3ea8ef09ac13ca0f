import { Test, type TestingModule } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { ConfigModule } from '../../src/config/config.module';
import { ChannelsModule } from '../../src/notifications/channels/channels.module';
import { DeliveryError } from '../../src/notifications/channels/delivery-error';
import { normalizeIndonesianPhone, WhatsAppChannel } from '../../src/notifications/channels/whatsapp-channel';
import { renderMessage, whatsappTemplates } from '../../src/notifications/messages';
import { NOTIFICATION_KINDS, type MessageParams } from '../../src/notifications/notification-kinds';
import { WhatsAppStandIn } from '../support/whatsapp-stand-in';

/**
 * Against the stand-in by default. With WHATSAPP_TEST_API_URL, WHATSAPP_TEST_PHONE_NUMBER_ID,
 * WHATSAPP_TEST_TOKEN and WHATSAPP_TEST_TO set, against the real Cloud API: one real template message
 * (`ak1_card_approved` in Indonesian, which must be approved on that account, docs/notifications.md)
 * goes to WHATSAPP_TEST_TO, and the cases that need a server told to fail are skipped.
 */
const REAL = [
  'WHATSAPP_TEST_API_URL',
  'WHATSAPP_TEST_PHONE_NUMBER_ID',
  'WHATSAPP_TEST_TOKEN',
  'WHATSAPP_TEST_TO',
].every((k) => !!process.env[k]);
const standInOnly = REAL ? it.skip : it;
const LINK_BASE = 'https://ak1.example.go.id';

async function channelWith(env: Record<string, string>): Promise<{ channel: WhatsAppChannel; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ak1-wa-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, PUBLIC_URL: LINK_BASE, ...env });
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), ChannelsModule],
  }).compile();
  await moduleRef.init();
  return {
    channel: moduleRef.get(WhatsAppChannel),
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

const approved = renderMessage(
  'CARD_APPROVED',
  { cardNumber: '1671-2027-000123', validUntil: '2027-01-12' },
  'id',
  LINK_BASE,
);

describe('normalizeIndonesianPhone', () => {
  it.each([
    ['081234567890', '6281234567890'],
    ['0812-3456-7890', '6281234567890'],
    ['+62 812-3456-7890', '6281234567890'],
    ['62812 3456 7890', '6281234567890'],
    ['(0812) 3456.7890', '6281234567890'],
    ['81234567890', '6281234567890'],
    ['0811234567', '62811234567'],
  ])('%s → %s', (raw, expected) => expect(normalizeIndonesianPhone(raw)).toBe(expected));

  it.each(['', '0812', '021-555-1234', '+1 415 555 2671', '0812345678901234', '08l2-3456-7890', '++6281234567890'])(
    'refuses %p',
    (raw) => expect(normalizeIndonesianPhone(raw)).toBeNull(),
  );
});

(REAL ? describe : describe.skip)('WhatsAppChannel against the real Cloud API (WHATSAPP_TEST_*)', () => {
  it('sends one real template message', async () => {
    const wa = await channelWith({
      WHATSAPP_API_URL: process.env.WHATSAPP_TEST_API_URL!,
      WHATSAPP_PHONE_NUMBER_ID: process.env.WHATSAPP_TEST_PHONE_NUMBER_ID!,
      WHATSAPP_TOKEN: process.env.WHATSAPP_TEST_TOKEN!,
    });
    try {
      const { messageId } = await wa.channel.send(
        process.env.WHATSAPP_TEST_TO!,
        approved.whatsapp.template,
        'id',
        approved.whatsapp.params,
      );
      expect(messageId).toMatch(/^wamid\./);
    } finally {
      await wa.close();
    }
  });
});

describe(`WhatsAppChannel against the stand-in${REAL ? ' (skipped: WHATSAPP_TEST_* points at the real service, which cannot be told to fail)' : ''}`, () => {
  let standIn: WhatsAppStandIn;
  let wa: Awaited<ReturnType<typeof channelWith>>;

  beforeAll(async () => {
    standIn = new WhatsAppStandIn({
      templates: new Map(whatsappTemplates().map((t) => [t.name, t.parameterCount])),
    });
    await standIn.start();
    wa = await channelWith({
      WHATSAPP_API_URL: standIn.apiUrl,
      WHATSAPP_PHONE_NUMBER_ID: standIn.phoneNumberId,
      WHATSAPP_TOKEN: standIn.token,
    });
  });
  afterAll(async () => {
    await wa?.close();
    await standIn?.stop();
  });

  standInOnly('sends a valid template request, accepted and recorded', async () => {
    expect(wa.channel.configured).toBe(true);
    const { messageId } = await wa.channel.send(
      '+62 812-3456-7890',
      approved.whatsapp.template,
      'id',
      approved.whatsapp.params,
    );
    expect(messageId).toMatch(/^wamid\./);
    const last = standIn.requests.at(-1)!;
    expect(last).toMatchObject({
      method: 'POST',
      path: `/${standIn.version}/${standIn.phoneNumberId}/messages`,
      authorization: `Bearer ${standIn.token}`,
      status: 200,
    });
    expect(last.contentType).toMatch(/^application\/json/);
    expect(last.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'template',
      template: {
        name: 'ak1_card_approved',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '1671-2027-000123' },
              { type: 'text', text: '12 Januari 2027' },
              { type: 'text', text: `${LINK_BASE}/saya/kartu` },
            ],
          },
        ],
      },
    });
    expect(standIn.accepted.at(-1)).toMatchObject({ id: messageId, to: '6281234567890' });
  });

  standInOnly(
    'every kind, in both languages, is a request the API accepts (template and parameter count)',
    async () => {
      const hostile = 'PT <b>Maju</b>\n\tJaya     Sentosa';
      const params: MessageParams = {
        CARD_APPROVED: { cardNumber: '1', validUntil: '2027-01-12' },
        CARD_REJECTED: { reason: hostile },
        CARD_REPORT_DUE: { cardNumber: '1', dueDate: '2027-01-12' },
        CARD_REPORT_OVERDUE: { cardNumber: '1', dueDate: '2027-01-12' },
        CARD_EXPIRING: { cardNumber: '1', expiresOn: '2027-01-12' },
        CARD_PLACED: { cardNumber: '1', employerName: hostile, startDate: '2027-01-12' },
        DOCUMENT_REJECTED: { documentType: 'IJAZAH', reason: hostile },
        APPLICATION_RECEIVED: { vacancyId: 'v1', vacancyTitle: hostile },
        APPLICATION_SHORTLISTED: { vacancyTitle: hostile, employerName: hostile },
        APPLICATION_REJECTED: { vacancyTitle: hostile, employerName: hostile },
        APPLICATION_CLOSED: { vacancyTitle: hostile, employerName: hostile, because: 'PLACED_ELSEWHERE' },
        APPLICATION_HIRED: { vacancyTitle: hostile, employerName: hostile, startDate: '2027-01-12' },
        EMPLOYER_VERIFIED: { legalName: hostile },
        EMPLOYER_REJECTED: { legalName: hostile, reason: hostile },
        EMPLOYER_SUSPENDED: { legalName: hostile, reason: hostile },
        VACANCY_CLOSING: { vacancyId: 'v1', vacancyTitle: hostile, closesOn: '2027-01-12' },
        VACANCY_OUTCOME: { vacancyId: 'v1', vacancyTitle: hostile, positions: 2, filled: 0 },
        OUTREACH: { title: hostile, message: `${hostile}\n\n${'kata '.repeat(300)}` },
        PLACEMENT_VOIDED: { audience: 'SEEKER', employerName: hostile, startDate: '2027-01-12', position: hostile },
        PASSWORD_RESET: { token: 't', expiresAt: '2027-01-12T00:00:00Z' },
        EMAIL_VERIFICATION: { token: 't' },
      };
      const before = standIn.accepted.length;
      for (const kind of NOTIFICATION_KINDS)
        for (const lang of ['id', 'en'] as const) {
          const m = renderMessage(kind, params[kind] as never, lang, LINK_BASE);
          await wa.channel.send('081234567890', m.whatsapp.template, lang, m.whatsapp.params);
        }
      expect(standIn.accepted.length - before).toBe(NOTIFICATION_KINDS.length * 2);
    },
  );

  standInOnly('500 and 429 are retryable; the next request goes through', async () => {
    standIn.failNext(1, 500);
    const e500 = await sendError(
      wa.channel.send('081234567890', approved.whatsapp.template, 'id', approved.whatsapp.params),
    );
    expect(e500.retryable).toBe(true);
    expect(e500.reason).toMatch(/HTTP 500, code 131000/);

    standIn.failNext(1, 429);
    const e429 = await sendError(
      wa.channel.send('081234567890', approved.whatsapp.template, 'id', approved.whatsapp.params),
    );
    expect(e429.retryable).toBe(true);
    expect(e429.reason).toMatch(/HTTP 429, code 130429/);
    expect(e429.reason).not.toContain('81234567890');

    await expect(
      wa.channel.send('081234567890', approved.whatsapp.template, 'id', approved.whatsapp.params),
    ).resolves.toEqual({ messageId: expect.stringMatching(/^wamid\./) });
  });

  standInOnly('a request the API refuses (400) is not retryable: unknown template, wrong parameter count', async () => {
    const unknown = await sendError(wa.channel.send('081234567890', 'ak1_no_such_template', 'id', ['x']));
    expect(unknown.retryable).toBe(false);
    expect(unknown.reason).toMatch(/code 132001/);
    const count = await sendError(wa.channel.send('081234567890', 'ak1_card_approved', 'id', ['only one']));
    expect(count.retryable).toBe(false);
    expect(count.reason).toMatch(/HTTP 400, code 132000/);
    const newline = await sendError(wa.channel.send('081234567890', 'ak1_card_rejected', 'id', ['a\nb', 'x']));
    expect(newline.retryable).toBe(false);
  });

  standInOnly('a bad token (401) is not retryable', async () => {
    const bad = await channelWith({
      WHATSAPP_API_URL: standIn.apiUrl,
      WHATSAPP_PHONE_NUMBER_ID: standIn.phoneNumberId,
      WHATSAPP_TOKEN: 'EAAGnot-the-token',
    });
    try {
      const err = await sendError(
        bad.channel.send('081234567890', approved.whatsapp.template, 'id', approved.whatsapp.params),
      );
      expect(err.retryable).toBe(false);
      expect(err.reason).toMatch(/HTTP 401, code 190/);
      expect(err.reason).not.toContain('not-the-token');
    } finally {
      await bad.close();
    }
  });

  standInOnly('an impossible number is refused before any request, not retryable', async () => {
    const before = standIn.requests.length;
    const err = await sendError(
      wa.channel.send('021-555-1234', approved.whatsapp.template, 'id', approved.whatsapp.params),
    );
    expect(err.retryable).toBe(false);
    expect(err.reason).not.toContain('555');
    expect(standIn.requests.length).toBe(before);
  });

  standInOnly('the API unreachable is retryable', async () => {
    await standIn.stop();
    try {
      const err = await sendError(
        wa.channel.send('081234567890', approved.whatsapp.template, 'id', approved.whatsapp.params),
      );
      expect(err.retryable).toBe(true);
      expect(err.reason).toBe('WhatsApp API unreachable');
    } finally {
      await standIn.start();
    }
  });

  standInOnly('account mails have no template and are never sent by WhatsApp', async () => {
    const reset = renderMessage(
      'PASSWORD_RESET',
      { token: 'secret', expiresAt: '2027-01-12T00:00:00Z' },
      'id',
      LINK_BASE,
    );
    const before = standIn.requests.length;
    const err = await sendError(wa.channel.send('081234567890', reset.whatsapp.template, 'id', reset.whatsapp.params));
    expect(err.retryable).toBe(false);
    expect(standIn.requests.length).toBe(before);
  });

  it('without WHATSAPP_* the channel is not configured', async () => {
    const none = await channelWith({});
    try {
      expect(none.channel.configured).toBe(false);
      const err = await sendError(none.channel.send('081234567890', 'ak1_card_approved', 'id', ['a']));
      expect(err.retryable).toBe(false);
    } finally {
      await none.close();
    }
  });
});
