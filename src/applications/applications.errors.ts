import { DomainError } from '../common/domain-error.js';

export const duplicateApplication = () =>
  new DomainError(409, 'DUPLICATE_APPLICATION', 'You have already applied to this vacancy.');

export const ak1Required = () =>
  new DomainError(
    422,
    'AK1_REQUIRED',
    'This vacancy requires an active AK1 card. Request one from the labour office first.',
  );

export const seekerPlacedCannotApply = () =>
  new DomainError(
    422,
    'SEEKER_ALREADY_PLACED',
    'You are recorded as placed in a job; register again by requesting a new AK1 card to apply.',
  );
