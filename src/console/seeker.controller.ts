import { Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { toString as qrSvg } from 'qrcode';
import { CardsService } from '../cards/cards.service.js';
import { CardReportDto } from '../cards/dto/card.dto.js';
import { Public } from '../common/auth/decorators.js';
import { DomainError } from '../common/domain-error.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { PageQuery } from '../common/http/pagination.js';
import { SelfReportDto } from '../placements/dto/placement.dto.js';
import { PlacementsService } from '../placements/placements.service.js';
import { UpdateSeekerDto } from '../seekers/dto/seeker.dto.js';
import type { SeekerView } from '../seekers/seeker.entity.js';
import { SeekersService } from '../seekers/seekers.service.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { CardValidationService } from '../card-validation/card-validation.service.js';
import { MatchingService } from '../matching/matching.service.js';
import { Ctx, ForRoles, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { fieldErrors, formBody, formValues, validateAs, type FieldSpec, type FormValues } from './http/forms.js';
import { actThenRedirect, redirect, sendPage } from './http/respond.js';
import { SEEKER_PROFILE_FORM } from './public.controller.js';
import { EXPERIENCE_FORM, experienceBody, experienceRows, experienceValues } from './http/experience.js';
import { errorText, localizeErrors } from './views/components.js';
import { printableCard } from './views/ak1-card.js';
import { hiredPage, myApplicationsPage, myCardPage, profilePage, recommendationsPage } from './views/seeker.js';

const SELF_REPORT_FORM: FieldSpec[] = [{ name: 'employerName' }, { name: 'startDate' }, { name: 'position', optional: true }];

/** The QR of a card: the public check page's URL with the signed credential. */
export async function cardQr(req: Request, token: string): Promise<string> {
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}/cek-kartu?t=${encodeURIComponent(token)}`;
  return qrSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

export async function pageOf(query: Record<string, unknown>): Promise<PageQuery> {
  const page = typeof query.page === 'string' && /^\d{1,6}$/.test(query.page) ? Number(query.page) : 1;
  return Object.assign(new PageQuery(), { page: Math.max(1, page), pageSize: 20 });
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
    private readonly placements: PlacementsService,
  ) {}

  @Get()
  home(@Res() res: Response) {
    redirect(res, '/saya/kartu');
  }

  @Get('kartu')
  async myCard(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, myCardPage(c, await this.cards.mine(c.user!), query));
  }

  @Post('kartu/ajukan')
  async requestCard(@Ctx() c: ConsoleContext, @Res() res: Response) {
    await actThenRedirect(res, '/saya/kartu', 'cardRequested', () => this.cards.request(c.user!));
  }

  @Post('kartu/lapor')
  async report(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    await actThenRedirect(res, '/saya/kartu', 'reported', async () => {
      const cardId = new IdPipe().transform(String(body.cardId ?? ''));
      const dto = await validateAs(CardReportDto, formBody([{ name: 'note', optional: true }], formValues([{ name: 'note' }], body)));
      return this.cards.report(c.user!, cardId, dto.note);
    });
  }

  @Get('kartu/cetak')
  async printCard(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const { current } = await this.cards.mine(c.user!);
    if (!current || current.status !== 'ACTIVE') return redirect(res, '/saya/kartu?err=CARD_NOT_ACTIVE');
    const [holder, credential] = await Promise.all([this.seekers.me(c.user!), this.validations.credential(c.user!, current.id)]);
    sendPage(res, printableCard(c, current, holder, await cardQr(req, credential.token), '/saya/kartu'));
  }

  @Get('rekomendasi')
  async recommendations(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, recommendationsPage(c, await this.matching.recommendations(c.user!, await pageOf(query)), query));
  }

  @Get('lamaran')
  async myApplications(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    sendPage(res, myApplicationsPage(c, await this.applications.listMine(c.user!, await pageOf(query)), query));
  }

  @Post('lamaran/:id/tarik')
  async withdraw(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: Response) {
    await actThenRedirect(res, '/saya/lamaran', 'withdrawn', () => this.applications.withdraw(c.user!, id));
  }

  @Get('profil')
  async profile(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const seeker = await this.seekers.me(c.user!);
    sendPage(res, profilePage(c, seeker, profileValues(seeker), null, query));
  }

  @Post('profil')
  async saveProfile(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const experience = experienceRows(formValues(EXPERIENCE_FORM, req.body));
    const values = { ...formValues(SEEKER_PROFILE_FORM, req.body), ...experience };
    try {
      // Every field is on the form, so an emptied optional field clears it (null), as PATCH allows;
      // the experience rows shown replace the list (no rows left: an empty list).
      const dto = await validateAs(UpdateSeekerDto, { ...formBody(SEEKER_PROFILE_FORM, values, { emptyOptional: 'null' }), experience: experienceBody(experience) });
      if (dto.skills === null) dto.skills = [];
      await this.seekers.updateMe(c.user!, dto);
      redirect(res, '/saya/profil?ok=profileSaved');
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) throw err;
      sendPage(res, profilePage(c, await this.seekers.me(c.user!), values, localizeErrors(c.t, errors), {}), 400);
    }
  }

  @Get('sudah-bekerja')
  hiredForm(@Ctx() c: ConsoleContext, @Res() res: Response) {
    sendPage(res, hiredPage(c, {}, null, null, randomUUID()));
  }

  @Post('sudah-bekerja')
  async hired(@Ctx() c: ConsoleContext, @Req() req: Request, @Res() res: Response) {
    const values = formValues(SELF_REPORT_FORM, req.body);
    const key = typeof req.body?.idem === 'string' ? req.body.idem : undefined;
    try {
      const dto = await validateAs(SelfReportDto, formBody(SELF_REPORT_FORM, values));
      // The form's one-time key makes a double submit (or a reload) record the hire once.
      await this.placements.selfReport(c.user!, dto, key);
      redirect(res, '/saya/kartu?ok=hiredReported');
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      const errors = localizeErrors(c.t, fieldErrors(err));
      sendPage(res, hiredPage(c, values, errors, errors ? null : errorText(c.t, err), randomUUID()), err.status);
    }
  }
}
