import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError, forbidden } from '../domain-error.js';
import { PreparedStatements } from '../../database/prepared-statements.js';
import type { AuthUser } from './auth-user.js';

export const employerNotVerified = () =>
  new DomainError(
    403,
    'EMPLOYER_NOT_VERIFIED',
    'Your company must be verified by the labour office before it can do this.',
  );

/**
 * Lets through only staff of a VERIFIED employer. The status is read from the database on every
 * request, so a suspension takes effect at once rather than when the token expires. A prepared statement
 * on MySQL (see PreparedStatements): every employer request runs it, a hire included.
 */
@Injectable()
export class VerifiedEmployerGuard implements CanActivate {
  constructor(private readonly statements: PreparedStatements) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user || user.role !== 'employer' || !user.employerId) throw forbidden();
    const rows = await this.statements.execute<{ status: string }>('SELECT status FROM employers WHERE id = ?', [
      user.employerId,
    ]);
    if (rows[0]?.status !== 'VERIFIED') {
      throw employerNotVerified();
    }
    return true;
  }
}
