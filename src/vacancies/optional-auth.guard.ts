import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { AuthUser } from '../common/auth/auth-user.js';

/**
 * For public routes that show more to some callers: a valid token sets the user, a missing or invalid
 * one leaves the caller anonymous (never a 401).
 */
@Injectable()
export class OptionalAuthGuard extends AuthGuard('jwt') {
  override handleRequest<T = AuthUser>(_err: unknown, user: T | false): T {
    return (user || null) as T;
  }
}
