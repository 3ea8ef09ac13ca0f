import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { forbidden } from '../domain-error.js';
import type { AuthUser, Role } from './auth-user.js';
import { bearerToken } from './bearer.js';
import { IS_PUBLIC, ROLES_KEY } from './decorators.js';
import { VerifiedTokens } from './verified-tokens.js';

/**
 * Global: every route needs a valid access token unless marked @Public(). The first request with a token
 * goes through passport-jwt (jwt.strategy.ts: HS256 only, our issuer and audience, not expired); later
 * requests with the same token, until it expires, reuse that verdict (verified-tokens.ts, decision 120).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly verified = new VerifiedTokens();

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    if (isPublic) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: { authorization?: unknown }; user?: AuthUser }>();
    const token = bearerToken(req.headers.authorization);
    const known = token === null ? undefined : this.verified.get(token);
    if (known) {
      req.user = known;
      return true;
    }
    const ok = (await super.canActivate(ctx)) as boolean;
    if (ok && token !== null && req.user) this.verified.remember(token, req.user);
    return ok;
  }
}

/** Global: enforces @Roles(...) after authentication. */
@Injectable()
export class RolesGuard {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!roles || roles.length === 0) return true;
    const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user || !roles.includes(user.role)) throw forbidden();
    return true;
  }
}
