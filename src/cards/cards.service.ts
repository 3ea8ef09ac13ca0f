import { Injectable } from '@nestjs/common';
import { OfficeScope } from '../offices/office-scope.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { cardNumberPrefix } from '../offices/office-rules.js';
import { UsersService } from '../users/users.service.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, In, LessThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { PersonalData } from '../common/personal-data.js';
import type { LabourEvent } from '../statistics/labour-event.entity.js';
import { LabourStatistics } from '../statistics/labour-statistics.service.js';
import { jakartaDate } from '../common/dates.js';
import { forbidden, invalidTransition, notFound } from '../common/domain-error.js';
import { pageWindow, type Page } from '../common/http/pagination.js';
import { containsPattern, LIKE_ESCAPE, queryWords, sqlDate, sqlInstant } from '../common/sql.js';
import { execute, select } from '../database/statements.js';
import { affectedRows, Transactions, uniqueViolation } from '../database/transactions.js';
import type { Seeker } from '../seekers/seeker.entity.js';
import { Notifier, type NotifyInput } from '../notifications/notifier.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { CardPlacementSource } from './card.entity.js';
import { cardSql, effectiveStatus, isCardActive, named } from './card-lifecycle.js';
import { cardTerm, dueAfterReport } from './card-dates.js';
import { cardNumberKey } from './card-number.js';
import { CardNumbers } from './card-numbers.service.js';
import { newCardReportRow, newCardRow } from './card-rows.js';
import { toCardView, type CardView } from './card-view.js';
import { Card, CardReport, type CardStatus } from './card.entity.js';
import { cardAlreadyHeld, cardNotActive, cardNumberTaken, supersededCard } from './cards.errors.js';
import type { CardListQuery } from './dto/card.dto.js';

/** Statuses in which a card counts as "held" (at most one per NIK). */
const HELD: CardStatus[] = ['PENDING', 'ACTIVE'];

/** A card a hire closed: what the placement and the statistics need of it. */
export interface PlacedCard {
  id: string;
  status: 'PLACED';
  cardNumberDisplay: string | null;
  holderBirthDate: string;
}

const ACTIVE_CARD_WITH_HOLDER = `SELECT c.id AS id, c.status AS status, c.expires_at AS expiresAt,
  c.card_number_display AS cardNumberDisplay, s.birth_date AS holderBirthDate
  FROM cards c INNER JOIN seekers s ON s.id = c.seeker_id WHERE c.seeker_id = ? AND c.status = 'ACTIVE'`;
const CLOSE_AS_PLACED = `UPDATE cards SET status = 'PLACED', active_nik_hash = NULL, closed_at = ?,
  placement_employer_id = ?, placement_employer_name = ?, placement_start_date = ?, placement_source = ?, updated_at = ?
  WHERE id = ? AND status = 'ACTIVE'`;

/**
 * The owner of the AK1 card: the only writer of `cards` and `card_reports`, and the keeper of its
 * state machine (card-lifecycle.ts). Other features ask it — a hire closes the card as PLACED through
 * `closeAsPlaced`, an application asks `activeCardOf` — and never write a card themselves.
 */
@Injectable()
export class CardsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly numbers: CardNumbers,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly statistics: LabourStatistics,
    private readonly seekers: SeekersService,
    private readonly personal: PersonalData,
    private readonly notifier: Notifier,
    private readonly users: UsersService,
    private readonly documents: DocumentsService,
    private readonly scope: OfficeScope,
    private readonly officeSettings: OfficeSettings,
  ) {}

  /** A seeker asks for a card online: PENDING until an officer decides. One pending/active card per NIK. */
  async request(actor: AuthUser): Promise<CardView> {
    if (actor.role !== 'seeker' || !actor.seekerId) throw forbidden();
    const seekerId = actor.seekerId;
    return this.tx.run(async (m) => {
      await this.users.requireVerifiedEmail(m, actor);
      const seeker = await this.seekerOf(m, seekerId);
      // A card already expired (but not yet written so by the daily job) does not stand in the way.
      await this.expireHeld(m, seekerId);
      const now = this.clock.now();
      // A request belongs to the seeker's office, which approves and numbers it.
      const card = newCardRow({
        ...this.blankCard(seeker, now, seeker.officeId),
        status: 'PENDING',
        origin: 'REQUEST',
      });
      await this.insertHeld(m, card);
      await this.audit.record(m, {
        actor,
        entityType: 'card',
        entityId: card.id,
        action: 'card.requested',
        after: { status: 'PENDING', seekerId },
      });
      return toCardView(card, [], this.clock.today(), await this.officeSettings.overdueRules());
    });
  }

  /** An officer issues a card at the counter: ACTIVE at once, with its number. */
  async issue(actor: AuthUser, seekerId: string): Promise<CardView> {
    const term = cardTerm(this.clock.today());
    const year = Number(term.issuedAt.slice(0, 4));
    // The issuing officer's office numbers the card with its code.
    const officeId = this.scope.officeOfActor(actor);
    const prefix = cardNumberPrefix(await this.scope.codeOf(officeId));
    await this.numbers.ensureCounter(year, prefix);
    return this.tx.run(async (m) => {
      const seeker = await this.seekerOf(m, seekerId);
      // The seeker must be this office's (404 outside the officer's reach, 403 a city's seeker seen from above).
      await this.scope.requireActable(actor, seeker.officeId, 'The job seeker');
      await this.documents.requireComplete(m, actor, seekerId);
      await this.expireHeld(m, seekerId);
      const now = this.clock.now();
      const card = newCardRow({
        ...this.blankCard(seeker, now, officeId),
        ...term,
        status: 'ACTIVE',
        origin: 'WALK_IN',
        decidedAt: now,
        decidedBy: actor.id,
      });
      await this.insertHeld(m, card);
      await this.assignNumber(m, card, year, prefix);
      await this.seekers.reactivate(m, actor, seekerId);
      await this.statistics.seekerRegistered(m, card.id, seeker, term.issuedAt);
      await this.audit.record(m, {
        actor,
        entityType: 'card',
        entityId: card.id,
        action: 'card.issued',
        after: { status: 'ACTIVE', seekerId, cardNumber: card.cardNumberDisplay },
      });
      return toCardView(card, [], this.clock.today(), await this.officeSettings.overdueRules());
    });
  }

  /**
   * An officer approves a PENDING request: it becomes ACTIVE today, numbered, valid two years, first
   * report due in six months. The conditional update makes a second approval fail instead of renumbering.
   */
  async approve(actor: AuthUser, id: string): Promise<CardView> {
    const term = cardTerm(this.clock.today());
    const year = Number(term.issuedAt.slice(0, 4));
    // Numbered with the code of the request's office (the seeker's); the counter is made before the transaction.
    const prefix = cardNumberPrefix(await this.scope.codeOf(await this.officeOf(id)));
    await this.numbers.ensureCounter(year, prefix);
    return this.tx.run(async (m) => {
      const before = await this.cardOrNotFound(m, id);
      await this.scope.requireActable(actor, before.officeId, 'The card');
      // Only a PENDING request is checked: approving anything else stays a 409 below.
      if (before.status === 'PENDING') await this.documents.requireComplete(m, actor, before.seekerId);
      const now = this.clock.now();
      const res = await m.update(
        Card,
        { id, status: 'PENDING' },
        { ...term, status: 'ACTIVE', decidedAt: now, decidedBy: actor.id, updatedAt: now },
      );
      if (affectedRows(res) !== 1)
        throw invalidTransition(`A card that is ${before.status} cannot be approved (only a PENDING request can).`);
      const card = await m.findOneOrFail(Card, { where: { id } });
      await this.assignNumber(m, card, year, prefix);
      await this.seekers.reactivate(m, actor, card.seekerId);
      await this.statistics.seekerRegistered(m, id, await this.seekerOf(m, card.seekerId), term.issuedAt);
      await this.audit.record(m, {
        actor,
        entityType: 'card',
        entityId: id,
        action: 'card.approved',
        before: { status: 'PENDING' },
        after: { status: 'ACTIVE', cardNumber: card.cardNumberDisplay },
      });
      // The applicant is told (a request is made online, so there is a login; checked all the same).
      await this.tellHolder(m, card.seekerId, {
        kind: 'CARD_APPROVED',
        subject: `card:${id}`,
        params: { cardNumber: card.cardNumberDisplay!, validUntil: term.expiresAt },
      });
      return toCardView(card, [], this.clock.today(), await this.officeSettings.overdueRules());
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
   * 6-month mark after today — after the due date itself when reported in its window, when the holder was
   * reminded (card-dates.ts) — never past the expiry. Only an ACTIVE, unexpired card can report.
   */
  async report(actor: AuthUser, id: string, note: string | undefined): Promise<CardView> {
    return this.tx.run(async (m) => {
      const card = await this.visibleCard(m, actor, id);
      await this.scope.requireActable(actor, card.officeId, 'The card');
      const today = this.clock.today();
      if (!isCardActive(card, today)) throw cardNotActive(effectiveStatus(card, today));
      const due = dueAfterReport(card.issuedAt!, card.expiresAt!, card.nextReportDue, today);
      const now = this.clock.now();
      const res = await m.update(Card, { id, status: 'ACTIVE' }, { nextReportDue: due, updatedAt: now });
      if (affectedRows(res) !== 1) throw cardNotActive('no longer ACTIVE');
      await m.insert(
        CardReport,
        newCardReportRow({
          id: randomUUID(),
          cardId: id,
          reportedAt: now,
          reportedBy: actor.id,
          note: note?.trim() || null,
          dueBefore: card.nextReportDue,
          dueAfter: due,
        }),
      );
      await this.audit.record(m, {
        actor,
        entityType: 'card',
        entityId: id,
        action: 'card.reported',
        before: { nextReportDue: card.nextReportDue },
        after: { nextReportDue: due },
      });
      return this.view(m, { ...card, nextReportDue: due, updatedAt: now });
    });
  }

  /**
   * The holder says they are no longer looking for work (or an officer records it for them at the
   * counter): an ACTIVE card — active today, not past its expiry — becomes WITHDRAWN with the reason.
   * One conditional update decides against a hire, a revocation or the daily expiry racing it; the NIK's
   * place is released like every other closing, and the holder leaves the register as REMOVED today.
   * Runs in the caller's transaction (the withdrawal also closes the seeker's applications); answers the
   * card and its statistics' event, which the caller adds to the monthly roll-up last (LabourStatistics).
   */
  async withdraw(
    m: EntityManager,
    actor: AuthUser,
    id: string,
    reason: string,
  ): Promise<{ card: CardView; seekerId: string; events: LabourEvent[] }> {
    const card = await this.visibleCard(m, actor, id);
    await this.scope.requireActable(actor, card.officeId, 'The card');
    const today = this.clock.today();
    if (!isCardActive(card, today)) throw cardNotActive(effectiveStatus(card, today));
    const now = this.clock.now();
    const patch = {
      status: 'WITHDRAWN' as const,
      activeNikHash: null,
      statusReason: reason.trim(),
      closedAt: now,
      updatedAt: now,
    };
    const res = await m.update(Card, { id, status: 'ACTIVE', expiresAt: MoreThanOrEqual(today) }, patch);
    if (affectedRows(res) !== 1) {
      // Another change got there first (a hire, a revocation, a second tap): say what the card is now.
      const latest = await m.findOne(Card, { where: { id } });
      throw cardNotActive(latest ? effectiveStatus(latest, today) : 'gone');
    }
    const seeker = await this.seekerOf(m, card.seekerId);
    const events = await this.statistics.recordLeaving(
      m,
      [{ subject: 'SEEKER', kind: 'REMOVED', cardId: id, birthDate: seeker.birthDate }],
      today,
    );
    await this.audit.record(m, {
      actor,
      entityType: 'card',
      entityId: id,
      action: 'card.withdrawn',
      before: { status: 'ACTIVE' },
      after: { status: 'WITHDRAWN', reason: reason.trim(), by: actor.role === 'officer' ? 'officer' : 'holder' },
    });
    return { card: await this.view(m, { ...card, ...patch }), seekerId: card.seekerId, events };
  }

  /** The seeker's cards: the pending or active one, and the rest newest first. */
  async mine(actor: AuthUser): Promise<{ current: CardView | null; history: CardView[] }> {
    if (actor.role !== 'seeker' || !actor.seekerId) throw forbidden();
    const cards = await this.ds
      .getRepository(Card)
      .find({ where: { seekerId: actor.seekerId }, order: { createdAt: 'DESC', id: 'ASC' } });
    const views = await this.views(this.ds.manager, cards);
    const current = views.find((c) => HELD.includes(c.status)) ?? null;
    return { current, history: views.filter((c) => c !== current) };
  }

  /** The office a card belongs to (its issuing office, whose settings print on it); null: unknown card. */
  async officeOf(cardId: string): Promise<string | null> {
    const row = await this.ds
      .getRepository(Card)
      .findOne({ where: { id: cardId }, select: { id: true, officeId: true } });
    return row?.officeId ?? null;
  }

  /** One card, for an officer or its holder; anyone else is told it does not exist. */
  async get(actor: AuthUser, id: string): Promise<CardView> {
    return this.view(this.ds.manager, await this.visibleCard(this.ds.manager, actor, id));
  }

  /** The card row if the caller may see it (officer or holder); 404 otherwise. */
  async visibleCard(m: EntityManager, actor: AuthUser, id: string): Promise<Card> {
    const card = await m.findOne(Card, { where: { id } });
    const maySee =
      actor.role === 'officer' || (actor.role === 'seeker' && !!actor.seekerId && card?.seekerId === actor.seekerId);
    if (!card || !maySee) throw notFound('The card');
    // Officers: only cards of their office or the offices below it.
    await this.scope.requireReadable(actor, card.officeId, 'The card');
    return card;
  }

  async list(actor: AuthUser, q: CardListQuery): Promise<Page<CardView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const today = this.clock.today();
    const qb = this.ds.getRepository(Card).createQueryBuilder('c').innerJoin('c.seeker', 's');
    await this.scope.restrict(qb, 'c.office_id', actor);
    // Statuses as they are today (card-lifecycle.ts), not as the daily job last wrote them.
    if (q.status) qb.andWhere(cardSql.hasStatus('c', q.status), { today });
    if (q.reportOverdue !== undefined) {
      // By the card's office's overdue rule (its grace days), the same rule the card's view answers.
      const params: Record<string, unknown> = {};
      const overdue = cardSql.reportOverdue('c', today, await this.officeSettings.overdueRules(), named(params));
      qb.andWhere(q.reportOverdue === 'true' ? overdue : `NOT ${overdue}`, params);
    }
    const nik = nikOf(q.q);
    if (nik) {
      // A whole NIK finds that person's cards through its keyed hash: the NIK is stored encrypted, so
      // it is never matched with LIKE. (An old imported card number of 16 digits still matches too.)
      qb.andWhere(
        new Brackets((w) => {
          w.where('s.nik_hash = :nikHash', { nikHash: this.personal.lookupHash(nik) });
          w.orWhere(`c.card_number LIKE :nikNumber ${LIKE_ESCAPE}`, { nikNumber: containsPattern(nik) });
        }),
      );
    }
    for (const [i, word] of (nik ? [] : queryWords(q.q)).entries()) {
      const numberWord = cardNumberKey(word);
      qb.andWhere(
        new Brackets((w) => {
          w.where(`LOWER(s.full_name) LIKE :w${i} ${LIKE_ESCAPE}`, { [`w${i}`]: containsPattern(word) });
          if (numberWord)
            w.orWhere(`c.card_number LIKE :n${i} ${LIKE_ESCAPE}`, { [`n${i}`]: containsPattern(numberWord) });
        }),
      );
    }
    qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'ASC').skip(skip).take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.views(this.ds.manager, rows), page, pageSize, total };
  }

  /**
   * A hire closes the seeker's active card as placed ("Diterima di … / TMT …"). Answers the card that
   * closed, with its holder's birth date (the hire's statistics need it), or null when the seeker held
   * no card active today (one past its expiry date is written EXPIRED). Written-out SQL: the hire is the
   * busiest write, and the query builder cost more CPU than these two statements.
   */
  async closeAsPlaced(
    m: EntityManager,
    actor: AuthUser,
    seekerId: string,
    placement: { employerId: string | null; employerName: string; startDate: string; source: CardPlacementSource },
  ): Promise<PlacedCard | null> {
    // At most one card holds the NIK's ACTIVE place.
    const [row] = await select<
      Omit<PlacedCard, 'status' | 'holderBirthDate'> & {
        status: CardStatus;
        expiresAt: string | Date | null;
        holderBirthDate: string | Date;
      }
    >(m, ACTIVE_CARD_WITH_HOLDER, [seekerId]);
    if (!row) return null;
    const now = this.clock.now();
    // A card past its expiry date is EXPIRED, not placed: written so here, as the daily job would.
    if (!isCardActive({ status: row.status, expiresAt: row.expiresAt && sqlDate(row.expiresAt) }, this.clock.today())) {
      await this.expire(m, row.id, now);
      return null;
    }
    const at = sqlInstant(now);
    const closed = await execute(m, CLOSE_AS_PLACED, [
      at,
      placement.employerId,
      placement.employerName,
      placement.startDate,
      placement.source,
      at,
      row.id,
    ]);
    if (closed !== 1) return null;
    await this.audit.record(m, {
      actor,
      entityType: 'card',
      entityId: row.id,
      action: 'card.placed',
      before: { status: 'ACTIVE' },
      after: { status: 'PLACED', source: placement.source, employerId: placement.employerId },
    });
    return {
      id: row.id,
      status: 'PLACED',
      cardNumberDisplay: row.cardNumberDisplay,
      holderBirthDate: sqlDate(row.holderBirthDate),
    };
  }

  /**
   * A placement that closed this card was voided: the card is no longer PLACED. It is ACTIVE again — and takes
   * the NIK's place back — while its expiry date is today or ahead, EXPIRED otherwise; what the hire wrote on
   * it (employer, start date, source, closing instant) is cleared (an EXPIRED card's closing instant is now).
   * One conditional update from PLACED decides; if the holder holds a newer pending or active card (the
   * NIK's place is taken), 409 PLACEMENT_SUPERSEDED. Answers the card's status after the change.
   */
  async reopenAfterVoid(m: EntityManager, actor: AuthUser, id: string): Promise<'ACTIVE' | 'EXPIRED'> {
    const card = await m.findOne(Card, { where: { id } });
    if (!card || card.status !== 'PLACED') throw supersededCard();
    const today = this.clock.today();
    const now = this.clock.now();
    const active = card.expiresAt !== null && sqlDate(card.expiresAt) >= today;
    const seeker = await this.seekerOf(m, card.seekerId);
    const patch = {
      status: active ? ('ACTIVE' as const) : ('EXPIRED' as const),
      activeNikHash: active ? seeker.nikHash : null,
      closedAt: active ? null : now,
      placementEmployerId: null,
      placementEmployerName: null,
      placementStartDate: null,
      placementSource: null,
      updatedAt: now,
    };
    try {
      const res = await m.update(Card, { id, status: 'PLACED' }, patch);
      if (affectedRows(res) !== 1) throw supersededCard();
    } catch (err) {
      if (uniqueViolation(err)) throw supersededCard();
      throw err;
    }
    await this.audit.record(m, {
      actor,
      entityType: 'card',
      entityId: id,
      action: 'card.placement-voided',
      before: { status: 'PLACED' },
      after: { status: patch.status },
    });
    return patch.status;
  }

  /** The seeker's card if it is active today (not past its expiry), else null. */
  async activeCardOf(m: EntityManager, seekerId: string): Promise<Card | null> {
    const card = await m.findOne(Card, { where: { seekerId, status: 'ACTIVE' } });
    return card && isCardActive(card, this.clock.today()) ? card : null;
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
        const changed = await this.tx.run((m) => this.expire(m, id, now));
        if (changed) expired++;
      }
    }
  }

  /**
   * Writes EXPIRED on an ACTIVE card past its expiry date (a conditional update: whoever gets there
   * first, the daily job or a new request, writes it once), with the statistics and the audit event.
   */
  private async expire(m: EntityManager, id: string, now: Date): Promise<boolean> {
    const res = await m.update(
      Card,
      { id, status: 'ACTIVE', expiresAt: LessThan(jakartaDate(now)) },
      { status: 'EXPIRED', activeNikHash: null, closedAt: now, updatedAt: now },
    );
    if (affectedRows(res) !== 1) return false;
    const card = await m.findOneOrFail(Card, { where: { id } });
    // Removed from the register in the month of the expiry date written on the card.
    await this.statistics.seekerLeft(m, 'REMOVED', id, await this.seekerOf(m, card.seekerId), card.expiresAt!);
    await this.audit.record(m, {
      actor: null,
      entityType: 'card',
      entityId: id,
      action: 'card.expired',
      before: { status: 'ACTIVE' },
      after: { status: 'EXPIRED' },
    });
    return true;
  }

  /** A card of this seeker that reads EXPIRED today but still holds the NIK's place is expired now. */
  private async expireHeld(m: EntityManager, seekerId: string): Promise<void> {
    const now = this.clock.now();
    const held = await m.find(Card, {
      select: { id: true },
      where: { seekerId, status: 'ACTIVE', expiresAt: LessThan(jakartaDate(now)) },
    });
    for (const { id } of held) await this.expire(m, id, now);
  }

  /** Card views with their reports, loaded in one query. */
  async views(m: EntityManager, cards: Card[]): Promise<CardView[]> {
    if (cards.length === 0) return [];
    const reports = await m.find(CardReport, {
      where: { cardId: In(cards.map((c) => c.id)) },
      order: { reportedAt: 'ASC', id: 'ASC' },
    });
    const today = this.clock.today();
    const rules = await this.officeSettings.overdueRules();
    return cards.map((c) =>
      toCardView(
        c,
        reports.filter((r) => r.cardId === c.id),
        today,
        rules,
      ),
    );
  }

  private async view(m: EntityManager, card: Card): Promise<CardView> {
    return (await this.views(m, [card]))[0];
  }

  /** Moves a card from `from` to a closed status with a reason; refused (409) from any other state. */
  private async close(
    actor: AuthUser,
    id: string,
    from: CardStatus,
    to: CardStatus,
    action: string,
    reason: string,
  ): Promise<CardView> {
    return this.tx.run(async (m) => {
      const before = await this.cardOrNotFound(m, id);
      await this.scope.requireActable(actor, before.officeId, 'The card');
      const now = this.clock.now();
      const patch: Partial<Card> = { status: to, activeNikHash: null, statusReason: reason.trim(), updatedAt: now };
      if (from === 'PENDING') Object.assign(patch, { decidedAt: now, decidedBy: actor.id });
      else patch.closedAt = now;
      const res = await m.update(Card, { id, status: from }, patch);
      if (affectedRows(res) !== 1)
        throw invalidTransition(`A card that is ${before.status} cannot become ${to} (only from ${from}).`);
      if (from === 'ACTIVE')
        await this.statistics.seekerLeft(m, 'REMOVED', id, await this.seekerOf(m, before.seekerId), this.clock.today());
      await this.audit.record(m, {
        actor,
        entityType: 'card',
        entityId: id,
        action,
        before: { status: before.status },
        after: { status: to, reason: reason.trim() },
      });
      if (to === 'REJECTED')
        await this.tellHolder(m, before.seekerId, {
          kind: 'CARD_REJECTED',
          subject: `card:${id}`,
          params: { reason: reason.trim() },
        });
      return this.view(m, { ...before, ...patch } as Card);
    });
  }

  /** Tells the card's holder, in the change's transaction; a holder without a login (a walk-in) has no inbox. */
  private async tellHolder<K extends 'CARD_APPROVED' | 'CARD_REJECTED'>(
    m: EntityManager,
    seekerId: string,
    message: Omit<NotifyInput<K>, 'userIds'>,
  ): Promise<void> {
    const userIds = await this.users.seekerLogins(m, [seekerId]);
    if (userIds.length > 0) await this.notifier.notify(m, { ...message, userIds });
  }

  /** What a new card held by `seeker` starts with (the rest of its columns: newCardRow). */
  private blankCard(
    seeker: Seeker,
    now: Date,
    officeId: string | null,
  ): Pick<Card, 'id' | 'seekerId' | 'activeNikHash' | 'requestedAt' | 'officeId'> {
    // The issuing office, whose code numbers the card (a request: the seeker's office; at the counter: the officer's).
    return {
      id: randomUUID(),
      seekerId: seeker.id,
      activeNikHash: seeker.nikHash,
      requestedAt: now,
      officeId: officeId ?? this.scope.rootId(),
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

  private async assignNumber(m: EntityManager, card: Card, year: number, prefix: string): Promise<void> {
    const number = await this.numbers.next(m, year, prefix);
    try {
      await m.update(Card, { id: card.id }, { cardNumber: number.key, cardNumberDisplay: number.display });
    } catch (err) {
      if (uniqueViolation(err) === 'UQ_cards_card_number') throw cardNumberTaken();
      throw err;
    }
    card.cardNumber = number.key;
    card.cardNumberDisplay = number.display;
  }

  private async seekerOf(m: EntityManager, seekerId: string): Promise<Seeker> {
    const seeker = await this.seekers.findInTx(m, seekerId);
    if (!seeker) throw notFound('The job seeker');
    return seeker;
  }

  private async cardOrNotFound(m: EntityManager, id: string): Promise<Card> {
    const card = await m.findOne(Card, { where: { id } });
    if (!card) throw notFound('The card');
    return card;
  }
}

/** The search text as an NIK — 16 digits, typed with spaces, dots or dashes or without — or null. */
function nikOf(q: string | undefined): string | null {
  const digits = (q ?? '').replace(/[\s.-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}
