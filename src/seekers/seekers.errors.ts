import { DomainError } from '../common/domain-error.js';

export const duplicateNik = () =>
  new DomainError(409, 'DUPLICATE_NIK', 'A job seeker with this NIK is already registered.');

export const seekerAlreadyPlaced = () =>
  new DomainError(
    409,
    'SEEKER_ALREADY_PLACED',
    'This job seeker has already been placed; a hire cannot be recorded twice.',
  );
