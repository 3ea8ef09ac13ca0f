import { ReferenceCodes } from '../reference/reference-codes.service.js';
import { seekerPickers } from './http/pickers.js';
import { Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HttpRequest, HttpReply } from '../common/http/http.js';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { AuditQuery } from '../audit/dto/audit-query.dto.js';
import { CardValidationService } from '../card-validation/card-validation.service.js';
import { CardImportService, ImportFileRefused } from '../cards/card-import.service.js';
import { effectiveStatus } from '../cards/card-lifecycle.js';
import type { CardStatus } from '../cards/card.entity.js';
import { cardNotActive } from '../cards/cards.errors.js';
import type { CardView } from '../cards/card-view.js';
import { CardsService } from '../cards/cards.service.js';
import { CardListQuery, CardReasonDto, WithdrawCardDto } from '../cards/dto/card.dto.js';
import { VoidPlacementDto } from '../placements/dto/placement.dto.js';
import { PlacementsService } from '../placements/placements.service.js';
import { VoidService } from '../placements/void.service.js';
import { WithdrawalService } from '../placements/withdrawal.service.js';
import { randomUUID } from 'node:crypto';
import { Public } from '../common/auth/decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/clock.js';
import { DomainError, notFound, validationFailed } from '../common/domain-error.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { EmployerListQuery, ReasonDto } from '../employers/dto/employer.dto.js';
import type { EmployerStatus } from '../employers/employer.entity.js';
import { EmployersService } from '../employers/employers.service.js';
import { MatchingService } from '../matching/matching.service.js';
import { CreateReferralDto } from '../referrals/dto/referral.dto.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { CreateSeekerDto } from '../seekers/dto/seeker.dto.js';
import { ClaimCodes } from '../seekers/claim-codes.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { VacancySearchQuery } from '../vacancies/dto/vacancy.dto.js';
import { VacancySearch } from '../search/vacancy-search.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import { AuditNames } from './audit-names.js';
import { CardHolders } from './card-holders.js';
import { cardQr } from './http/card-qr.js';
import { Ctx, ForRoles, safeNext, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { ConsoleUpload, UploadedFormFile, type UploadedForm } from './http/console-upload.js';
import { MAX_DOCUMENT_BYTES } from '../documents/document-files.js';
import { DocumentsService } from '../documents/documents.service.js';
import { RejectDocumentDto } from '../documents/dto/document.dto.js';
import { sendDocumentFile, uploadFromForm } from './console-documents.js';
import { EXPERIENCE_FORM, experienceRows } from './http/experience.js';
import { blankForm, fieldErrors, formBody, formValues, validateAs } from './http/forms.js';
import { pageOf, pick } from './http/paging.js';
import { refusal, refusedForm } from './http/refusal.js';
import { actThenRedirect, redirect, sendPage, withOutcome } from './http/respond.js';
import { SEEKER_IDENTITY_FORM, withExperience } from './http/seeker-forms.js';
import { errorText, localizeErrors } from './i18n/errors.js';
import { importProblemText } from './i18n/import-problems.js';
import { OfficerReports } from './officer-reports.js';
import { cardListView, cardModel, printableCardView, printablePhotoId } from './view-models/cards.js';
import { CardPdfService, isPrintable } from '../card-validation/card-pdf.service.js';
import { ReportsService } from '../monitoring/reports.service.js';
import { ReportPlaces } from './report-places.js';
import { placeQuery } from './views/officer/OfficePicker.js';
import { sendCardPdf } from './console-documents.js';
import { employerQueueView } from './view-models/employers.js';
import { flashOf, type FlashModel } from './view-models/flash.js';
import { pagerOf } from './view-models/pager.js';
import { referralView } from './view-models/vacancies.js';
import { PrintableCardPage } from './views/cards/PrintableCardPage.js';
import { AuditPage } from './views/officer/AuditPage.js';
import { CardDetailPage } from './views/officer/CardDetailPage.js';
import { CardQueuePage } from './views/officer/CardQueuePage.js';
import { CardRegisterPage } from './views/officer/CardRegisterPage.js';
import { DashboardPage } from './views/officer/DashboardPage.js';
import { AdjustmentsPage } from './views/officer/AdjustmentsPage.js';
import { ClosingPage, type ClosingOutcome } from './views/officer/ClosingPage.js';
import { PlacementReportPage } from './views/officer/PlacementReportPage.js';
import { StockReportPage, type StockTableNo } from './views/officer/StockReportPage.js';
import { EmployerQueuePage } from './views/officer/EmployerQueuePage.js';
import { ImportPage } from './views/officer/ImportPage.js';
import { IpkPage } from './views/officer/IpkPage.js';
import { OfficerVacanciesPage } from './views/officer/OfficerVacanciesPage.js';
import { OutreachPage } from './views/officer/OutreachPage.js';
import { ReferralPage } from './views/officer/ReferralPage.js';
import { ClaimCodePage } from './views/officer/ClaimCodePage.js';
import { SeekerDeskPage } from './views/officer/SeekerDeskPage.js';
import { WalkInPage } from './views/officer/WalkInPage.js';

const reasonOf = (req: HttpRequest) =>
  validateAs(ReasonDto, { reason: String((req.body as Record<string, unknown>)?.reason ?? '') });
const cardReasonOf = (req: HttpRequest) =>
  validateAs(CardReasonDto, { reason: String((req.body as Record<string, unknown>)?.reason ?? '') });
const backOf = (req: HttpRequest, fallback: string) => {
  const b = safeNext((req.body as Record<string, unknown>)?.back);
  return b === '/' ? fallback : b;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The outcome of a card action naming what it did: the number an approval issued, or — after a
 * six-monthly report — today's date and the next due date.
 */
function cardFlash(flash: FlashModel, card: CardView | null, today: string): FlashModel {
  if (flash.ok === 'cardApproved' && card?.cardNumber) {
    return { ok: 'cardApprovedNumber', params: { number: card.cardNumber } };
  }
  if (flash.ok === 'reported' && card?.nextReportDue) {
    return { ok: 'reportedNext', params: { reportDate: today, dueDate: card.nextReportDue } };
  }
  return flash;
}

/** Which IPK table a path names (`iii-2` … `iii-8`, with `.csv` or `.xlsx`); anything else is not found. */
function ipkTableOf(name: string): { table: '2' | '3' | '4' | '5' | '6' | '7' | '8'; as: 'page' | 'csv' | 'xlsx' } {
  const m = /^iii-([2-8])(?:\.(csv|xlsx))?$/.exec(name);
  if (!m) throw notFound('The report');
  return { table: m[1] as '2', as: (m[2] as 'csv' | 'xlsx' | undefined) ?? 'page' };
}

/** A month written YYYY-MM (2000–2100), else null. */
const monthParam = (v: unknown): string | null =>
  typeof v === 'string' && /^(20\d\d|2100)-(0[1-9]|1[0-2])$/.test(v) ? v : null;

/** The closing page's outcome from its query: `?ok=1&month=` or `?err=CODE&month=` (codes checked by the view). */
function closingOutcomeOf(query: Record<string, unknown>): ClosingOutcome {
  const month = monthParam(query.month) ?? undefined;
  const err = typeof query.err === 'string' && /^[A-Z_]{1,40}$/.test(query.err) ? query.err : undefined;
  return { ...(query.ok === '1' ? { ok: true } : {}), ...(err ? { err } : {}), ...(month ? { month } : {}) };
}

/** Disnaker officers: dashboard, verification and card queues, card register, reports, audit log. */
@ApiExcludeController()
@Public()
@ForRoles('officer')
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('petugas')
export class OfficerConsoleController {
  constructor(
    private readonly employers: EmployersService,
    private readonly cards: CardsService,
    private readonly seekers: SeekersService,
    private readonly holders: CardHolders,
    private readonly validations: CardValidationService,
    private readonly auditLog: AuditQueryService,
    private readonly auditNames: AuditNames,
    private readonly reports: OfficerReports,
    private readonly reportsApi: ReportsService,
    private readonly importer: CardImportService,
    private readonly vacancies: VacanciesService,
    private readonly vacancySearch: VacancySearch,
    private readonly matching: MatchingService,
    private readonly referrals: ReferralsService,
    private readonly clock: Clock,
    private readonly claimCodes: ClaimCodes,
    private readonly withdrawals: WithdrawalService,
    private readonly documents: DocumentsService,
    private readonly placements: PlacementsService,
    private readonly voids: VoidService,
    private readonly pdfs: CardPdfService,
    private readonly referenceCodes: ReferenceCodes,
    private readonly places: ReportPlaces,
  ) {}

  /**
   * The office a report page is about: the officer's own by default; a province or national officer
   * picks one below it, or the aggregate, with `officeId` and `scope` (ReportPlaces; another → 404 page).
   */
  private placeOf(c: ConsoleContext, query: Record<string, unknown>) {
    return this.places.resolve(c.user!, query);
  }

  @Get()
  async dashboard(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const { scope, place } = await this.placeOf(c, query);
    const vm = await this.reports.dashboard(pick(query, ['from', 'to']), scope);
    sendPage(res, DashboardPage({ c, vm: { ...vm, place } }));
  }

  @Get('penjangkauan')
  async outreach(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const { scope, place } = await this.placeOf(c, query);
    const vm = await this.reports.outreach(pick(query, ['from', 'to', 'page', 'silentClosures']), scope, place.query);
    sendPage(res, OutreachPage({ c, vm: { ...vm, place } }));
  }

  @Get('penjangkauan.csv')
  async outreachCsv(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const { scope } = await this.placeOf(c, query);
    await this.reports.outreachCsv(pick(query, ['from', 'to', 'silentClosures']), res, scope);
  }

  @Get('ipk')
  async ipk(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const { scope, place } = await this.placeOf(c, query);
    const vm = await this.reports.ipk(pick(query, ['year', 'month']), scope);
    sendPage(res, IpkPage({ c, vm: { ...vm, place } }));
  }

  @Get('ipk.csv')
  async ipkCsv(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const { scope } = await this.placeOf(c, query);
    await this.reports.ipkCsv(pick(query, ['year', 'month']), res, scope);
  }

  @Get('ipk.xlsx')
  async ipkXlsx(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const { scope } = await this.placeOf(c, query);
    await this.reports.reportXlsx('1', pick(query, ['year', 'month']), res, scope);
  }

  /**
   * Closing months: the next one to close and the closed ones (POST /reports/periods/:month/close), of
   * the office chosen. An aggregate is never filed: its page lists nothing to close and says so.
   */
  @Get('ipk/penutupan')
  async closing(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const { scope, place } = await this.placeOf(c, query);
    const vm = await this.reports.closing(closingOutcomeOf(query), scope);
    sendPage(res, ClosingPage({ c, vm: { ...vm, place } }));
  }

  /**
   * Closes the office's month as the API does: the office chosen (`officeId` in the form, default the
   * officer's own; an office below it as the API allows); an aggregate is refused (never filed).
   */
  @Post('ipk/penutupan')
  async closeMonth(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const body = (req.body as Record<string, unknown>) ?? {};
    const month = monthParam(body.month);
    const { scope, place } = await this.placeOf(c, body.officeId === undefined ? {} : { officeId: body.officeId });
    const more = (month ? `&month=${month}` : '') + placeQuery(place);
    try {
      if (!month) throw validationFailed([{ field: 'month', messages: ['must be YYYY-MM'] }]);
      await this.reportsApi.close(c.user!, month, scope);
      redirect(res, `/petugas/ipk/penutupan?ok=1${more}`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      redirect(res, `/petugas/ipk/penutupan?err=${err.code}${more}`);
    }
  }

  /** A closed month's corrections (GET /reports/periods/:month/adjustments). */
  @Get('ipk/penutupan/:month/koreksi')
  async adjustments(
    @Ctx() c: ConsoleContext,
    @Param('month') month: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const m = monthParam(month);
    if (!m) throw notFound('The month');
    const { scope, place } = await this.placeOf(c, query.officeId === undefined ? {} : { officeId: query.officeId });
    const vm = await this.reports.adjustments(m, pick(query, ['page']), scope, place.query);
    sendPage(res, AdjustmentsPage({ c, vm: { ...vm, place } }));
  }

  /** IPK III/2–III/8: the printable page, or its CSV or Excel download (`iii-5.csv`, `iii-5.xlsx`). */
  @Get('ipk/:report')
  async ipkTable(
    @Ctx() c: ConsoleContext,
    @Param('report') report: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const { table, as } = ipkTableOf(report);
    const month = pick(query, ['year', 'month']);
    const { scope, place } = await this.placeOf(c, query);
    if (as === 'csv') return this.reports.reportCsv(table, month, res, scope);
    if (as === 'xlsx') return this.reports.reportXlsx(table, month, res, scope);
    if (table === '8')
      return sendPage(
        res,
        PlacementReportPage({ c, vm: { ...(await this.reports.placementReport(month, scope)), place } }),
      );
    const vm = await this.reports.stockReport(table as StockTableNo, month, scope);
    sendPage(res, StockReportPage({ c, vm: { ...vm, place } }));
  }

  @Get('pencari-kerja/baru')
  async walkInForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, WalkInPage({ c, form: blankForm(), pickers: await seekerPickers(this.referenceCodes) }));
  }

  /** A walk-in job seeker registered at the counter (POST /seekers), then shown with "issue a card". */
  @Post('pencari-kerja/baru')
  async registerWalkIn(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const experience = experienceRows(formValues(EXPERIENCE_FORM, req.body));
    const values = { ...formValues(SEEKER_IDENTITY_FORM, req.body), ...experience };
    try {
      const body = withExperience(formBody(SEEKER_IDENTITY_FORM, values), experience);
      const seeker = await this.seekers.createWalkIn(c.user!, await validateAs(CreateSeekerDto, body));
      redirect(res, `/petugas/pencari-kerja/${seeker.id}?ok=walkInRegistered`);
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const pickers = await seekerPickers(this.referenceCodes);
      sendPage(res, WalkInPage({ c, form: refusedForm(values, r), pickers }), r.status);
    }
  }

  @Get('pencari-kerja/:id')
  async seeker(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const seeker = await this.seekers.get(c.user!, id);
    const canClaim = await this.claimCodes.canIssue(id);
    const docs = await this.documents.list(c.user!, id);
    sendPage(res, SeekerDeskPage({ c, vm: { flash: flashOf(query), seeker, canClaim, docs } }));
  }

  /** A walk-in's (or any seeker's) document uploaded at the counter (POST /seekers/:id/documents). */
  @Post('pencari-kerja/:id/dokumen')
  @ConsoleUpload('file', MAX_DOCUMENT_BYTES)
  async uploadDocument(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @UploadedFormFile() file: UploadedForm | undefined,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, `/petugas/pencari-kerja/${id}`), 'documentUploaded', () =>
      uploadFromForm(this.documents, c.user!, id, req.body, file),
    );
  }

  /** A seeker's document, for the officer (GET /documents/:id/file). */
  @Get('dokumen/:id')
  async documentFile(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    sendDocumentFile(res, await this.documents.file(c.user!, id));
  }

  @Post('dokumen/:id/verifikasi')
  async verifyDocument(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, '/petugas/kartu/permohonan'), 'documentVerified', () =>
      this.documents.verify(c.user!, id),
    );
  }

  @Post('dokumen/:id/tolak')
  async rejectDocument(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, '/petugas/kartu/permohonan'), 'documentRejected', async () =>
      this.documents.reject(
        c.user!,
        id,
        (await validateAs(RejectDocumentDto, { reason: String((req.body as Record<string, unknown>)?.reason ?? '') }))
          .reason,
      ),
    );
  }

  /**
   * A claim code for a walk-in seeker without a login (POST /seekers/:id/claim-code), shown once on the
   * page this answers with (a second copy of the form shows the same code again: ConsoleForms).
   */
  @Post('pencari-kerja/:id/kode-klaim')
  async issueClaimCode(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    try {
      const seeker = await this.seekers.get(c.user!, id);
      const issued = await this.claimCodes.issue(c.user!, id);
      sendPage(res, ClaimCodePage({ c, vm: { seekerId: id, seekerName: seeker.fullName, ...issued } }));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 404) throw err;
      redirect(res, withOutcome(`/petugas/pencari-kerja/${id}`, { err: err.code }));
    }
  }

  /** The card issued at the counter (POST /cards): ACTIVE and numbered at once, then its page. */
  @Post('pencari-kerja/:id/kartu')
  async issueCard(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    try {
      const card = await this.cards.issue(c.user!, id);
      redirect(res, `/petugas/kartu/${card.id}?ok=cardIssued`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      redirect(res, withOutcome(`/petugas/pencari-kerja/${id}`, { err: err.code }));
    }
  }

  @Get('lowongan')
  async vacancyList(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const q = pick(query, ['q', 'page', 'ok', 'err']);
    const asked = { ...(q.q ? { q: q.q } : {}), ...(q.page && /^\d{1,5}$/.test(q.page) ? { page: q.page } : {}) };
    const search = await validateAs(VacancySearchQuery, { ...asked, pageSize: '20' }).catch(() =>
      Object.assign(new VacancySearchQuery(), { page: 1, pageSize: 20 }),
    );
    const result = await this.vacancySearch.search(search);
    const vm = { flash: flashOf(q), query: q, result, pager: pagerOf('/petugas/lowongan', q, result) };
    sendPage(res, OfficerVacanciesPage({ c, vm }));
  }

  @Get('lowongan/:id')
  async vacancyReferral(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const vacancy = await this.vacancies.get(c.user, id);
    const candidates = await this.matching.candidates(c.user!, id, pageOf(query));
    const referred = await this.referrals.listForVacancy(c.user!, id, { page: 1, pageSize: 100 });
    sendPage(res, ReferralPage({ c, vm: referralView(vacancy, candidates, referred, this.clock.today(), query) }));
  }

  /** The office refers a candidate to the vacancy (POST /vacancies/:id/referrals), with an optional note. */
  @Post('lowongan/:id/rujuk')
  async refer(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, `/petugas/lowongan/${id}`, 'referred', async () => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const note = typeof body.note === 'string' && body.note.trim() !== '' ? { note: body.note } : {};
      const dto = await validateAs(CreateReferralDto, { seekerId: String(body.seekerId ?? ''), ...note });
      return this.referrals.refer(c.user!, id, dto);
    });
  }

  /** An officer closes any vacancy (POST /vacancies/:id/close as officer); the console asks for the reason. */
  @Post('lowongan/:id/tutup')
  async closeVacancy(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, `/petugas/lowongan/${id}`, 'vacancyClosed', async () =>
      this.vacancies.close(c.user!, id, (await reasonOf(req)).reason),
    );
  }

  @Get('perusahaan')
  async employerQueue(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const q = pick(query, ['status', 'q', 'page', 'ok', 'err']);
    // The queue opens on the companies waiting for verification.
    if (!('status' in query)) q.status = 'PENDING';
    const filter = { status: (q.status || undefined) as EmployerStatus | undefined, q: q.q };
    const list = await this.employers.list(c.user!, Object.assign(new EmployerListQuery(), pageOf(q), filter));
    sendPage(res, EmployerQueuePage({ c, vm: employerQueueView(list, q, c.path) }));
  }

  @Post('perusahaan/:id/verifikasi')
  async verify(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, '/petugas/perusahaan'), 'employerVerified', () =>
      this.employers.verify(c.user!, id),
    );
  }

  @Post('perusahaan/:id/tolak')
  async rejectEmployer(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, '/petugas/perusahaan'), 'employerRejected', async () =>
      this.employers.reject(c.user!, id, (await reasonOf(req)).reason),
    );
  }

  @Post('perusahaan/:id/tangguhkan')
  async suspend(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, '/petugas/perusahaan'), 'employerSuspended', async () =>
      this.employers.suspend(c.user!, id, (await reasonOf(req)).reason),
    );
  }

  @Post('perusahaan/:id/pulihkan')
  async reinstate(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, '/petugas/perusahaan'), 'employerReinstated', () =>
      this.employers.reinstate(c.user!, id),
    );
  }

  @Get('kartu/permohonan')
  async cardQueue(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const q = pick(query, ['page', 'ok', 'err', 'field', 'kartu']);
    const list = Object.assign(new CardListQuery(), pageOf(q), { status: 'PENDING' as CardStatus });
    const vm = await this.cardList(c.user!, '/petugas/kartu/permohonan', list, q);
    // "Kartu disetujui dengan nomor …": the card just approved, looked up (its id came with the redirect).
    const approved =
      q.ok === 'cardApproved' && UUID.test(q.kartu ?? '') ? await this.cards.get(c.user!, q.kartu) : null;
    sendPage(res, CardQueuePage({ c, vm: { ...vm, flash: cardFlash(vm.flash, approved, this.clock.today()) } }));
  }

  @Get('kartu')
  async cardRegister(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const q = pick(query, ['q', 'status', 'reportOverdue', 'page']);
    try {
      const dto = await validateAs(CardListQuery, { ...q, pageSize: '20' });
      sendPage(res, CardRegisterPage({ c, vm: await this.cardList(c.user!, '/petugas/kartu', dto, q) }));
    } catch (err) {
      if (!fieldErrors(err)) throw err;
      const none = { items: [], page: 1, pageSize: 20, total: 0 };
      const vm = cardListView('/petugas/kartu', none, new Map(), this.clock.today(), q);
      sendPage(res, CardRegisterPage({ c, vm }), 400);
    }
  }

  @Get('kartu/impor')
  importForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, ImportPage({ c, vm: { form: blankForm(), report: null } }));
  }

  /** Cards from the earlier system (POST /cards/import): an uploaded file, or CSV pasted into the form. */
  @Post('kartu/impor')
  @ConsoleUpload('file')
  async importCards(
    @Ctx() c: ConsoleContext,
    @UploadedFormFile() file: UploadedForm | undefined,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    const pasted = typeof req.body?.csv === 'string' ? (req.body.csv as string) : '';
    const csv = file && file.size > 0 ? file.buffer.toString('utf8') : pasted;
    try {
      if (csv.trim() === '') {
        throw validationFailed([{ field: 'file', messages: [c.t('import.empty')] }], 'Nothing to import.');
      }
      const report = await this.importer.importCoded(c.user!, csv);
      sendPage(res, ImportPage({ c, vm: { form: blankForm(), report } }));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      // A refused file (its header, its CSV syntax) is told in the officer's language, by its codes.
      const errors =
        err instanceof ImportFileRefused
          ? { [err.field]: err.problems.map((p) => importProblemText(c.t, err.field, p)) }
          : fieldErrors(err);
      const form = { values: { csv: pasted }, errors, problem: errors ? null : errorText(c.t, err) };
      sendPage(res, ImportPage({ c, vm: { form, report: null } }), err.status);
    }
  }

  @Get('kartu/:id')
  async card(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const card = await this.cards.get(c.user!, id);
    const holder = await this.seekers.get(c.user!, card.seekerId);
    const today = this.clock.today();
    const docs = await this.documents.list(c.user!, card.seekerId);
    const placements = (await this.placements.ofCard(id)).map((p) => ({
      placement: p,
      mayVoid: this.voids.mayVoid(c.user!, p),
    }));
    const vm = {
      flash: cardFlash(flashOf(query), card, today),
      card: cardModel(card, today),
      holder,
      seekerId: card.seekerId,
      docs,
      placements,
      idem: randomUUID(),
    };
    sendPage(res, CardDetailPage({ c, vm }));
  }

  @Get('kartu/:id/cetak')
  async printCard(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    const card = await this.cards.get(c.user!, id);
    // As the PDF: an ACTIVE card with its QR; a PLACED or EXPIRED one without (its credential no longer verifies).
    const status = effectiveStatus(card, this.clock.today());
    if (!isPrintable(status)) throw cardNotActive(status);
    const [holder, credential, docs, printed] = await Promise.all([
      this.seekers.get(c.user!, card.seekerId),
      status === 'ACTIVE' ? this.validations.credential(c.user!, id) : null,
      this.documents.list(c.user!, card.seekerId),
      this.pdfs.back(card),
    ]);
    const qr = credential ? await cardQr(req, credential) : null;
    const photoId = printablePhotoId(docs);
    const links = { pdfUrl: `/petugas/kartu/${id}/pdf`, photoUrl: photoId ? `/petugas/dokumen/${photoId}` : null };
    const vm = printableCardView(card, holder, qr, `/petugas/kartu/${id}`, printed, links);
    sendPage(res, PrintableCardPage({ c, vm }));
  }

  /** The card as a PDF (GET /cards/:id/pdf with the console's session). */
  @Get('kartu/:id/pdf')
  async cardPdf(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    sendCardPdf(res, await this.pdfs.pdf(c.user!, id));
  }

  @Post('kartu/:id/setujui')
  async approve(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(
      res,
      backOf(req, '/petugas/kartu/permohonan'),
      'cardApproved',
      () => this.cards.approve(c.user!, id),
      (card) => ({ kartu: card.id }),
    );
  }

  @Post('kartu/:id/tolak')
  async rejectCard(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, '/petugas/kartu/permohonan'), 'cardRejected', async () =>
      this.cards.reject(c.user!, id, (await cardReasonOf(req)).reason),
    );
  }

  @Post('kartu/:id/cabut')
  async revoke(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, `/petugas/kartu/${id}`), 'cardRevoked', async () =>
      this.cards.revoke(c.user!, id, (await cardReasonOf(req)).reason),
    );
  }

  /** At the counter: the holder says they are no longer looking for work (decision 45). */
  @Post('kartu/:id/berhenti')
  async withdrawFor(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, `/petugas/kartu/${id}`), 'cardWithdrawnForHolder', async () => {
      const reason = String((req.body as Record<string, unknown>)?.reason ?? '');
      const dto = await validateAs(WithdrawCardDto, { reason });
      return this.withdrawals.withdraw(c.user!, id, dto.reason);
    });
  }

  /** "Batalkan penempatan" on the card page: voids a placement recorded by mistake (decision 78). */
  @Post('penempatan/:id/batalkan')
  async voidPlacement(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    const body = req.body as Record<string, unknown> | undefined;
    await actThenRedirect(res, backOf(req, '/petugas/kartu'), 'placementVoided', async () => {
      const dto = await validateAs(VoidPlacementDto, { reason: String(body?.reason ?? '') });
      const key = typeof body?.idem === 'string' && body.idem ? body.idem.slice(0, 100) : undefined;
      return this.voids.void(c.user!, id, dto.reason, key);
    });
  }

  @Post('kartu/:id/lapor')
  async reportFor(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, backOf(req, `/petugas/kartu/${id}`), 'reported', () =>
      this.cards.report(c.user!, id, undefined),
    );
  }

  @Get('audit')
  async audit(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const q = pick(query, ['entityType', 'entityId', 'actorId', 'from', 'to', 'page']);
    try {
      const page = await this.auditLog.list(c.user!, await validateAs(AuditQuery, { ...q, pageSize: '50' }));
      const pager = pagerOf('/petugas/audit', q, page);
      const names = await this.auditNames.of(page.items);
      const rows = page.items.map((event, i) => ({ event, subjects: names[i] }));
      // Narrowed by a row's link: to a person (the actor) or to one object (named as in its sentences).
      const first = rows[0]?.subjects;
      const narrowedTo = q.actorId
        ? (first?.actor ?? c.t('audit.onePerson'))
        : q.entityId
          ? (first?.vacancy ?? first?.employer ?? first?.seeker ?? first?.user ?? first?.card ?? c.t('audit.oneObject'))
          : null;
      const vm = { form: blankForm(q), rows, total: page.total, pager, narrowedTo };
      sendPage(res, AuditPage({ c, vm }));
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) throw err;
      const form = { values: q, errors: localizeErrors(c.t, errors, { values: q }), problem: null };
      sendPage(res, AuditPage({ c, vm: { form, rows: null, total: 0, pager: null, narrowedTo: null } }), 400);
    }
  }

  /** A page of cards with their holders: the cards, then every holder of the page in one query. */
  private async cardList(actor: AuthUser, base: string, q: CardListQuery, query: Record<string, string>) {
    const page = await this.cards.list(actor, q);
    return cardListView(base, page, await this.holders.of(page.items), this.clock.today(), query);
  }
}
