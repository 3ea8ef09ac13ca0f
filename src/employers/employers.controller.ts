import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CreateStaffDto } from '../auth/dto/auth.dto.js';
import { EmployerListQuery, ReasonDto } from './dto/employer.dto.js';
import { EmployersService } from './employers.service.js';

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Get()
  @CsvExport()
  @Roles('officer')
  @ApiOperation({ summary: 'List and search employers (officer)' })
  list(@Query() q: EmployerListQuery) {
    return this.employers.list(q);
  }

  @Get('me/staff')
  @CsvExport()
  @Roles('employer')
  @ApiOperation({ summary: "Your company's HR accounts: [{ id, email, fullName }]" })
  @ApiOkResponse({ description: 'the staff of your own company only, by name', schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, email: { type: 'string' }, fullName: { type: 'string' } } } } })
  listStaff(@CurrentUser() user: AuthUser) {
    return this.employers.listStaff(user);
  }

  @Post('me/staff')
  @Roles('employer')
  @ApiOperation({ summary: 'Add another HR user to your company' })
  addStaff(@CurrentUser() user: AuthUser, @Body() dto: CreateStaffDto) {
    return this.employers.addStaff(user, dto);
  }

  @Get(':id')
  @Roles('officer', 'employer')
  @ApiOperation({ summary: 'One employer (officer, or staff of that employer)' })
  get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.employers.get(user, id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Verify a PENDING employer' })
  verify(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.employers.verify(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Reject a PENDING employer with a reason' })
  reject(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: ReasonDto) {
    return this.employers.reject(user, id, dto.reason);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Suspend a VERIFIED employer; its vacancies leave public search' })
  suspend(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: ReasonDto) {
    return this.employers.suspend(user, id, dto.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Reinstate a SUSPENDED employer' })
  reinstate(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.employers.reinstate(user, id);
  }
}
