import { ReferenceCodes } from '../reference/reference-codes.service.js';
import { seekerPickers } from './http/pickers.js';
import { Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HttpRequest, HttpReply } from '../common/http/http.js';
import { randomUUID } from 'node:crypto';
import { ApplicationsService } from '../applications/applications.service.js';
import { ConsentDto } from '../applications/dto/application.dto.js';
import { CardValidationService } from '../card-validation/card-validation.service.js';
import { cardActions, effectiveStatus } from '../cards/card-lifecycle.js';
import type { CardView } from '../cards/card-view.js';
import { CardsService } from '../cards/cards.service.js';
import { CardReportDto, WithdrawCardDto } from '../cards/dto/card.dto.js';
import { Public } from '../common/auth/decorators.js';
import { Clock } from '../common/clock.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { MatchingService } from '../matching/matching.service.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { SelfReportDto } from '../placements/dto/placement.dto.js';
import { HireService } from '../placements/hire.service.js';
import { WithdrawalService } from '../placements/withdrawal.service.js';
import { UpdateSeekerDto } from '../seekers/dto/seeker.dto.js';
import type { SeekerView } from '../seekers/seeker.entity.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { MAX_DOCUMENT_BYTES } from '../documents/document-files.js';
import { DocumentsService } from '../documents/documents.service.js';
import { sendDocumentFile, uploadFromForm } from './console-documents.js';
import { ConsoleUpload, UploadedFormFile, type UploadedForm } from './http/console-upload.js';
import { cardQr } from './http/card-qr.js';
import { Ctx, ForRoles, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { EXPERIENCE_FORM, experienceBody, experienceRows, experienceValues } from './http/experience.js';
import { blankForm, fieldErrors, formBody, formValues, validateAs } from './http/forms.js';
import type { FieldSpec, FormValues } from './http/forms.js';
import { pageOf } from './http/paging.js';
import { refusal, refusedForm } from './http/refusal.js';
import { actThenRedirect, redirect, sendPage } from './http/respond.js';
import { SEEKER_PROFILE_FORM } from './http/seeker-forms.js';
import { localizeErrors } from './i18n/errors.js';
import { myApplicationsView } from './view-models/applications.js';
import { myReferralRows } from './view-models/referrals.js';
import { cardModel, myCardView, printableCardView, printablePhotoId, type CardModel } from './view-models/cards.js';
import { CardPdfService, isPrintable } from '../card-validation/card-pdf.service.js';
import { sendCardPdf } from './console-documents.js';
import { flashOf } from './view-models/flash.js';
import { pagerOf } from './view-models/pager.js';
import { PrintableCardPage } from './views/cards/PrintableCardPage.js';
import { HiredPage } from './views/seeker/HiredPage.js';
import { ReportPage } from './views/seeker/ReportPage.js';
import { StillLookingPage } from './views/seeker/StillLookingPage.js';
import { WITHDRAW_REASONS, WithdrawPage, type WithdrawReason } from './views/seeker/WithdrawPage.js';
import { STILL_LOOKING_ID } from './i18n/messages.still-looking.id.js';
import { MyApplicationsPage } from './views/seeker/MyApplicationsPage.js';
import { MyCardPage } from './views/seeker/MyCardPage.js';
import { ProfilePage } from './views/seeker/ProfilePage.js';
import { RecommendationsPage } from './views/seeker/RecommendationsPage.js';

const SELF_REPORT_FORM: FieldSpec[] = [
  { name: 'employerName' },
  { name: 'startDate' },
  { name: 'position', optional: true },
  { name: 'placementType', optional: true },
  { name: 'employerKind', optional: true },
];

const WITHDRAW_FORM: FieldSpec[] = [{ name: 'choice' }, { name: 'reason' }, { name: 'cardId' }];

/**
 * The reason a withdrawal records: a chosen reason in Indonesian (the office reads it, whatever language
 * the seeker uses), or the seeker's own words with "Lainnya"; null when no reason was chosen.
 */
function withdrawReason(values: FormValues): string | null {
  const choice = values.choice as WithdrawReason;
  if (!WITHDRAW_REASONS.includes(choice)) return null;
  return choice === 'OTHER' ? values.reason : STILL_LOOKING_ID[`withdraw.reason.${choice}`];
}

/** Profile values as the form shows them. */
function profileValues(s: SeekerView): FormValues {
  return {
    phone: s.phone ?? '',
    address: s.address,
    kecamatanCode: s.kecamatanCode ?? '',
    maritalStatus: s.maritalStatus ?? '',
    educationLevel: s.educationLevel,
    major: s.major ?? '',
    educationCode: s.educationCode ?? '',
    desiredOccupationCode: s.desiredOccupationCode ?? '',
    graduationYear: s.graduationYear === null ? '' : String(s.graduationYear),
    skills: s.skills.join(', '),
    ...experienceValues(s.experience),
  };
}

/** A job seeker's pages: the AK1 card, recommendations, applications, profile, "I have a job". */
@ApiExcludeController()
@Public()
@ForRoles('seeker')
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('saya')
export class SeekerConsoleController {
  constructor(
    private readonly seekers: SeekersService,
    private readonly cards: CardsService,
    private readonly applications: ApplicationsService,
    private readonly validations: CardValidationService,
    private readonly matching: MatchingService,
    private readonly hires: HireService,
    private readonly withdrawals: WithdrawalService,
    private readonly referrals: ReferralsService,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly pdfs: CardPdfService,
    private readonly referenceCodes: ReferenceCodes,
  ) {}

  @Get()
  home(@Res() res: HttpReply) {
    redirect(res, '/saya/kartu');
  }

  @Get('kartu')
  async myCard(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const mine = await this.cards.mine(c.user!);
    const docs = await this.documents.list(c.user!, 'me');
    sendPage(res, MyCardPage({ c, vm: myCardView(mine, this.clock.today(), query, c.seekerPlaced), docs }));
  }

  /** One of the checklist's documents, from the card page's upload forms (POST /seekers/me/documents). */
  @Post('dokumen')
  @ConsoleUpload('file', MAX_DOCUMENT_BYTES)
  async uploadDocument(
    @Ctx() c: ConsoleContext,
    @UploadedFormFile() file: UploadedForm | undefined,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, '/saya/kartu', 'documentUploaded', () =>
      uploadFromForm(this.documents, c.user!, 'me', req.body, file),
    );
  }

  /** The file of one of your documents (GET /documents/:id/file with the console's session). */
  @Get('dokumen/:id')
  async documentFile(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    sendDocumentFile(res, await this.documents.file(c.user!, id));
  }

  @Post('kartu/ajukan')
  async requestCard(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    await actThenRedirect(res, '/saya/kartu', 'cardRequested', () => this.cards.request(c.user!));
  }

  /** Opened from a card reminder: "are you still looking for work?" with its three answers. */
  @Get('kartu/status')
  async stillLooking(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, StillLookingPage({ c, card: await this.shownCard(c) }));
  }

  /** "Masih mencari kerja": the six-monthly report's confirmation for the card active today. */
  @Get('kartu/lapor')
  async reportForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    const card = await this.shownCard(c);
    if (!card?.actions.report) return redirect(res, '/saya/kartu?err=CARD_NOT_ACTIVE');
    sendPage(res, ReportPage({ c, card }));
  }

  /** "Tidak lagi mencari kerja": the withdraw form for the card active today. */
  @Get('kartu/berhenti')
  async withdrawForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    const card = await this.shownCard(c);
    if (card?.status !== 'ACTIVE') return redirect(res, '/saya/kartu?err=CARD_NOT_ACTIVE');
    sendPage(res, WithdrawPage({ c, vm: { card, form: blankForm() } }));
  }

  @Post('kartu/berhenti')
  async withdrawCard(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(WITHDRAW_FORM, req.body);
    const cardId = new IdPipe().transform(values.cardId);
    const reason = withdrawReason(values);
    try {
      if (reason === null) {
        const card = await this.shownCard(c);
        if (card?.status !== 'ACTIVE') return redirect(res, '/saya/kartu?err=CARD_NOT_ACTIVE');
        const form = { values, errors: { choice: [c.t('withdraw.pickReason')] }, problem: null };
        return sendPage(res, WithdrawPage({ c, vm: { card, form } }), 400);
      }
      const dto = await validateAs(WithdrawCardDto, { reason });
      await this.withdrawals.withdraw(c.user!, cardId, dto.reason);
      redirect(res, '/saya/kartu?ok=cardWithdrawn');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const card = await this.shownCard(c);
      // The card is no longer active (withdrawn by a second tap, placed, expired): the card page says so.
      if (!r.errors || card?.status !== 'ACTIVE') return redirect(res, `/saya/kartu?err=${errCode(err)}`);
      sendPage(res, WithdrawPage({ c, vm: { card, form: refusedForm(values, r) } }), r.status);
    }
  }

  @Post('kartu/lapor')
  async report(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await actThenRedirect(res, '/saya/kartu', 'reported', async () => {
      const cardId = new IdPipe().transform(String(body.cardId ?? ''));
      const note = formBody([{ name: 'note', optional: true }], formValues([{ name: 'note' }], body));
      const dto = await validateAs(CardReportDto, note);
      return this.cards.report(c.user!, cardId, dto.note);
    });
  }

  @Get('kartu/cetak')
  async printCard(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const card = await this.printableCard(c);
    if (!card) return redirect(res, '/saya/kartu?err=CARD_NOT_ACTIVE');
    const active = effectiveStatus(card, this.clock.today()) === 'ACTIVE';
    const [holder, credential, docs, printed] = await Promise.all([
      this.seekers.me(c.user!),
      active ? this.validations.credential(c.user!, card.id) : null,
      this.documents.list(c.user!, 'me'),
      this.pdfs.back(card),
    ]);
    const qr = credential ? await cardQr(req, credential) : null;
    const photoId = printablePhotoId(docs);
    const links = { pdfUrl: '/saya/kartu/pdf', photoUrl: photoId ? `/saya/dokumen/${photoId}` : null };
    sendPage(res, PrintableCardPage({ c, vm: printableCardView(card, holder, qr, '/saya/kartu', printed, links) }));
  }

  /** Your card as a PDF (GET /cards/:id/pdf with the console's session): the same card as the print page. */
  @Get('kartu/pdf')
  async cardPdf(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    const card = await this.printableCard(c);
    if (!card) return redirect(res, '/saya/kartu?err=CARD_NOT_ACTIVE');
    sendCardPdf(res, await this.pdfs.pdf(c.user!, card.id));
  }

  /**
   * The card the holder prints: the active one, else the latest issued one that is PLACED or EXPIRED (its back
   * shows the reports and "Diterima bekerja di … / TMT …"; no QR). A pending, rejected or revoked card is not printed.
   */
  private async printableCard(c: ConsoleContext): Promise<CardView | null> {
    const { current, history } = await this.cards.mine(c.user!);
    const today = this.clock.today();
    if (current && cardActions(current, today).print) return current;
    if (current) return null;
    const [latest] = history;
    return latest && isPrintable(effectiveStatus(latest, today)) ? latest : null;
  }

  @Get('rekomendasi')
  async recommendations(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    // Someone recorded as hired is no longer offered vacancies to apply to.
    if (c.seekerPlaced) {
      const none = { items: [], page: 1, pageSize: 20, total: 0 };
      return sendPage(
        res,
        RecommendationsPage({ c, vm: { items: [], pager: pagerOf('/saya/rekomendasi', query, none), placed: true } }),
      );
    }
    const page = await this.matching.recommendations(c.user!, pageOf(query));
    const vm = { items: page.items, pager: pagerOf('/saya/rekomendasi', query, page), placed: false };
    sendPage(res, RecommendationsPage({ c, vm }));
  }

  @Get('lamaran')
  async myApplications(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const page = await this.applications.listMine(c.user!, pageOf(query));
    // The office's referrals come first: the most recent twenty.
    const referrals = myReferralRows(
      await this.referrals.listMine(c.user!, { page: 1, pageSize: 20 }),
      this.clock.today(),
    );
    sendPage(res, MyApplicationsPage({ c, vm: myApplicationsView(page, referrals, query) }));
  }

  /** The applicant gives or withdraws consent to show the employer their phone and email (any time). */
  @Post('lamaran/:id/kontak')
  async consent(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    const share = (req.body as Record<string, unknown> | undefined)?.shareContact === 'true';
    await actThenRedirect(res, '/saya/lamaran', share ? 'contactShared' : 'contactHidden', async () => {
      const dto = await validateAs(ConsentDto, { shareContact: share });
      return this.applications.changeConsent(c.user!, id, dto.shareContact);
    });
  }

  @Post('lamaran/:id/tarik')
  async withdraw(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    await actThenRedirect(res, '/saya/lamaran', 'withdrawn', () => this.applications.withdraw(c.user!, id));
  }

  @Get('profil')
  async profile(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const seeker = await this.seekers.me(c.user!);
    const form = blankForm(profileValues(seeker));
    const pickers = await seekerPickers(this.referenceCodes);
    sendPage(res, ProfilePage({ c, vm: { flash: flashOf(query), seeker, form, pickers } }));
  }

  @Post('profil')
  async saveProfile(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const experience = experienceRows(formValues(EXPERIENCE_FORM, req.body));
    const values = { ...formValues(SEEKER_PROFILE_FORM, req.body), ...experience };
    try {
      // Every field is on the form, so an emptied optional field clears it (null), as PATCH allows;
      // the experience rows shown replace the list (no rows left: an empty list).
      const profile = formBody(SEEKER_PROFILE_FORM, values, { emptyOptional: 'null' });
      const dto = await validateAs(UpdateSeekerDto, { ...profile, experience: experienceBody(experience) });
      if (dto.skills === null) dto.skills = [];
      await this.seekers.updateMe(c.user!, dto);
      redirect(res, '/saya/profil?ok=profileSaved');
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) throw err;
      const form = { values, errors: localizeErrors(c.t, errors, { values }), problem: null };
      const vm = {
        flash: {},
        seeker: await this.seekers.me(c.user!),
        form,
        pickers: await seekerPickers(this.referenceCodes),
      };
      sendPage(res, ProfilePage({ c, vm }), 400);
    }
  }

  /**
   * "Sudah bekerja": the self-report, filled in where the platform knows something — the employer and
   * position of the seeker's latest shortlisted application (their likeliest hire); blank otherwise. The
   * start date is never guessed.
   */
  @Get('sudah-bekerja')
  async hiredForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    let values: FormValues = {};
    if (!c.seekerPlaced) {
      const shortlisted = await this.applications.listMine(c.user!, { page: 1, pageSize: 1, status: 'SHORTLISTED' });
      const latest = shortlisted.items[0];
      if (latest) values = { employerName: latest.vacancy.employer.legalName, position: latest.vacancy.title };
    }
    const prefilled = Object.keys(values).length > 0;
    const kinds = await this.referenceCodes.entries('employer-kinds');
    const vm = { form: blankForm(values), idem: randomUUID(), placed: c.seekerPlaced, prefilled, kinds };
    sendPage(res, HiredPage({ c, vm }));
  }

  @Post('sudah-bekerja')
  async hired(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(SELF_REPORT_FORM, req.body);
    const key = typeof req.body?.idem === 'string' ? req.body.idem : undefined;
    try {
      const dto = await validateAs(SelfReportDto, formBody(SELF_REPORT_FORM, values));
      // The form's one-time key makes a double submit (or a reload) record the hire once.
      await this.hires.selfReport(c.user!, dto, key);
      redirect(res, '/saya/kartu?ok=hiredReported');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const kinds = await this.referenceCodes.entries('employer-kinds');
      const vm = { form: refusedForm(values, r), idem: randomUUID(), placed: c.seekerPlaced, kinds };
      sendPage(res, HiredPage({ c, vm }), r.status);
    }
  }

  /** The seeker's pending or active card as the console shows it, or their latest when none is. */
  private async shownCard(c: ConsoleContext): Promise<CardModel | null> {
    const mine = await this.cards.mine(c.user!);
    const card = mine.current ?? mine.history[0] ?? null;
    return card ? cardModel(card, this.clock.today()) : null;
  }
}

/** The error code a redirect's flash names (`?err=CODE`), for a refusal that is not about a field. */
function errCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^[A-Z_]{1,60}$/.test(code) ? code : 'CARD_NOT_ACTIVE';
}
