import { effectiveStatus, isCardReportOverdue, type OverdueRules } from './card-lifecycle.js';
import type { Card, CardReport } from './card.entity.js';
import type { CardReply } from './dto/card.reply.js';

/** A card as the contract shows it. */
export type CardView = CardReply;

/** `rules`: every office's overdue rule (OfficeSettings.overdueRules); the card's office's applies. */
export function toCardView(card: Card, reports: CardReport[], today: string, rules: OverdueRules): CardView {
  const view: CardView = {
    id: card.id,
    cardNumber: card.cardNumberDisplay,
    // As it is today: an ACTIVE card past its expiry reads EXPIRED before the daily job writes it.
    status: effectiveStatus(card, today),
    seekerId: card.seekerId,
    issuedAt: card.issuedAt,
    expiresAt: card.expiresAt,
    nextReportDue: card.nextReportDue,
    reportOverdue: isCardReportOverdue(card, today, rules),
    reports: reports.map((r) =>
      r.note ? { reportedAt: r.reportedAt.toISOString(), note: r.note } : { reportedAt: r.reportedAt.toISOString() },
    ),
  };
  // Why the office said no (a rejected request, a revoked card), or why the holder stopped looking (withdrawn).
  if ((card.status === 'REJECTED' || card.status === 'REVOKED' || card.status === 'WITHDRAWN') && card.statusReason)
    view.statusReason = card.statusReason;
  if (card.placementSource || card.placementEmployerName || card.placementStartDate) {
    view.placement = {
      employerName: card.placementEmployerName,
      startDate: card.placementStartDate,
      source: card.placementSource,
    };
  }
  return view;
}
