import { CsvExport } from '../common/http/csv.interceptor.js';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { ApiError } from '../common/http/api-responses.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { PageQuery } from '../common/http/pagination.js';
import { CreateOfficeDto, UpdateOfficeDto, UpdateOfficeSettingsDto } from './dto/office.dto.js';
import { OfficePage, OfficeReply, OfficeSettingsReply } from './dto/office.reply.js';
import { OfficeSettings } from './office-settings.service.js';
import { OfficesService } from './offices.service.js';

@ApiTags('offices')
@Controller('offices')
export class OfficesController {
  constructor(
    private readonly offices: OfficesService,
    private readonly settings: OfficeSettings,
  ) {}

  @Get()
  @Public()
  @CsvExport()
  @ApiOperation({ summary: 'The offices of this deployment (city/regency, province, national), by code' })
  @ApiOkResponse({ type: OfficePage })
  list(@Query() q: PageQuery) {
    return this.offices.list(q);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An office' })
  @ApiOkResponse({ type: OfficeReply })
  @ApiError(404, 'NOT_FOUND: no such office')
  get(@Param('id', IdPipe) id: string) {
    return this.offices.get(id);
  }

  @Post()
  @Roles('officer')
  @ApiOperation({
    summary: 'Create a province under the national office, or a city/regency under a province (officers above it)',
    description:
      'A province officer creates cities and regencies under its own office (codes starting with its 2 digits); ' +
      'the national office creates provinces and the cities under them. A city officer is refused (403).',
  })
  @ApiCreatedResponse({ type: OfficeReply })
  @ApiError(400, 'VALIDATION_FAILED: the code does not fit the level, or the parent is not one level up')
  @ApiError(403, 'FORBIDDEN: a city officer, or a parent outside your part of the tree')
  @ApiError(409, 'OFFICE_EXISTS: an office with this code exists')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateOfficeDto) {
    return this.offices.create(user, dto);
  }

  @Patch(':id')
  @Roles('officer')
  @ApiOperation({
    summary: "Change an office's name, code, level or parent (officers above it; the first office: its name)",
  })
  @ApiOkResponse({ type: OfficeReply })
  @ApiError(400, 'VALIDATION_FAILED: the result does not fit the rules of creation')
  @ApiError(403, 'FORBIDDEN: not an officer of an office above it')
  @ApiError(404, 'NOT_FOUND: no such office')
  @ApiError(409, 'OFFICE_EXISTS: an office with this code exists')
  update(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: UpdateOfficeDto) {
    return this.offices.update(user, id, dto);
  }

  @Get(':id/settings')
  @Roles('officer')
  @ApiOperation({ summary: "An office's own settings and those in force (its own, else the deployment's)" })
  @ApiOkResponse({ type: OfficeSettingsReply })
  @ApiError(404, "NOT_FOUND: no such office, or one beside the caller's (neither its own, above nor below it)")
  getSettings(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.settings.view(user, id);
  }

  @Patch(':id/settings')
  @Roles('officer')
  @ApiOperation({
    summary: "Set an office's required documents, signing officer, letterhead or overdue rule (null: unset)",
    description: 'Officers of the office or of an office above it. Other instances see the change within 30 s.',
  })
  @ApiOkResponse({ type: OfficeSettingsReply })
  @ApiError(400, 'VALIDATION_FAILED: an unknown document type, a NIP that is not 18 digits, …')
  @ApiError(403, 'FORBIDDEN: not an officer of this office or of one above it')
  @ApiError(404, 'NOT_FOUND: no such office')
  updateSettings(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: UpdateOfficeSettingsDto) {
    return this.settings.update(user, id, dto);
  }
}
