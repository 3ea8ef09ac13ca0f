import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles, VerifiedEmployer } from '../common/auth/decorators.js';
import { AcceptsIdempotencyKey } from '../idempotency/idempotency-key.decorator.js';
import { DirectPlacementDto, PlacementListQuery, SelfReportDto } from './dto/placement.dto.js';
import { PlacementsService } from './placements.service.js';


@ApiTags('placements')
@Controller()
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Post('placements')
  @VerifiedEmployer()
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Record the hire of an AK1 holder by card number and NIK' })
  direct(@CurrentUser() user: AuthUser, @Body() dto: DirectPlacementDto, @Headers('idempotency-key') key?: string) {
    return this.placements.direct(user, dto, key);
  }

  @Post('seekers/me/placement')
  @Roles('seeker')
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Report my own hire ("Saya sudah bekerja")' })
  selfReport(@CurrentUser() user: AuthUser, @Body() dto: SelfReportDto, @Headers('idempotency-key') key?: string) {
    return this.placements.selfReport(user, dto, key);
  }

  @Get('placements')
  @CsvExport()
  @Roles('officer', 'employer')
  @ApiOperation({ summary: 'Recorded hires (officer: all; employer: its own)' })
  list(@CurrentUser() user: AuthUser, @Query() q: PlacementListQuery) {
    return this.placements.list(user, q);
  }
}
