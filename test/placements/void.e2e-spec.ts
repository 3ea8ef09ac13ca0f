import { randomUUID } from 'node:crypto';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Card } from '../../src/cards/card.entity';
import { Notification } from '../../src/notifications/notification.entity';
import { Placement } from '../../src/placements/placement.entity';
import { Seeker } from '../../src/seekers/seeker.entity';
import { Vacancy } from '../../src/vacancies/vacancy.entity';
import { ENGINE, startApp, type TestApp } from '../support/app';
import {
  bearer,
  login,
  makeOfficer,
  postVacancy,
  registerEmployer,
  seekerWithActiveCard,
  uniq,
  verifiedEmployer,
  walkInSeekerWithCard,
  type EmployerSession,
  type SeekerSession,
  type Session,
} from '../support/factories';

/**
 * `POST /placements/:id/void`: a placement recorded by mistake is voided and everything the hire did is
 * undone (card, application, vacancy fill), audited, told once, idempotent; who may do it and until when;
 * what monitoring and card checks say afterwards; two voids at once. Statistics figures are tested with
 * the IPK reports (LabourStatistics.placementVoided), not here.
 */
const ROUNDS = ENGINE === 'mysql' ? Number(process.env.RACE_ROUNDS ?? 20) : 3;
const DAY = 24 * 60 * 60 * 1000;

describe(`voiding a placement on ${ENGINE}`, () => {
  let t: TestApp;
  let officer: Session;
  let employer: EmployerSession;
  let other: EmployerSession;

  beforeAll(async () => {
    // A database of its own: the monitoring figures below count every placement of the period.
    t = await startApp({ VALIDATION_RATE_LIMIT: '100000' }, [], { freshDatabase: true });
    t.clock.set('2030-03-10T03:00:00Z');
    officer = await makeOfficer(t);
    employer = await verifiedEmployer(t, officer);
    other = await verifiedEmployer(t, officer);
  });
  afterAll(() => t.close());

  const apply = (s: Session, vacancyId: string) =>
    t.http.post(`/api/v1/vacancies/${vacancyId}/applications`).set(bearer(s)).send({});
  const hire = (applicationId: string, by: Session = employer) =>
    t.http
      .post(`/api/v1/applications/${applicationId}/hire`)
      .set(bearer(by))
      .send({ startDate: t.clock.today(), position: 'Kasir' });
  const voidIt = (id: string, by: Session | null, body: unknown = { reason: 'Salah memasukkan nomor kartu' }) => {
    const req = t.http.post(`/api/v1/placements/${id}/void`);
    if (by) req.set(bearer(by));
    return req.send(body as object);
  };
  const direct = (holder: { nik: string; card: { cardNumber: string } }, extra: object = {}) =>
    t.http
      .post('/api/v1/placements')
      .set(bearer(employer))
      .send({
        cardNumber: holder.card.cardNumber,
        nik: holder.nik,
        startDate: t.clock.today(),
        position: 'Operator',
        ...extra,
      });
  const notes = (subject: string) => t.ds.getRepository(Notification).findBy({ kind: 'PLACEMENT_VOIDED', subject });

  /** A seeker with a login and an ACTIVE card, applied to a new quota-1 vacancy and hired from it. */
  async function hiredApplicant(): Promise<{
    seeker: SeekerSession;
    card: { id: string; cardNumber: string; expiresAt: string };
    vacancyId: string;
    title: string;
    applicationId: string;
    placement: { id: string };
  }> {
    const title = `Kasir ${uniq('')}`;
    const vacancy = await postVacancy(t, employer, { title, quota: 1 });
    const { seeker, card } = await seekerWithActiveCard(t, officer);
    const application = (await apply(seeker, vacancy.id).expect(201)).body;
    const placement = (await hire(application.id).expect(201)).body;
    return { seeker, card, vacancyId: vacancy.id, title, applicationId: application.id, placement };
  }

  describe('what a void undoes', () => {
    it('officer: the card is ACTIVE again, the application SHORTLISTED, the FILLED vacancy reopens into search', async () => {
      const h = await hiredApplicant();
      const search = async () =>
        (await t.http.get(`/api/v1/vacancies?q=${encodeURIComponent(h.title)}`).expect(200)).body.total;
      expect(await search()).toBe(0);

      const res = await voidIt(h.placement.id, officer, { reason: '  Pekerja yang diterima orang lain  ' }).expect(200);
      expect(res.body).toMatchObject({
        id: h.placement.id,
        status: 'VOID',
        voidedBy: officer.userId,
        voidReason: 'Pekerja yang diterima orang lain',
        applicationId: h.applicationId,
        vacancyId: h.vacancyId,
      });
      expect(new Date(res.body.voidedAt).getTime()).toBe(t.clock.now().getTime());

      // The card: ACTIVE, holding the NIK's place again, the hire's fields cleared.
      const cards = (await t.http.get('/api/v1/cards/me').set(bearer(h.seeker)).expect(200)).body;
      expect(cards.current).toMatchObject({ id: h.card.id, status: 'ACTIVE' });
      const row = await t.ds.getRepository(Card).findOneByOrFail({ id: h.card.id });
      expect(row).toMatchObject({
        status: 'ACTIVE',
        closedAt: null,
        placementEmployerId: null,
        placementEmployerName: null,
        placementStartDate: null,
        placementSource: null,
      });
      expect(row.activeNikHash).not.toBeNull();
      // The seeker is an active job seeker again.
      expect((await t.http.get('/api/v1/seekers/me').set(bearer(h.seeker)).expect(200)).body.activeJobSeeker).toBe(
        true,
      );
      expect((await t.ds.getRepository(Seeker).findOneByOrFail({ id: h.seeker.seekerId })).placedAt).toBeNull();
      // The application is SHORTLISTED; the vacancy is OPEN with its position free and back in search.
      const mine = (await t.http.get('/api/v1/seekers/me/applications').set(bearer(h.seeker)).expect(200)).body.items;
      expect(mine[0]).toMatchObject({ id: h.applicationId, status: 'SHORTLISTED' });
      const v = (await t.http.get(`/api/v1/vacancies/${h.vacancyId}`).set(bearer(employer)).expect(200)).body;
      expect(v).toMatchObject({ status: 'OPEN', filled: 0, remaining: 1, closedAt: null });
      expect(await search()).toBe(1);
      // A card check answers the card's new status.
      const check = await t.http
        .post('/api/v1/card-validations')
        .set(bearer(other))
        .send({ cardNumber: h.card.cardNumber, nik: h.seeker.nik })
        .expect(200);
      expect(check.body).toMatchObject({ result: 'VALID', valid: true });

      // Audited, with the reason; every owner's change too.
      const audit = await t.ds
        .getRepository(AuditEvent)
        .findBy({ entityId: h.placement.id, action: 'placement.voided' });
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].afterState!)).toMatchObject({
        status: 'VOID',
        reason: 'Pekerja yang diterima orang lain',
        cardStatus: 'ACTIVE',
        vacancyStatus: 'OPEN',
      });
      expect(audit[0].afterState).not.toContain(h.seeker.nik);
      for (const [entityId, action] of [
        [h.card.id, 'card.placement-voided'],
        [h.applicationId, 'application.hire-voided'],
        [h.vacancyId, 'vacancy.reopened'],
        [h.seeker.seekerId, 'seeker.placement-voided'],
      ])
        expect(await t.ds.getRepository(AuditEvent).countBy({ entityId, action })).toBe(1);

      // Told once: the seeker and every staff user of the employer, one message each.
      const told = await notes(`placement:${h.placement.id}:void`);
      expect(told.map((n) => n.userId).sort()).toEqual([h.seeker.userId, employer.userId].sort());

      // Voiding twice: 409, and nothing more is told.
      expect((await voidIt(h.placement.id, officer).expect(409)).body.code).toBe('ALREADY_VOID');
      expect(await notes(`placement:${h.placement.id}:void`)).toHaveLength(2);

      // Still listed, with its status.
      const list = (await t.http.get('/api/v1/placements?pageSize=100').set(bearer(employer)).expect(200)).body.items;
      expect(list.find((p: { id: string }) => p.id === h.placement.id)).toMatchObject({
        status: 'VOID',
        voidReason: 'Pekerja yang diterima orang lain',
      });

      // The seeker can be hired again, from the very same application (a new placement).
      const again = (await hire(h.applicationId).expect(201)).body;
      expect(again.id).not.toBe(h.placement.id);
      expect(again.status).toBe('RECORDED');
      expect((await t.ds.getRepository(Card).findOneByOrFail({ id: h.card.id })).status).toBe('PLACED');
      const filled = await t.ds.getRepository(Vacancy).findOneByOrFail({ id: h.vacancyId });
      expect(filled).toMatchObject({ status: 'FILLED', filled: 1 });
    });

    it('a direct placement of a walk-in without a vacancy: the card returns, nobody without a login is told', async () => {
      const holder = await walkInSeekerWithCard(t, officer);
      const placed = (await direct(holder).expect(201)).body;
      expect(placed.status).toBe('RECORDED');
      const res = await voidIt(placed.id, employer).expect(200);
      expect(res.body).toMatchObject({ status: 'VOID', vacancyId: null, applicationId: null });
      expect((await t.ds.getRepository(Card).findOneByOrFail({ id: holder.card.id })).status).toBe('ACTIVE');
      expect((await notes(`placement:${placed.id}:void`)).map((n) => n.userId)).toEqual([employer.userId]);
      // Hired again, by card number and NIK.
      expect((await direct(holder).expect(201)).body.status).toBe('RECORDED');
    });

    it('a vacancy with positions left stays OPEN and counts one hire less', async () => {
      const v = await postVacancy(t, employer, { quota: 3 });
      const holder = await walkInSeekerWithCard(t, officer);
      const placed = (await direct(holder, { vacancyId: v.id }).expect(201)).body;
      expect((await t.ds.getRepository(Vacancy).findOneByOrFail({ id: v.id })).filled).toBe(1);
      await voidIt(placed.id, officer).expect(200);
      expect(await t.ds.getRepository(Vacancy).findOneByOrFail({ id: v.id })).toMatchObject({
        status: 'OPEN',
        filled: 0,
      });
    });

    it('a self-report: only the office voids it; the seeker is active again', async () => {
      const { seeker, card } = await seekerWithActiveCard(t, officer);
      const placed = (
        await t.http
          .post('/api/v1/seekers/me/placement')
          .set(bearer(seeker))
          .send({ employerName: 'PT Salah Catat', startDate: t.clock.today(), employerId: employer.employerId })
          .expect(201)
      ).body;
      const refused = await voidIt(placed.id, employer).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      await voidIt(placed.id, officer).expect(200);
      expect((await t.ds.getRepository(Card).findOneByOrFail({ id: card.id })).status).toBe('ACTIVE');
      // The employer did not record it: its staff are not told.
      expect((await notes(`placement:${placed.id}:void`)).map((n) => n.userId)).toEqual([seeker.userId]);
    });

    it('a seeker with a newer card since the hire: 409 PLACEMENT_SUPERSEDED, nothing changed', async () => {
      const holder = await walkInSeekerWithCard(t, officer);
      const placed = (await direct(holder).expect(201)).body;
      // The office issues a new card: the person is looking for work again.
      await t.http.post('/api/v1/cards').set(bearer(officer)).send({ seekerId: holder.seekerId }).expect(201);
      const res = await voidIt(placed.id, officer).expect(409);
      expect(res.body.code).toBe('PLACEMENT_SUPERSEDED');
      expect((await t.ds.getRepository(Placement).findOneByOrFail({ id: placed.id })).status).toBe('RECORDED');
      expect((await t.ds.getRepository(Card).findOneByOrFail({ id: holder.card.id })).status).toBe('PLACED');
    });
  });

  describe('who may void, and until when', () => {
    it('the recording employer within 7 days; after that 403 VOID_WINDOW_PASSED; the officer at any time', async () => {
      const late = await hiredApplicant();
      const early = await hiredApplicant();
      const start = t.clock.now().getTime();
      try {
        t.clock.set(new Date(start + 7 * DAY - 60_000).toISOString());
        const emp = await login(t, employer.email);
        await voidIt(early.placement.id, emp).expect(200);
        t.clock.set(new Date(start + 7 * DAY + 60_000).toISOString());
        const emp2 = await login(t, employer.email);
        const res = await voidIt(late.placement.id, emp2).expect(403);
        expect(res.body.code).toBe('VOID_WINDOW_PASSED');
        expect((await t.ds.getRepository(Placement).findOneByOrFail({ id: late.placement.id })).status).toBe(
          'RECORDED',
        );
        await voidIt(late.placement.id, await login(t, officer.email)).expect(200);
      } finally {
        t.clock.set(new Date(start).toISOString());
      }
    });

    it('another company: 404; a seeker: 403; anonymous: 401; an unknown or malformed id: 404', async () => {
      const h = await hiredApplicant();
      expect((await voidIt(h.placement.id, other).expect(404)).body.code).toBe('NOT_FOUND');
      const pending = await registerEmployer(t);
      expect((await voidIt(h.placement.id, pending).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await voidIt(h.placement.id, h.seeker).expect(403)).body.code).toBe('FORBIDDEN');
      await voidIt(h.placement.id, null).expect(401);
      expect((await voidIt(randomUUID(), officer).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await voidIt('not-an-id', officer).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await t.ds.getRepository(Placement).findOneByOrFail({ id: h.placement.id })).status).toBe('RECORDED');
    });

    it('hostile reasons: 400 VALIDATION_FAILED naming reason, never 500', async () => {
      const h = await hiredApplicant();
      for (const body of [
        {},
        { reason: '' },
        { reason: '  a ' },
        { reason: 'x'.repeat(501) },
        { reason: 42 },
        { reason: ['salah catat'] },
        { reason: { $ne: null } },
        { reason: null },
      ]) {
        const res = await voidIt(h.placement.id, officer, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain('reason');
      }
      const text = await t.http
        .post(`/api/v1/placements/${h.placement.id}/void`)
        .set(bearer(officer))
        .set('Content-Type', 'application/json')
        .send('{"reason": ');
      expect(text.status).toBe(400);
      expect((await t.ds.getRepository(Placement).findOneByOrFail({ id: h.placement.id })).status).toBe('RECORDED');
      await voidIt(h.placement.id, officer, { reason: 'x'.repeat(500) }).expect(200);
    });
  });

  describe('idempotency', () => {
    it('a replay with the same key answers the same 200; another body with the key is 422', async () => {
      const h = await hiredApplicant();
      const key = randomUUID();
      const send = (reason: string) =>
        t.http
          .post(`/api/v1/placements/${h.placement.id}/void`)
          .set(bearer(employer))
          .set('Idempotency-Key', key)
          .send({ reason });
      const first = await send('Salah orang').expect(200);
      const replay = await send('Salah orang').expect(200);
      expect(replay.body).toEqual(first.body);
      expect((await send('Alasan lain').expect(422)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await notes(`placement:${h.placement.id}:void`)).toHaveLength(2);
      expect(
        await t.ds.getRepository(AuditEvent).countBy({ entityId: h.placement.id, action: 'placement.voided' }),
      ).toBe(1);
    });
  });

  describe('monitoring counts a voided placement as no hire', () => {
    it('summary placements, the participation table and outcomes leave it out', async () => {
      const today = t.clock.today();
      const period = `from=${today}&to=${today}`;
      const summary = async () =>
        (await t.http.get(`/api/v1/monitoring/summary?${period}`).set(bearer(officer)).expect(200)).body.placements;
      const e = await verifiedEmployer(t, officer);
      const hires = async () => {
        const page = (
          await t.http.get(`/api/v1/monitoring/employers?${period}&pageSize=100`).set(bearer(officer)).expect(200)
        ).body;
        return page.items.find((r: { employerId: string }) => r.employerId === e.employerId) as {
          hires: number;
          participating: boolean;
        };
      };
      const outcomes = async () =>
        (await t.http.get(`/api/v1/monitoring/outcomes?${period}`).set(bearer(officer)).expect(200)).body;
      const before = await summary();
      const placedBefore = (await outcomes()).placed;
      const holder = await walkInSeekerWithCard(t, officer);
      const placed = (
        await t.http
          .post('/api/v1/placements')
          .set(bearer(e))
          .send({ cardNumber: holder.card.cardNumber, nik: holder.nik, startDate: today, position: 'Operator' })
          .expect(201)
      ).body;
      expect((await summary()).total).toBe(before.total + 1);
      expect(await hires()).toMatchObject({ hires: 1 });
      expect((await outcomes()).placed).toBe(placedBefore + 1);

      await voidIt(placed.id, officer).expect(200);
      expect(await summary()).toEqual(before);
      expect((await hires()).hires).toBe(0);
      expect((await outcomes()).placed).toBe(placedBefore);
    });
  });

  describe('a card past its date, a vacancy past its closing date', () => {
    it('the card becomes EXPIRED, the FILLED vacancy stays FILLED with one hire less', async () => {
      const h = await hiredApplicant();
      const start = t.clock.now().getTime();
      try {
        const afterExpiry = new Date(`${h.card.expiresAt}T03:00:00Z`).getTime() + DAY;
        t.clock.set(new Date(afterExpiry).toISOString());
        const res = await voidIt(h.placement.id, await login(t, officer.email)).expect(200);
        expect(res.body.status).toBe('VOID');
        const card = await t.ds.getRepository(Card).findOneByOrFail({ id: h.card.id });
        expect(card).toMatchObject({ status: 'EXPIRED', activeNikHash: null, placementEmployerId: null });
        expect(card.closedAt).not.toBeNull();
        expect(await t.ds.getRepository(Vacancy).findOneByOrFail({ id: h.vacancyId })).toMatchObject({
          status: 'FILLED',
          filled: 0,
        });
        const audit = await t.ds
          .getRepository(AuditEvent)
          .findOneByOrFail({ entityId: h.placement.id, action: 'placement.voided' });
        expect(JSON.parse(audit.afterState!)).toMatchObject({ cardStatus: 'EXPIRED', vacancyStatus: 'FILLED' });
      } finally {
        t.clock.set(new Date(start).toISOString());
      }
    });
  });

  describe(`two voids at once (${ROUNDS} rounds)`, () => {
    it('one 200, one 409 ALREADY_VOID; the vacancy counts the hire back exactly once', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const v = await postVacancy(t, employer, { quota: 1 });
        const holder = await walkInSeekerWithCard(t, officer);
        const placed = (await direct(holder, { vacancyId: v.id }).expect(201)).body;
        const replies = await Promise.all([
          voidIt(placed.id, officer, { reason: 'Salah catat (petugas)' }),
          voidIt(placed.id, employer, { reason: 'Salah catat (perusahaan)' }),
        ]);
        expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(replies.find((r) => r.status === 409)!.body.code).toBe('ALREADY_VOID');
        const winner = replies.find((r) => r.status === 200)!.body;
        const row = await t.ds.getRepository(Placement).findOneByOrFail({ id: placed.id });
        expect(row).toMatchObject({ status: 'VOID', voidReason: winner.voidReason });
        expect(await t.ds.getRepository(Vacancy).findOneByOrFail({ id: v.id })).toMatchObject({
          status: 'OPEN',
          filled: 0,
        });
        expect((await t.ds.getRepository(Card).findOneByOrFail({ id: holder.card.id })).status).toBe('ACTIVE');
        expect(await t.ds.getRepository(AuditEvent).countBy({ entityId: placed.id, action: 'placement.voided' })).toBe(
          1,
        );
      }
    });
  });
});
