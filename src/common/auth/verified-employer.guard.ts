import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, forbidden } from '../domain-error.js';
import type { AuthUser } from './auth-user.js';

export const employerNotVerified = () =>
  new DomainError(
    403,
    'EMPLOYER_NOT_VERIFIED',
    'Your company must be verified by the labour office before it can do this.',
  );

/**
 * Lets through only staff of a VERIFIED employer. The status is read from the database on every
 * request, so a suspension takes effect at once rather than when the token expires.
 */
@Injectable()
export class VerifiedEmployerGuard implements CanActivate {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user || user.role !== 'employer' || !user.employerId) throw forbidden();
    const rows: { status: string }[] = await this.ds.query('SELECT status FROM employers WHERE id = ?', [
      user.employerId,
    ]);
    if (rows[0]?.status !== 'VERIFIED') {
      throw employerNotVerified();
    }
    return true;
  }
}
