import { startApp, type TestApp } from '../support/app';
import {
  bearer,
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
    t = await startApp({}, [], { freshDatabase: true });
    t.clock.set('2026-11-10T05:00:00.000Z'); // 12:00 WIB
    officer = await makeOfficer(t);
    eA = await verifiedEmployer(t, officer, { kbli: '47111', kecamatanCode: '16.71.05' });
    eB = await verifiedEmployer(t, officer, { kbli: '10792', kecamatanCode: '16.71.07' });
    eC = await verifiedEmployer(t, officer, { kbli: '47111', kecamatanCode: '16.71.07' });
    eD = await registerEmployer(t, { kbli: '56101', kecamatanCode: '16.71.05' });
    const second = { email: `${uniq('hr2')}@company.test`, password: PASSWORD, fullName: 'Staf HR Kedua' };
    await t.http.post('/api/v1/employers/me/staff').set(bearer(eC)).send(second).expect(201);
    const login = await t.http.post('/api/v1/auth/login').send({ email: second.email, password: PASSWORD }).expect(200);
    eCSecond = {
      token: login.body.accessToken,
      refreshToken: login.body.refreshToken,
      userId: login.body.user.id,
      email: second.email,
    };
    await postVacancy(t, eA, { requiresAk1: true });
  });
  afterAll(async () => {
    await t.close();
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
        'id,title,message,audience.participating,audience.from,audience.to,audience.kbli,audience.kecamatanCode,' +
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
