import { DomainError, rateLimited } from '../common/domain-error.js';

export const duplicateNik = () =>
  new DomainError(409, 'DUPLICATE_NIK', 'A job seeker with this NIK is already registered.');

export const seekerAlreadyPlaced = () =>
  new DomainError(
    409,
    'SEEKER_ALREADY_PLACED',
    'This job seeker has already been placed; a hire cannot be recorded twice.',
  );

export const seekerHasLogin = () =>
  new DomainError(409, 'SEEKER_HAS_LOGIN', 'This job seeker already has a login; a claim code is not needed.');

export const invalidClaimCode = () =>
  new DomainError(
    400,
    'INVALID_CLAIM_CODE',
    'The claim code is not valid: it may be mistyped, used or expired, or the NIK is not the one on the record.',
  );

export const claimFailureLimit = (retryAfter: number) =>
  rateLimited(
    'CLAIM_FAILURE_LIMIT',
    'Too many failed claims from your network. Please wait and try again.',
    retryAfter,
  );
