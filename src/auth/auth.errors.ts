import { DomainError, rateLimited } from '../common/domain-error.js';

export const invalidCredentials = () =>
  new DomainError(401, 'INVALID_CREDENTIALS', 'The email address or password is not correct.');

export const invalidRefreshToken = () =>
  new DomainError(401, 'INVALID_REFRESH_TOKEN', 'The refresh token is not valid. Please sign in again.');

export const loginLimitPerEmail = (retryAfter: number) =>
  rateLimited(
    'LOGIN_FAILURE_LIMIT_PER_EMAIL',
    'Too many failed sign-ins for this account. Please wait and try again.',
    retryAfter,
  );

export const loginLimitPerAddress = (retryAfter: number) =>
  rateLimited(
    'LOGIN_FAILURE_LIMIT_PER_ADDRESS',
    'Too many failed sign-ins from your network. Please wait and try again.',
    retryAfter,
  );

export const registrationLimit = (retryAfter: number) =>
  rateLimited(
    'REGISTRATION_RATE_LIMIT',
    'Too many registrations from your network. Please wait and try again.',
    retryAfter,
  );

export const invalidResetToken = () =>
  new DomainError(
    400,
    'INVALID_RESET_TOKEN',
    'This password reset link is not valid: it was used, replaced by a newer one, or has expired. Please ask for a new one.',
  );

export const invalidVerificationToken = () =>
  new DomainError(
    400,
    'INVALID_VERIFICATION_TOKEN',
    'This verification link is not valid: it was used, replaced by a newer one, or has expired. Please ask for a new one.',
  );

export const emailVerificationLimit = (retryAfter: number) =>
  rateLimited(
    'EMAIL_VERIFICATION_LIMIT',
    'A verification link was sent several times in the last hour. Please wait and try again.',
    retryAfter,
  );
