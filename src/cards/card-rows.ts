import type { Card, CardReport } from './card.entity.js';

/** What a new card needs; a card is unnumbered, undated and unplaced until given otherwise. */
export type CardRowFields = Pick<Card, 'id' | 'seekerId' | 'status' | 'origin' | 'requestedAt'> &
  Partial<Omit<Card, 'seeker'>>;

/**
 * The complete `cards` row, every column set; created (and last updated) when requested unless said
 * otherwise. Pure: ids and instants come from the caller. CardsService and the card import insert it;
 * the seed writes it in bulk.
 */
export function newCardRow(c: CardRowFields): Card {
  const createdAt = c.createdAt ?? c.requestedAt;
  return {
    id: c.id,
    seekerId: c.seekerId,
    status: c.status,
    cardNumber: c.cardNumber ?? null,
    cardNumberDisplay: c.cardNumberDisplay ?? null,
    activeNikHash: c.activeNikHash ?? null,
    origin: c.origin,
    issuedAt: c.issuedAt ?? null,
    expiresAt: c.expiresAt ?? null,
    nextReportDue: c.nextReportDue ?? null,
    requestedAt: c.requestedAt,
    decidedAt: c.decidedAt ?? null,
    decidedBy: c.decidedBy ?? null,
    statusReason: c.statusReason ?? null,
    closedAt: c.closedAt ?? null,
    placementEmployerId: c.placementEmployerId ?? null,
    placementEmployerName: c.placementEmployerName ?? null,
    placementStartDate: c.placementStartDate ?? null,
    placementSource: c.placementSource ?? null,
    officeId: c.officeId ?? null,
    createdAt,
    updatedAt: c.updatedAt ?? createdAt,
  };
}

/** What a 6-month report needs; who made it, the note and the due dates are optional. */
export type CardReportRowFields = Pick<CardReport, 'id' | 'cardId' | 'reportedAt'> & Partial<CardReport>;

/** The complete `card_reports` row, every column set. Pure. */
export function newCardReportRow(r: CardReportRowFields): CardReport {
  return {
    id: r.id,
    cardId: r.cardId,
    reportedAt: r.reportedAt,
    reportedBy: r.reportedBy ?? null,
    note: r.note ?? null,
    dueBefore: r.dueBefore ?? null,
    dueAfter: r.dueAfter ?? null,
  };
}
