import { Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthService } from '../auth/auth.service.js';
import { CreateOfficerDto } from '../auth/dto/auth.dto.js';
import { Public } from '../common/auth/decorators.js';
import type { HttpReply, HttpRequest } from '../common/http/http.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CreateOfficeDto, UpdateOfficeDto, UpdateOfficeSettingsDto } from '../offices/dto/office.dto.js';
import { OfficeSettings } from '../offices/office-settings.service.js';
import { OfficesService } from '../offices/offices.service.js';
import { Ctx, ForRoles, type ConsoleContext } from './http/console-context.js';
import { ConsoleErrorFilter } from './http/console-error.filter.js';
import { ConsoleGuard } from './http/console.guard.js';
import { blankForm, formBody, formValues, validateAs, type FormState, type FormValues } from './http/forms.js';
import { refusal, refusedForm } from './http/refusal.js';
import { redirect, sendPage } from './http/respond.js';
import { flashOf, type FlashModel } from './view-models/flash.js';
import { officeTreeView } from './view-models/offices.js';
import { NEW_OFFICER_FIELDS, NewOfficerPage } from './views/officer/NewOfficerPage.js';
import { OfficeEditPage } from './views/officer/OfficeEditPage.js';
import {
  REQUIREMENT_CHOICES,
  requirementField,
  SETTINGS_FIELDS,
  settingsFormValues,
  OfficeSettingsPage,
} from './views/officer/OfficeSettingsPage.js';
import { OFFICE_FIELDS, OfficesPage } from './views/officer/OfficesPage.js';

const OFFICE_SPECS = OFFICE_FIELDS.map((name) => ({ name }));
const EDIT_SPECS = [{ name: 'name' }, { name: 'code', optional: true }];
const OFFICER_SPECS = NEW_OFFICER_FIELDS.map((name) => ({ name, optional: name === 'nip' }));
const SETTINGS_SPECS = SETTINGS_FIELDS.map((name) => ({ name }));

/** A part of the settings form left empty is null (the general setting applies); else the API's body. */
function settingsBody(v: FormValues): Record<string, unknown> {
  const pair = (a: string, b: string, make: (x: string, y: string) => unknown) => {
    const x = (v[a] ?? '').trim();
    const y = (v[b] ?? '').trim();
    return x === '' && y === '' ? null : make(x, y);
  };
  const days = (v['overdueRule.graceDays'] ?? '').trim();
  return {
    requiredDocuments:
      v.docMode === 'own' ? REQUIREMENT_CHOICES.filter((_, i) => v[requirementField(i)] === 'true').join(',') : null,
    signingOfficer: pair('signingOfficer.name', 'signingOfficer.nip', (name, nip) => ({ name, nip })),
    letterhead: pair('letterhead.name', 'letterhead.address', (name, address) => ({ name, address })),
    overdueRule: days === '' ? null : { graceDays: /^\d+$/.test(days) ? Number(days) : days },
  };
}

/**
 * Offices in the officers' console (issue 20, first step): the tree of the officer's office and those below
 * it, adding and renaming offices, each office's settings, and adding an officer to one of those offices.
 * Every rule is the API's (OfficesService, OfficeSettings, AuthService.createOfficer).
 */
@ApiExcludeController()
@Public()
@ForRoles('officer')
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('petugas/kantor')
export class OfficerOfficesConsoleController {
  constructor(
    private readonly offices: OfficesService,
    private readonly settings: OfficeSettings,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async tree(@Ctx() c: ConsoleContext, @Query() query: Record<string, unknown>, @Res() res: HttpReply) {
    await this.sendTree(c, res, blankForm(), flashOf(query));
  }

  @Post()
  async create(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(OFFICE_SPECS, req.body);
    try {
      const dto = await validateAs(CreateOfficeDto, formBody(OFFICE_SPECS, values));
      await this.offices.create(c.user!, dto);
      redirect(res, '/petugas/kantor?ok=officeCreated');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values, scope: 'office' });
      await this.sendTree(c, res, refusedForm(values, r), {}, r.status);
    }
  }

  @Get('petugas-baru')
  async officerForm(@Ctx() c: ConsoleContext, @Res() res: HttpReply) {
    const offices = await this.offices.managedBy(c.user!);
    sendPage(res, NewOfficerPage({ c, offices, form: blankForm({ officeId: this.offices.officeOf(c.user!) }) }));
  }

  @Post('petugas-baru')
  async createOfficer(@Ctx() c: ConsoleContext, @Req() req: HttpRequest, @Res() res: HttpReply) {
    const values = formValues(OFFICER_SPECS, req.body);
    try {
      const dto = await validateAs(CreateOfficerDto, formBody(OFFICER_SPECS, values));
      await this.auth.createOfficer(c.user!, dto);
      redirect(res, '/petugas/kantor?ok=officerCreated');
    } catch (err) {
      const r = refusal(c.t, err, { NOT_FOUND: 'officeId', FORBIDDEN: 'officeId' }, { values, scope: 'officer' });
      const offices = await this.offices.managedBy(c.user!);
      sendPage(res, NewOfficerPage({ c, offices, form: refusedForm({ ...values, password: '' }, r) }), r.status);
    }
  }

  @Get(':id/ubah')
  async editForm(@Ctx() c: ConsoleContext, @Param('id', IdPipe) id: string, @Res() res: HttpReply) {
    const office = await this.offices.get(id);
    sendPage(res, OfficeEditPage({ c, office, form: blankForm({ name: office.name, code: office.code }) }));
  }

  @Post(':id/ubah')
  async edit(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    const office = await this.offices.get(id);
    const values = formValues(EDIT_SPECS, req.body);
    try {
      const body = formBody(EDIT_SPECS, values);
      // The first office's code is REGION_CODE's: its form has no code field.
      if (!office.parentId || body.code === office.code) delete body.code;
      const dto = await validateAs(UpdateOfficeDto, body);
      await this.offices.update(c.user!, id, dto);
      redirect(res, '/petugas/kantor?ok=officeUpdated');
    } catch (err) {
      const r = refusal(c.t, err, {}, { values, scope: 'office' });
      sendPage(res, OfficeEditPage({ c, office, form: refusedForm(values, r) }), r.status);
    }
  }

  @Get(':id/pengaturan')
  async settingsForm(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: HttpReply,
  ) {
    const office = await this.offices.get(id);
    const settings = await this.settings.view(c.user!, id);
    const form = blankForm(settingsFormValues(settings));
    sendPage(res, OfficeSettingsPage({ c, office, settings, form, flash: flashOf(query) }));
  }

  @Post(':id/pengaturan')
  async saveSettings(
    @Ctx() c: ConsoleContext,
    @Param('id', IdPipe) id: string,
    @Req() req: HttpRequest,
    @Res() res: HttpReply,
  ) {
    const office = await this.offices.get(id);
    const values = formValues(SETTINGS_SPECS, req.body);
    try {
      const dto = await validateAs(UpdateOfficeSettingsDto, settingsBody(values));
      await this.settings.update(c.user!, id, dto);
      redirect(res, `/petugas/kantor/${id}/pengaturan?ok=officeSettingsSaved`);
    } catch (err) {
      const r = refusal(c.t, err, {}, { values });
      const settings = await this.settings.view(c.user!, id);
      sendPage(res, OfficeSettingsPage({ c, office, settings, form: refusedForm(values, r), flash: {} }), r.status);
    }
  }

  private async sendTree(c: ConsoleContext, res: HttpReply, form: FormState, flash: FlashModel, status = 200) {
    const own = this.offices.officeOf(c.user!);
    const vm = officeTreeView(await this.offices.subtree(own), own, flash);
    if (!form.values.level && vm.creatable.length) form.values.level = vm.creatable[vm.creatable.length - 1];
    sendPage(res, OfficesPage({ c, vm, form }), status);
  }
}
