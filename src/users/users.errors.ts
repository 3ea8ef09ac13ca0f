import { DomainError } from '../common/domain-error.js';

export const duplicateEmail = () =>
  new DomainError(409, 'DUPLICATE_EMAIL', 'An account with this email address already exists.');

export const emailNotVerified = () =>
  new DomainError(
    403,
    'EMAIL_NOT_VERIFIED',
    'Please verify your email address first (POST /auth/email-verification sends the link).',
  );
