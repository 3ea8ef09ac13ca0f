import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public, Roles } from '../common/auth/decorators.js';
import { ApiError } from '../common/http/api-responses.js';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ReferenceQuery } from './dto/reference.dto.js';
import { ReferenceLoadReply, ReferencePage } from './dto/reference.reply.js';
import { ReferenceCodes } from './reference-codes.service.js';
import { REFERENCE_LISTS } from './reference-lists.js';

const LIST_PARAM = { name: 'list', enum: REFERENCE_LISTS, description: 'Which code list' };

@ApiTags('reference')
@Controller('reference')
export class ReferenceController {
  constructor(private readonly codes: ReferenceCodes) {}

  @Get(':list')
  @CsvExport()
  @Public()
  @ApiParam(LIST_PARAM)
  @ApiOperation({ summary: 'Codes of a reference list in file order; `q` searches code or label (the pickers)' })
  @ApiOkResponse({ type: ReferencePage })
  @ApiError(404, 'NOT_FOUND: no such list')
  list(@Param('list') list: string, @Query() query: ReferenceQuery) {
    return this.codes.search(list, query);
  }

  @Put(':list')
  @Roles('officer')
  @ApiParam(LIST_PARAM)
  @ApiConsumes('text/csv', 'text/plain')
  @ApiBody({ schema: { type: 'string', example: 'code,label,majorGroup\n8344,Operator forklift,8\n' } })
  @ApiOperation({
    summary:
      'Load a newer list (CSV with the shipped header, docs/reports.md): its codes become the active ones; codes it leaves out stay, inactive',
  })
  @ApiOkResponse({ type: ReferenceLoadReply })
  @ApiError(400, 'VALIDATION_FAILED: the file is refused; the message and details name the line')
  @ApiError(404, 'NOT_FOUND: no such list')
  @ApiError(415, 'UNSUPPORTED_MEDIA_TYPE: send the file as text/csv')
  replace(@CurrentUser() user: AuthUser, @Param('list') list: string, @Body() body: unknown) {
    return this.codes.replace(user, list, body);
  }
}
