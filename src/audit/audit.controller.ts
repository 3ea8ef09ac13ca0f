import { Controller, Get, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOperation, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditQuery } from './dto/audit-query.dto.js';
import { AuditEventPage } from './dto/audit-event.reply.js';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @CsvExport()
  @Roles('officer')
  @ApiOperation({ summary: 'Who changed what, when (append-only trail)' })
  @ApiOkResponse({ type: AuditEventPage })
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery) {
    return this.audit.list(user, q);
  }
}
