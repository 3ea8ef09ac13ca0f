import { Controller, Get, Header, Inject, NotFoundException, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApplyDto } from '../applications/dto/application.dto.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginDto } from '../auth/dto/auth.dto.js';
import { Public } from '../common/auth/decorators.js';
import { DomainError } from '../common/domain-error.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RegisterEmployerDto } from '../employers/dto/employer.dto.js';
import { EmployersService } from '../employers/employers.service.js';
import { RegisterSeekerDto } from '../seekers/dto/seeker.dto.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { VacancySearchQuery } from '../vacancies/dto/vacancy.dto.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import type { UserView } from '../users/user.entity.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { ASSETS } from './assets/assets.js';
import { Ctx, ForRoles, safeNext, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard, cookieSecurity, LANG_COOKIE, SESSION_COOKIE } from './http/console.guard.js';
import { clearCookie, parseCookies, setCookie } from './http/cookies.js';
import { EXPERIENCE_FORM, experienceBody, experienceRows } from './http/experience.js';
import { fieldErrors, formBody, formValues, validateAs, type FieldSpec, type FormValues } from './http/forms.js';
import { redirect, sendPage, withOutcome } from './http/respond.js';
import { isLang } from './i18n/format.js';
import { PublicCardCheck } from './public-card-check.js';
import { ConsoleSessions } from './session/console-sessions.service.js';
import { errorText, localizeErrors } from './views/components.js';
import { cardCheckPage, registerCompanyPage, registerSeekerPage, searchPage, signInPage, vacancyPage } from './views/public.js';

const SEARCH_FIELDS = ['q', 'educationLevel', 'kecamatanCode', 'employmentType', 'requiresAk1', 'salaryMin', 'sort', 'page'] as const;

const COMPANY_FORM: FieldSpec[] = [
  { name: 'email' },
  { name: 'password' },
  { name: 'fullName' },
  { name: 'company.legalName' },
  { name: 'company.nib', optional: false },
  { name: 'company.npwp', optional: true },
  { name: 'company.kbli' },
  { name: 'company.address' },
  { name: 'company.kecamatanCode', optional: true },
  { name: 'company.phone' },
];

export const SEEKER_PROFILE_FORM: FieldSpec[] = [
  { name: 'phone', optional: true },
  { name: 'address' },
  { name: 'kecamatanCode', optional: true },
  { name: 'maritalStatus', optional: true },
  { name: 'educationLevel' },
  { name: 'major', optional: true },
  { name: 'graduationYear', kind: 'int', optional: true },
  { name: 'skills', kind: 'list', optional: true },
];

/** The identity and profile of `POST /seekers` (the officer's walk-in form), without the experience rows. */
export const SEEKER_IDENTITY_FORM: FieldSpec[] = [
  { name: 'nik' },
  { name: 'fullName' },
  { name: 'birthPlace' },
  { name: 'birthDate' },
  { name: 'gender' },
  ...SEEKER_PROFILE_FORM,
];

const SEEKER_FORM: FieldSpec[] = [{ name: 'email' }, { name: 'password' }, ...SEEKER_IDENTITY_FORM];

/** A body with the experience rows filled in, when there are any (the API's field is optional). */
export function withExperience(body: Record<string, unknown>, rows: FormValues): Record<string, unknown> {
  const experience = experienceBody(rows);
  return experience.length ? { ...body, experience } : body;
}

/** Conflicts the API reports as a code, shown on the field they are about. */
const CONFLICT_FIELDS: Record<string, string> = { DUPLICATE_EMAIL: 'email', DUPLICATE_NIK: 'nik', DUPLICATE_EMPLOYER: 'company.nib' };

export function homeOf(role: string | undefined): string {
  return role === 'seeker' ? '/saya/kartu' : role === 'employer' ? '/perusahaan' : role === 'officer' ? '/petugas' : '/';
}

const clientAddress = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** Pages anyone may open: vacancy search, a vacancy, sign-in, registration, the card check, assets. */
@ApiExcludeController()
@Public()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class PublicConsoleController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly vacancies: VacanciesService,
    private readonly applications: ApplicationsService,
    private readonly auth: AuthService,
    private readonly employers: EmployersService,
    private readonly seekers: SeekersService,
    private readonly sessions: ConsoleSessions,
    private readonly cardCheck: PublicCardCheck,
  ) {}

  @Get('assets/:name')
  asset(@Param('name') name: string, @Req() req: Request, @Res() res: Response) {
    const a = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!a) throw new NotFoundException();
    res.setHeader('Content-Type', a.type);
    res.setHeader('ETag', a.etag);
    // Versioned URLs (?v=hash) never change content, so browsers may keep them for a year.
    res.setHeader('Cache-Control', req.query.v ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    if (req.headers['if-none-match'] === a.etag) {
      res.status(304).end();
      return;
    }
    res.send(a.body);
  }

  @Get()
  async search(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const values: Record<string, string> = {};
    for (const k of SEARCH_FIELDS) if (typeof query[k] === 'string' && query[k] !== '') values[k] = query[k] as string;
    const plain: Record<string, unknown> = { ...values, pageSize: '20' };
    if (values.salaryMin) plain.salaryMin = values.salaryMin.replace(/^rp\.?\s*/i, '').replace(/[.\s]/g, '');
    try {
      const q = await validateAs(VacancySearchQuery, plain);
      const result = await this.vacancies.searchPublic(q);
      sendPage(res, searchPage(c, { ...values, ...(typeof query.ok === 'string' ? { ok: query.ok } : {}) }, result, null));
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) throw err;
      sendPage(res, searchPage(c, values, null, localizeErrors(c.t, errors)), 400);
    }
  }

  @Get('lowongan/:id')
  async vacancy(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const v = await this.vacancies.get(c.user, id);
    sendPage(res, vacancyPage(c, v, query));
  }

  @Post('lowongan/:id/lamar')
  @ForRoles('seeker')
  async apply(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Req() req: Request, @Res() res: Response) {
    try {
      const dto = await validateAs(ApplyDto, formBody([{ name: 'coverLetter', optional: true }], formValues([{ name: 'coverLetter' }], req.body)));
      await this.applications.apply(c.user!, id, dto);
      redirect(res, '/saya/lamaran?ok=applied');
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      redirect(res, withOutcome(`/lowongan/${id}`, { err: err.code }));
    }
  }

  @Get('masuk')
  signInForm(@Ctx() c: ConsoleContext, @Query('next') next: unknown, @Query('reason') reason: unknown, @Res() res: Response) {
    if (c.user) return redirect(res, homeOf(c.user.role));
    sendPage(res, signInPage(c, { next: safeNext(next) }, null, reason === 'signedOut' ? c.t('signin.signedOut') : undefined));
  }

  @Post('masuk')
  async signIn(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const values = formValues([{ name: 'email' }, { name: 'password' }, { name: 'next' }], req.body);
    try {
      const dto = await validateAs(LoginDto, { email: values.email, password: values.password });
      const pair = await this.auth.login(dto, clientAddress(req));
      // The console keeps its own server-side session; the API token pair is not needed, so its
      // refresh token is revoked at once rather than left valid and unused.
      await this.auth.logout(pair.refreshToken);
      await this.openSession(req, res, pair.user);
      const next = safeNext(values.next);
      redirect(res, next === '/' ? homeOf(pair.user.role) : next);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      if (err.headers) for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
      const problem = err.code === 'VALIDATION_FAILED' ? c.t('error.INVALID_CREDENTIALS') : errorText(c.t, err);
      sendPage(res, signInPage(c, { email: values.email, next: safeNext(values.next) }, problem), err.status);
    }
  }

  @Post('keluar')
  async signOut(@Req() req: Request, @Res() res: Response) {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (token) await this.sessions.end(token);
    clearCookie(res, SESSION_COOKIE, cookieSecurity(this.config));
    redirect(res, '/masuk?reason=signedOut');
  }

  @Post('bahasa')
  language(@Req() req: Request, @Res() res: Response) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const lang = isLang(body.lang) ? body.lang : 'id';
    setCookie(res, LANG_COOKIE, lang, { ...cookieSecurity(this.config), maxAgeSeconds: 365 * 86_400 });
    redirect(res, safeNext(body.next));
  }

  @Get('daftar/perusahaan')
  companyForm(@Ctx() c: ConsoleContext, @Res() res: Response) {
    sendPage(res, registerCompanyPage(c, {}, null, null));
  }

  @Post('daftar/perusahaan')
  async registerCompany(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const values = formValues(COMPANY_FORM, req.body);
    try {
      const dto = await validateAs(RegisterEmployerDto, formBody(COMPANY_FORM, values));
      await this.auth.checkRegistrationRate(clientAddress(req));
      const { user } = await this.employers.register(dto);
      await this.openSession(req, res, user);
      redirect(res, '/perusahaan?ok=companyRegistered');
    } catch (err) {
      const { errors, problem, status } = this.refusal(c, err);
      sendPage(res, registerCompanyPage(c, { ...values, password: '' }, errors, problem), status);
    }
  }

  @Get('daftar/pencari-kerja')
  seekerForm(@Ctx() c: ConsoleContext, @Res() res: Response) {
    sendPage(res, registerSeekerPage(c, {}, null, null));
  }

  @Post('daftar/pencari-kerja')
  async registerSeeker(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const experience = experienceRows(formValues(EXPERIENCE_FORM, req.body));
    const values = { ...formValues(SEEKER_FORM, req.body), ...experience };
    try {
      const dto = await validateAs(RegisterSeekerDto, withExperience(formBody(SEEKER_FORM, values), experience));
      await this.auth.checkRegistrationRate(clientAddress(req));
      const { user } = await this.seekers.register(dto);
      await this.openSession(req, res, user);
      redirect(res, '/saya/kartu?ok=seekerRegistered');
    } catch (err) {
      const { errors, problem, status } = this.refusal(c, err);
      sendPage(res, registerSeekerPage(c, { ...values, password: '' }, errors, problem), status);
    }
  }

  @Get('cek-kartu')
  @Header('Referrer-Policy', 'no-referrer')
  async checkCard(@Ctx() c: ConsoleContext, @Query('t') token: unknown, @Req() req: Request, @Res() res: Response) {
    if (typeof token !== 'string' || token.trim() === '') return sendPage(res, cardCheckPage(c, null));
    const check = await this.cardCheck.check(token.slice(0, 4096), clientAddress(req));
    sendPage(res, cardCheckPage(c, check));
  }

  /** A refused registration: field errors (conflicts too) for the form, or one sentence. */
  private refusal(c: ConsoleContext, err: unknown): { errors: Record<string, string[]> | null; problem: string | null; status: number } {
    if (!(err instanceof DomainError) || err.status >= 500) throw err;
    const errors = fieldErrors(err);
    if (errors) return { errors: localizeErrors(c.t, errors), problem: null, status: 400 };
    const onField = CONFLICT_FIELDS[err.code];
    if (onField) return { errors: { [onField]: [errorText(c.t, err)] }, problem: null, status: err.status };
    return { errors: null, problem: errorText(c.t, err), status: err.status };
  }

  private async openSession(req: Request, res: Response, user: UserView): Promise<void> {
    // A new sign-in replaces any session this browser had (no session fixation).
    const old = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (old) await this.sessions.end(old);
    const { token } = await this.sessions.start(user);
    setCookie(res, SESSION_COOKIE, token, cookieSecurity(this.config));
  }
}
