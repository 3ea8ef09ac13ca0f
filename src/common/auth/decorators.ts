import { createParamDecorator, SetMetadata, UseGuards, applyDecorators, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthUser, Role } from './auth-user.js';
import { VerifiedEmployerGuard } from './verified-employer.guard.js';

export const IS_PUBLIC = 'ak1:isPublic';
export const ROLES_KEY = 'ak1:roles';

/** The route needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (403 FORBIDDEN otherwise). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' }),
    ApiForbiddenResponse({ description: 'FORBIDDEN' }),
  );

/** Employer staff whose company is VERIFIED (403 EMPLOYER_NOT_VERIFIED otherwise). */
export const VerifiedEmployer = () =>
  applyDecorators(Roles('employer'), UseGuards(VerifiedEmployerGuard), ApiForbiddenResponse({ description: 'FORBIDDEN or EMPLOYER_NOT_VERIFIED' }));

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
