import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Card, CardReport, CardSerial } from '../../src/cards/card.entity';
import { CardsService } from '../../src/cards/cards.service';
import { Seeker } from '../../src/seekers/seeker.entity';
import { startApp, type TestApp } from '../support/app';
import { nothing, world, type SeekerFixture, type World } from '../support/world';

/** Issue day of every card in this spec: 10 March 2025, 10:00 in Jakarta. */
const ISSUED = '2025-03-10';
const at = (date: string) => `${date}T10:00:00+07:00`;

/**
 * The middle tier: CardsService, the owner of the AK1 card, against the real database without HTTP.
 * The spec has a database of its own (the daily expiry scans every card in it).
 */
describe('CardsService', () => {
  let t: TestApp;
  let w: World;
  let cards: CardsService;

  beforeAll(async () => {
    t = await startApp({}, [], { freshDatabase: true });
    w = world(t);
    cards = w.get(CardsService);
  });
  beforeEach(() => t.clock.set(at(ISSUED)));
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  const card = (id: string) => t.ds.getRepository(Card).findOneByOrFail({ id });
  const seekerRow = (id: string) => t.ds.getRepository(Seeker).findOneByOrFail({ id });
  /** The last serial handed out in region 1671 for the year (0 before its counter exists). */
  const serial = async (year: number) =>
    (await t.ds.getRepository(CardSerial).findOneBy({ regionCode: '1671', year }))?.lastSerial ?? 0;
  /** The audit actions on an entity, sorted by name (the test clock stands still, so times can tie). */
  const actions = async (entityId: string) =>
    (await t.ds.getRepository(AuditEvent).findBy({ entityId })).map((e) => e.action).sort();
  const cardsOf = (seekerId: string) =>
    t.ds.getRepository(Card).find({ where: { seekerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const pending = async (): Promise<SeekerFixture & { card: { id: string } }> => {
    const s = await w.seeker({ account: true }).withPendingCard();
    return s as SeekerFixture & { card: { id: string } };
  };

  describe('request and approve', () => {
    it('a request is PENDING, unnumbered and undated, and holds the NIK', async () => {
      const s = await pending();
      const row = await card(s.card.id);
      expect(row).toMatchObject({
        seekerId: s.id,
        status: 'PENDING',
        origin: 'REQUEST',
        cardNumber: null,
        cardNumberDisplay: null,
        issuedAt: null,
        expiresAt: null,
        nextReportDue: null,
        decidedBy: null,
        activeNikHash: (await seekerRow(s.id)).nikHash,
      });
      expect(await actions(s.card.id)).toEqual(['card.requested']);
    });

    it('approve numbers the card and dates it with cardTerm: valid 24 months, first report in 6', async () => {
      const s = await pending();
      const officer = await w.officer();
      const before = await serial(2025);

      const view = await cards.approve(officer, s.card.id);

      const row = await card(s.card.id);
      expect(row).toMatchObject({
        status: 'ACTIVE',
        issuedAt: '2025-03-10',
        expiresAt: '2027-03-10',
        nextReportDue: '2025-09-10',
        decidedBy: officer.id,
        activeNikHash: (await seekerRow(s.id)).nikHash,
      });
      expect(row.decidedAt?.toISOString()).toBe('2025-03-10T03:00:00.000Z');
      // The next serial of region 1671 in 2025, with its check digit, and the same number grouped.
      expect(await serial(2025)).toBe(before + 1);
      expect(row.cardNumber).toMatch(new RegExp(`^167125${String(before + 1).padStart(6, '0')}\\d$`));
      const key = row.cardNumber!;
      expect(row.cardNumberDisplay).toBe(`${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 12)}-${key.slice(12)}`);
      expect(view).toMatchObject({ status: 'ACTIVE', cardNumber: row.cardNumberDisplay, expiresAt: '2027-03-10' });
      expect(await actions(s.card.id)).toEqual(['card.approved', 'card.requested']);
    });

    it('a second approve is refused (409 INVALID_STATE_TRANSITION) and neither renumbers nor redates the card', async () => {
      const s = await pending();
      const officer = await w.officer();
      await cards.approve(officer, s.card.id);
      const first = await card(s.card.id);
      const used = await serial(2025);

      t.clock.advanceDays(3);
      await expect(cards.approve(officer, s.card.id)).rejects.toMatchObject({
        status: 409,
        code: 'INVALID_STATE_TRANSITION',
      });

      const after = await card(s.card.id);
      expect(after).toMatchObject({
        status: 'ACTIVE',
        cardNumber: first.cardNumber,
        issuedAt: '2025-03-10',
        expiresAt: '2027-03-10',
      });
      expect(after.decidedAt?.toISOString()).toBe(first.decidedAt?.toISOString());
      expect(await serial(2025)).toBe(used);
      expect(await actions(s.card.id)).toEqual(['card.approved', 'card.requested']);
    });

    it('approve of an unknown card answers 404', async () => {
      await expect(cards.approve(await w.officer(), nothing())).rejects.toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    });

    it('only a seeker may request a card (403), and only one is held per NIK (CARD_ALREADY_HELD)', async () => {
      await expect(cards.request(await w.officer())).rejects.toMatchObject({ status: 403 });
      const s = await pending();
      await expect(cards.request(s.actor!)).rejects.toMatchObject({ status: 409, code: 'CARD_ALREADY_HELD' });
      await cards.approve(await w.officer(), s.card.id);
      await expect(cards.request(s.actor!)).rejects.toMatchObject({ status: 409, code: 'CARD_ALREADY_HELD' });
      expect((await cardsOf(s.id)).map((c) => c.status)).toEqual(['ACTIVE']);
    });

    it('a walk-in issue is ACTIVE at once; a second issue for the same person is CARD_ALREADY_HELD', async () => {
      const s = await w.seeker().withActiveCard();
      expect(await card(s.card!.id)).toMatchObject({
        status: 'ACTIVE',
        origin: 'WALK_IN',
        issuedAt: '2025-03-10',
        expiresAt: '2027-03-10',
        nextReportDue: '2025-09-10',
      });
      await expect(cards.issue(await w.officer(), s.id)).rejects.toMatchObject({ code: 'CARD_ALREADY_HELD' });
      expect(await cardsOf(s.id)).toHaveLength(1);
    });
  });

  describe('reject and revoke', () => {
    it('reject closes a PENDING request with its reason; the person may request again', async () => {
      const s = await pending();
      const officer = await w.officer();
      const view = await cards.reject(officer, s.card.id, '  Foto tidak jelas  ');
      expect(view).toMatchObject({ status: 'REJECTED', statusReason: 'Foto tidak jelas' });
      expect(await card(s.card.id)).toMatchObject({
        status: 'REJECTED',
        statusReason: 'Foto tidak jelas',
        activeNikHash: null,
        decidedBy: officer.id,
        cardNumber: null,
        closedAt: null,
      });
      const again = await cards.request(s.actor!);
      expect((await card(again.id)).status).toBe('PENDING');
    });

    it('reject refuses anything but PENDING; revoke refuses anything but ACTIVE', async () => {
      const officer = await w.officer();
      const s = await pending();
      await expect(cards.revoke(officer, s.card.id, 'x')).rejects.toMatchObject({ code: 'INVALID_STATE_TRANSITION' });
      expect((await card(s.card.id)).status).toBe('PENDING');

      await cards.approve(officer, s.card.id);
      await expect(cards.reject(officer, s.card.id, 'x')).rejects.toMatchObject({
        status: 409,
        code: 'INVALID_STATE_TRANSITION',
      });
      expect(await card(s.card.id)).toMatchObject({ status: 'ACTIVE', statusReason: null });

      await cards.revoke(officer, s.card.id, 'Data palsu');
      await expect(cards.revoke(officer, s.card.id, 'lagi')).rejects.toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
      });
      await expect(cards.reject(officer, s.card.id, 'lagi')).rejects.toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
      });
      expect(await card(s.card.id)).toMatchObject({ status: 'REVOKED', statusReason: 'Data palsu' });
      expect(await actions(s.card.id)).toEqual(['card.approved', 'card.requested', 'card.revoked']);
    });

    it('revoke closes an ACTIVE card, frees the NIK and keeps the number', async () => {
      const s = await w.seeker().withActiveCard();
      const officer = await w.officer();
      const number = (await card(s.card!.id)).cardNumber;
      t.clock.advanceDays(10);
      await cards.revoke(officer, s.card!.id, 'Pindah domisili');
      const row = await card(s.card!.id);
      expect(row).toMatchObject({ status: 'REVOKED', activeNikHash: null, cardNumber: number });
      expect(row.closedAt?.toISOString()).toBe('2025-03-20T03:00:00.000Z');
      const next = await cards.issue(officer, s.id);
      expect((await card(next.id)).status).toBe('ACTIVE');
    });
  });

  describe('report', () => {
    it('moves nextReportDue to the next 6-month mark after today and records the report', async () => {
      const s = await w.seeker().withActiveCard();
      const officer = await w.officer();
      const id = s.card!.id;

      // Before the first due date: the due date stays at the first mark.
      t.clock.set(at('2025-04-01'));
      await cards.report(officer, id, '  masih mencari  ');
      expect((await card(id)).nextReportDue).toBe('2025-09-10');

      // Overdue: the next mark after today, counted from the issue date.
      t.clock.set(at('2025-10-01'));
      const view = await cards.report(officer, id, undefined);
      expect(view.nextReportDue).toBe('2026-03-10');
      expect((await card(id)).nextReportDue).toBe('2026-03-10');

      // Never past the expiry date.
      t.clock.set(at('2027-01-05'));
      await cards.report(officer, id, undefined);
      expect((await card(id)).nextReportDue).toBe('2027-03-10');

      const reports = await t.ds
        .getRepository(CardReport)
        .find({ where: { cardId: id }, order: { reportedAt: 'ASC' } });
      expect(reports.map((r) => [r.dueBefore, r.dueAfter, r.note, r.reportedBy])).toEqual([
        ['2025-09-10', '2025-09-10', 'masih mencari', officer.id],
        ['2025-09-10', '2026-03-10', null, officer.id],
        ['2026-03-10', '2027-03-10', null, officer.id],
      ]);
    });

    it('the holder may report; another seeker is told the card does not exist', async () => {
      const holder = await w.seeker({ account: true }).withActiveCard();
      const other = await w.seeker({ account: true });
      t.clock.set(at('2025-10-01'));
      await expect(cards.report(other.actor!, holder.card!.id, undefined)).rejects.toMatchObject({ status: 404 });
      expect((await card(holder.card!.id)).nextReportDue).toBe('2025-09-10');
      await cards.report(holder.actor!, holder.card!.id, undefined);
      expect((await card(holder.card!.id)).nextReportDue).toBe('2026-03-10');
    });

    it('on its expiry day the card still reports; the day after it reads EXPIRED and is refused, before any daily job', async () => {
      const s = await w.seeker().withActiveCard();
      const officer = await w.officer();
      const id = s.card!.id;

      t.clock.set(at('2027-03-10'));
      await cards.report(officer, id, undefined);

      t.clock.set(at('2027-03-11'));
      await expect(cards.report(officer, id, undefined)).rejects.toMatchObject({
        status: 409,
        code: 'CARD_NOT_ACTIVE',
        message: expect.stringContaining('EXPIRED'),
      });
      // Refused without writing: the row still says ACTIVE (the daily job has not run) and one report exists.
      expect(await card(id)).toMatchObject({ status: 'ACTIVE', nextReportDue: '2027-03-10' });
      expect(await t.ds.getRepository(CardReport).countBy({ cardId: id })).toBe(1);
    });

    it('a PENDING or REVOKED card cannot report (CARD_NOT_ACTIVE)', async () => {
      const officer = await w.officer();
      const s = await pending();
      await expect(cards.report(officer, s.card.id, undefined)).rejects.toMatchObject({
        code: 'CARD_NOT_ACTIVE',
        message: expect.stringContaining('PENDING'),
      });
      await cards.approve(officer, s.card.id);
      await cards.revoke(officer, s.card.id, 'x');
      await expect(cards.report(officer, s.card.id, undefined)).rejects.toMatchObject({ code: 'CARD_NOT_ACTIVE' });
      expect(await t.ds.getRepository(CardReport).countBy({ cardId: s.card.id })).toBe(0);
    });
  });

  describe('expiry', () => {
    it('expireDue writes EXPIRED once: a second run expires nothing', async () => {
      const due = await w.seeker().withActiveCard();
      t.clock.set(at('2027-03-10'));
      const fresh = await w.seeker().withActiveCard(); // issued on the expiry day of the first
      const now = new Date(at('2027-03-11'));
      t.clock.set(now);

      const candidates = await t.ds
        .getRepository(Card)
        .createQueryBuilder('c')
        .where("c.status = 'ACTIVE' AND c.expires_at < :today", { today: '2027-03-11' })
        .getCount();
      expect(candidates).toBeGreaterThanOrEqual(1);

      expect(await cards.expireDue(now)).toEqual({ expired: candidates });
      expect(await card(due.card!.id)).toMatchObject({ status: 'EXPIRED', activeNikHash: null });
      expect((await card(due.card!.id)).closedAt?.toISOString()).toBe(now.toISOString());
      expect((await card(fresh.card!.id)).status).toBe('ACTIVE');

      expect(await cards.expireDue(now)).toEqual({ expired: 0 });
      expect((await actions(due.card!.id)).filter((a) => a === 'card.expired')).toHaveLength(1);
      expect(await actions(fresh.card!.id)).toEqual(['card.issued']);
    });

    it('a request writes an already-expired ACTIVE card EXPIRED (once, one card.expired event) and succeeds', async () => {
      const s = await w.seeker({ account: true }).withActiveCard();
      const old = s.card!.id;
      t.clock.set(at('2027-03-11'));
      expect((await card(old)).status).toBe('ACTIVE');

      const next = await cards.request(s.actor!);

      expect(next.status).toBe('PENDING');
      expect(await card(old)).toMatchObject({ status: 'EXPIRED', activeNikHash: null });
      expect(await card(next.id)).toMatchObject({ status: 'PENDING', activeNikHash: (await seekerRow(s.id)).nikHash });
      expect(await actions(old)).toEqual(['card.approved', 'card.expired', 'card.requested']);

      // Neither the daily job nor a further request expires it again.
      await expect(cards.request(s.actor!)).rejects.toMatchObject({ code: 'CARD_ALREADY_HELD' });
      await cards.expireDue(t.clock.now());
      expect(await actions(old)).toEqual(['card.approved', 'card.expired', 'card.requested']);
      const audit = await t.ds.getRepository(AuditEvent).findOneByOrFail({ entityId: old, action: 'card.expired' });
      expect(audit).toMatchObject({ actorId: null, entityType: 'card' });
    });

    it('a walk-in issue writes an already-expired ACTIVE card EXPIRED (once) and issues a new numbered card', async () => {
      const s = await w.seeker().withActiveCard();
      const old = s.card!.id;
      const oldNumber = (await card(old)).cardNumber;
      t.clock.set(at('2027-04-01'));

      const next = await cards.issue(await w.officer(), s.id);

      expect(await card(old)).toMatchObject({ status: 'EXPIRED', cardNumber: oldNumber });
      const row = await card(next.id);
      expect(row).toMatchObject({ status: 'ACTIVE', issuedAt: '2027-04-01', expiresAt: '2029-04-01' });
      expect(row.cardNumber).toMatch(/^167127\d{7}$/);
      expect(await actions(old)).toEqual(['card.expired', 'card.issued']);
      expect((await cardsOf(s.id)).map((c) => c.status).sort()).toEqual(['ACTIVE', 'EXPIRED']);

      await cards.expireDue(t.clock.now());
      expect((await actions(old)).filter((a) => a === 'card.expired')).toHaveLength(1);
    });
  });

  describe('asked by other features', () => {
    const facts = () => ({
      employerId: null,
      employerName: 'CV Maju Jaya',
      startDate: t.clock.today(),
      source: 'SELF_REPORT' as const,
    });

    it('closeAsPlaced closes the ACTIVE card with the placement facts, once', async () => {
      const s = await w.seeker().withActiveCard();
      const officer = await w.officer();
      const closed = await w.tx((m) => cards.closeAsPlaced(m, officer, s.id, facts()));
      expect(closed).toMatchObject({ id: s.card!.id, status: 'PLACED' });
      const row = await card(s.card!.id);
      expect(row).toMatchObject({
        status: 'PLACED',
        activeNikHash: null,
        placementEmployerName: 'CV Maju Jaya',
        placementStartDate: '2025-03-10',
        placementSource: 'SELF_REPORT',
      });
      expect(row.closedAt?.toISOString()).toBe('2025-03-10T03:00:00.000Z');
      expect(await w.tx((m) => cards.closeAsPlaced(m, officer, s.id, facts()))).toBeNull();
      expect(await actions(s.card!.id)).toEqual(['card.issued', 'card.placed']);
    });

    it('closeAsPlaced does not place a card already expired by date: it writes it EXPIRED and answers null', async () => {
      const s = await w.seeker().withActiveCard();
      const officer = await w.officer();
      t.clock.set(`${s.card!.expiresAt}T12:00:00+07:00`);
      t.clock.advanceDays(1);
      expect(await w.tx((m) => cards.closeAsPlaced(m, officer, s.id, facts()))).toBeNull();
      expect(await card(s.card!.id)).toMatchObject({ status: 'EXPIRED', placementSource: null, activeNikHash: null });
      expect((await actions(s.card!.id)).filter((a) => a === 'card.expired')).toHaveLength(1);
      expect(await actions(s.card!.id)).not.toContain('card.placed');
    });

    it('closeAsPlaced leaves a PENDING request alone and answers null', async () => {
      const s = await pending();
      expect(await w.tx(async (m) => cards.closeAsPlaced(m, await w.officer(), s.id, facts()))).toBeNull();
      expect((await card(s.card.id)).status).toBe('PENDING');
    });

    it('activeCardOf answers the card only while it is active today', async () => {
      const s = await w.seeker().withActiveCard();
      const p = await pending();
      expect((await w.tx((m) => cards.activeCardOf(m, s.id)))?.id).toBe(s.card!.id);
      expect(await w.tx((m) => cards.activeCardOf(m, p.id))).toBeNull();
      t.clock.set(at('2027-03-10'));
      expect((await w.tx((m) => cards.activeCardOf(m, s.id)))?.id).toBe(s.card!.id);
      t.clock.set(at('2027-03-11'));
      expect(await w.tx((m) => cards.activeCardOf(m, s.id))).toBeNull();
    });
  });
});
