import { Transactions } from '../../src/database/transactions';
import { Notifier } from '../../src/notifications/notifier';
import { startApp, type TestApp } from '../support/app';
import { bearer, makeOfficer, registerEmployer, registerSeeker, type Session } from '../support/factories';

describe('the inbox, read marks and notification settings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  const tell = (userIds: string[], subject: string, reason = 'Foto tidak jelas') =>
    t.app
      .get(Transactions)
      .run((m) => t.app.get(Notifier).notify(m, { kind: 'CARD_REJECTED', userIds, subject, params: { reason } }));

  const inbox = async (s: Session, query = '') =>
    (await t.http.get(`/api/v1/notifications${query}`).set(bearer(s)).expect(200)).body;

  it('shows a message once per recipient, kind and subject, newest first, with unread counts', async () => {
    const seeker = await registerSeeker(t);
    const other = await registerSeeker(t);
    await tell([seeker.userId], 'card:first');
    await tell([seeker.userId], 'card:first', 'told again');
    t.clock.advance(5_000);
    await tell([seeker.userId], 'card:second', 'KTP belum diunggah');

    const page = await inbox(seeker);
    expect(page.total).toBe(2);
    expect(page.unread).toBe(2);
    expect(page.items.map((n: { kind: string }) => n.kind)).toEqual(['CARD_REJECTED', 'CARD_REJECTED']);
    expect(page.items[0].body).toContain('KTP belum diunggah');
    expect(page.items[1].body).toContain('Foto tidak jelas');
    expect(page.items[1].body).not.toContain('told again');
    expect(page.items[0].readAt).toBeNull();
    expect(page.items[0].link).toMatch(/^http:\/\/localhost:\d+\//);
    expect((await inbox(other)).total).toBe(0);
  });

  it('marks one message read, refuses another user’s, and marks all read', async () => {
    const seeker = await registerSeeker(t);
    const other = await registerSeeker(t);
    await tell([seeker.userId], 'card:a');
    await tell([seeker.userId], 'card:b');
    const [newest, older] = (await inbox(seeker)).items as { id: string }[];

    const foreign = await t.http.post(`/api/v1/notifications/${newest.id}/read`).set(bearer(other)).expect(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    await t.http.post(`/api/v1/notifications/${newest.id}/read`).set(bearer(seeker)).expect(204);
    await t.http.post(`/api/v1/notifications/${newest.id}/read`).set(bearer(seeker)).expect(204);

    const unread = await inbox(seeker, '?unread=true');
    expect(unread.items.map((n: { id: string }) => n.id)).toEqual([older.id]);
    expect(unread.unread).toBe(1);

    await t.http.post('/api/v1/notifications/read-all').set(bearer(seeker)).expect(204);
    expect((await inbox(seeker, '?unread=true')).total).toBe(0);
    expect((await inbox(seeker)).items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
  });

  it('writes nothing when the change rolls back', async () => {
    const seeker = await registerSeeker(t);
    await expect(
      t.app.get(Transactions).run(async (m) => {
        await t.app.get(Notifier).notify(m, {
          kind: 'CARD_REJECTED',
          userIds: [seeker.userId],
          subject: 'card:rolled-back',
          params: { reason: 'x' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await inbox(seeker)).total).toBe(0);
  });

  it('keeps settings per user and refuses unknown kinds', async () => {
    const employer = await registerEmployer(t);
    const defaults = await t.http.get('/api/v1/me/notification-settings').set(bearer(employer)).expect(200);
    expect(defaults.body).toMatchObject({ email: true, whatsapp: false, muted: [], language: 'id' });
    expect(defaults.body.emailAvailable).toBe(false);

    const saved = await t.http
      .put('/api/v1/me/notification-settings')
      .set(bearer(employer))
      .send({ email: false, whatsapp: true, muted: ['OUTREACH', 'APPLICATION_RECEIVED', 'OUTREACH'], language: 'en' })
      .expect(200);
    expect(saved.body).toMatchObject({
      email: false,
      whatsapp: true,
      muted: ['APPLICATION_RECEIVED', 'OUTREACH'],
      language: 'en',
    });
    const again = await t.http.get('/api/v1/me/notification-settings').set(bearer(employer)).expect(200);
    expect(again.body).toEqual(saved.body);

    const bad = await t.http
      .put('/api/v1/me/notification-settings')
      .set(bearer(employer))
      .send({ email: 'yes', whatsapp: false, muted: ['NOT_A_KIND'] })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'muted']);
  });

  it('lists deliveries for officers only, with filters checked', async () => {
    const officer = await makeOfficer(t);
    const seeker = await registerSeeker(t);
    const page = await t.http.get('/api/v1/notification-deliveries?status=FAILED').set(bearer(officer)).expect(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 20 });
    await t.http.get('/api/v1/notification-deliveries').set(bearer(seeker)).expect(403);
    const bad = await t.http
      .get('/api/v1/notification-deliveries?status=LOST&from=2026-02-30')
      .set(bearer(officer))
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'status']);
  });
});
