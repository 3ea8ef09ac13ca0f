import { Controller, Get, Param, Post, Query, Req, Res, UploadedFile, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditQuery } from '../audit/dto/audit-query.dto.js';
import { CardListQuery, CardReasonDto } from '../cards/dto/card.dto.js';
import { CardsService } from '../cards/cards.service.js';
import type { CardStatus } from '../cards/card.entity.js';
import { Public } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import type { Page } from '../common/http/pagination.js';
import { EmployerListQuery, ReasonDto } from '../employers/dto/employer.dto.js';
import type { EmployerStatus } from '../employers/employer.entity.js';
import { EmployersService } from '../employers/employers.service.js';
import { CardImportService } from '../cards/card-import.service.js';
import { DomainError, notFound, validationFailed } from '../common/domain-error.js';
import { MatchingService } from '../matching/matching.service.js';
import { CreateSeekerDto } from '../seekers/dto/seeker.dto.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { VacancySearchQuery } from '../vacancies/dto/vacancy.dto.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import { CardValidationService } from '../card-validation/card-validation.service.js';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { Ctx, ForRoles, safeNext, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { ConsoleUpload, type UploadedForm } from './http/console-upload.js';
import { EXPERIENCE_FORM, experienceRows } from './http/experience.js';
import { fieldErrors, formBody, formValues, validateAs, type FormValues } from './http/forms.js';
import { actThenRedirect, redirect, sendPage, withOutcome } from './http/respond.js';
import { refusal } from './employer.controller.js';
import { SEEKER_IDENTITY_FORM, withExperience } from './public.controller.js';
import { importPage, officerVacanciesPage, referralPage, seekerDeskPage, walkInPage } from './views/officer-desk.js';
import { cardQr, pageOf } from './seeker.controller.js';
import { errorText, localizeErrors } from './views/components.js';
import { printableCard } from './views/ak1-card.js';
import { auditPage, cardDetailPage, cardQueuePage, cardRegisterPage, employerQueuePage, type CardRow } from './views/officer.js';
import { OfficerReports } from './officer-reports.js';

/** Only the listed query parameters, as strings (for filters and pager links). */
function pick(query: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof query[k] === 'string' && query[k] !== '') out[k] = query[k] as string;
  return out;
}

const reasonOf = (req: Request) => validateAs(ReasonDto, { reason: String((req.body as Record<string, unknown>)?.reason ?? '') });
const backOf = (req: Request, fallback: string) => {
  const b = safeNext((req.body as Record<string, unknown>)?.back);
  return b === '/' ? fallback : b;
};

/** Which by-education IPK report a path names (`iii-2`, `iii-4`); anything else is not found. */
function educationReportOf(name: string): 'III-2' | 'III-4' {
  if (name === 'iii-2') return 'III-2';
  if (name === 'iii-4') return 'III-4';
  throw notFound('The report');
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
    private readonly validations: CardValidationService,
    private readonly auditLog: AuditQueryService,
    private readonly reports: OfficerReports,
    private readonly importer: CardImportService,
    private readonly vacancies: VacanciesService,
    private readonly matching: MatchingService,
  ) {}

  @Get()
  async dashboard(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, await this.reports.dashboard(c, pick(query, ['from', 'to'])));
  }

  @Get('penjangkauan')
  async outreach(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, await this.reports.outreach(c, pick(query, ['from', 'to', 'page'])));
  }

  @Get('penjangkauan.csv')
  async outreachCsv(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    await this.reports.outreachCsv(c, pick(query, ['from', 'to']), res);
  }

  @Get('ipk')
  async ipk(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, await this.reports.ipk(c, pick(query, ['year', 'month'])));
  }

  @Get('ipk.csv')
  async ipkCsv(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    await this.reports.ipkCsv(c, pick(query, ['year', 'month']), res);
  }

  @Get('ipk/:report')
  async ipkByEducation(@Ctx() c: ConsoleContext, @Param('report') report: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const csv = report.endsWith('.csv');
    const kind = educationReportOf(csv ? report.slice(0, -4) : report);
    if (csv) return this.reports.educationReportCsv(kind, pick(query, ['year', 'month']), res);
    sendPage(res, await this.reports.educationReport(c, kind, pick(query, ['year', 'month'])));
  }

  @Get('pencari-kerja/baru')
  walkInForm(@Ctx() c: ConsoleContext, @Res() res: Response) {
    sendPage(res, walkInPage(c, {}, null, null));
  }

  /** A walk-in job seeker registered at the counter (POST /seekers), then shown with "issue a card". */
  @Post('pencari-kerja/baru')
  async registerWalkIn(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const experience = experienceRows(formValues(EXPERIENCE_FORM, req.body));
    const values = { ...formValues(SEEKER_IDENTITY_FORM, req.body), ...experience };
    try {
      const dto = await validateAs(CreateSeekerDto, withExperience(formBody(SEEKER_IDENTITY_FORM, values), experience));
      const seeker = await this.seekers.createWalkIn(c.user!, dto);
      redirect(res, `/petugas/pencari-kerja/${seeker.id}?ok=walkInRegistered`);
    } catch (err) {
      const { errors, problem, status } = refusal(c, err);
      sendPage(res, walkInPage(c, values, errors, problem), status);
    }
  }

  @Get('pencari-kerja/:id')
  async seeker(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, seekerDeskPage(c, await this.seekers.get(id), query));
  }

  /** The card issued at the counter (POST /cards): ACTIVE and numbered at once, then its page. */
  @Post('pencari-kerja/:id/kartu')
  async issueCard(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: Response) {
    try {
      const card = await this.cards.issue(c.user!, id);
      redirect(res, `/petugas/kartu/${card.id}?ok=cardIssued`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      redirect(res, withOutcome(`/petugas/pencari-kerja/${id}`, { err: err.code }));
    }
  }

  @Get('lowongan')
  async vacancyList(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const q = pick(query, ['q', 'page', 'ok', 'err']);
    const search = await validateAs(VacancySearchQuery, { ...(q.q ? { q: q.q } : {}), ...(q.page && /^\d{1,5}$/.test(q.page) ? { page: q.page } : {}), pageSize: '20' }).catch(() => Object.assign(new VacancySearchQuery(), { page: 1, pageSize: 20 }));
    sendPage(res, officerVacanciesPage(c, await this.vacancies.searchPublic(search), q));
  }

  @Get('lowongan/:id')
  async vacancyReferral(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const v = await this.vacancies.get(c.user, id);
    sendPage(res, referralPage(c, v, await this.matching.candidates(id, await pageOf(query)), query));
  }

  /** An officer closes any vacancy (POST /vacancies/:id/close as officer); the console asks for the reason. */
  @Post('lowongan/:id/tutup')
  async closeVacancy(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, `/petugas/lowongan/${id}`, 'vacancyClosed', async () => this.vacancies.close(c.user!, id, (await reasonOf(req)).reason));
  }

  @Get('perusahaan')
  async employerQueue(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const q = pick(query, ['status', 'q', 'page', 'ok', 'err']);
    // The queue opens on the companies waiting for verification.
    if (!('status' in query)) q.status = 'PENDING';
    const list = await this.employers.list(Object.assign(new EmployerListQuery(), await pageOf(q), { status: (q.status || undefined) as EmployerStatus | undefined, q: q.q }));
    sendPage(res, employerQueuePage(c, list, q));
  }

  @Post('perusahaan/:id/verifikasi')
  async verify(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, backOf(req, '/petugas/perusahaan'), 'employerVerified', () => this.employers.verify(c.user!, id));
  }

  @Post('perusahaan/:id/tolak')
  async rejectEmployer(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, backOf(req, '/petugas/perusahaan'), 'employerRejected', async () => this.employers.reject(c.user!, id, (await reasonOf(req)).reason));
  }

  @Post('perusahaan/:id/tangguhkan')
  async suspend(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, backOf(req, '/petugas/perusahaan'), 'employerSuspended', async () => this.employers.suspend(c.user!, id, (await reasonOf(req)).reason));
  }

  @Post('perusahaan/:id/pulihkan')
  async reinstate(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, backOf(req, '/petugas/perusahaan'), 'employerReinstated', () => this.employers.reinstate(c.user!, id));
  }

  @Get('kartu/permohonan')
  async cardQueue(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const q = pick(query, ['page', 'ok', 'err']);
    sendPage(res, cardQueuePage(c, await this.cardRows(Object.assign(new CardListQuery(), await pageOf(q), { status: 'PENDING' as CardStatus })), q));
  }

  @Get('kartu')
  async cardRegister(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const q = pick(query, ['q', 'status', 'reportOverdue', 'page']);
    try {
      const dto = await validateAs(CardListQuery, { ...q, pageSize: '20' });
      sendPage(res, cardRegisterPage(c, await this.cardRows(dto), q));
    } catch (err) {
      if (!fieldErrors(err)) throw err;
      sendPage(res, cardRegisterPage(c, { items: [], page: 1, pageSize: 20, total: 0 }, q), 400);
    }
  }

  @Get('kartu/impor')
  importForm(@Ctx() c: ConsoleContext, @Res() res: Response) {
    sendPage(res, importPage(c, '', null, null, null));
  }

  /** Cards from the earlier system (POST /cards/import): an uploaded file, or CSV pasted into the form. */
  @Post('kartu/impor')
  @ConsoleUpload('file')
  async importCards(@Ctx() c: ConsoleContext, @UploadedFile() file: UploadedForm | undefined, @Req() req: Request, @Res() res: Response) {
    const pasted = typeof req.body?.csv === 'string' ? (req.body.csv as string) : '';
    const csv = file && file.size > 0 ? file.buffer.toString('utf8') : pasted;
    try {
      if (csv.trim() === '') throw validationFailed([{ field: 'file', messages: [c.t('import.empty')] }], 'Nothing to import.');
      const report = await this.importer.import(c.user!, csv);
      sendPage(res, importPage(c, '', report, null, null));
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      const errors = fieldErrors(err);
      sendPage(res, importPage(c, pasted, null, errors, errors ? null : errorText(c.t, err)), err.status);
    }
  }

  @Get('kartu/:id')
  async card(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const card = await this.cards.get(c.user!, id);
    sendPage(res, cardDetailPage(c, card, await this.seekers.get(card.seekerId), query));
  }

  @Get('kartu/:id/cetak')
  async printCard(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    const card = await this.cards.get(c.user!, id);
    const [holder, credential] = await Promise.all([this.seekers.get(card.seekerId), this.validations.credential(c.user!, id)]);
    sendPage(res, printableCard(c, card, holder, await cardQr(req, credential.token), `/petugas/kartu/${id}`));
  }

  @Post('kartu/:id/setujui')
  async approve(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, backOf(req, '/petugas/kartu/permohonan'), 'cardApproved', () => this.cards.approve(c.user!, id));
  }

  @Post('kartu/:id/tolak')
  async rejectCard(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, backOf(req, '/petugas/kartu/permohonan'), 'cardRejected', async () => {
      const dto = await validateAs(CardReasonDto, { reason: String(req.body?.reason ?? '') });
      return this.cards.reject(c.user!, id, dto.reason);
    });
  }

  @Post('kartu/:id/cabut')
  async revoke(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, backOf(req, `/petugas/kartu/${id}`), 'cardRevoked', async () => {
      const dto = await validateAs(CardReasonDto, { reason: String(req.body?.reason ?? '') });
      return this.cards.revoke(c.user!, id, dto.reason);
    });
  }

  @Post('kartu/:id/lapor')
  async reportFor(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    await actThenRedirect(res, backOf(req, `/petugas/kartu/${id}`), 'reported', () => this.cards.report(c.user!, id, undefined));
  }

  @Get('audit')
  async audit(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const q = pick(query, ['entityType', 'entityId', 'actorId', 'from', 'to', 'page']);
    const values: FormValues = q;
    try {
      const dto = await validateAs(AuditQuery, { ...q, pageSize: '50' });
      sendPage(res, auditPage(c, values, null, await this.auditLog.list(dto), q));
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) throw err;
      sendPage(res, auditPage(c, values, localizeErrors(c.t, errors), null, q), 400);
    }
  }

  /** Cards with their holders (officers see the full profile, NIK included, as in GET /seekers/:id). */
  private async cardRows(q: CardListQuery): Promise<Page<CardRow>> {
    const page = await this.cards.list(q);
    const holders = await Promise.all(page.items.map((card) => this.seekers.get(card.seekerId)));
    return { ...page, items: page.items.map((card, i) => ({ card, holder: holders[i] })) };
  }
}

