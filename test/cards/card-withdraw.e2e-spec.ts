import { In } from 'typeorm';
import { Application } from '../../src/applications/application.entity';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Card } from '../../src/cards/card.entity';
import { Placement } from '../../src/placements/placement.entity';
import { Seeker } from '../../src/seekers/seeker.entity';
import { startApp, type TestApp } from '../support/app';
import {
  bearer,
  insertApplication,
  makeOfficer,
  postVacancy,
  seekerWithActiveCard,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type Session,
} from '../support/factories';

/**
 * `POST /cards/:id/withdraw`: the holder says they are no longer looking for work. The card closes as
 * WITHDRAWN, the NIK's place is free again, their undecided applications close, IPK III/1 counts the
 * holder as removed, and the trail says who did it.
 */
describe('withdrawing an AK1 card (no longer looking for work)', () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;

  beforeAll(async () => {
    t = await startApp({ SCHEDULER_ENABLED: 'false' });
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
  });
  afterAll(async () => {
    t.clock.reset();
    await t.close();
  });

  const removedThisMonth = async (): Promise<number> => {
    const [year, month] = t.clock.today().split('-').map(Number);
    const r = await t.http
      .get(`/api/v1/reports/ipk-iii-1?year=${year}&month=${month}`)
      .set(bearer(officer))
      .expect(200);
    return r.body.seekers.removed.total.LP as number;
  };

  it('closes the card, frees the NIK, closes the applications, counts it removed and audits it', async () => {
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const vacancy = await postVacancy(t, employer, { closesAt: '2099-12-31' });
    const app = await t.http.post(`/api/v1/vacancies/${vacancy.id}/applications`).set(bearer(seeker)).send({});
    expect(app.status).toBe(201);
    const removedBefore = await removedThisMonth();
    // A printed card's QR credential, signed while the card was active.
    const credential = (await t.http.get(`/api/v1/cards/${card.id}/credential`).set(bearer(seeker)).expect(200)).body
      .token as string;

    const res = await t.http
      .post(`/api/v1/cards/${card.id}/withdraw`)
      .set(bearer(seeker))
      .send({ reason: '  Membuka usaha sendiri  ' })
      .expect(200);
    expect(res.body).toMatchObject({ id: card.id, status: 'WITHDRAWN', statusReason: 'Membuka usaha sendiri' });

    const row = await t.ds.getRepository(Card).findOneByOrFail({ id: card.id });
    expect(row).toMatchObject({ status: 'WITHDRAWN', activeNikHash: null, statusReason: 'Membuka usaha sendiri' });
    expect(row.closedAt).not.toBeNull();

    // The card no longer validates.
    const check = await t.http
      .post('/api/v1/card-validations')
      .set(bearer(employer))
      .send({ cardNumber: card.cardNumber, nik: seeker.nik })
      .expect(200);
    expect(check.body).toMatchObject({ result: 'WITHDRAWN', valid: false });
    const scanned = await t.http
      .post('/api/v1/card-validations/credential')
      .set(bearer(employer))
      .send({ token: credential })
      .expect(200);
    expect(scanned.body).toMatchObject({ result: 'WITHDRAWN', valid: false });
    // The public check page (the QR code opened by anyone) says it in words, not as a code.
    const page = await t.http.get(`/cek-kartu?t=${encodeURIComponent(credential)}`).expect(200);
    expect(page.text).toContain('Pemegang kartu menyatakan tidak lagi mencari kerja. Kartu ini sudah tidak aktif.');
    expect(page.text).not.toContain('WITHDRAWN');
    const mine = (await t.http.get('/api/v1/cards/me').set(bearer(seeker)).expect(200)).body;
    expect(mine.current).toBeNull();
    expect(mine.history[0]).toMatchObject({ id: card.id, status: 'WITHDRAWN' });

    // IPK III/1: removed, once, this month.
    expect(await removedThisMonth()).toBe(removedBefore + 1);

    // The undecided application closed, as a hire closes them; the employer can no longer hire from it.
    const appRow = await t.ds.getRepository(Application).findOneByOrFail({ id: app.body.id });
    expect(appRow).toMatchObject({ status: 'CLOSED', closedReason: 'SEEKER_WITHDRAWN' });
    const mineApps = (await t.http.get('/api/v1/seekers/me/applications').set(bearer(seeker)).expect(200)).body.items;
    expect(mineApps[0]).toMatchObject({ status: 'CLOSED', closedReason: 'SEEKER_WITHDRAWN' });
    const hire = await t.http
      .post(`/api/v1/applications/${app.body.id}/hire`)
      .set(bearer(employer))
      .send({ startDate: t.clock.today() });
    expect(hire.status).toBe(409);

    // Audited, with who did it.
    const audit = await t.ds.getRepository(AuditEvent).findBy({ entityId: card.id, action: 'card.withdrawn' });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(seeker.userId);

    // A second withdrawal is refused and counts nothing.
    const again = await t.http.post(`/api/v1/cards/${card.id}/withdraw`).set(bearer(seeker)).send({ reason: 'Lagi' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CARD_NOT_ACTIVE');
    expect(await removedThisMonth()).toBe(removedBefore + 1);

    // The seeker may ask for a new card later (the NIK's place is free), as after an expiry.
    const requested = await t.http.post('/api/v1/cards/requests').set(bearer(seeker));
    expect(requested.status).toBe(201);
    expect(requested.body.status).toBe('PENDING');
  });

  it('refuses a card that is not active: pending, or past its expiry date', async () => {
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    try {
      t.clock.set(`${card.expiresAt}T12:00:00+07:00`);
      t.clock.advanceDays(1);
      const res = await t.http.post(`/api/v1/cards/${card.id}/withdraw`).set(bearer(seeker)).send({ reason: 'Pindah' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CARD_NOT_ACTIVE');
      expect((await t.ds.getRepository(Card).findOneByOrFail({ id: card.id })).status).toBe('ACTIVE');
    } finally {
      t.clock.reset();
    }
    const other = await seekerWithActiveCard(t, officer);
    await t.http.post(`/api/v1/cards/${other.card.id}/revoke`).set(bearer(officer)).send({ reason: 'Data salah' });
    const revoked = await t.http
      .post(`/api/v1/cards/${other.card.id}/withdraw`)
      .set(bearer(other.seeker))
      .send({ reason: 'Pindah' });
    expect(revoked.status).toBe(409);
  });

  it("hides another seeker's card (404), refuses employers (403) and a bad reason (400)", async () => {
    const a = await seekerWithActiveCard(t, officer);
    const b = await seekerWithActiveCard(t, officer);
    const foreign = await t.http
      .post(`/api/v1/cards/${a.card.id}/withdraw`)
      .set(bearer(b.seeker))
      .send({ reason: 'Pindah' });
    expect(foreign.status).toBe(404);
    const byEmployer = await t.http
      .post(`/api/v1/cards/${a.card.id}/withdraw`)
      .set(bearer(employer))
      .send({ reason: 'Pindah' });
    expect(byEmployer.status).toBe(403);
    for (const body of [{}, { reason: '  x ' }, { reason: 'x'.repeat(501) }, { reason: 42 }]) {
      const bad = await t.http.post(`/api/v1/cards/${a.card.id}/withdraw`).set(bearer(a.seeker)).send(body);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.ds.getRepository(Card).findOneByOrFail({ id: a.card.id })).status).toBe('ACTIVE');
  });

  it('lets an officer record it for the holder at the counter (a walk-in without an account)', async () => {
    const walkIn = await walkInSeekerWithCard(t, officer);
    const res = await t.http
      .post(`/api/v1/cards/${walkIn.card.id}/withdraw`)
      .set(bearer(officer))
      .send({ reason: 'Melanjutkan pendidikan' })
      .expect(200);
    expect(res.body.status).toBe('WITHDRAWN');
    const audit = await t.ds
      .getRepository(AuditEvent)
      .findOneByOrFail({ entityId: walkIn.card.id, action: 'card.withdrawn' });
    expect(audit.actorId).toBe(officer.userId);
  });

  describe('races with a hire of the same card', () => {
    const ROUNDS = 4;

    it('withdraw and a direct placement at once: exactly one wins, the card ends consistent', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const s = await walkInSeekerWithCard(t, officer);
        const [withdrawn, hired] = await Promise.all([
          t.http
            .post(`/api/v1/cards/${s.card.id}/withdraw`)
            .set(bearer(officer))
            .send({ reason: 'Tidak mencari kerja' }),
          t.http
            .post('/api/v1/placements')
            .set(bearer(employer))
            .send({ cardNumber: s.card.cardNumber, nik: s.nik, startDate: t.clock.today(), position: 'Operator' }),
        ]);
        const won = [withdrawn.status === 200, hired.status === 201];
        expect(won.filter(Boolean)).toHaveLength(1);
        const card = await t.ds.getRepository(Card).findOneByOrFail({ id: s.card.id });
        const placements = await t.ds.getRepository(Placement).countBy({ seekerId: s.seekerId });
        const seeker = await t.ds.getRepository(Seeker).findOneByOrFail({ id: s.seekerId });
        if (won[0]) {
          expect(card.status).toBe('WITHDRAWN');
          expect(placements).toBe(0);
          expect(seeker.placedAt).toBeNull();
          expect([409, 422]).toContain(hired.status);
        } else {
          expect(card.status).toBe('PLACED');
          expect(placements).toBe(1);
          expect(withdrawn.status).toBe(409);
        }
        expect(card.activeNikHash).toBeNull();
      }
    });

    it('withdraw and a hire from an application at once: exactly one wins', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const s = await walkInSeekerWithCard(t, officer);
        const v = await postVacancy(t, employer, { quota: 1 });
        const appId = await insertApplication(t, v.id, s.seekerId, employer.employerId);
        const [withdrawn, hired] = await Promise.all([
          t.http
            .post(`/api/v1/cards/${s.card.id}/withdraw`)
            .set(bearer(officer))
            .send({ reason: 'Tidak mencari kerja' }),
          t.http.post(`/api/v1/applications/${appId}/hire`).set(bearer(employer)).send({ startDate: t.clock.today() }),
        ]);
        const won = [withdrawn.status === 200, hired.status === 201];
        expect(won.filter(Boolean)).toHaveLength(1);
        const card = await t.ds.getRepository(Card).findOneByOrFail({ id: s.card.id });
        const app = await t.ds.getRepository(Application).findOneByOrFail({ id: appId });
        const placements = await t.ds.getRepository(Placement).countBy({ seekerId: s.seekerId });
        if (won[0]) {
          expect(card.status).toBe('WITHDRAWN');
          expect(app).toMatchObject({ status: 'CLOSED', closedReason: 'SEEKER_WITHDRAWN' });
          expect(placements).toBe(0);
        } else {
          expect(card.status).toBe('PLACED');
          expect(app.status).toBe('HIRED');
          expect(placements).toBe(1);
        }
        const open = await t.ds
          .getRepository(Application)
          .countBy({ id: In([appId]), status: In(['SUBMITTED', 'SHORTLISTED']) });
        expect(open).toBe(0);
      }
    });
  });
});
