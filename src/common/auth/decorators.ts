import { createParamDecorator, SetMetadata, UseGuards, applyDecorators, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiError, ApiErrors, ApiNoAuth } from '../http/api-responses.js';
import type { AuthUser, Role } from './auth-user.js';
import { VerifiedEmployerGuard } from './verified-employer.guard.js';

export const IS_PUBLIC = 'ak1:isPublic';
export const ROLES_KEY = 'ak1:roles';

/** The route needs no token (in the OpenAPI document: `security: []`). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiNoAuth());

/** Only these roles may call the route (403 FORBIDDEN otherwise). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(), ApiErrors(401, 403));

/** Employer staff whose company is VERIFIED (403 EMPLOYER_NOT_VERIFIED otherwise). */
export const VerifiedEmployer = () =>
  applyDecorators(
    Roles('employer'),
    UseGuards(VerifiedEmployerGuard),
    ApiError(403, 'EMPLOYER_NOT_VERIFIED: your company is not (or no longer) VERIFIED'),
  );

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
