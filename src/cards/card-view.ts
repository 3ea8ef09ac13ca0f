import { isReportOverdue } from './card-dates.js';
import type { Card, CardReport, CardStatus, PlacementSource } from './card.entity.js';

/** A card as the contract shows it. */
export interface CardView {
  id: string;
  cardNumber: string | null;
  status: CardStatus;
  seekerId: string;
  issuedAt: string | null;
  expiresAt: string | null;
  nextReportDue: string | null;
  reportOverdue: boolean;
  reports: { reportedAt: string; note?: string }[];
  placement?: { employerName: string | null; startDate: string | null; source: PlacementSource | null };
}

export function toCardView(card: Card, reports: CardReport[], today: string): CardView {
  const view: CardView = {
    id: card.id,
    cardNumber: card.cardNumberDisplay,
    status: card.status,
    seekerId: card.seekerId,
    issuedAt: card.issuedAt,
    expiresAt: card.expiresAt,
    nextReportDue: card.nextReportDue,
    reportOverdue: isReportOverdue(card.status, card.nextReportDue, today),
    reports: reports.map((r) => (r.note ? { reportedAt: r.reportedAt.toISOString(), note: r.note } : { reportedAt: r.reportedAt.toISOString() })),
  };
  if (card.placementSource || card.placementEmployerName || card.placementStartDate) {
    view.placement = { employerName: card.placementEmployerName, startDate: card.placementStartDate, source: card.placementSource };
  }
  return view;
}
