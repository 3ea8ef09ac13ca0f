import { Controller, Get, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditQuery } from './dto/audit-query.dto.js';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @CsvExport()
  @Roles('officer')
  @ApiOperation({ summary: 'Who changed what, when (append-only trail)' })
  list(@Query() q: AuditQuery) {
    return this.audit.list(q);
  }
}
