import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles, VerifiedEmployer } from '../common/auth/decorators.js';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { HireDto } from '../placements/dto/placement.dto.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationListQuery, ApplyDto, DecideDto } from './dto/application.dto.js';


@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('vacancies/:id/applications')
  @Roles('seeker')
  @ApiOperation({ summary: 'Apply to an open vacancy' })
  apply(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: ApplyDto) {
    return this.applications.apply(user, id, dto);
  }

  @Get('seekers/me/applications')
  @CsvExport()
  @Roles('seeker')
  @ApiOperation({ summary: 'My applications and their status' })
  mine(@CurrentUser() user: AuthUser, @Query() q: ApplicationListQuery) {
    return this.applications.listMine(user, q);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('seeker')
  @ApiOperation({ summary: 'Withdraw my undecided application' })
  withdraw(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.applications.withdraw(user, id);
  }

  @Get('vacancies/:id/applications')
  @CsvExport()
  @Roles('employer', 'officer')
  @ApiOperation({ summary: "A vacancy's applicants with their card status now (its employer, officers)" })
  forVacancy(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Query() q: ApplicationListQuery) {
    return this.applications.listForVacancy(user, id, q);
  }

  @Patch('applications/:id')
  @Roles('employer')
  @ApiOperation({ summary: 'Shortlist or reject an application' })
  decide(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: DecideDto) {
    return this.applications.decide(user, id, dto.status);
  }

  @Post('applications/:id/hire')
  @VerifiedEmployer()
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: "Record the hire: the seeker's card is placed, other applications close, the vacancy fills at quota" })
  hire(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: HireDto, @Headers('idempotency-key') key?: string) {
    return this.applications.hire(user, id, dto, key);
  }
}
