import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CsvExport } from '../common/http/csv.interceptor.js';
import { ApiOkResponse, ApiOperation, ApiTags, ApiCreatedResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CreateStaffDto } from '../auth/dto/auth.dto.js';
import { EmployerListQuery, ReasonDto, UpdateEmployerDto } from './dto/employer.dto.js';
import { EmployersService } from './employers.service.js';
import { ApiError } from '../common/http/api-responses.js';
import { UserReply } from '../users/user.reply.js';
import { EmployerPage, EmployerReply, StaffMemberReply } from './dto/employer.reply.js';

@ApiTags('employers')
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Get()
  @CsvExport()
  @Roles('officer')
  @ApiOperation({ summary: 'List and search employers (officer)' })
  @ApiOkResponse({ type: EmployerPage })
  list(@CurrentUser() user: AuthUser, @Query() q: EmployerListQuery) {
    return this.employers.list(user, q);
  }

  @Get('me/staff')
  @CsvExport()
  @Roles('employer')
  @ApiOperation({ summary: "Your company's HR accounts: [{ id, email, fullName }]" })
  @ApiOkResponse({ type: [StaffMemberReply], description: 'the staff of your own company only, by name' })
  listStaff(@CurrentUser() user: AuthUser) {
    return this.employers.listStaff(user);
  }

  @Post('me/staff')
  @Roles('employer')
  @ApiOperation({ summary: 'Add another HR user to your company' })
  @ApiCreatedResponse({ type: UserReply })
  @ApiError(409, 'DUPLICATE_EMAIL')
  addStaff(@CurrentUser() user: AuthUser, @Body() dto: CreateStaffDto) {
    return this.employers.addStaff(user, dto);
  }

  @Get(':id')
  @Roles('officer', 'employer')
  @ApiOperation({ summary: 'One employer (officer, or staff of that employer)' })
  @ApiOkResponse({ type: EmployerReply })
  @ApiError(404, 'NOT_FOUND: no such employer, or (staff) another company')
  get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.employers.get(user, id);
  }

  @Patch(':id')
  @Roles('officer', 'employer')
  @ApiOperation({
    summary:
      "Change an employer's kind (IPK III/8) or address: officer of its office, or staff of that employer. A new " +
      "regency moves the employer to that city's office (docs/offices.md)",
  })
  @ApiOkResponse({ type: EmployerReply })
  @ApiError(
    400,
    'VALIDATION_FAILED: no field given, kind is not an active code of GET /reference/employer-kinds, or a malformed address/code',
  )
  @ApiError(404, 'NOT_FOUND: no such employer, or (staff) another company')
  update(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: UpdateEmployerDto) {
    return this.employers.update(user, id, dto);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Verify a PENDING employer' })
  @ApiOkResponse({ type: EmployerReply, description: 'VERIFIED, with verifiedAt and verifiedBy' })
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a PENDING employer can be verified')
  verify(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.employers.verify(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Reject a PENDING employer with a reason' })
  @ApiOkResponse({ type: EmployerReply, description: 'REJECTED, with the reason' })
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a PENDING employer can be rejected')
  reject(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: ReasonDto) {
    return this.employers.reject(user, id, dto.reason);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Suspend a VERIFIED employer; its vacancies leave public search' })
  @ApiOkResponse({ type: EmployerReply, description: 'SUSPENDED, with the reason' })
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a VERIFIED employer can be suspended')
  suspend(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: ReasonDto) {
    return this.employers.suspend(user, id, dto.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Reinstate a SUSPENDED employer' })
  @ApiOkResponse({ type: EmployerReply, description: 'VERIFIED again' })
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a SUSPENDED employer can be reinstated')
  reinstate(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.employers.reinstate(user, id);
  }
}
