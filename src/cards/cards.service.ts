import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, In, IsNull, LessThan, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { LabourStatistics } from '../statistics/labour-statistics.service.js';
import { jakartaDate } from '../common/dates.js';
import { forbidden, invalidTransition, notFound } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { containsPattern, LIKE_ESCAPE, queryWords } from '../common/sql.js';
import { affectedRows, Transactions, uniqueViolation } from '../database/transactions.js';
import { DailyJobs } from '../jobs/daily-jobs.service.js';
import { Seeker } from '../seekers/seeker.entity.js';
import { cardTerm, nextReportMark } from './card-dates.js';
import { cardNumberKey } from './card-number.js';
import { CardNumbers } from './card-numbers.service.js';
import { toCardView, type CardView } from './card-view.js';
import { Card, CardReport, type CardStatus } from './card.entity.js';
import { cardAlreadyHeld, cardNotActive, cardNumberTaken } from './cards.errors.js';
import type { CardListQuery } from './dto/card.dto.js';

/** Statuses in which a card counts as "held" (at most one per NIK). */
const HELD: CardStatus[] = ['PENDING', 'ACTIVE'];

@Injectable()
export class CardsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly numbers: CardNumbers,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly daily: DailyJobs,
    private readonly statistics: LabourStatistics,
  ) {}

  onModuleInit(): void {
    this.daily.register('expire-cards', (now) => this.expireDue(now));
  }

  /** A seeker asks for a card online: PENDING until an officer decides. One pending/active card per NIK. */
  async request(actor: AuthUser): Promise<CardView> {
    if (actor.role !== 'seeker' || !actor.seekerId) throw forbidden();
    const seekerId = actor.seekerId;
    return this.tx.run(async (m) => {
      const seeker = await this.seekerOf(m, seekerId);
      const now = this.clock.now();
      const card = m.create(Card, { ...this.blankCard(seeker, now), status: 'PENDING', origin: 'REQUEST' });
      await this.insertHeld(m, card);
      await this.audit.record(m, { actor, entityType: 'card', entityId: card.id, action: 'card.requested', after: { status: 'PENDING', seekerId } });
      return toCardView(card, [], this.clock.today());
    });
  }

  /** An officer issues a card at the counter: ACTIVE at once, with its number. */
  async issue(actor: AuthUser, seekerId: string): Promise<CardView> {
    const term = cardTerm(this.clock.today());
    const year = Number(term.issuedAt.slice(0, 4));
    await this.numbers.ensureCounter(year);
    return this.tx.run(async (m) => {
      const seeker = await this.seekerOf(m, seekerId);
      const now = this.clock.now();
      const card = m.create(Card, {
        ...this.blankCard(seeker, now),
        ...term,
        status: 'ACTIVE',
        origin: 'WALK_IN',
        decidedAt: now,
        decidedBy: actor.id,
      });
      await this.insertHeld(m, card);
      await this.assignNumber(m, card, year);
      await this.reactivateSeeker(m, actor, seekerId);
      await this.statistics.seekerRegistered(m, card.id, seeker, term.issuedAt);
      await this.audit.record(m, { actor, entityType: 'card', entityId: card.id, action: 'card.issued', after: { status: 'ACTIVE', seekerId, cardNumber: card.cardNumberDisplay } });
      return toCardView(card, [], this.clock.today());
    });
  }

  /**
   * An officer approves a PENDING request: it becomes ACTIVE today, numbered, valid two years, first
   * report due in six months. The conditional update makes a second approval fail instead of renumbering.
   */
  async approve(actor: AuthUser, id: string): Promise<CardView> {
    const term = cardTerm(this.clock.today());
    const year = Number(term.issuedAt.slice(0, 4));
    await this.numbers.ensureCounter(year);
    return this.tx.run(async (m) => {
      const before = await this.cardOrNotFound(m, id);
      const now = this.clock.now();
      const res = await m.update(Card, { id, status: 'PENDING' }, { ...term, status: 'ACTIVE', decidedAt: now, decidedBy: actor.id, updatedAt: now });
      if (affectedRows(res) !== 1) throw invalidTransition(`A card that is ${before.status} cannot be approved (only a PENDING request can).`);
      const card = await m.findOneOrFail(Card, { where: { id } });
      await this.assignNumber(m, card, year);
      await this.reactivateSeeker(m, actor, card.seekerId);
      await this.statistics.seekerRegistered(m, id, await this.seekerOf(m, card.seekerId), term.issuedAt);
      await this.audit.record(m, { actor, entityType: 'card', entityId: id, action: 'card.approved', before: { status: 'PENDING' }, after: { status: 'ACTIVE', cardNumber: card.cardNumberDisplay } });
      return toCardView(card, [], this.clock.today());
    });
  }

  /** An officer turns down a PENDING request, with a reason; the person may request again. */
  reject(actor: AuthUser, id: string, reason: string): Promise<CardView> {
    return this.close(actor, id, 'PENDING', 'REJECTED', 'card.rejected', reason);
  }

  /** An officer withdraws an ACTIVE card, with a reason. */
  revoke(actor: AuthUser, id: string, reason: string): Promise<CardView> {
    return this.close(actor, id, 'ACTIVE', 'REVOKED', 'card.revoked', reason);
  }

  /**
   * The holder (or an officer for them) makes the 6-month report: the due date moves to the next
   * 6-month mark after today, never past the expiry. Only an ACTIVE, unexpired card can report.
   */
  async report(actor: AuthUser, id: string, note: string | undefined): Promise<CardView> {
    return this.tx.run(async (m) => {
      const card = await this.visibleCard(m, actor, id);
      const today = this.clock.today();
      if (card.status !== 'ACTIVE') throw cardNotActive(card.status);
      if (card.expiresAt! < today) throw cardNotActive('EXPIRED');
      const due = nextReportMark(card.issuedAt!, card.expiresAt!, today);
      const now = this.clock.now();
      const res = await m.update(Card, { id, status: 'ACTIVE' }, { nextReportDue: due, updatedAt: now });
      if (affectedRows(res) !== 1) throw cardNotActive('no longer ACTIVE');
      await m.insert(CardReport, { id: randomUUID(), cardId: id, reportedAt: now, reportedBy: actor.id, note: note?.trim() || null, dueBefore: card.nextReportDue, dueAfter: due });
      await this.audit.record(m, { actor, entityType: 'card', entityId: id, action: 'card.reported', before: { nextReportDue: card.nextReportDue }, after: { nextReportDue: due } });
      return this.view(m, { ...card, nextReportDue: due, updatedAt: now });
    });
  }

  /** The seeker's cards: the pending or active one, and the rest newest first. */
  async mine(actor: AuthUser): Promise<{ current: CardView | null; history: CardView[] }> {
    if (actor.role !== 'seeker' || !actor.seekerId) throw forbidden();
    const cards = await this.ds.getRepository(Card).find({ where: { seekerId: actor.seekerId }, order: { createdAt: 'DESC', id: 'ASC' } });
    const views = await this.views(this.ds.manager, cards);
    const current = views.find((c) => HELD.includes(c.status)) ?? null;
    return { current, history: views.filter((c) => c !== current) };
  }

  /** One card, for an officer or its holder; anyone else is told it does not exist. */
  async get(actor: AuthUser, id: string): Promise<CardView> {
    return this.view(this.ds.manager, await this.visibleCard(this.ds.manager, actor, id));
  }

  /** The card row if the caller may see it (officer or holder); 404 otherwise. */
  async visibleCard(m: EntityManager, actor: AuthUser, id: string): Promise<Card> {
    const card = await m.findOne(Card, { where: { id } });
    const maySee = actor.role === 'officer' || (actor.role === 'seeker' && !!actor.seekerId && card?.seekerId === actor.seekerId);
    if (!card || !maySee) throw notFound('The card');
    return card;
  }

  async list(q: CardListQuery): Promise<Page<CardView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const today = this.clock.today();
    const qb = this.ds.getRepository(Card).createQueryBuilder('c').innerJoin('c.seeker', 's');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.reportOverdue === 'true') {
      qb.andWhere(`c.status = 'ACTIVE' AND c.next_report_due < :today`, { today });
    } else if (q.reportOverdue === 'false') {
      qb.andWhere(`NOT (c.status = 'ACTIVE' AND c.next_report_due < :today)`, { today });
    }
    for (const [i, word] of queryWords(q.q).entries()) {
      const numberWord = cardNumberKey(word);
      qb.andWhere(
        new Brackets((w) => {
          w.where(`LOWER(s.full_name) LIKE :w${i} ${LIKE_ESCAPE}`, { [`w${i}`]: containsPattern(word) });
          if (numberWord) w.orWhere(`c.card_number LIKE :n${i} ${LIKE_ESCAPE}`, { [`n${i}`]: containsPattern(numberWord) });
        }),
      );
    }
    qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'ASC').skip(skip).take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.views(this.ds.manager, rows), page, pageSize, total };
  }

  /**
   * Daily task: ACTIVE cards past their expiry date become EXPIRED. Each card is its own conditional
   * update, and only the run whose update changed the row writes the audit event, so two runs at once
   * (or twice in a day) expire each card exactly once.
   */
  async expireDue(now: Date): Promise<{ expired: number }> {
    const today = jakartaDate(now);
    let expired = 0;
    for (;;) {
      const due = await this.ds.getRepository(Card).find({
        select: { id: true },
        where: { status: 'ACTIVE', expiresAt: LessThan(today) },
        order: { expiresAt: 'ASC', id: 'ASC' },
        take: 500,
      });
      if (due.length === 0) return { expired };
      for (const { id } of due) {
        const changed = await this.tx.run(async (m) => {
          const res = await m.update(Card, { id, status: 'ACTIVE', expiresAt: LessThan(today) }, { status: 'EXPIRED', activeNikHash: null, closedAt: now, updatedAt: now });
          if (affectedRows(res) !== 1) return false;
          const card = await m.findOneOrFail(Card, { where: { id } });
          // Removed from the register in the month of the expiry date written on the card.
          await this.statistics.seekerLeft(m, 'REMOVED', id, await this.seekerOf(m, card.seekerId), card.expiresAt!);
          await this.audit.record(m, { actor: null, entityType: 'card', entityId: id, action: 'card.expired', before: { status: 'ACTIVE' }, after: { status: 'EXPIRED' } });
          return true;
        });
        if (changed) expired++;
      }
    }
  }

  /** Card views with their reports, loaded in one query. */
  async views(m: EntityManager, cards: Card[]): Promise<CardView[]> {
    if (cards.length === 0) return [];
    const reports = await m.find(CardReport, { where: { cardId: In(cards.map((c) => c.id)) }, order: { reportedAt: 'ASC', id: 'ASC' } });
    const today = this.clock.today();
    return cards.map((c) => toCardView(c, reports.filter((r) => r.cardId === c.id), today));
  }

  private async view(m: EntityManager, card: Card): Promise<CardView> {
    return (await this.views(m, [card]))[0];
  }

  /** Moves a card from `from` to a closed status with a reason; refused (409) from any other state. */
  private async close(actor: AuthUser, id: string, from: CardStatus, to: CardStatus, action: string, reason: string): Promise<CardView> {
    return this.tx.run(async (m) => {
      const before = await this.cardOrNotFound(m, id);
      const now = this.clock.now();
      const patch: Partial<Card> = { status: to, activeNikHash: null, statusReason: reason.trim(), updatedAt: now };
      if (from === 'PENDING') Object.assign(patch, { decidedAt: now, decidedBy: actor.id });
      else patch.closedAt = now;
      const res = await m.update(Card, { id, status: from }, patch);
      if (affectedRows(res) !== 1) throw invalidTransition(`A card that is ${before.status} cannot become ${to} (only from ${from}).`);
      if (from === 'ACTIVE') await this.statistics.seekerLeft(m, 'REMOVED', id, await this.seekerOf(m, before.seekerId), this.clock.today());
      await this.audit.record(m, { actor, entityType: 'card', entityId: id, action, before: { status: before.status }, after: { status: to, reason: reason.trim() } });
      return this.view(m, { ...before, ...patch } as Card);
    });
  }

  private blankCard(seeker: Seeker, now: Date): Partial<Card> {
    return {
      id: randomUUID(),
      seekerId: seeker.id,
      cardNumber: null,
      cardNumberDisplay: null,
      activeNikHash: seeker.nikHash,
      issuedAt: null,
      expiresAt: null,
      nextReportDue: null,
      requestedAt: now,
      decidedAt: null,
      decidedBy: null,
      statusReason: null,
      closedAt: null,
      placementEmployerId: null,
      placementEmployerName: null,
      placementStartDate: null,
      placementSource: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Inserts a PENDING or ACTIVE card; the unique index on active_nik_hash refuses a second one. */
  private async insertHeld(m: EntityManager, card: Card): Promise<void> {
    try {
      await m.insert(Card, card);
    } catch (err) {
      if (uniqueViolation(err) === 'UQ_cards_active_nik_hash') throw cardAlreadyHeld();
      throw err;
    }
  }

  private async assignNumber(m: EntityManager, card: Card, year: number): Promise<void> {
    const number = await this.numbers.next(m, year);
    try {
      await m.update(Card, { id: card.id }, { cardNumber: number.key, cardNumberDisplay: number.display });
    } catch (err) {
      if (uniqueViolation(err) === 'UQ_cards_card_number') throw cardNumberTaken();
      throw err;
    }
    card.cardNumber = number.key;
    card.cardNumberDisplay = number.display;
  }

  /** A new card means the person is seeking work again, even if an earlier hire had been recorded. */
  private async reactivateSeeker(m: EntityManager, actor: AuthUser, seekerId: string): Promise<void> {
    const res = await m.update(Seeker, { id: seekerId, placedAt: Not(IsNull()) }, { placedAt: null, updatedAt: this.clock.now() });
    if (affectedRows(res) === 1) {
      await this.audit.record(m, { actor, entityType: 'seeker', entityId: seekerId, action: 'seeker.reactivated', after: { activeJobSeeker: true } });
    }
  }

  private async seekerOf(m: EntityManager, seekerId: string): Promise<Seeker> {
    const seeker = await m.findOne(Seeker, { where: { id: seekerId } });
    if (!seeker) throw notFound('The job seeker');
    return seeker;
  }

  private async cardOrNotFound(m: EntityManager, id: string): Promise<Card> {
    const card = await m.findOne(Card, { where: { id } });
    if (!card) throw notFound('The card');
    return card;
  }
}
