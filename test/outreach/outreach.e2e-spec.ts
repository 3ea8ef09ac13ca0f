import { NotificationWorker } from '../../src/notifications/notification-worker';
import { ENGINE, startApp, type TestApp } from '../support/app';
import { SmtpInbox } from '../support/smtp-inbox';
import {
  bearer,
  companyBody,
  login,
  makeOfficer,
  postVacancy,
  registerEmployer,
  registerSeeker,
  uniq,
  verifiedEmployer,
  PASSWORD,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * Outreach campaigns ("sosialisasi"): who an audience matches (the participation table's definitions),
 * the recipients kept as they were matched, validation and access. The spec has a database of its own:
 * an audience counts every employer in it.
 */
describe('outreach campaigns', () => {
  let t: TestApp;
  let officer: Session;
  let eA: EmployerSession; // verified, 47111, 16.71.05: takes part in November (an AK1 vacancy)
  let eB: EmployerSession; // verified, 10792, 16.71.07: does nothing
  let eC: EmployerSession; // verified, 47111, 16.71.07: does nothing; two HR accounts
  let eD: EmployerSession; // pending, 56101, 16.71.05
  let eCSecond: Session;
  let smtp: SmtpInbox;
  const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

  const create = (body: Record<string, unknown>, who: { token: string } = officer) =>
    t.http.post('/api/v1/outreach/campaigns').set(bearer(who)).send(body);
  const campaign = (audience: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    create({ title: 'Sosialisasi wajib lapor lowongan', message: 'Laporkan lowongan Anda.', audience, ...extra });
  const recipientsOf = async (id: string): Promise<string[]> =>
    (
      (await t.ds.query('SELECT employer_id AS e FROM outreach_recipients WHERE campaign_id = ? ORDER BY employer_id', [
        id,
      ])) as { e: string }[]
    ).map((r) => r.e);
  const sorted = (...es: { employerId: string }[]) => es.map((e) => e.employerId).sort();
  const campaignCount = async () =>
    Number(((await t.ds.query('SELECT COUNT(*) AS c FROM outreach_campaigns')) as { c: unknown }[])[0].c);

  beforeAll(async () => {
    // Email on, to a real SMTP server that refuses eB's mailbox for good.
    smtp = await SmtpInbox.start({ refuseRecipients: /@bounce\.test$/ });
    t = await startApp({ SMTP_URL: smtp.url }, [], { freshDatabase: true });
    t.clock.set('2026-11-10T05:00:00.000Z'); // 12:00 WIB
    officer = await makeOfficer(t);
    eA = await verifiedEmployer(t, officer, { kbli: '47111', kecamatanCode: '16.71.05' });
    const bEmail = `${uniq('hr')}@bounce.test`;
    const bCompany = companyBody({ kbli: '10792', kecamatanCode: '16.71.07' });
    const b = await t.http
      .post('/api/v1/auth/register/employer')
      .send({ email: bEmail, password: PASSWORD, fullName: 'Staf HR', company: bCompany })
      .expect(201);
    eB = { ...(await login(t, bEmail)), employerId: b.body.employer.id };
    await t.http.post(`/api/v1/employers/${eB.employerId}/verify`).set(bearer(officer)).expect(200);
    eC = await verifiedEmployer(t, officer, { kbli: '47111', kecamatanCode: '16.71.07' });
    eD = await registerEmployer(t, { kbli: '56101', kecamatanCode: '16.71.05' });
    const second = { email: `${uniq('hr2')}@company.test`, password: PASSWORD, fullName: 'Staf HR Kedua' };
    await t.http.post('/api/v1/employers/me/staff').set(bearer(eC)).send(second).expect(201);
    eCSecond = await login(t, second.email);
    await postVacancy(t, eA, { requiresAk1: true });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  describe('the audience', () => {
    it('with no filter is every employer, stored as the recipients', async () => {
      const res = await campaign({}).expect(201);
      expect(res.body).toMatchObject({
        status: 'DRAFT',
        recipients: 4,
        sentAt: null,
        delivered: 0,
        failed: 0,
        participatedAfter: 0,
        conversionRate: 0,
        title: 'Sosialisasi wajib lapor lowongan',
        message: 'Laporkan lowongan Anda.',
      });
      // The period is resolved as the monitoring list resolves it: this month so far.
      expect(res.body.audience).toEqual({
        participating: null,
        silentClosures: null,
        from: '2026-11-01',
        to: '2026-11-10',
        kbli: null,
        kecamatanCode: null,
        status: null,
      });
      expect(await recipientsOf(res.body.id)).toEqual(sorted(eA, eB, eC, eD));
    });

    it('matches participation in the period as GET /monitoring/employers does', async () => {
      const yes = await campaign({ participating: true, ...NOVEMBER }).expect(201);
      expect(await recipientsOf(yes.body.id)).toEqual(sorted(eA));
      const no = await campaign({ participating: false, ...NOVEMBER }).expect(201);
      expect(await recipientsOf(no.body.id)).toEqual(sorted(eB, eC, eD));
      expect(no.body.recipients).toBe(3);

      // The same definition as the outreach list of the monitoring API.
      const list = await t.http
        .get('/api/v1/monitoring/employers')
        .query({ participating: 'false', ...NOVEMBER, pageSize: 100 })
        .set(bearer(officer))
        .expect(200);
      expect(list.body.items.map((r: { employerId: string }) => r.employerId).sort()).toEqual(sorted(eB, eC, eD));
    });

    it('matches by KBLI, kecamatan and status, every filter given holding', async () => {
      const kbli = await campaign({ kbli: '47111' }).expect(201);
      expect(await recipientsOf(kbli.body.id)).toEqual(sorted(eA, eC));
      const kec = await campaign({ kecamatanCode: '16.71.07' }).expect(201);
      expect(await recipientsOf(kec.body.id)).toEqual(sorted(eB, eC));
      const pending = await campaign({ status: 'PENDING' }).expect(201);
      expect(await recipientsOf(pending.body.id)).toEqual(sorted(eD));
      const all = await campaign({ participating: false, ...NOVEMBER, status: 'VERIFIED', kbli: '47111' }).expect(201);
      expect(await recipientsOf(all.body.id)).toEqual(sorted(eC));
      expect(all.body.audience).toEqual({
        participating: false,
        silentClosures: null,
        from: '2026-11-01',
        to: '2026-11-30',
        kbli: '47111',
        kecamatanCode: null,
        status: 'VERIFIED',
      });
    });

    it('that matches nobody is refused with EMPTY_AUDIENCE, and nothing is stored', async () => {
      const before = await campaignCount();
      const october = { participating: true, from: '2026-10-01', to: '2026-10-31' };
      const res = await campaign(october).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'EMPTY_AUDIENCE' });
      await campaign({ kbli: '99999' }).expect(422);
      await campaign({ status: 'REJECTED' }).expect(422);
      expect(await campaignCount()).toBe(before);
    });

    it('keeps the recipients it matched, whatever the employers do afterwards', async () => {
      const res = await campaign({ status: 'VERIFIED' }).expect(201);
      expect(res.body.recipients).toBe(3);
      const late = await verifiedEmployer(t, officer, { kbli: '47111' });
      const again = await t.http.get(`/api/v1/outreach/campaigns/${res.body.id}`).set(bearer(officer)).expect(200);
      expect(again.body.recipients).toBe(3);
      expect(await recipientsOf(res.body.id)).toEqual(sorted(eA, eB, eC));
      expect(await recipientsOf(res.body.id)).not.toContain(late.employerId);
    });

    it('is audited', async () => {
      const res = await campaign({ kbli: '10792' }).expect(201);
      const audit = await t.http
        .get(`/api/v1/audit-events?entityType=outreach_campaign&entityId=${res.body.id}`)
        .set(bearer(officer))
        .expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({ action: 'outreach_campaign.created', actorId: officer.userId });
    });
  });

  describe('validation', () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await create(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    const ok = { title: 'Judul', message: 'Pesan', audience: {} };

    it('refuses titles and messages that are empty, blank or too long', async () => {
      await bad({ ...ok, title: 'x'.repeat(121) }, 'title');
      await bad({ ...ok, title: '   ' }, 'title');
      await bad({ ...ok, title: undefined }, 'title');
      await bad({ ...ok, message: 'x'.repeat(1001) }, 'message');
      await bad({ ...ok, message: '\n\n' }, 'message');
      await bad({ ...ok, message: 42 }, 'message');
      // The limits themselves are allowed (emoji count once, as people see them).
      await create({ ...ok, title: 'x'.repeat(120), message: '👋'.repeat(1000) }).expect(201);
    });

    it('refuses a malformed audience field by field', async () => {
      await bad({ ...ok, audience: { kbli: '4711' } }, 'audience.kbli');
      await bad({ ...ok, audience: { kbli: '4711a' } }, 'audience.kbli');
      await bad({ ...ok, audience: { kecamatanCode: '16.71.99' } }, 'audience.kecamatanCode');
      await bad({ ...ok, audience: { kecamatanCode: '1671' } }, 'audience.kecamatanCode');
      await bad({ ...ok, audience: { status: 'ACTIVE' } }, 'audience.status');
      await bad({ ...ok, audience: { participating: 'yes' } }, 'audience.participating');
      await bad({ ...ok, audience: { participating: true, from: '2026-02-30' } }, 'audience.from');
      await bad({ ...ok, audience: { participating: true, to: '9999-12-31' } }, 'audience.to');
      await bad({ ...ok, audience: { from: '2026-11-20', to: '2026-11-01' } }, 'audience.to');
      await bad({ ...ok, audience: { kbliGroup: '47' } }, 'audience.kbliGroup');
      await bad({ ...ok, audience: [] }, 'audience');
      await bad({ ...ok, audience: undefined }, 'audience');
      await bad({ ...ok, recipients: ['x'] }, 'recipients');
    });
  });

  describe('reading', () => {
    it('lists campaigns newest first, paginated, and as CSV', async () => {
      t.clock.advance(60_000);
      const first = await campaign({ kbli: '47111' }, { title: 'Pertama' }).expect(201);
      t.clock.advance(60_000);
      const second = await campaign({ kbli: '47111' }, { title: 'Kedua' }).expect(201);
      const page = await t.http.get('/api/v1/outreach/campaigns?page=1&pageSize=2').set(bearer(officer)).expect(200);
      expect(page.body.items.map((c: { id: string }) => c.id)).toEqual([second.body.id, first.body.id]);
      expect(page.body).toMatchObject({ page: 1, pageSize: 2 });
      expect(page.body.total).toBe(await campaignCount());
      expect(page.body.items[0]).toEqual(second.body);

      const csv = await t.http.get('/api/v1/outreach/campaigns?format=csv').set(bearer(officer)).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toBe(
        'id,title,message,audience.participating,audience.silentClosures,audience.from,audience.to,audience.kbli,audience.kecamatanCode,' +
          'audience.status,status,createdAt,sentAt,recipients,delivered,failed,participatedAfter,conversionRate',
      );
      expect(lines).toHaveLength(1 + (await campaignCount()));
      expect(lines[1]).toContain(second.body.id);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      const unknown = await t.http
        .get('/api/v1/outreach/campaigns/00000000-0000-4000-8000-000000000000')
        .set(bearer(officer))
        .expect(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      await t.http.get('/api/v1/outreach/campaigns/not-an-id').set(bearer(officer)).expect(404);
      await t.http
        .post('/api/v1/outreach/campaigns/00000000-0000-4000-8000-000000000000/send')
        .set(bearer(officer))
        .expect(404);
    });
  });

  describe('sending', () => {
    const send = (id: string) => t.http.post(`/api/v1/outreach/campaigns/${id}/send`).set(bearer(officer));
    const get = async (id: string) =>
      (await t.http.get(`/api/v1/outreach/campaigns/${id}`).set(bearer(officer)).expect(200)).body;
    const outreachInbox = async (s: Session) =>
      (
        (await t.http.get('/api/v1/notifications').set(bearer(s)).expect(200)).body.items as {
          id: string;
          kind: string;
          body: string;
        }[]
      ).filter((n) => n.kind === 'OUTREACH');
    const notificationsOf = async (id: string) =>
      (await t.ds.query(
        "SELECT user_id AS userId FROM notifications WHERE kind = 'OUTREACH' AND subject = ? ORDER BY user_id",
        [`campaign:${id}`],
      )) as { userId: string }[];

    it('tells every staff user of each recipient once, then counts who was reached and who took part within 30 days', async () => {
      // Whatever else was mailed so far goes first, so the round below is the campaign's alone.
      await t.app.get(NotificationWorker).drainOnce();
      const made = await campaign(
        { status: 'VERIFIED', kecamatanCode: '16.71.07' },
        { message: 'Laporkan lowongan Anda ke Disnaker.' },
      ).expect(201);
      const id = made.body.id as string;
      expect(made.body.recipients).toBe(2);
      t.clock.set('2026-11-12T02:00:00.000Z');

      const sent = await send(id).expect(200);
      expect(sent.body).toMatchObject({
        id,
        status: 'SENT',
        sentAt: '2026-11-12T02:00:00.000Z',
        recipients: 2,
        delivered: 0, // nothing delivered yet, nothing read
        failed: 0,
        participatedAfter: 0,
        conversionRate: 0,
      });
      for (const who of [eB, eC, eCSecond]) {
        const mine = await outreachInbox(who);
        expect(mine).toHaveLength(1);
        expect(mine[0].body).toContain('Laporkan lowongan Anda ke Disnaker.');
      }
      expect(await outreachInbox(eA)).toHaveLength(0);
      expect((await notificationsOf(id)).map((n) => n.userId)).toEqual([eB.userId, eC.userId, eCSecond.userId].sort());

      // Delivered after commit: eC is reached (two mails sent), eB is not (its mailbox refuses for good).
      const drained = await t.app.get(NotificationWorker).drainOnce();
      expect(drained).toMatchObject({ sent: 2, failed: 1 });
      expect(
        smtp.messages
          .filter((mail) => mail.text.includes('Laporkan lowongan Anda'))
          .map((mail) => mail.to)
          .flat()
          .sort(),
      ).toEqual([eC.email, eCSecond.email].sort());
      expect(await get(id)).toMatchObject({ delivered: 1, failed: 1 });
      // eB's HR opens it in the inbox: reached after all.
      const [bMessage] = await outreachInbox(eB);
      await t.http.post(`/api/v1/notifications/${bMessage.id}/read`).set(bearer(eB)).expect(204);
      expect(await get(id)).toMatchObject({ delivered: 2, failed: 0 });

      // Participation within 30 days of sending counts; a vacancy without the AK1, or one 31 days on, does not.
      t.clock.set('2026-11-20T03:00:00.000Z');
      await postVacancy(t, eB, { requiresAk1: false });
      expect(await get(id)).toMatchObject({ participatedAfter: 0, conversionRate: 0 });
      t.clock.set('2026-12-12T01:00:00.000Z'); // 29 days 23 hours after sending
      await postVacancy(t, eC, { requiresAk1: true });
      expect(await get(id)).toMatchObject({ participatedAfter: 1, conversionRate: 0.5 });
      t.clock.set('2026-12-13T03:00:00.000Z'); // 31 days after
      await postVacancy(t, eB, { requiresAk1: true });
      const after = await get(id);
      expect(after).toMatchObject({ participatedAfter: 1, conversionRate: 0.5, recipients: 2 });

      // The list shows the same counts.
      const list = await t.http.get('/api/v1/outreach/campaigns?pageSize=100').set(bearer(officer)).expect(200);
      expect(list.body.items.find((c: { id: string }) => c.id === id)).toEqual(after);
    });

    it('sends once: a second send is 409 and nobody is told twice', async () => {
      const made = await campaign({ kbli: '47111', status: 'VERIFIED' }).expect(201);
      await send(made.body.id).expect(200);
      const told = await notificationsOf(made.body.id);
      const again = await send(made.body.id).expect(409);
      expect(again.body.code).toBe('INVALID_STATE_TRANSITION');
      expect(await notificationsOf(made.body.id)).toEqual(told);
      const audit = await t.http
        .get(`/api/v1/audit-events?entityType=outreach_campaign&entityId=${made.body.id}`)
        .set(bearer(officer))
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'outreach_campaign.created',
        'outreach_campaign.sent',
      ]);
    });

    it(`sends once when sends race (${ENGINE})`, async () => {
      const made = await campaign({ status: 'VERIFIED' }).expect(201);
      const results = await Promise.all(Array.from({ length: 6 }, () => send(made.body.id)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('INVALID_STATE_TRANSITION');
      // Each staff user of each recipient exactly once.
      const staff = (await t.ds.query(
        `SELECT u.id AS userId FROM users u JOIN outreach_recipients r ON r.employer_id = u.employer_id
          WHERE r.campaign_id = ? ORDER BY u.id`,
        [made.body.id],
      )) as { userId: string }[];
      expect(staff.length).toBeGreaterThanOrEqual(4);
      expect(await notificationsOf(made.body.id)).toEqual(staff);
      const sentEvents = (await t.ds.query(
        "SELECT COUNT(*) AS c FROM audit_events WHERE entity_id = ? AND action = 'outreach_campaign.sent'",
        [made.body.id],
      )) as { c: unknown }[];
      expect(Number(sentEvents[0].c)).toBe(1);
    });
  });

  describe('access', () => {
    it('is for officers only', async () => {
      const made = await campaign({ kbli: '47111' }).expect(201);
      const seeker = await registerSeeker(t);
      for (const who of [eA, eCSecond, seeker]) {
        await create({ title: 'x', message: 'y', audience: {} }, who).expect(403);
        await t.http.get('/api/v1/outreach/campaigns').set(bearer(who)).expect(403);
        await t.http.get(`/api/v1/outreach/campaigns/${made.body.id}`).set(bearer(who)).expect(403);
        await t.http.post(`/api/v1/outreach/campaigns/${made.body.id}/send`).set(bearer(who)).expect(403);
      }
      await t.http.get('/api/v1/outreach/campaigns').expect(401);
      await t.http.post('/api/v1/outreach/campaigns').send({ title: 'x', message: 'y', audience: {} }).expect(401);
      // Nothing was sent by the refused calls.
      const still = await t.http.get(`/api/v1/outreach/campaigns/${made.body.id}`).set(bearer(officer)).expect(200);
      expect(still.body.status).toBe('DRAFT');
    });
  });
});
