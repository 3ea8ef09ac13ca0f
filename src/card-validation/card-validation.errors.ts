import { DomainError, rateLimited } from '../common/domain-error.js';

export const validationRateLimited = (retryAfter: number) =>
  rateLimited(
    'VALIDATION_RATE_LIMITED',
    'Your company has run too many card validations this minute. Please wait and try again.',
    retryAfter,
  );

export const cardCheckLocked = (retryAfter: number) =>
  rateLimited(
    'CARD_CHECK_LOCKED',
    'Your company has given too many wrong NIKs for this card number. Checks of this number are paused: ask the holder to show their card or its QR code, and try again later.',
    retryAfter,
  );

export const invalidCredential = () =>
  new DomainError(400, 'INVALID_CREDENTIAL', 'This is not a card credential signed by the labour office.');

export const credentialExpired = () =>
  new DomainError(422, 'CREDENTIAL_EXPIRED', 'This card credential has expired: ask the holder to show a fresh one.');
