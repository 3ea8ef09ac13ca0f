import { Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ApplicationListQuery, DecideDto } from '../applications/dto/application.dto.js';
import { CreateStaffDto } from '../auth/dto/auth.dto.js';
import type { ValidationReply } from '../card-validation/card-validation.service.js';
import { CardValidationQuery, ValidateCardDto } from '../card-validation/dto/card-validation.dto.js';
import { Clock } from '../common/clock.js';
import { Public } from '../common/auth/decorators.js';
import { DomainError, notFound, validationFailed } from '../common/domain-error.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { EmployersService } from '../employers/employers.service.js';
import { DirectPlacementDto, HireDto } from '../placements/dto/placement.dto.js';
import { PlacementsService } from '../placements/placements.service.js';
import { CreateVacancyDto, EmployerVacancyQuery, UpdateVacancyDto } from '../vacancies/dto/vacancy.dto.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import type { VacancyView } from '../vacancies/vacancy.entity.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { CardValidationService } from '../card-validation/card-validation.service.js';
import { Ctx, ForRoles, ForVerifiedEmployer, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { fieldErrors, formBody, formValues, validateAs, type FieldSpec, type FormValues } from './http/forms.js';
import { actThenRedirect, redirect, sendPage } from './http/respond.js';
import { pageOf } from './seeker.controller.js';
import { errorText, localizeErrors } from './views/components.js';
import {
  applicantsPage,
  checkCardPage,
  companyPage,
  directPlacementPage,
  ourVacanciesPage,
  staffPage,
  vacancyFormPage,
  vacancyValues,
} from './views/employer.js';

const VACANCY_FORM: FieldSpec[] = [
  { name: 'title' },
  { name: 'description' },
  { name: 'occupationCode', optional: true },
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
  { name: 'kecamatanCode', optional: true },
  { name: 'location' },
  { name: 'quota', kind: 'int' },
  { name: 'closesAt' },
  { name: 'requiresAk1', kind: 'bool' },
];
const CHECK_FORM: FieldSpec[] = [{ name: 'cardNumber' }, { name: 'nik' }];
const HIRE_FORM: FieldSpec[] = [{ name: 'startDate' }, { name: 'position', optional: true }];
const DIRECT_FORM: FieldSpec[] = [{ name: 'cardNumber' }, { name: 'nik' }, { name: 'startDate' }, { name: 'position' }, { name: 'vacancyId', optional: true }];
const STAFF_FORM: FieldSpec[] = [{ name: 'fullName' }, { name: 'email' }, { name: 'password' }];

const idem = (body: unknown): string | undefined => {
  const v = (body as Record<string, unknown> | undefined)?.idem;
  return typeof v === 'string' && v ? v : undefined;
};

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
    private readonly placements: PlacementsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async company(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, companyPage(c, await this.employers.get(c.user!, c.user!.employerId!), query));
  }

  @Get('lowongan')
  async ourVacancies(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const q = Object.assign(new EmployerVacancyQuery(), await pageOf(query));
    sendPage(res, ourVacanciesPage(c, await this.vacancies.listMine(c.user!, q), query));
  }

  @Get('lowongan/baru')
  @ForVerifiedEmployer()
  newVacancyForm(@Ctx() c: ConsoleContext, @Res() res: Response) {
    sendPage(res, vacancyFormPage(c, { kind: 'new' }, { requiresAk1: 'true', genderRequirement: 'ANY', quota: '1' }, null, null));
  }

  @Post('lowongan/baru')
  @ForVerifiedEmployer()
  async createVacancy(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const values = formValues(VACANCY_FORM, req.body);
    const status = req.body?.status === 'DRAFT' ? 'DRAFT' : 'OPEN';
    try {
      const dto = await validateAs(CreateVacancyDto, { ...formBody(VACANCY_FORM, values), status });
      const v = await this.vacancies.create(c.user!, dto);
      redirect(res, `/perusahaan/lowongan?ok=${v.status === 'DRAFT' ? 'vacancyDrafted' : 'vacancyPublished'}`);
    } catch (err) {
      const { errors, problem, status: code } = refusal(c, err);
      sendPage(res, vacancyFormPage(c, { kind: 'new' }, values, errors, problem), code);
    }
  }

  @Get('lowongan/:id/ubah')
  @ForVerifiedEmployer()
  async editVacancyForm(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: Response) {
    const v = await this.ownVacancy(c, id);
    sendPage(res, vacancyFormPage(c, { kind: 'edit', vacancy: v }, vacancyValues(v), null, null));
  }

  @Post('lowongan/:id/ubah')
  @ForVerifiedEmployer()
  async updateVacancy(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    const values = formValues(VACANCY_FORM, req.body);
    try {
      const dto = await validateAs(UpdateVacancyDto, formBody(VACANCY_FORM, values, { emptyOptional: 'null' }));
      await this.vacancies.update(c.user!, id, dto);
      redirect(res, '/perusahaan/lowongan?ok=vacancySaved');
    } catch (err) {
      const { errors, problem, status } = refusal(c, err);
      sendPage(res, vacancyFormPage(c, { kind: 'edit', vacancy: await this.ownVacancy(c, id) }, values, errors, problem), status);
    }
  }

  @Post('lowongan/:id/terbitkan')
  @ForVerifiedEmployer()
  async publish(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: Response) {
    await actThenRedirect(res, '/perusahaan/lowongan', 'vacancyPublished', () => this.vacancies.publish(c.user!, id));
  }

  /** Like the API, closing needs no verification: a suspended company may still close its vacancies. */
  @Post('lowongan/:id/tutup')
  async close(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: Response) {
    await actThenRedirect(res, '/perusahaan/lowongan', 'vacancyClosed', () => this.vacancies.close(c.user!, id));
  }

  @Get('lowongan/:id/pelamar')
  async applicants(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    // The application list makes the API's object check (another company's vacancy → 404) first.
    const q = Object.assign(new ApplicationListQuery(), await pageOf(query));
    const page = await this.applications.listForVacancy(c.user!, id, q);
    const v = await this.ownVacancy(c, id);
    sendPage(res, applicantsPage(c, v, page, query, this.clock.today(), () => randomUUID()));
  }

  @Post('lamaran/:id/keputusan')
  async decide(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    const back = applicantsPath(req.body);
    await actThenRedirect(res, back, 'decided', async () => {
      const dto = await validateAs(DecideDto, { status: req.body?.status });
      return this.applications.decide(c.user!, id, dto.status);
    });
  }

  @Post('lamaran/:id/terima')
  @ForVerifiedEmployer()
  async hire(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    const back = applicantsPath(req.body);
    await actThenRedirect(res, back, 'hired', async () => {
      // The hire closes the seeker's card: the form asks for an explicit confirmation first.
      if (req.body?.confirm !== 'true') throw validationFailed([{ field: 'confirm', messages: ['confirm the hire'] }], 'Confirm the hire first.');
      const dto = await validateAs(HireDto, formBody(HIRE_FORM, formValues(HIRE_FORM, req.body)));
      return this.applications.hire(c.user!, id, dto, idem(req.body));
    });
  }

  @Get('cek-kartu')
  @ForVerifiedEmployer()
  async checkForm(@Ctx() c: ConsoleContext, @Res() res: Response) {
    sendPage(res, checkCardPage(c, {}, null, null, null, await this.recentChecks(c)));
  }

  @Post('cek-kartu')
  @ForVerifiedEmployer()
  async check(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const values = formValues(CHECK_FORM, req.body);
    let reply: ValidationReply | null = null;
    let errors: Record<string, string[]> | null = null;
    let problem: string | null = null;
    let status = 200;
    try {
      reply = await this.validations.validate(c.user!, await validateAs(ValidateCardDto, formBody(CHECK_FORM, values)));
    } catch (err) {
      ({ errors, problem, status } = refusal(c, err));
      if (err instanceof DomainError && err.code === 'INVALID_CARD_NUMBER') ({ errors, problem } = { errors: { cardNumber: [errorText(c.t, err)] }, problem: null });
      if (err instanceof DomainError && err.headers) for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
    }
    sendPage(res, checkCardPage(c, reply ? {} : values, errors, problem, reply, await this.recentChecks(c)), status);
  }

  @Get('penempatan')
  @ForVerifiedEmployer()
  async directForm(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, directPlacementPage(c, { startDate: this.clock.today() }, null, null, await this.openVacancies(c), randomUUID(), query));
  }

  @Post('penempatan')
  @ForVerifiedEmployer()
  async direct(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const values = formValues(DIRECT_FORM, req.body);
    try {
      const dto = await validateAs(DirectPlacementDto, formBody(DIRECT_FORM, values));
      await this.placements.direct(c.user!, dto, idem(req.body));
      redirect(res, '/perusahaan/penempatan?ok=hired');
    } catch (err) {
      const { errors, problem, status } = refusal(c, err);
      sendPage(res, directPlacementPage(c, values, errors, problem, await this.openVacancies(c), randomUUID(), {}), status);
    }
  }

  @Get('staf')
  async staffForm(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, staffPage(c, await this.employers.listStaff(c.user!), {}, null, null, query));
  }

  @Post('staf')
  async addStaff(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const values: FormValues = formValues(STAFF_FORM, req.body);
    try {
      await this.employers.addStaff(c.user!, await validateAs(CreateStaffDto, formBody(STAFF_FORM, values)));
      redirect(res, '/perusahaan/staf?ok=staffAdded');
    } catch (err) {
      const { errors, problem, status } = refusal(c, err);
      sendPage(res, staffPage(c, await this.employers.listStaff(c.user!), { ...values, password: '' }, errors, problem, {}), status);
    }
  }

  /** The caller's own vacancy in any state; another company's is "not found", as PATCH would say. */
  private async ownVacancy(c: ConsoleContext, id: string): Promise<VacancyView> {
    const v = await this.vacancies.get(c.user, id);
    if (v.employer.id !== c.user!.employerId) throw notFound('The vacancy');
    return v;
  }

  private async openVacancies(c: ConsoleContext): Promise<VacancyView[]> {
    const q = Object.assign(new EmployerVacancyQuery(), { status: 'OPEN', page: 1, pageSize: 100 });
    return (await this.vacancies.listMine(c.user!, q)).items;
  }

  private recentChecks(c: ConsoleContext) {
    return this.validations.history(c.user!, Object.assign(new CardValidationQuery(), { page: 1, pageSize: 10 }));
  }
}

/** Back to the applicants of the vacancy named in the form (a UUID), else to the vacancy list. */
function applicantsPath(body: unknown): string {
  const id = (body as Record<string, unknown> | undefined)?.vacancyId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? `/perusahaan/lowongan/${id.toLowerCase()}/pelamar` : '/perusahaan/lowongan';
}

/** Conflicts the API reports as a code, shown on the field they are about. */
const CONFLICT_FIELDS: Record<string, string> = { DUPLICATE_EMAIL: 'email', DUPLICATE_NIK: 'nik' };

/** A refused form: field errors (duplicates on their field) or one sentence, with the API's status. */
export function refusal(c: ConsoleContext, err: unknown): { errors: Record<string, string[]> | null; problem: string | null; status: number } {
  if (!(err instanceof DomainError) || err.status >= 500) throw err;
  const errors = fieldErrors(err);
  if (errors) return { errors: localizeErrors(c.t, errors), problem: null, status: 400 };
  const onField = CONFLICT_FIELDS[err.code];
  if (onField) return { errors: { [onField]: [errorText(c.t, err)] }, problem: null, status: err.status };
  return { errors: null, problem: errorText(c.t, err), status: err.status };
}

