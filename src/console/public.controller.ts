import { AnonymousPages } from './http/anonymous-pages.js';
import { ReferenceCodes } from '../reference/reference-codes.service.js';
import { seekerPickers } from './http/pickers.js';
import { InboxService } from '../notifications/inbox.service.js';
import { Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { BROWSER_CACHE } from '../common/http/http-caching.js';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HttpRequest, HttpReply } from '../common/http/http.js';
import { ApplyDto } from '../applications/dto/application.dto.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginDto } from '../auth/dto/auth.dto.js';
import { KNOWN_DEVICE_TTL_SECONDS } from '../auth/known-devices.js';
import { Public } from '../common/auth/decorators.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RegisterEmployerDto } from '../employers/dto/employer.dto.js';
import { EmployersService } from '../employers/employers.service.js';
import { RegisterSeekerDto } from '../seekers/dto/seeker.dto.js';
import { ClaimCodes } from '../seekers/claim-codes.js';
import { ClaimSeekerDto } from '../seekers/dto/claim.dto.js';
import { SeekersService } from '../seekers/seekers.service.js';
import type { UserView } from '../users/user.entity.js';
import { VacancySearchQuery } from '../vacancies/dto/vacancy.dto.js';
import { VacancySearch } from '../search/vacancy-search.js';
import { VacanciesService } from '../vacancies/vacancies.service.js';
import { Ctx, ForRoles, safeNext, type ConsoleContext, type ConsoleRequest } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard, cookieSecurity, CSRF_COOKIE, LANG_COOKIE, SESSION_COOKIE } from './http/console.guard.js';
import { clearCookie, parseCookies, setCookie } from './http/cookies.js';
import { EXPERIENCE_FORM, experienceRows } from './http/experience.js';
import { blankForm, fieldErrors, formBody, formValues, parseRupiah, validateAs, type FieldSpec } from './http/forms.js';
import { refusal, refusedForm } from './http/refusal.js';
import { redirect, sendPage, withOutcome } from './http/respond.js';
import { SEEKER_IDENTITY_FORM, withExperience } from './http/seeker-forms.js';
import { errorText, localizeErrors } from './i18n/errors.js';
import { isLang, type Lang } from './i18n/format.js';
import { MyApplications } from './my-application.js';
import { PublicCardCheck } from './public-card-check.js';
import { ConsoleForms } from './forms/console-forms.service.js';
import { openSession } from './http/session-cookie.js';
import { ConsoleSessions } from './session/console-sessions.service.js';
import { ConsoleCsrf } from './session/csrf.js';
import { flashOf } from './view-models/flash.js';
import { vacancyPageView } from './view-models/vacancies.js';
import { CardCheckPage } from './views/public/CardCheckPage.js';
import { ClaimPage } from './views/public/ClaimPage.js';
import { RegisterCompanyPage } from './views/public/RegisterCompanyPage.js';
import { RegisterSeekerPage } from './views/public/RegisterSeekerPage.js';
import { SearchPage } from './views/public/SearchPage.js';
import { SignInPage } from './views/public/SignInPage.js';
import { VacancyPage } from './views/public/VacancyPage.js';

const SEARCH_FIELDS = [
  'q',
  'educationLevel',
  'kecamatanCode',
  'employmentType',
  'requiresAk1',
  'salaryMin',
  'sort',
  'page',
] as const;

const COMPANY_FORM: FieldSpec[] = [
  { name: 'email' },
  { name: 'password' },
  { name: 'fullName' },
  { name: 'company.legalName' },
  { name: 'company.nib', optional: false },
  { name: 'company.npwp', optional: true },
  { name: 'company.kbli' },
  { name: 'company.kind', optional: true },
  { name: 'company.address' },
  { name: 'company.kecamatanCode', kind: 'kecamatan', optional: true },
  { name: 'company.phone', kind: 'phone' },
];

const CLAIM_FORM: FieldSpec[] = [
  { name: 'claimCode' },
  { name: 'nik', kind: 'nik' },
  { name: 'email' },
  { name: 'password' },
];

const SEEKER_FORM: FieldSpec[] = [{ name: 'email' }, { name: 'password' }, ...SEEKER_IDENTITY_FORM];

export function homeOf(role: string | undefined): string {
  if (role === 'seeker') return '/saya/kartu';
  if (role === 'employer') return '/perusahaan';
  if (role === 'officer') return '/petugas';
  return '/';
}

/** The credential in what a person pasted: the `t` of a card check link, or the code itself. */
function credentialOf(text: string): string {
  const trimmed = text.trim();
  const m = /[?&][tc]=([^&#\s]+)/.exec(trimmed);
  if (!m) return trimmed;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

const clientAddress = (req: HttpRequest) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * The known-device cookie (OWASP's device cookie): the `deviceToken` of this browser's last sign-in, sent
 * with the next one so that strangers failing on the email cannot lock its owner out of the console.
 */
export const DEVICE_COOKIE = 'ak1_device';

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
    private readonly vacancySearch: VacancySearch,
    private readonly applications: ApplicationsService,
    private readonly auth: AuthService,
    private readonly employers: EmployersService,
    private readonly seekers: SeekersService,
    private readonly sessions: ConsoleSessions,
    private readonly cardCheck: PublicCardCheck,
    private readonly clock: Clock,
    private readonly forms: ConsoleForms,
    private readonly csrf: ConsoleCsrf,
    private readonly myApplications: MyApplications,
    private readonly claimCodes: ClaimCodes,
    private readonly inbox: InboxService,
    private readonly referenceCodes: ReferenceCodes,
    private readonly pages: AnonymousPages,
  ) {}

  @RouteConfig(BROWSER_CACHE)
  @Get()
  async search(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    const values: Record<string, string> = {};
    for (const k of SEARCH_FIELDS) if (typeof query[k] === 'string' && query[k] !== '') values[k] = query[k] as string;
    const plain: Record<string, unknown> = { ...values, pageSize: '20' };
    if (values.salaryMin) plain.salaryMin = String(parseRupiah(values.salaryMin) ?? values.salaryMin);
    try {
      const result = await this.vacancySearch.search(await validateAs(VacancySearchQuery, plain));
      const shown = { ...values, ...(typeof query.ok === 'string' ? { ok: query.ok } : {}) };
      const vm = { query: shown, flash: flashOf({ ok: query.ok }), result, errors: null };
      const page = JSON.stringify(['search', c.lang, c.origin, c.path, c.office, this.clock.today()]);
      sendPage(
        res,
        this.pages.render(c, page, JSON.stringify(vm), (cc) => SearchPage({ c: cc, vm })),
      );
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) throw err;
      const vm = { query: values, flash: {}, result: null, errors: localizeErrors(c.t, errors) };
      sendPage(res, SearchPage({ c, vm }), 400);
    }
  }

  @RouteConfig(BROWSER_CACHE)
  @Get('lowongan/:id')
  async vacancy(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const v = await this.vacancies.get(c.user, id);
    const seeker = { applied: await this.myApplications.forVacancy(c.user, id), placed: c.seekerPlaced };
    const vm = vacancyPageView(v, c.user, this.clock.today(), query, seeker);
    const page = JSON.stringify(['vacancy', c.lang, c.origin, c.path, c.office, this.clock.today()]);
    sendPage(
      res,
      this.pages.render(c, page, JSON.stringify(vm), (cc) => VacancyPage({ c: cc, vm })),
    );
  }

  @Post('lowongan/:id/lamar')
  @ForRoles('seeker')
  async apply(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    try {
      const letter = formValues([{ name: 'coverLetter' }], req.body);
      // Consent to share contact details is given only by ticking the box (absent: not given).
      const shareContact = (req.body as Record<string, unknown> | undefined)?.shareContact === 'true';
      const body = { ...formBody([{ name: 'coverLetter', optional: true }], letter), shareContact };
      const dto = await validateAs(ApplyDto, body);
      await this.applications.apply(c.user!, id, dto);
      redirect(res, '/saya/lamaran?ok=applied');
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      redirect(res, withOutcome(`/lowongan/${id}`, { err: err.code }));
    }
  }

  @Get('masuk')
  signInForm(
    @Ctx() c: ConsoleContext,
    @Query('next') next: unknown,
    @Query('reason') reason: unknown,
    @Res() res: HttpReply,
  ) {
    if (c.user) return redirect(res, homeOf(c.user.role));
    const vm = {
      form: blankForm({ next: safeNext(next) }),
      signedOut: reason === 'signedOut',
      passwordReset: reason === 'passwordReset',
    };
    sendPage(res, SignInPage({ c, vm }));
  }

  @Post('masuk')
  async signIn(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues([{ name: 'email' }, { name: 'password' }, { name: 'next' }], req.body);
    try {
      // This browser's known-device token, if it has one. An over-long cookie is not passed on (it would
      // fail validation and block the sign-in); unknown or foreign tokens are ignored by the service.
      const device = parseCookies(req.headers.cookie)[DEVICE_COOKIE];
      const deviceToken = device && device.length <= 256 ? { deviceToken: device } : {};
      const dto = await validateAs(LoginDto, { email: values.email, password: values.password, ...deviceToken });
      const pair = await this.auth.login(dto, clientAddress(req));
      // The console keeps its own server-side session; the API token pair is not needed, so its
      // refresh token is revoked at once rather than left valid and unused.
      await this.auth.logout(pair.refreshToken);
      await this.openSession(req, res, pair.user);
      // Only the sign-in form reads it, so it is sent nowhere else; Secure also when this request
      // came over https.
      setCookie(res, DEVICE_COOKIE, pair.deviceToken, {
        secure: cookieSecurity(this.config).secure || req.protocol === 'https',
        maxAgeSeconds: KNOWN_DEVICE_TTL_SECONDS,
        path: '/masuk',
      });
      const next = safeNext(values.next);
      redirect(res, next === '/' ? homeOf(pair.user.role) : next);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      if (err.headers) for (const [k, v] of Object.entries(err.headers)) res.header(k, v);
      // Fields left empty are named ("Email wajib diisi"); anything else is the one sentence of a refusal.
      const empty = ['email', 'password'].filter((k) => (values[k] ?? '').trim() === '');
      const errors = empty.length ? Object.fromEntries(empty.map((k) => [k, [c.t('form.requiredField')]])) : null;
      const problem = errors
        ? null
        : err.code === 'VALIDATION_FAILED'
          ? c.t('error.INVALID_CREDENTIALS')
          : errorText(c.t, err);
      const form = { values: { email: values.email, next: safeNext(values.next) }, errors, problem };
      sendPage(res, SignInPage({ c, vm: { form, signedOut: false } }), err.status);
    }
  }

  @Post('keluar')
  async signOut(@Req() req: HttpRequest, @Res() res: HttpReply) {
    const cookies = parseCookies(req.headers.cookie);
    if (cookies[SESSION_COOKIE]) await this.sessions.end(cookies[SESSION_COOKIE]);
    clearCookie(res, SESSION_COOKIE, cookieSecurity(this.config));
    // Forms of this sign-in are forgotten and the browser gets a new CSRF seed: a form sent before
    // (the registration form, found with the back button) can no longer sign anyone in again.
    if (cookies[CSRF_COOKIE]) await this.forms.forget(cookies[CSRF_COOKIE]);
    setCookie(res, CSRF_COOKIE, this.csrf.newSeed(), cookieSecurity(this.config));
    redirect(res, '/masuk?reason=signedOut');
  }

  /**
   * The anonymous reader's language switch (a link, so the pages it is on hold no form token: decision 131).
   * It only sets the language cookie: a signed-in user's messages change language through the form below.
   */
  @Get('bahasa')
  languageLink(@Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    this.rememberLanguage(res, query.lang);
    redirect(res, safeNext(query.next));
  }

  @Post('bahasa')
  async language(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const lang = this.rememberLanguage(res, body.lang);
    // Signed in, the messages sent by email and WhatsApp follow the language chosen here.
    if (c.user) await this.inbox.setLanguage(c.user.id, lang);
    redirect(res, safeNext(body.next));
  }

  /** The language asked for (Indonesian for anything else), kept in this browser's cookie for a year. */
  private rememberLanguage(res: HttpReply, asked: unknown): Lang {
    const lang = isLang(asked) ? asked : 'id';
    setCookie(res, LANG_COOKIE, lang, { ...cookieSecurity(this.config), maxAgeSeconds: 365 * 86_400 });
    return lang;
  }

  @Get('daftar/perusahaan')
  async companyForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    const kinds = await this.referenceCodes.entries('employer-kinds');
    sendPage(res, RegisterCompanyPage({ c, form: blankForm({ 'company.kind': 'SWASTA' }), kinds }));
  }

  @Post('daftar/perusahaan')
  async registerCompany(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(COMPANY_FORM, req.body);
    try {
      const dto = await validateAs(RegisterEmployerDto, formBody(COMPANY_FORM, values));
      await this.auth.checkRegistrationRate(clientAddress(req));
      const { user } = await this.employers.register(dto);
      await this.openSession(req, res, user);
      redirect(res, '/perusahaan?ok=companyRegistered');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const form = refusedForm({ ...values, password: '' }, r);
      const kinds = await this.referenceCodes.entries('employer-kinds');
      sendPage(res, RegisterCompanyPage({ c, form, kinds }), r.status);
    }
  }

  @Get('daftar/pencari-kerja')
  async seekerForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, RegisterSeekerPage({ c, form: blankForm(), pickers: await seekerPickers(this.referenceCodes) }));
  }

  @Post('daftar/pencari-kerja')
  async registerSeeker(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const experience = experienceRows(formValues(EXPERIENCE_FORM, req.body));
    const values = { ...formValues(SEEKER_FORM, req.body), ...experience };
    try {
      const dto = await validateAs(RegisterSeekerDto, withExperience(formBody(SEEKER_FORM, values), experience));
      await this.auth.checkRegistrationRate(clientAddress(req));
      const { user } = await this.seekers.register(dto);
      await this.openSession(req, res, user);
      redirect(res, '/saya/kartu?ok=seekerRegistered');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const form = refusedForm({ ...values, password: '' }, r);
      sendPage(res, RegisterSeekerPage({ c, form, pickers: await seekerPickers(this.referenceCodes) }), r.status);
    }
  }

  @Get('daftar/klaim')
  claimForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    sendPage(res, ClaimPage({ c, form: blankForm() }));
  }

  /** A walk-in job seeker attaches a login to their record with the officer's claim code (the API's claim). */
  @Post('daftar/klaim')
  async claim(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(CLAIM_FORM, req.body);
    try {
      const dto = await validateAs(ClaimSeekerDto, formBody(CLAIM_FORM, values));
      await this.auth.checkRegistrationRate(clientAddress(req));
      const { user } = await this.claimCodes.claim(dto, clientAddress(req));
      await this.openSession(req, res, user);
      redirect(res, '/saya/kartu?ok=seekerClaimed');
    } catch (err) {
      if (err instanceof DomainError && err.headers) for (const [k, v] of Object.entries(err.headers)) res.header(k, v);
      const r = refusal(c.t, err, { INVALID_CLAIM_CODE: 'claimCode' }, { values, scope: 'claim' });
      sendPage(res, ClaimPage({ c, form: refusedForm({ ...values, password: '' }, r) }), r.status);
    }
  }

  @Get('cek-kartu')
  @Header('Referrer-Policy', 'no-referrer')
  async checkCard(
    @Ctx() c: ConsoleContext,
    @Query('t') jws: unknown,
    @Query('c') code: unknown,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    // `c`: the compact credential of the printed QR (decision 56); `t`: a JWS, as QR codes printed before it carry.
    const token = typeof code === 'string' && code.trim() !== '' ? code : jws;
    if (typeof token !== 'string' || token.trim() === '') return sendPage(res, CardCheckPage({ c, check: null }));
    // The form on the page takes the QR's text as a scanner app shows it: the whole link, or its code.
    const check = await this.cardCheck.check(credentialOf(token.slice(0, 4096)), clientAddress(req));
    sendPage(res, CardCheckPage({ c, check }));
  }

  private async openSession(req: HttpRequest, res: HttpReply, user: UserView): Promise<void> {
    // A new sign-in replaces any session this browser had (no session fixation); a replay of this
    // form signs the browser in again (ConsoleForms).
    await openSession(this.sessions, this.config, req as ConsoleRequest, res, user);
  }
}
