import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { addMonths } from '../common/dates.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Transactions } from '../database/transactions.js';
import { effectiveStatus } from '../cards/card-lifecycle.js';
import { CardReport } from '../cards/card.entity.js';
import { cardNotActive } from '../cards/cards.errors.js';
import { CardsService } from '../cards/cards.service.js';
import type { CardView } from '../cards/card-view.js';
import { DocumentsService } from '../documents/documents.service.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { User } from '../users/user.entity.js';
import { renderCardPdf, type CardPdfData } from './card-pdf.js';
import { CardValidationService } from './card-validation.service.js';
import { credentialQrSegments } from './credential-qr.js';

/** Statuses a card is printed in (decision 62): issued and not taken back. */
const PRINTABLE = new Set(['ACTIVE', 'PLACED', 'EXPIRED']);

/** Whether a card in this (effective) status is printed: as a PDF and on the console's print page. */
export const isPrintable = (status: string) => PRINTABLE.has(status);

/** The back of the printed card (CardPdfService.back). */
export type CardBack = Pick<CardPdfData, 'reports' | 'placement' | 'signingOfficer' | 'officeName'>;

/** `GET /cards/:id/pdf` (decision 61): the AK/I card as a PDF, for its holder or an officer. */
@Injectable()
export class CardPdfService {
  constructor(
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly cards: CardsService,
    private readonly seekers: SeekersService,
    private readonly documents: DocumentsService,
    private readonly validations: CardValidationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly officeSettings: OfficeSettings,
  ) {}

  /**
   * What the back of the printed card says (one place for the PDF and the console's print page): the three
   * report rows with the officer who took each report, the placement, and the signing officer and letterhead
   * of the card's office (its own settings, else the deployment's).
   */
  async back(card: CardView): Promise<CardBack> {
    const reportRows = await this.tx.run(async (m) => {
      const reports = await m.find(CardReport, { where: { cardId: card.id }, order: { reportedAt: 'ASC' } });
      const officerIds = [...new Set(reports.map((r) => r.reportedBy).filter((id): id is string => !!id))];
      const users = officerIds.length
        ? await m.find(User, { where: { id: In(officerIds), role: 'officer' }, select: { id: true, fullName: true } })
        : [];
      const names = new Map(users.map((u) => [u.id, u.fullName]));
      return reports.map((r) => ({
        reportedAt: r.reportedAt.toISOString(),
        officer: r.reportedBy ? (names.get(r.reportedBy) ?? null) : null,
      }));
    });
    const officeId = await this.cards.officeOf(card.id);
    const marks = card.issuedAt ? [6, 12, 18].map((n) => addMonths(card.issuedAt!, n)) : [];
    return {
      reports: marks.map((due, i) => ({
        due,
        reportedAt: reportRows[i]?.reportedAt ?? null,
        officer: reportRows[i]?.officer ?? null,
      })),
      placement: card.placement ?? null,
      signingOfficer: await this.officeSettings.signingOfficer(officeId),
      officeName: (await this.officeSettings.letterhead(officeId)).name,
    };
  }

  async pdf(actor: AuthUser, cardId: string): Promise<{ number: string; bytes: Buffer }> {
    const card = await this.cards.get(actor, cardId); // 404 for another holder's card
    const status = effectiveStatus(card, this.clock.today());
    if (!isPrintable(status) || !card.cardNumber || !card.issuedAt || !card.expiresAt) throw cardNotActive(status);
    const holder = await this.seekers.get(actor, card.seekerId);
    const docs = await this.tx.run((m) => this.documents.documentsOf(m, card.seekerId));
    const photo = docs.items.find((d) => d.type === 'PAS_FOTO' && d.status !== 'REJECTED' && !d.purgedAt) ?? null;
    const photoBytes =
      photo && photo.contentType !== 'application/pdf' ? (await this.documents.file(actor, photo.id)).bytes : null;
    let qr = null;
    if (status === 'ACTIVE') {
      const credential = await this.validations.credential(actor, cardId);
      qr = credentialQrSegments(this.config.notifications.linkBase, credential.token, credential.code);
    }
    const bytes = await renderCardPdf({
      cardNumber: card.cardNumber,
      holder,
      issuedAt: card.issuedAt,
      expiresAt: card.expiresAt,
      photo: photoBytes,
      qr,
      ...(await this.back(card)),
    });
    return { number: card.cardNumber, bytes };
  }
}
