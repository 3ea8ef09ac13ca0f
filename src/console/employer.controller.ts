import { Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HttpRequest, HttpReply } from '../common/http/http.js';
import { randomUUID } from 'node:crypto';
import { ApplicationListQuery, DecideDto } from '../applications/dto/application.dto.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { CreateStaffDto } from '../auth/dto/auth.dto.js';
import { CardValidationService, type ValidationReply } from '../card-validation/card-validation.service.js';
import { CardValidationQuery, ValidateCardDto } from '../card-validation/dto/card-validation.dto.js';
import { Public } from '../common/auth/decorators.js';
import { Clock } from '../common/clock.js';
import { DomainError, notFound, validationFailed } from '../common/domain-error.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { withValidationDay } from '../common/http/validation-day.js';
import { EmployersService } from '../employers/employers.service.js';
import { UpdateEmployerDto } from '../employers/dto/employer.dto.js';
import { DirectPlacementDto, HireDto, VoidPlacementDto } from '../placements/dto/placement.dto.js';
import { HireService } from '../placements/hire.service.js';
import { PlacementsService } from '../placements/placements.service.js';
import { VoidService } from '../placements/void.service.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { CreateVacancyDto, EmployerVacancyQuery, UpdateVacancyDto } from '../vacancies/dto/vacancy.dto.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import type { VacancyView } from '../vacancies/vacancy.entity.js';
import { Ctx, ForRoles, ForVerifiedEmployer, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import {
  blankForm,
  fieldErrors,
  formBody,
  formValues,
  normaliseNik,
  validateAs,
  type FieldErrors,
  type FieldSpec,
  type FormState,
  type FormValues,
} from './http/forms.js';
import { pageOf } from './http/paging.js';
import { refusal, refusedForm } from './http/refusal.js';
import { actThenRedirect, redirect, sendPage } from './http/respond.js';
import { applicantsView } from './view-models/applications.js';
import { companyView } from './view-models/employers.js';
import { flashOf } from './view-models/flash.js';
import { ourVacanciesView, vacancyFormValues } from './view-models/vacancies.js';
import { ApplicantsPage } from './views/employer/ApplicantsPage.js';
import { CheckCardPage } from './views/employer/CheckCardPage.js';
import { CompanyPage } from './views/employer/CompanyPage.js';
import { DirectPlacementPage } from './views/employer/DirectPlacementPage.js';
import { OurVacanciesPage } from './views/employer/OurVacanciesPage.js';
import { StaffPage } from './views/employer/StaffPage.js';
import { VacancyFormPage } from './views/employer/VacancyFormPage.js';
import { VacancyOutcomePage } from './views/employer/VacancyOutcomePage.js';
import { RecordOutcomeDto } from '../placements/dto/vacancy-outcome.dto.js';
import { VacancyOutcomeService } from '../placements/vacancy-outcome.service.js';
import type { VacancyOutcomeReply } from '../placements/dto/vacancy-outcome.reply.js';
import { errorText, localizeErrors } from './i18n/errors.js';
import { employerActions } from '../employers/employer-lifecycle.js';
import { ReferenceCodes } from '../reference/reference-codes.service.js';

const VACANCY_FORM: FieldSpec[] = [
  { name: 'title' },
  { name: 'description' },
  { name: 'occupationCode', kind: 'code' },
  { name: 'educationMin' },
  { name: 'major', optional: true },
  { name: 'skills', kind: 'list' },
  { name: 'experienceYearsMin', kind: 'int', optional: true },
  { name: 'ageMin', kind: 'int', optional: true },
  { name: 'ageMax', kind: 'int', optional: true },
  { name: 'genderRequirement', optional: true },
  { name: 'employmentType' },
  { name: 'salaryMin', kind: 'money', optional: true },
  { name: 'salaryMax', kind: 'money', optional: true },
  { name: 'kecamatanCode', kind: 'kecamatan', optional: true },
  { name: 'location' },
  { name: 'quota', kind: 'int' },
  { name: 'closesAt' },
  { name: 'requiresAk1', kind: 'bool' },
];
const CHECK_FORM: FieldSpec[] = [{ name: 'cardNumber' }, { name: 'nik', kind: 'nik' }];
const HIRE_FORM: FieldSpec[] = [
  { name: 'startDate' },
  { name: 'position', optional: true },
  { name: 'placementType', optional: true },
];
const DIRECT_FORM: FieldSpec[] = [
  { name: 'cardNumber' },
  { name: 'nik', kind: 'nik' },
  { name: 'startDate' },
  { name: 'position' },
  { name: 'vacancyId', optional: true },
  { name: 'placementType', optional: true },
];
const STAFF_FORM: FieldSpec[] = [{ name: 'fullName' }, { name: 'email' }, { name: 'password' }];
/** The outcome form shows a row per position still unfilled, at most this many (a later statement adds more). */
const OUTCOME_ROWS = 5;
const HIRE_FIELDS = ['cardNumber', 'nik', 'startDate'] as const;

/**
 * The outcome form as typed: its values, and the API body with the rows that were filled in (an empty row
 * is left out). `rowOf[j]` is the form row of the body's `hires[j]`, to put the API's errors on its row;
 * a row filled in part names its empty fields before anything is sent.
 */
function outcomeForm(body: unknown, t: ConsoleContext['t']) {
  const src = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof src[k] === 'string' ? src[k] : '');
  const values: FormValues = { unfilledReason: text('unfilledReason'), note: text('note') };
  const hires: Record<string, string>[] = [];
  const rowOf: number[] = [];
  const missing: FieldErrors = {};
  for (let i = 0; i < OUTCOME_ROWS; i++) {
    const row: Record<string, string> = {};
    for (const f of HIRE_FIELDS) row[f] = values[`hires.${i}.${f}`] = text(`hires.${i}.${f}`).trim();
    if (HIRE_FIELDS.every((f) => row[f] === '')) continue;
    for (const f of HIRE_FIELDS) if (row[f] === '') missing[`hires.${i}.${f}`] = [t('form.requiredField')];
    hires.push({ ...row, nik: normaliseNik(row.nik) });
    rowOf.push(i);
  }
  const dto: Record<string, unknown> = { hires };
  if (values.unfilledReason) dto.unfilledReason = values.unfilledReason;
  if (values.note.trim()) dto.note = values.note.trim();
  return { values, dto, rowOf, missing: Object.keys(missing).length ? missing : null };
}

/** The API's field path of a hire (`hires.<j>…`) on the form's row. */
function onRow(field: string, rowOf: number[]): string {
  return field.replace(/^hires\.(\d+)/, (_, j: string) => `hires.${rowOf[Number(j)] ?? j}`);
}

const idem = (body: unknown): string | undefined => {
  const v = (body as Record<string, unknown> | undefined)?.idem;
  return typeof v === 'string' && v ? v : undefined;
};

/** Back to the applicants of the vacancy named in the form (a UUID), else to the vacancy list. */
function applicantsPath(body: unknown): string {
  const id = (body as Record<string, unknown> | undefined)?.vacancyId;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return '/perusahaan/lowongan';
  return `/perusahaan/lowongan/${id.toLowerCase()}/pelamar`;
}

/** HR staff pages: company status, vacancies, applicants and hires, card checks, staff accounts. */
@ApiExcludeController()
@Public()
@ForRoles('employer')
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('perusahaan')
export class EmployerConsoleController {
  constructor(
    private readonly employers: EmployersService,
    private readonly vacancies: VacanciesService,
    private readonly applications: ApplicationsService,
    private readonly validations: CardValidationService,
    private readonly hires: HireService,
    private readonly referrals: ReferralsService,
    private readonly clock: Clock,
    private readonly outcomes: VacancyOutcomeService,
    private readonly placements: PlacementsService,
    private readonly voids: VoidService,
    private readonly referenceCodes: ReferenceCodes,
  ) {}

  /** The KBJI unit groups the vacancy form suggests. */
  private async occupations() {
    return (await this.referenceCodes.entries('kbji')).filter((e) => e.code.length === 4);
  }

  @Get()
  async company(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const employer = await this.employers.get(c.user!, c.user!.employerId!);
    const kinds = await this.referenceCodes.entries('employer-kinds');
    sendPage(res, CompanyPage({ c, vm: companyView(employer, query, kinds) }));
  }

  /** The company's kind of employer (IPK III/8), chosen on its page. */
  @Post('jenis')
  async saveKind(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const kind = typeof req.body?.kind === 'string' ? req.body.kind : '';
    try {
      const dto = await validateAs(UpdateEmployerDto, { kind });
      await this.employers.update(c.user!, c.user!.employerId!, dto);
      redirect(res, '/perusahaan?ok=kindSaved');
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      redirect(res, `/perusahaan?err=${encodeURIComponent(err.code)}&field=kind`);
    }
  }

  @Get('lowongan')
  async ourVacancies(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const page = await this.vacancies.listMine(c.user!, Object.assign(new EmployerVacancyQuery(), pageOf(query)));
    const company = await this.employers.get(c.user!, c.user!.employerId!);
    sendPage(res, OurVacanciesPage({ c, vm: ourVacanciesView(page, this.clock.today(), query, company) }));
  }

  @Get('lowongan/baru')
  @ForVerifiedEmployer()
  async newVacancyForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    const form = blankForm({ requiresAk1: 'true', genderRequirement: 'ANY', quota: '1' });
    sendPage(res, VacancyFormPage({ c, vm: { vacancy: null, form, occupations: await this.occupations() } }));
  }

  @Post('lowongan/baru')
  @ForVerifiedEmployer()
  async createVacancy(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(VACANCY_FORM, req.body);
    const status = req.body?.status === 'DRAFT' ? 'DRAFT' : 'OPEN';
    try {
      // Inside the validation day, a past closing date is reported with the form's other errors.
      const body = { ...formBody(VACANCY_FORM, values), status };
      const dto = await withValidationDay(this.clock.today(), () => validateAs(CreateVacancyDto, body));
      const v = await this.vacancies.create(c.user!, dto);
      redirect(res, `/perusahaan/lowongan?ok=${v.status === 'DRAFT' ? 'vacancyDrafted' : 'vacancyPublished'}`);
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const vm = { vacancy: null, form: refusedForm(values, r), occupations: await this.occupations() };
      sendPage(res, VacancyFormPage({ c, vm }), r.status);
    }
  }

  @Get('lowongan/:id/ubah')
  @ForVerifiedEmployer()
  async editVacancyForm(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    const vacancy = await this.ownVacancy(c, id);
    const vm = { vacancy, form: blankForm(vacancyFormValues(vacancy)), occupations: await this.occupations() };
    sendPage(res, VacancyFormPage({ c, vm }));
  }

  @Post('lowongan/:id/ubah')
  @ForVerifiedEmployer()
  async updateVacancy(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    const values = formValues(VACANCY_FORM, req.body);
    try {
      const body = formBody(VACANCY_FORM, values, { emptyOptional: 'null' });
      const dto = await withValidationDay(this.clock.today(), () => validateAs(UpdateVacancyDto, body));
      await this.vacancies.update(c.user!, id, dto);
      redirect(res, '/perusahaan/lowongan?ok=vacancySaved');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const vm = {
        vacancy: await this.ownVacancy(c, id),
        form: refusedForm(values, r),
        occupations: await this.occupations(),
      };
      sendPage(res, VacancyFormPage({ c, vm }), r.status);
    }
  }

  @Post('lowongan/:id/terbitkan')
  @ForVerifiedEmployer()
  async publish(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    await actThenRedirect(res, '/perusahaan/lowongan', 'vacancyPublished', () => this.vacancies.publish(c.user!, id));
  }

  /** Like the API, closing needs no verification: a suspended company may still close its vacancies. */
  @Post('lowongan/:id/tutup')
  async close(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    await actThenRedirect(res, '/perusahaan/lowongan', 'vacancyClosed', () => this.vacancies.close(c.user!, id));
  }

  /** "Catat hasil lowongan": a closed vacancy's outcome, and the form while positions stay unfilled. */
  @Get('lowongan/:id/hasil')
  async outcomeForm(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    sendPage(res, await this.outcomePage(c, id, flashOf(query), null));
  }

  @Post('lowongan/:id/hasil')
  @ForVerifiedEmployer()
  async recordOutcome(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    const form = outcomeForm(req.body, c.t);
    try {
      if (form.missing) throw validationFailed([]);
      const dto = await validateAs(RecordOutcomeDto, form.dto);
      await this.outcomes.record(c.user!, id, dto, idem(req.body));
      redirect(res, `/perusahaan/lowongan/${id}/hasil?ok=outcomeSaved`);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      const refused = { values: form.values, ...this.outcomeErrors(c, err, form.rowOf, form.missing) };
      sendPage(res, await this.outcomePage(c, id, {}, refused), err.status);
    }
  }

  @Get('lowongan/:id/pelamar')
  async applicants(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    // The application list makes the API's object check (another company's vacancy → 404) first.
    const list = Object.assign(new ApplicationListQuery(), pageOf(query));
    const page = await this.applications.listForVacancy(c.user!, id, list);
    const vacancy = await this.ownVacancy(c, id);
    const referred = await this.referrals.listForVacancy(c.user!, id, { page: 1, pageSize: 100 });
    const vm = applicantsView(vacancy, page, referred, this.clock.today(), () => randomUUID(), query);
    sendPage(res, ApplicantsPage({ c, vm }));
  }

  @Post('lamaran/:id/keputusan')
  async decide(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, applicantsPath(req.body), 'decided', async () => {
      const dto = await validateAs(DecideDto, { status: req.body?.status });
      return this.applications.decide(c.user!, id, dto.status);
    });
  }

  @Post('lamaran/:id/terima')
  @ForVerifiedEmployer()
  async hire(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, applicantsPath(req.body), 'hired', async () => {
      // The hire closes the seeker's card: the form asks for an explicit confirmation first.
      if (req.body?.confirm !== 'true') {
        throw validationFailed([{ field: 'confirm', messages: ['confirm the hire'] }], 'Confirm the hire first.');
      }
      const dto = await validateAs(HireDto, formBody(HIRE_FORM, formValues(HIRE_FORM, req.body)));
      return this.hires.fromApplication(c.user!, id, dto, idem(req.body));
    });
  }

  @Get('cek-kartu')
  @ForVerifiedEmployer()
  async checkForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, await this.checkPage(c, blankForm(), null));
  }

  @Post('cek-kartu')
  @ForVerifiedEmployer()
  async check(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(CHECK_FORM, req.body);
    try {
      const dto = await validateAs(ValidateCardDto, formBody(CHECK_FORM, values));
      const reply = await this.validations.validate(c.user!, dto);
      sendPage(res, await this.checkPage(c, blankForm(), reply));
    } catch (err) {
      // HR typed only the card number and the NIK: the NIK's sentence says nothing of birth date or sex.
      const r = refusal(c.t, err, { INVALID_CARD_NUMBER: 'cardNumber' }, { values, scope: 'check' });
      if (err instanceof DomainError && err.headers) {
        for (const [k, v] of Object.entries(err.headers)) res.header(k, v);
      }
      sendPage(res, await this.checkPage(c, refusedForm(values, r), null), r.status);
    }
  }

  @Get('penempatan')
  @ForVerifiedEmployer()
  async directForm(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const vm = {
      flash: flashOf(query),
      form: blankForm({ startDate: this.clock.today() }),
      vacancies: await this.openVacancies(c),
      idem: randomUUID(),
      placements: await this.recentPlacements(c),
    };
    sendPage(res, DirectPlacementPage({ c, vm }));
  }

  @Post('penempatan')
  @ForVerifiedEmployer()
  async direct(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(DIRECT_FORM, req.body);
    try {
      const dto = await validateAs(DirectPlacementDto, formBody(DIRECT_FORM, values));
      await this.hires.direct(c.user!, dto, idem(req.body));
      redirect(res, '/perusahaan/penempatan?ok=hired');
    } catch (err) {
      const r = refusal(c.t, err, { INVALID_CARD_NUMBER: 'cardNumber' }, { values, scope: 'check' });
      const vacancies = await this.openVacancies(c);
      const placements = await this.recentPlacements(c);
      const vm = { flash: {}, form: refusedForm(values, r), vacancies, idem: randomUUID(), placements };
      sendPage(res, DirectPlacementPage({ c, vm }), r.status);
    }
  }

  /** "Batalkan penempatan" on the hire page: the company voids its own hire within 7 days (decision 78). */
  @Post('penempatan/:id/batalkan')
  @ForVerifiedEmployer()
  async voidPlacement(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    await actThenRedirect(res, '/perusahaan/penempatan', 'placementVoided', async () => {
      const dto = await validateAs(VoidPlacementDto, {
        reason: String((req.body as Record<string, unknown> | undefined)?.reason ?? ''),
      });
      return this.voids.void(c.user!, id, dto.reason, idem(req.body));
    });
  }

  /** The company's recent hires for the hire page, each with whether it may still be voided. */
  private async recentPlacements(c: ConsoleContext) {
    const recent = await this.placements.recentOfEmployer(c.user!.employerId!, 20);
    return recent.map((p) => ({ placement: p, mayVoid: this.voids.mayVoid(c.user!, p) }));
  }

  @Get('staf')
  async staffForm(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const staff = await this.employers.listStaff(c.user!);
    sendPage(res, StaffPage({ c, vm: { flash: flashOf(query), staff, form: blankForm() } }));
  }

  @Post('staf')
  async addStaff(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(STAFF_FORM, req.body);
    try {
      await this.employers.addStaff(c.user!, await validateAs(CreateStaffDto, formBody(STAFF_FORM, values)));
      redirect(res, '/perusahaan/staf?ok=staffAdded');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const staff = await this.employers.listStaff(c.user!);
      const form = refusedForm({ ...values, password: '' }, r);
      sendPage(res, StaffPage({ c, vm: { flash: {}, staff, form } }), r.status);
    }
  }

  /** The caller's own vacancy in any state; another company's is "not found", as PATCH would say. */
  private async ownVacancy(c: ConsoleContext, id: string): Promise<VacancyView> {
    const v = await this.vacancies.get(c.user, id);
    if (v.employer.id !== c.user!.employerId) throw notFound('The vacancy');
    return v;
  }

  /** The outcome page: the vacancy, what is on record, and the form (blank, or as refused). */
  private async outcomePage(
    c: ConsoleContext,
    id: string,
    flash: ReturnType<typeof flashOf>,
    refused: FormState | null,
  ) {
    const vacancy = await this.ownVacancy(c, id);
    let outcome: VacancyOutcomeReply | null = null;
    try {
      outcome = await this.outcomes.get(c.user!, id);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'NOT_FOUND') throw err;
    }
    const company = await this.employers.get(c.user!, c.user!.employerId!);
    const verified = employerActions(company).actAsVerified;
    const rows = Math.min(vacancy.remaining, OUTCOME_ROWS);
    // While positions stay unfilled: hires may be added and the reason changed; once filled, the record only.
    const mayRecord = vacancy.status === 'CLOSED' && verified && rows > 0;
    const today = this.clock.today();
    const blank: FormValues = { unfilledReason: outcome?.unfilledReason ?? '', note: outcome?.note ?? '' };
    for (let i = 0; i < rows; i++) blank[`hires.${i}.startDate`] = today;
    const form = mayRecord ? (refused ?? blankForm(blank)) : null;
    return VacancyOutcomePage({ c, vm: { flash, vacancy, outcome, form, rows, verified, idem: randomUUID() } });
  }

  /** A refused outcome: each problem on its row and field, in the visitor's language. */
  private outcomeErrors(
    c: ConsoleContext,
    err: DomainError,
    rowOf: number[],
    missing: FieldErrors | null,
  ): { errors: FieldErrors | null; problem: string | null } {
    if (missing) return { errors: missing, problem: null };
    const t = c.t;
    const validation = fieldErrors(err);
    if (validation) {
      const local = localizeErrors(t, validation) ?? {};
      return { errors: Object.fromEntries(Object.entries(local).map(([f, m]) => [onRow(f, rowOf), m])), problem: null };
    }
    const fields = ((err.details ?? []) as { field?: unknown }[])
      .map((d) => d.field)
      .filter((f): f is string => typeof f === 'string');
    if (fields.length === 0) return { errors: null, problem: errorText(t, err) };
    return { errors: Object.fromEntries(fields.map((f) => [onRow(f, rowOf), [errorText(t, err)]])), problem: null };
  }

  private async openVacancies(c: ConsoleContext): Promise<VacancyView[]> {
    const q = Object.assign(new EmployerVacancyQuery(), { status: 'OPEN', page: 1, pageSize: 100 });
    return (await this.vacancies.listMine(c.user!, q)).items;
  }

  /** "Cek kartu AK1" with the company's ten latest checks. */
  private async checkPage(c: ConsoleContext, form: FormState, reply: ValidationReply | null) {
    const recent = Object.assign(new CardValidationQuery(), { page: 1, pageSize: 10 });
    const history = (await this.validations.history(c.user!, recent)).items;
    return CheckCardPage({ c, vm: { form, reply, history } });
  }
}
