import type { CardBack } from '../../card-validation/card-pdf.service.js';
import type { PlacementItem } from '../views/shared/PlacementList.js';
import type { DocumentsView } from '../../documents/documents.service.js';
import type { Page } from '../../common/http/pagination.js';
import { cardActions, effectiveStatus, mayRequestCard, type CardActions } from '../../cards/card-lifecycle.js';
import type { CardView } from '../../cards/card-view.js';
import type { CardStatus } from '../../cards/card.entity.js';
import type { SeekerView } from '../../seekers/seeker.entity.js';
import { flashOf, type FlashModel } from './flash.js';
import { pagerOf, type PagerModel } from './pager.js';

/** A card as the console shows it: its status today and what may be done with it now. */
export interface CardModel {
  id: string;
  number: string | null;
  /** The status as it is today (an ACTIVE card past its expiry date is EXPIRED). */
  status: CardStatus;
  issuedAt: string | null;
  expiresAt: string | null;
  /** The next six-monthly report of a card active today; null for any other card. */
  reportDue: { date: string | null; overdue: boolean } | null;
  placement: NonNullable<CardView['placement']> | null;
  /** The office's reason for a rejected request or a revoked card. */
  reason: string | null;
  /** Whether the card has (or will have) a number: not a rejected request. */
  numbered: boolean;
  /** When the reports were made, oldest first. */
  reportedOn: string[];
  actions: CardActions;
}

/** What a card's reason is called: the office's (rejected, revoked) or the holder's (withdrawn). */
export function cardReasonLabel(status: CardStatus) {
  if (status === 'REJECTED') return 'card.rejectedReason' as const;
  return status === 'WITHDRAWN' ? ('card.withdrawnReason' as const) : ('card.revokedReason' as const);
}

export function cardModel(card: CardView, today: string): CardModel {
  const status = effectiveStatus(card, today);
  return {
    id: card.id,
    number: card.cardNumber,
    status,
    issuedAt: card.issuedAt,
    expiresAt: card.expiresAt,
    // Overdue as the card's reply says it (CardsService applied its office's grace days).
    reportDue: status === 'ACTIVE' ? { date: card.nextReportDue, overdue: card.reportOverdue } : null,
    placement: card.placement ?? null,
    reason: card.statusReason ?? null,
    numbered: status !== 'REJECTED',
    reportedOn: card.reports.map((r) => r.reportedAt),
    actions: cardActions(card, today),
  };
}

/** "Kartu AK1 saya". */
export interface MyCardView {
  flash: FlashModel;
  /** The pending or active card, if any. */
  current: CardModel | null;
  /** With no current card: the latest one (placed, expired, …), shown above the request button. */
  latest: CardModel | null;
  /** The other cards, newest first. */
  history: CardModel[];
  /**
   * Requesting a card: `offer` (the button), `again` (folded away: someone recorded as hired is asked
   * whether they are looking for work again first), or null when a card is pending or active.
   */
  request: 'offer' | 'again' | null;
}

export function myCardView(
  mine: { current: CardView | null; history: CardView[] },
  today: string,
  query: Record<string, unknown>,
  placed: boolean,
): MyCardView {
  const [first, ...older] = mine.history;
  const current = mine.current ? cardModel(mine.current, today) : null;
  const may = mayRequestCard([...(mine.current ? [mine.current] : []), ...mine.history], today);
  let flash = flashOf(query);
  // After the six-monthly report: when it was made and when the next one is due.
  if (flash.ok === 'reported' && current?.reportDue?.date) {
    flash = { ok: 'reportedNext', params: { reportDate: today, dueDate: current.reportDue.date } };
  }
  return {
    flash,
    current,
    latest: !mine.current && first ? cardModel(first, today) : null,
    history: (mine.current ? mine.history : older).map((c) => cardModel(c, today)),
    request: may ? (placed ? 'again' : 'offer') : null,
  };
}

/** The holder's details a card page shows (officers and the holder see the NIK). */
export type CardHolder = Pick<
  SeekerView,
  'fullName' | 'nik' | 'birthPlace' | 'birthDate' | 'gender' | 'educationLevel' | 'kecamatanCode'
>;

export interface CardRow {
  card: CardModel;
  holder: CardHolder;
}

/** A page of the officer's card lists: each card with its holder (loaded in one query, not per row). */
export interface CardListView {
  flash: FlashModel;
  rows: CardRow[];
  total: number;
  pager: PagerModel;
  filters: Record<string, string>;
}

export function cardListView(
  base: string,
  page: Page<CardView>,
  holders: ReadonlyMap<string, CardHolder>,
  today: string,
  query: Record<string, string>,
): CardListView {
  const rows = page.items.map((card) => {
    const holder = holders.get(card.seekerId);
    if (!holder) throw new Error(`card ${card.id} has no holder`);
    return { card: cardModel(card, today), holder };
  });
  return { flash: flashOf(query), rows, total: page.total, pager: pagerOf(base, query, page), filters: query };
}

/** An officer's card page. */
export interface CardDetailView {
  flash: FlashModel;
  card: CardModel;
  holder: CardHolder;
  /** The holder's record, their documents and the checklist, reviewed beside the request. */
  seekerId: string;
  docs: DocumentsView;
  /** The placements recorded with this card (voided ones too), and this page's one-time key for voiding. */
  placements: PlacementItem[];
  idem: string;
}

/**
 * One report row on the back of the printed card: its due date and, once made, the report's date and the
 * officer who took it (CardPdfService.back, the same rows the PDF prints).
 */
export type ReportMark = CardBack['reports'][number];

/** The printable AK1 card, front and back. */
export interface PrintableCardView {
  /** Where "back" leads (the holder's card page or the officer's). */
  back: string;
  number: string | null;
  holder: Pick<SeekerView, 'fullName' | 'nik' | 'birthPlace' | 'birthDate' | 'gender' | 'educationLevel'>;
  issuedAt: string | null;
  expiresAt: string | null;
  marks: ReportMark[];
  placement: CardBack['placement'];
  /** The officer who signs printed cards (CARD_SIGNING_OFFICER_NAME, _NIP); empty: a line to sign by hand. */
  signingOfficer: CardBack['signingOfficer'];
  /** The letterhead printed on the front: the card's office (its own setting, else OFFICE_NAME). */
  officeName: string;
  /** SVG markup from the QR library, of a URL we build: trusted, shown as is. */
  qrSvg: string | null;
  /** The console's address of the card as a PDF (GET /cards/:id/pdf with the console's session). */
  pdfUrl: string;
  /** The console's address of the holder's PAS_FOTO (an image), or null: a placeholder box. */
  photoUrl: string | null;
}

/** The holder's PAS_FOTO to print: an image not rejected (a PDF one cannot be shown on the card). */
export function printablePhotoId(docs: DocumentsView): string | null {
  const doc = docs.items.find(
    (d) => d.type === 'PAS_FOTO' && d.status !== 'REJECTED' && !d.purgedAt && d.contentType !== 'application/pdf',
  );
  return doc?.id ?? null;
}

/** The printable card: what its back says comes from CardPdfService.back, as in the PDF. */
export function printableCardView(
  card: CardView,
  holder: PrintableCardView['holder'],
  qrSvg: string | null,
  back: string,
  printed: CardBack,
  links: { pdfUrl: string; photoUrl: string | null },
): PrintableCardView {
  return {
    back,
    number: card.cardNumber,
    holder,
    issuedAt: card.issuedAt,
    expiresAt: card.expiresAt,
    marks: printed.reports,
    placement: printed.placement,
    signingOfficer: printed.signingOfficer,
    officeName: printed.officeName,
    qrSvg,
    ...links,
  };
}
